// Settings as JSON, the one shape both the JSON export's "settings" and the config folder's settings.json use.
#include "storage/settings_json.h"

#include <tuple>
#include <utility>

namespace innerscape::storage {

nlohmann::ordered_json settings_to_json(const core::Settings& s, bool comfort_only) {
  nlohmann::ordered_json j;
  j["ambient_motion"] = s.ambient_motion;
  j["ambient_always"] = s.ambient_always;
  if (!comfort_only) {
    j["welcome_seen"] = s.welcome_seen;
    j["soothing_seeded"] = s.soothing_seeded;
  }
  j["tones"] = s.tones;
  j["volume"] = s.volume;
  if (!comfort_only) j["idle_lock_minutes"] = s.idle_lock_minutes;
  j["ui_scale_percent"] = s.ui_scale_percent;
  j["font_px"] = s.font_px;
  j["theme"] = core::theme_key(s.theme);
  if (!comfort_only) j["crisis_contact"] = s.crisis_contact;
  return j;
}

std::string read_settings(const nlohmann::json& obj, const std::string& where, core::Settings& into) {
  if (!obj.is_object()) return where + ": expected an object";
  core::Settings s = into;
  auto present = [&obj](const char* key) -> const nlohmann::json* {
    const auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
  };
  for (const auto& [key, target] : {std::pair{"ambient_motion", &s.ambient_motion}, std::pair{"ambient_always", &s.ambient_always},
                                    std::pair{"welcome_seen", &s.welcome_seen}, std::pair{"soothing_seeded", &s.soothing_seeded},
                                    std::pair{"tones", &s.tones}}) {
    if (const nlohmann::json* v = present(key)) {
      if (!v->is_boolean()) return where + "." + key + ": expected true or false";
      *target = v->get<bool>();
    }
  }
  for (const auto& [key, target, lo, hi] :
       {std::tuple{"volume", &s.volume, 0, 100}, std::tuple{"idle_lock_minutes", &s.idle_lock_minutes, 0, core::max_idle_lock_minutes},
        std::tuple{"ui_scale_percent", &s.ui_scale_percent, core::min_ui_scale_percent, core::max_ui_scale_percent},
        std::tuple{"font_px", &s.font_px, core::min_font_px, core::max_font_px}}) {
    const nlohmann::json* v = present(key);
    if (v == nullptr) continue;
    const bool in_range = v->is_number_integer() && !(v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(hi)) &&
                          v->get<long long>() >= lo && v->get<long long>() <= hi;
    if (!in_range) return where + "." + key + ": expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    *target = static_cast<int>(v->get<long long>());
  }
  if (const nlohmann::json* v = present("theme")) {
    const auto chosen = v->is_string() ? core::theme_from_key(v->get<std::string>()) : std::nullopt;
    if (!chosen) return where + ".theme: expected calm_dark or light";
    s.theme = *chosen;
  }
  if (const nlohmann::json* v = present("crisis_contact")) {
    if (!v->is_string()) return where + ".crisis_contact: expected text (a name and a number, say)";
    const std::string& text = v->get_ref<const std::string&>();
    if (text.size() > core::max_crisis_contact_bytes || core::tidy_crisis_contact(text) != text) {
      return where + ".crisis_contact: expected one line of at most " + std::to_string(core::max_crisis_contact_bytes) +
             " bytes, with no control characters";
    }
    s.crisis_contact = text;
  }
  into = s;
  return {};
}

}  // namespace innerscape::storage
