// The breathing guide's timeline: a pattern of phases, and a pure function from elapsed time to where
// in the breath one is. Durations are whole tenths of a second, so ten minutes in, the boundaries
// are exactly where the pattern puts them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace innerscape::core {

enum class BreathPhase : std::uint8_t { inhale, hold_in, exhale, hold_out };

struct BreathPattern {
  std::string_view key = "custom";       // a preset's key, or "custom"
  std::array<int, 4> tenths{40, 40, 60, 0};  // inhale, hold, exhale, hold (tenths of a second)

  bool operator==(const BreathPattern&) const = default;
};

struct BreathPreset {
  std::string_view key;
  std::string_view name;
  std::string_view description;
  BreathPattern pattern;
};

// The guide's 4-4-6 first; then box, 4-7-8 and resonant breathing.
std::span<const BreathPreset> breath_presets();

inline constexpr int max_phase_tenths = 200;  // 20 seconds

// Reads "4-4-6" or "4-4-4-4" (seconds, tenths allowed: "5.5-0-5.5"), inhale first. Each phase
// 0 to 20 s, inhale and exhale above zero. Empty on success, else what is wrong with the text.
std::string parse_breath_pattern(std::string_view text, BreathPattern& out);
std::string pattern_text(const BreathPattern& pattern);  // "4-4-6"

struct BreathState {
  BreathPhase phase = BreathPhase::inhale;
  double progress = 0.0;        // 0..1 through the phase
  double seconds_left = 0.0;    // in this phase, for the count
  float amount = 0.0f;          // 0 (empty) .. 1 (full), eased: how full the breath is now
  long cycle = 0;               // how many whole breaths came before
};

BreathState breath_at(const BreathPattern& pattern, double elapsed_s);

// One cycle's length in seconds.
double cycle_seconds(const BreathPattern& pattern);

std::string_view phase_words(BreathPhase phase);  // "Breathe in", "Hold", "Breathe out", "Rest"

// A session as it is remembered: when, which pattern, how long it was meant to be and was.
struct BreathingSession {
  std::int64_t started_at = 0;
  BreathPattern pattern;
  double planned_s = 0.0;
  double actual_s = 0.0;
  bool completed = false;
  bool operator==(const BreathingSession&) const = default;
};

// Minutes breathed on each of the last `days` days (local days are the caller's concern: `now` and
// the day length cut them), oldest first.
std::vector<float> breathing_minutes_per_day(const std::vector<BreathingSession>& log, std::int64_t now, int days);

}  // namespace innerscape::core
