// Soft tones for the breathing guide, synthesized: a gentle sine with a slow attack and a long fade.
#include "core/tone.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace innerscape::core {

std::vector<float> soft_tone(double frequency, double seconds, float volume, int sample_rate) {
  const auto n = static_cast<std::size_t>(std::max(0.0, seconds) * sample_rate);
  std::vector<float> out(n);
  const double attack = 0.04;  // seconds: soft enough to never click
  const float peak = std::clamp(volume, 0.0f, 1.0f);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / sample_rate;
    const double rise = std::min(t / attack, 1.0);
    const double fall = std::exp(-4.0 * t / std::max(seconds, 1e-6));   // a bell-like fade
    const double tail = std::min((seconds - t) / attack, 1.0);           // and silence at the very end
    const double partial = 0.8 * std::sin(2.0 * std::numbers::pi * frequency * t) + 0.2 * std::sin(4.0 * std::numbers::pi * frequency * t);
    out[i] = static_cast<float>(peak * rise * fall * std::max(tail, 0.0) * partial);
  }
  return out;
}

double phase_tone_frequency(BreathPhase phase) {
  switch (phase) {
    case BreathPhase::inhale: return 528.0;
    case BreathPhase::exhale: return 396.0;
    case BreathPhase::hold_in:
    case BreathPhase::hold_out: return 440.0;
  }
  return 440.0;
}

}  // namespace innerscape::core
