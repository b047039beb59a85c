// Runs the real innerscape binary as a person would, capturing what it prints and how it exits.
#pragma once

#include <filesystem>
#include <string>

#include "test_tmp.h"

namespace innerscape::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs INNERSCAPE_BINARY with the given shell-quoted arguments (and optional VAR=value prefix).
ProcessResult run_innerscape(const std::string& args, const std::string& env_prefix = {});

}  // namespace innerscape::test
