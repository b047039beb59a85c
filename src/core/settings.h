// The person's own choices that outlive a session, as plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace innerscape::core {

inline constexpr int max_idle_lock_minutes = 24 * 60;
// A crisis contact is one line: a name and a number, a line's name, a few words.
inline constexpr std::size_t max_crisis_contact_bytes = 200;

// The overlay's size: the whole UI (text, paddings, rounding) and the text alone, on top of the display's own scale.
inline constexpr int min_ui_scale_percent = 75;
inline constexpr int max_ui_scale_percent = 200;
inline constexpr int min_font_px = 12;  // at 100 %, on a standard display
inline constexpr int max_font_px = 28;
inline constexpr int default_font_px = 17;  // reads comfortably at 96 dpi

// The overlay's colours; the 3D scene keeps its own night sky whichever is chosen.
enum class Theme : std::uint8_t { calm_dark, light };

constexpr std::string_view theme_key(Theme t) { return t == Theme::light ? "light" : "calm_dark"; }
constexpr std::optional<Theme> theme_from_key(std::string_view key) {
  if (key == "calm_dark") return Theme::calm_dark;
  if (key == "light") return Theme::light;
  return std::nullopt;
}

struct Settings {
  bool ambient_motion = true;   // false: a still scene (reduced motion)
  bool ambient_always = false;  // keep moving even when nobody is there (costs power)
  bool welcome_seen = false;    // the welcome words were read and put away
  bool soothing_seeded = false; // the starting soothing words were offered once (an emptied list stays empty)
  bool tones = true;            // soft tones mark the breathing guide's phases
  int volume = 30;              // percent
  int idle_lock_minutes = 15;   // with the passphrase lock on: lock after this long untouched (0: never)
  int ui_scale_percent = 100;   // the whole overlay, min_ui_scale_percent..max_ui_scale_percent
  int font_px = default_font_px;  // the text's size at 100 %, min_font_px..max_font_px
  Theme theme = Theme::calm_dark;
  // Who or where the person turns to in a crisis, in their own words ("Sam 555 0134", a helpline):
  // calm mode shows it. Empty: calm mode says where help is found in general.
  std::string crisis_contact;

  bool operator==(const Settings&) const = default;
};

// Comfort: how this computer shows and sounds Innerscape for the person at it (size, colours,
// motion, sound). Kept in the config folder, apart from the map, so even the lock screen is drawn the
// person's way before a locked map can be read. The rest stays with the map: what it has been through
// (welcome_seen, soothing_seeded) and the lock's idle time, which guards that map.
constexpr void take_comfort(Settings& into, const Settings& from) {
  into.ambient_motion = from.ambient_motion;
  into.ambient_always = from.ambient_always;
  into.tones = from.tones;
  into.volume = from.volume;
  into.ui_scale_percent = from.ui_scale_percent;
  into.font_px = from.font_px;
  into.theme = from.theme;
}
constexpr bool same_comfort(const Settings& a, const Settings& b) {
  Settings only_a = b;
  take_comfort(only_a, a);
  return only_a == b;
}

// A crisis contact as it is kept: one line (line breaks and tabs become spaces, other control
// characters go), trimmed, at most max_crisis_contact_bytes without cutting a character in two.
std::string tidy_crisis_contact(std::string_view typed);

// The overlay's scale: the display's own (1 on a standard display, 2 on a high-DPI one) times the person's.
constexpr float ui_scale(const Settings& s, float display_scale) { return display_scale * static_cast<float>(s.ui_scale_percent) / 100.0f; }
// The pixel size the text is rasterized at: sharp at every scale, never stretched.
constexpr float font_pixels(const Settings& s, float display_scale) { return static_cast<float>(s.font_px) * ui_scale(s, display_scale); }

}  // namespace innerscape::core
