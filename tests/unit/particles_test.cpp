// The motes: repeatable, inside their space, moving slowly, and never flickering fast.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>

#include <glm/geometric.hpp>

#include "core/particles.h"

using namespace innerscape::core;

TEST_CASE("the same seed makes the same field, another seed a different one") {
  const glm::vec2 extent{2.0f, 1.0f};
  const auto a = make_particles(50, 7, extent);
  const auto b = make_particles(50, 7, extent);
  const auto c = make_particles(50, 8, extent);
  REQUIRE(a.size() == 50);
  int same_as_c = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].origin == b[i].origin);
    CHECK(a[i].drift == b[i].drift);
    if (a[i].origin == c[i].origin) ++same_as_c;
  }
  CHECK(same_as_c == 0);
  CHECK(make_particles(0, 1, extent).empty());
  CHECK(make_particles(-3, 1, extent).empty());
}

TEST_CASE("motes stay inside their space at any time, wrapping around its edges") {
  const glm::vec2 extent{2.4f, 1.4f};
  const auto field = make_particles(200, 3, extent);
  for (double t : {0.0, 1.0, 60.0, 3600.0, 86400.0 * 30}) {
    for (const Particle& p : field) {
      const glm::vec2 pos = particle_position(p, t, extent);
      CHECK(std::abs(pos.x) <= extent.x);
      CHECK(std::abs(pos.y) <= extent.y);
    }
  }
}

TEST_CASE("motes move, but slowly: under a tenth of a unit a second") {
  const glm::vec2 extent{2.4f, 1.4f};
  const auto field = make_particles(100, 11, extent);
  float total = 0.0f;
  for (const Particle& p : field) {
    const glm::vec2 a = particle_position(p, 100.0, extent);
    const glm::vec2 b = particle_position(p, 101.0, extent);
    const float step = glm::length(b - a);
    if (step < 1.0f) {  // a wrap across the space is not a step
      CHECK(step < 0.1f);
      total += step;
    }
  }
  CHECK(total > 0.0f);
}

TEST_CASE("a mote's light changes gently: far below three changes a second") {
  const auto field = make_particles(20, 5, {1.0f, 1.0f});
  for (const Particle& p : field) {
    // Over a tenth of a second the light moves by at most a few percent of its range.
    for (double t = 0.0; t < 20.0; t += 0.1) {
      CHECK(std::abs(particle_light(p, t + 0.1) - particle_light(p, t)) < 0.05f);
      CHECK(particle_light(p, t) >= 0.0f);
      CHECK(particle_light(p, t) <= 1.0f);
    }
  }
}
