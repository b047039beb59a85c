// The data folder: where it is by the XDG rules, and that it is made private.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "storage/data_dir.h"
#include "storage/data_lock.h"
#include "test_tmp.h"

using namespace innerscape;
using namespace innerscape::storage;
namespace fs = std::filesystem;

namespace {
unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}
}  // namespace

TEST_CASE("--data-dir wins over everything") {
  const DataDirEnv env{.xdg_data_home = "/xdg", .home = "/home/a"};
  CHECK(resolve_data_dir(fs::path("/chosen"), env) == "/chosen");
}

TEST_CASE("XDG_DATA_HOME, then HOME") {
  CHECK(resolve_data_dir(std::nullopt, {.xdg_data_home = "/xdg", .home = "/home/a"}) == "/xdg/innerscape");
  CHECK(resolve_data_dir(std::nullopt, {.xdg_data_home = std::nullopt, .home = "/home/a"}) ==
        "/home/a/.local/share/innerscape");
  // A relative XDG_DATA_HOME is invalid by the spec and ignored.
  CHECK(resolve_data_dir(std::nullopt, {.xdg_data_home = "rel/dir", .home = "/home/a"}) ==
        "/home/a/.local/share/innerscape");
  CHECK(resolve_data_dir(std::nullopt, {}).empty());
}

TEST_CASE("the folder is created with its parents and is private (0700)") {
  const fs::path dir = test::fresh_dir("data_dir_new") / "a" / "b";
  ::umask(022);
  CHECK(ensure_private_dir(dir).empty());
  CHECK(fs::is_directory(dir));
  CHECK(mode_of(dir) == 0700);
}

TEST_CASE("an existing folder that is too open is made private") {
  const fs::path dir = test::fresh_dir("data_dir_open");
  ::chmod(dir.c_str(), 0777);
  CHECK(ensure_private_dir(dir).empty());
  CHECK(mode_of(dir) == 0700);
}

TEST_CASE("a file in the way, or no place at all, gets a message that says what to do") {
  const fs::path root = test::fresh_dir("data_dir_file");
  const fs::path file = root / "taken";
  std::ofstream(file) << "not a folder";
  const std::string problem = ensure_private_dir(file);
  CHECK(problem.find("not a folder") != std::string::npos);
  CHECK(problem.find("--data-dir") != std::string::npos);
  CHECK(ensure_private_dir({}).find("--data-dir") != std::string::npos);
  // The file is left as it was.
  std::ifstream in(file);
  std::string text;
  std::getline(in, text);
  CHECK(text == "not a folder");
}

TEST_CASE("one writer at a time: a second lock on a data folder is refused, naming the holder, until the first lets go") {
  const auto dir = innerscape::test::fresh_dir("lock");
  std::string error;
  auto first = innerscape::storage::DataLock::acquire(dir, error);
  REQUIRE_MESSAGE(first != nullptr, error);
  CHECK((std::filesystem::status(dir / innerscape::storage::lock_file_name).permissions() & std::filesystem::perms::others_read) ==
        std::filesystem::perms::none);
  auto second = innerscape::storage::DataLock::acquire(dir, error);
  CHECK(second == nullptr);
  CHECK(error.find("already open") != std::string::npos);
  CHECK(error.find("process " + std::to_string(::getpid())) != std::string::npos);
  first.reset();
  auto third = innerscape::storage::DataLock::acquire(dir, error);
  CHECK(third != nullptr);
}
