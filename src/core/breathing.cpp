// The breathing guide's timeline: a pattern of phases, and a pure function from elapsed time to the breath.
#include "core/breathing.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace innerscape::core {
namespace {

constexpr std::array presets = {
    BreathPreset{"guide_446", "4-4-6, the guide's breath",
                 "In through the nose for 4, hold for 4, out through the mouth for 6. The belly rises.",
                 {"guide_446", {40, 40, 60, 0}}},
    BreathPreset{"box", "Box breathing", "Four even sides: in, hold, out, hold, 4 each.", {"box", {40, 40, 40, 40}}},
    BreathPreset{"478", "4-7-8", "In for 4, hold for 7, a long out-breath for 8.", {"478", {40, 70, 80, 0}}},
    BreathPreset{"resonant", "Resonant", "Slow and even, about five and a half seconds each way.", {"resonant", {55, 0, 55, 0}}},
};

float smooth(double t) {
  const double c = std::clamp(t, 0.0, 1.0);
  return static_cast<float>(c * c * (3.0 - 2.0 * c));
}

}  // namespace

std::span<const BreathPreset> breath_presets() { return presets; }

double cycle_seconds(const BreathPattern& p) { return static_cast<double>(p.tenths[0] + p.tenths[1] + p.tenths[2] + p.tenths[3]) / 10.0; }

std::string parse_breath_pattern(std::string_view text, BreathPattern& out) {
  BreathPattern p{"custom", {0, 0, 0, 0}};
  int count = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t dash = text.find('-', start);
    const std::string_view piece = text.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
    if (count == 4) return "a pattern has at most four phases: in, hold, out, hold";
    double seconds = 0.0;
    const auto [end, ec] = std::from_chars(piece.data(), piece.data() + piece.size(), seconds);
    if (piece.empty() || ec != std::errc() || end != piece.data() + piece.size() || !std::isfinite(seconds)) {
      return "'" + std::string(piece) + "' is not a number of seconds";
    }
    const double tenths = seconds * 10.0;
    if (tenths < 0.0 || tenths > max_phase_tenths) return "each phase is 0 to 20 seconds";
    if (std::abs(tenths - std::round(tenths)) > 1e-6) return "phases are counted in tenths of a second";
    p.tenths[static_cast<std::size_t>(count++)] = static_cast<int>(std::lround(tenths));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  if (count < 3) return "write at least in, hold and out, as in 4-4-6";
  if (p.tenths[0] == 0 || p.tenths[2] == 0) return "breathing in and out each need some time";
  for (const BreathPreset& preset : presets) {
    if (preset.pattern.tenths == p.tenths) p.key = preset.key;
  }
  out = p;
  return {};
}

std::string pattern_text(const BreathPattern& p) {
  std::string out;
  const int phases = p.tenths[3] == 0 ? 3 : 4;
  for (int i = 0; i < phases; ++i) {
    const int t = p.tenths[static_cast<std::size_t>(i)];
    out += (i ? "-" : "") + std::to_string(t / 10) + (t % 10 != 0 ? "." + std::to_string(t % 10) : "");
  }
  return out;
}

BreathState breath_at(const BreathPattern& p, double elapsed_s) {
  BreathState s;
  const long cycle_tenths = p.tenths[0] + p.tenths[1] + p.tenths[2] + p.tenths[3];
  if (cycle_tenths <= 0) return s;
  // Whole tenths are counted exactly in integers; only the part within one tenth is fractional.
  const double tenths_elapsed = std::max(elapsed_s, 0.0) * 10.0;
  const auto whole = static_cast<long>(std::floor(tenths_elapsed + 1e-9));
  const double fraction = std::max(tenths_elapsed - static_cast<double>(whole), 0.0);
  s.cycle = whole / cycle_tenths;
  long into = whole % cycle_tenths;
  int phase = 0;
  while (phase < 3 && into >= p.tenths[static_cast<std::size_t>(phase)]) into -= p.tenths[static_cast<std::size_t>(phase++)];
  const int length = p.tenths[static_cast<std::size_t>(phase)];
  s.phase = static_cast<BreathPhase>(phase);
  s.progress = length > 0 ? (static_cast<double>(into) + fraction) / static_cast<double>(length) : 1.0;
  s.seconds_left = (static_cast<double>(length - into) - fraction) / 10.0;
  switch (s.phase) {
    case BreathPhase::inhale: s.amount = smooth(s.progress); break;
    case BreathPhase::hold_in: s.amount = 1.0f; break;
    case BreathPhase::exhale: s.amount = 1.0f - smooth(s.progress); break;
    case BreathPhase::hold_out: s.amount = 0.0f; break;
  }
  return s;
}

std::vector<float> breathing_minutes_per_day(const std::vector<BreathingSession>& log, std::int64_t now, int days) {
  std::vector<float> out(static_cast<std::size_t>(std::max(days, 0)), 0.0f);
  constexpr std::int64_t day = 24 * 60 * 60;
  for (const BreathingSession& s : log) {
    if (s.started_at > now) continue;
    const std::int64_t ago = now / day - s.started_at / day;
    if (ago >= days) continue;
    out[static_cast<std::size_t>(days - 1 - ago)] += static_cast<float>(s.actual_s / 60.0);
  }
  return out;
}

std::string_view phase_words(BreathPhase phase) {
  switch (phase) {
    case BreathPhase::inhale: return "Breathe in";
    case BreathPhase::hold_in: return "Hold";
    case BreathPhase::exhale: return "Breathe out";
    case BreathPhase::hold_out: return "Rest";
  }
  return "";
}

}  // namespace innerscape::core
