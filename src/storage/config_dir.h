// Where Innerscape keeps its settings (the window layout), apart from a person's data.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace innerscape::storage {

// The environment that decides the folder, passed in so the rule is a pure function.
struct ConfigDirEnv {
  std::optional<std::string> xdg_config_home;  // $XDG_CONFIG_HOME
  std::optional<std::string> home;             // $HOME
};

ConfigDirEnv config_dir_env_from_process();

// $XDG_CONFIG_HOME/innerscape (when absolute, as the XDG spec asks); else ~/.config/innerscape.
// Empty when neither is set: then nothing is kept (never the working folder).
std::filesystem::path resolve_config_dir(const ConfigDirEnv& env);

// The file ImGui keeps the window layout in, inside the config folder.
inline constexpr const char* imgui_ini_name = "imgui.ini";

// Creates the folder (and its parents) and makes it 0700. Returns an empty string on success,
// otherwise a message saying what went wrong.
std::string ensure_config_dir(const std::filesystem::path& dir);

}  // namespace innerscape::storage
