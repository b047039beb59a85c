// A fresh, empty folder for one test under the build's test tmp (INNERSCAPE_TEST_TMP, set by CTest).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace innerscape::test {

inline std::filesystem::path fresh_dir(const std::string& name) {
  const char* root = std::getenv("INNERSCAPE_TEST_TMP");
  auto dir = std::filesystem::path(root != nullptr ? root : std::filesystem::temp_directory_path().string()) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace innerscape::test
