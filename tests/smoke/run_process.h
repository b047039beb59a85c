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

// A file's bytes as they are on disk (empty if it cannot be read).
std::string file_bytes(const std::filesystem::path& path);

// root/data holding a small map (two parts, one relationship, "You are enough." among its words),
// imported through the binary as a person would.
std::filesystem::path small_map_folder(const std::filesystem::path& root);

}  // namespace innerscape::test
