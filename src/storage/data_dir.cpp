// Where a person's data lives, and making that folder private (0700) before anything is written.
#include "storage/data_dir.h"

#include "storage/private_files.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

namespace innerscape::storage {

std::optional<std::string> env_value(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::filesystem::path xdg_app_dir(const std::optional<std::string>& xdg_home, const std::optional<std::string>& home,
                                  const std::filesystem::path& under_home) {
  if (xdg_home) {
    const std::filesystem::path xdg(*xdg_home);
    if (xdg.is_absolute()) return xdg / "innerscape";
  }
  if (home) return std::filesystem::path(*home) / under_home / "innerscape";
  return {};
}

DataDirEnv data_dir_env_from_process() { return {.xdg_data_home = env_value("XDG_DATA_HOME"), .home = env_value("HOME")}; }

std::filesystem::path resolve_data_dir(const std::optional<std::filesystem::path>& override_dir,
                                       const DataDirEnv& env) {
  if (override_dir && !override_dir->empty()) return *override_dir;
  return xdg_app_dir(env.xdg_data_home, env.home, std::filesystem::path(".local") / "share");
}

std::string ensure_private_dir(const std::filesystem::path& dir) {
  if (dir.empty()) {
    return "No place for your data was found (neither HOME nor XDG_DATA_HOME is set). "
           "Start Innerscape with --data-dir DIR to choose a folder.";
  }
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_directory(dir, ec)) {
    return dir.string() + " exists but is not a folder. Move it aside, or choose another with --data-dir DIR.";
  }
  // Only the person may read their inner map: owner-only (0700), with any folder made on the way.
  if (const std::string e = make_private_dir(dir); !e.empty()) {
    return "Could not prepare the data folder: " + e +
           ". Check that its parent exists and is yours, or choose another with --data-dir DIR.";
  }
  return {};
}

}  // namespace innerscape::storage
