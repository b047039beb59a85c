// Runs the real innerscape binary as a person would, capturing what it prints and how it exits.
#include "smoke/run_process.h"

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace innerscape::test {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

ProcessResult run_innerscape(const std::string& args, const std::string& env_prefix) {
  // One folder per test process: ctest runs suites side by side.
  const auto io = fresh_dir("process_io_" + std::to_string(::getpid()));
  const std::string command = env_prefix + (env_prefix.empty() ? "" : " ") + "'" INNERSCAPE_BINARY "' " + args +
                              " >'" + (io / "out").string() + "' 2>'" + (io / "err").string() + "' </dev/null";
  const int status = std::system(command.c_str());
  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(io / "out");
  result.err = slurp(io / "err");
  return result;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path small_map_folder(const std::filesystem::path& root) {
  {
    std::ofstream f(root / "map.json");
    f << R"({"format": "innerscape", "version": 1,
      "parts": [{"id": "1", "name": "Little one", "kind": "exile", "age": 6},
                {"id": "2", "name": "Sunny", "kind": "manager", "needs_to_hear": "You are enough."}],
      "relationships": [{"from": "2", "to": "1", "kind": "protects"}]})";
  }
  const auto dir = root / "data";
  REQUIRE(run_innerscape("--data-dir '" + dir.string() + "' import '" + (root / "map.json").string() + "'").exit_code == 0);
  return dir;
}

}  // namespace innerscape::test
