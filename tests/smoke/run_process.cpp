// Runs the real innerscape binary as a person would, capturing what it prints and how it exits.
#include "smoke/run_process.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
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

}  // namespace innerscape::test
