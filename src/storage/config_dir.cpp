// Where Innerscape keeps its settings (the window layout), apart from a person's data.
#include "storage/config_dir.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

namespace innerscape::storage {
namespace {

std::optional<std::string> non_empty_env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

}  // namespace

ConfigDirEnv config_dir_env_from_process() {
  return {.xdg_config_home = non_empty_env("XDG_CONFIG_HOME"), .home = non_empty_env("HOME")};
}

std::filesystem::path resolve_config_dir(const ConfigDirEnv& env) {
  if (env.xdg_config_home) {
    const std::filesystem::path xdg(*env.xdg_config_home);
    if (xdg.is_absolute()) return xdg / "innerscape";  // the spec says to ignore relative values
  }
  if (env.home) return std::filesystem::path(*env.home) / ".config" / "innerscape";
  return {};
}

std::string ensure_config_dir(const std::filesystem::path& dir) {
  if (dir.empty()) return "no place for settings was found (neither HOME nor XDG_CONFIG_HOME is set)";
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_directory(dir, ec)) {
    return dir.string() + " exists but is not a folder";
  }
  std::filesystem::create_directories(dir, ec);
  if (ec) return "could not create " + dir.string() + ": " + ec.message();
  // The layout names the panels a person had open: owner-only, like the data folder.
  if (::chmod(dir.c_str(), S_IRWXU) != 0) return "could not make " + dir.string() + " private: " + std::strerror(errno);
  return {};
}

}  // namespace innerscape::storage
