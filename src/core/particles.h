// Slow motes of light drifting through the inner space; plain data and a pure function of time.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/vec2.hpp>

namespace innerscape::core {

struct Particle {
  glm::vec2 origin{0.0f};  // where it starts, in world units
  glm::vec2 drift{0.0f};   // world units per second
  float sway_phase = 0.0f; // radians; each mote sways on its own beat
  float size = 1.0f;       // relative size, 0.5 .. 1.5
  float brightness = 1.0f; // 0 .. 1
};

// A repeatable field of motes (the same seed gives the same field) spread over [-extent, extent].
std::vector<Particle> make_particles(int count, std::uint32_t seed, glm::vec2 extent);

// Where a mote is at scene time t: it drifts, sways gently, and wraps around inside the extent.
glm::vec2 particle_position(const Particle& particle, double t_s, glm::vec2 extent);

// How bright a mote is at scene time t: a slow twinkle, never faster than once every few seconds.
float particle_light(const Particle& particle, double t_s);

}  // namespace innerscape::core
