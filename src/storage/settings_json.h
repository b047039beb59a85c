// Settings as JSON, the one shape both the JSON export's "settings" and the config folder's
// settings.json use: {"ambient_motion": true, "volume": 30, "theme": "calm_dark", ...}.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/settings.h"

namespace innerscape::storage {

// Every setting, or with `comfort_only` just this computer's comfort (core::take_comfort's fields).
nlohmann::ordered_json settings_to_json(const core::Settings& settings, bool comfort_only = false);

// Reads the settings present in `obj` into `into`, leaving the absent ones as they are. A value of
// the wrong kind or out of range is an error naming where (`where`.key), and `into` is unchanged.
std::string read_settings(const nlohmann::json& obj, const std::string& where, core::Settings& into);

}  // namespace innerscape::storage
