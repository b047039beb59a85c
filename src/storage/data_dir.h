// Where a person's data lives, and making that folder private (0700) before anything is written.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace innerscape::storage {

// The environment that decides the folder, passed in so the rule is a pure function.
struct DataDirEnv {
  std::optional<std::string> xdg_data_home;  // $XDG_DATA_HOME
  std::optional<std::string> home;           // $HOME
};

DataDirEnv data_dir_env_from_process();

// An environment variable's value; nothing when it is unset or empty.
std::optional<std::string> env_value(const char* name);

// The XDG rule for one of Innerscape's folders: $XDG_..._HOME/innerscape when that is absolute (the
// spec ignores relative values), else $HOME/`under_home`/innerscape; empty when neither is known.
std::filesystem::path xdg_app_dir(const std::optional<std::string>& xdg_home, const std::optional<std::string>& home,
                                  const std::filesystem::path& under_home);

// --data-dir wins; else $XDG_DATA_HOME/innerscape (when absolute, as the XDG spec asks);
// else ~/.local/share/innerscape. Empty when none can be found (no HOME at all).
std::filesystem::path resolve_data_dir(const std::optional<std::filesystem::path>& override_dir,
                                       const DataDirEnv& env);

// Creates the folder (and its parents) and makes it 0700. Returns an empty string on success,
// otherwise a message that says what went wrong and what the person can do.
std::string ensure_private_dir(const std::filesystem::path& dir);

}  // namespace innerscape::storage
