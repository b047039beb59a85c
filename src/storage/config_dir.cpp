// Where Innerscape keeps its settings (the window layout), apart from a person's data.
#include "storage/config_dir.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "storage/data_dir.h"
#include "storage/private_files.h"

namespace innerscape::storage {

ConfigDirEnv config_dir_env_from_process() { return {.xdg_config_home = env_value("XDG_CONFIG_HOME"), .home = env_value("HOME")}; }

std::filesystem::path resolve_config_dir(const ConfigDirEnv& env) { return xdg_app_dir(env.xdg_config_home, env.home, ".config"); }

std::string ensure_config_dir(const std::filesystem::path& dir) {
  if (dir.empty()) return "no place for settings was found (neither HOME nor XDG_CONFIG_HOME is set)";
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_directory(dir, ec)) {
    return dir.string() + " exists but is not a folder";
  }
  // The layout names the panels a person had open: owner-only, like the data folder.
  if (const std::string e = make_private_dir(dir); !e.empty()) return e;
  return {};
}

}  // namespace innerscape::storage
