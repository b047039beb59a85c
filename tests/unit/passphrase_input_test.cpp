// Passphrase files: the whole file is the passphrase, one trailing newline dropped, never empty.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "app/passphrase_input.h"
#include "test_tmp.h"

using namespace innerscape;

namespace {
std::string read(const std::string& text, std::string& error) {
  storage::Passphrase out;
  error = app::passphrase_from_text(text, out);
  return std::string(out.view());
}
}  // namespace

TEST_CASE("a passphrase file's text: one trailing newline dropped, everything else kept") {
  std::string error;
  CHECK(read("sea glass\n", error) == "sea glass");
  CHECK(error.empty());
  CHECK(read("sea glass", error) == "sea glass");
  CHECK(read("sea glass\r\n", error) == "sea glass");
  CHECK(read("sea glass\n\n", error) == "sea glass\n");   // only one
  CHECK(read("  spaces count  \n", error) == "  spaces count  ");
  CHECK(read("two\nlines\n", error) == "two\nlines");
  CHECK(read("\n", error).empty());
  CHECK(error.find("empty") != std::string::npos);
  CHECK(read("", error).empty());
  CHECK(!error.empty());
}

TEST_CASE("reading a passphrase file: missing, empty and oversized files are refused with a reason") {
  const auto dir = test::fresh_dir("passphrase_files");
  std::ofstream(dir / "good") << "harbour lights\n";
  std::ofstream(dir / "empty") << "";
  std::ofstream(dir / "huge") << std::string(5000, 'a');
  storage::Passphrase p;
  CHECK(app::read_passphrase_file(dir / "good", p).empty());
  CHECK(p.view() == "harbour lights");
  CHECK(app::read_passphrase_file(dir / "missing", p).find("could not be read") != std::string::npos);
  CHECK(app::read_passphrase_file(dir / "empty", p).find("empty") != std::string::npos);
  CHECK(app::read_passphrase_file(dir / "huge", p).find("4 KiB") != std::string::npos);
}
