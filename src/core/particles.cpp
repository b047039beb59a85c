// Slow motes of light drifting through the inner space; plain data and a pure function of time.
#include "core/particles.h"

#include <cmath>
#include <numbers>

namespace innerscape::core {
namespace {

// A small, fast, well-mixed generator (SplitMix32-style) so fields are identical on every machine.
struct Rng {
  std::uint32_t state;
  std::uint32_t next() {
    std::uint32_t z = (state += 0x9E3779B9u);
    z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
    z = (z ^ (z >> 13)) * 0xC2B2AE35u;
    return z ^ (z >> 16);
  }
  float uniform(float lo, float hi) {
    return lo + (hi - lo) * static_cast<float>(next() >> 8) * (1.0f / 16777216.0f);
  }
};

// Wraps x into [-e, e).
float wrap(double x, float e) {
  const double span = 2.0 * e;
  const double shifted = std::fmod(x + e, span);
  return static_cast<float>((shifted < 0.0 ? shifted + span : shifted) - e);
}

constexpr double twinkle_period_s = 7.0;  // slow on purpose: calm, and far from any flashing rate

}  // namespace

std::vector<Particle> make_particles(int count, std::uint32_t seed, glm::vec2 extent) {
  Rng rng{seed};
  std::vector<Particle> field;
  field.reserve(static_cast<std::size_t>(count > 0 ? count : 0));
  for (int i = 0; i < count; ++i) {
    Particle p;
    p.origin = {rng.uniform(-extent.x, extent.x), rng.uniform(-extent.y, extent.y)};
    // Mostly upward, like warm air: a little sideways, a little up, never fast.
    p.drift = {rng.uniform(-0.012f, 0.012f), rng.uniform(0.006f, 0.028f)};
    p.sway_phase = rng.uniform(0.0f, 2.0f * std::numbers::pi_v<float>);
    p.size = rng.uniform(0.5f, 1.5f);
    p.brightness = rng.uniform(0.35f, 1.0f);
    field.push_back(p);
  }
  return field;
}

glm::vec2 particle_position(const Particle& particle, double t_s, glm::vec2 extent) {
  const double sway = 0.02 * std::sin(0.35 * t_s + particle.sway_phase);
  const double x = particle.origin.x + particle.drift.x * t_s + sway;
  const double y = particle.origin.y + particle.drift.y * t_s;
  return {wrap(x, extent.x), wrap(y, extent.y)};
}

float particle_light(const Particle& particle, double t_s) {
  const double beat = std::sin(2.0 * std::numbers::pi * t_s / twinkle_period_s + particle.sway_phase);
  return particle.brightness * static_cast<float>(0.7 + 0.3 * beat);
}

}  // namespace innerscape::core
