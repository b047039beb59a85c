// settings.json in the config folder: this computer's comfort settings (size, colours, motion, sound),
// readable before a locked map opens, so the lock screen is drawn the person's way too.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/settings.h"

namespace innerscape::storage {

inline constexpr const char* settings_file_name = "settings.json";

struct SettingsFile {
  std::optional<core::Settings> comfort;  // the defaults with the file's comfort settings; none when absent or unreadable
  std::string problem;                    // why a file that is there could not be used (it is left as it is)
};

// Reads `file`. No file: nothing, no problem. A damaged or unreadable one: nothing, and a problem
// that names the file and says the usual settings are used meanwhile.
SettingsFile read_settings_file(const std::filesystem::path& file);

// Writes the comfort part of `settings` to `file` (0600), whole or not at all. Empty on success.
std::string write_settings_file(const std::filesystem::path& file, const core::Settings& settings);

}  // namespace innerscape::storage
