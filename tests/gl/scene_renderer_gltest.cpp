// The scene as shaded: a warm Self at the centre, a dark living background around it.
#include <doctest/doctest.h>

#include <cmath>

#include "gl/gl_context.h"
#include "render/framebuffer.h"
#include "render/scene_renderer.h"

using namespace innerscape;

namespace {

constexpr glm::ivec2 size{160, 90};

core::Image render_scene(render::SceneRenderer& renderer, float glow, double t, glm::vec2 center = {0.0f, 0.0f}) {
  render::Framebuffer fb;
  REQUIRE(fb.create(size));
  fb.bind();
  renderer.render({.view = {.center = center, .viewport = size}, .scene_time_s = t, .self = {.glow = glow}});
  return fb.read_pixels();
}

int luma(const std::array<std::uint8_t, 4>& p) { return (p[0] * 3 + p[1] * 6 + p[2]) / 10; }

using Fixture = test::SceneFixture;

}  // namespace

TEST_CASE_FIXTURE(Fixture, "the Self glows warm and bright at the centre of the screen") {
  const core::Image image = render_scene(renderer, 0.8f, 1.0);
  const auto centre = core::pixel(image, size.x / 2, size.y / 2);
  INFO("centre rgb ", int(centre[0]), " ", int(centre[1]), " ", int(centre[2]));
  CHECK(centre[0] > 220);               // bright
  CHECK(centre[0] > centre[2] + 30);    // warm: more red than blue
  CHECK(renderer.last_stats().draw_calls == 4);  // background, its stretch, motes, Self
}

TEST_CASE_FIXTURE(Fixture, "the corners are the deep night, far darker than the Self") {
  const core::Image image = render_scene(renderer, 0.8f, 1.0);
  const int centre = luma(core::pixel(image, size.x / 2, size.y / 2));
  for (auto [x, y] : {std::pair{2, 2}, std::pair{size.x - 3, 2}, std::pair{2, size.y - 3}, std::pair{size.x - 3, size.y - 3}}) {
    const auto p = core::pixel(image, x, y);
    INFO("corner ", x, ",", y, " rgb ", int(p[0]), " ", int(p[1]), " ", int(p[2]));
    CHECK(luma(p) < 70);
    CHECK(luma(p) < centre / 3);
  }
}

TEST_CASE_FIXTURE(Fixture, "the light falls off from the Self outwards") {
  const core::Image image = render_scene(renderer, 0.8f, 1.0);
  const int y = size.y / 2;
  const int at_centre = luma(core::pixel(image, size.x / 2, y));
  const int near_rim = luma(core::pixel(image, size.x / 2 + 12, y));
  const int far_out = luma(core::pixel(image, size.x / 2 + 40, y));
  CHECK(at_centre > near_rim);
  CHECK(near_rim > far_out);
}

TEST_CASE_FIXTURE(Fixture, "a brighter Self lights more of the scene") {
  const core::Image dim = render_scene(renderer, 0.1f, 1.0);
  const core::Image bright = render_scene(renderer, 1.0f, 1.0);
  long dim_sum = 0, bright_sum = 0;
  for (std::size_t i = 0; i < dim.rgba.size(); i += 4) {
    dim_sum += dim.rgba[i];
    bright_sum += bright.rgba[i];
  }
  CHECK(bright_sum > dim_sum + static_cast<long>(size.x * size.y) * 2);
}

TEST_CASE_FIXTURE(Fixture, "the background is alive: not flat, and it changes with time") {
  const core::Image a = render_scene(renderer, 0.8f, 0.0);
  const core::Image b = render_scene(renderer, 0.8f, 40.0);
  // Away from the Self, the background varies across the screen...
  int lo = 255, hi = 0;
  for (int x = 0; x < size.x; x += 4) {
    const int v = luma(core::pixel(a, x, 8));
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  CHECK(hi - lo >= 4);
  // ...and drifts over time (the motes and the clouds move).
  int changed = 0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    if (std::abs(int(a.rgba[i]) - int(b.rgba[i])) > 2) ++changed;
  }
  CHECK(changed > size.x * size.y / 20);
}

TEST_CASE_FIXTURE(Fixture, "the same time draws the same picture") {
  const core::Image a = render_scene(renderer, 0.8f, 12.5);
  const core::Image b = render_scene(renderer, 0.8f, 12.5);
  CHECK(a.rgba == b.rgba);
}

TEST_CASE_FIXTURE(Fixture, "panning the view moves the Self off centre, the way the camera says") {
  const core::Image image = render_scene(renderer, 0.8f, 1.0, {0.5f, 0.0f});
  // Looking right of the Self puts it left of the middle: 0.5 units * 45 px per unit = 22.5 px.
  const int shifted = luma(core::pixel(image, size.x / 2 - 22, size.y / 2));
  const int middle = luma(core::pixel(image, size.x / 2, size.y / 2));
  CHECK(shifted > middle);
  CHECK(shifted > 180);
}
