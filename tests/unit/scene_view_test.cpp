// The camera's maths: the Self at the centre, round trips between world and screen, zoom.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>

#include <glm/vec4.hpp>

#include "core/scene_view.h"

using namespace innerscape::core;

TEST_CASE("the world's origin sits at the middle of the screen") {
  const SceneView view{.viewport = {1280, 720}};
  const glm::vec2 s = world_to_screen(view, {0.0f, 0.0f});
  CHECK(s.x == doctest::Approx(640.0f));
  CHECK(s.y == doctest::Approx(360.0f));
}

TEST_CASE("up in the world is up on the screen, and the height spans two units at zoom 1") {
  const SceneView view{.viewport = {1280, 720}};
  CHECK(world_to_screen(view, {0.0f, 1.0f}).y == doctest::Approx(0.0f));
  CHECK(world_to_screen(view, {0.0f, -1.0f}).y == doctest::Approx(720.0f));
  const glm::vec2 half = visible_half_extent(view);
  CHECK(half.y == doctest::Approx(1.0f));
  CHECK(half.x == doctest::Approx(1280.0f / 720.0f));
}

TEST_CASE("screen and world round-trip, panned and zoomed") {
  const SceneView view{.center = {0.3f, -0.7f}, .zoom = 2.5f, .viewport = {800, 600}};
  for (glm::vec2 p : {glm::vec2(0.0f), glm::vec2(0.25f, 0.1f), glm::vec2(-0.4f, -0.9f)}) {
    const glm::vec2 back = screen_to_world(view, world_to_screen(view, p));
    CHECK(back.x == doctest::Approx(p.x));
    CHECK(back.y == doctest::Approx(p.y));
  }
  CHECK(pixels_per_unit(view) == doctest::Approx(750.0f));
}

TEST_CASE("the projection puts the visible edges on clip space's edges") {
  const SceneView view{.center = {1.0f, 2.0f}, .zoom = 0.5f, .viewport = {400, 200}};
  const glm::vec2 half = visible_half_extent(view);
  const glm::vec4 right_top = view_projection(view) * glm::vec4(view.center + half, 0.0f, 1.0f);
  CHECK(right_top.x == doctest::Approx(1.0f));
  CHECK(right_top.y == doctest::Approx(1.0f));
  const glm::vec4 middle = view_projection(view) * glm::vec4(view.center, 0.0f, 1.0f);
  CHECK(middle.x == doctest::Approx(0.0f));
  CHECK(middle.y == doctest::Approx(0.0f));
}

TEST_CASE("a degenerate viewport or zoom does not divide by zero") {
  const SceneView view{.zoom = 0.0f, .viewport = {0, 0}};
  const glm::vec2 half = visible_half_extent(view);
  CHECK(std::isfinite(half.x));
  CHECK(std::isfinite(half.y));
}

TEST_CASE("dragging moves the world with the pointer") {
  SceneView view{.viewport = {800, 600}};
  const glm::vec2 before = world_to_screen(view, {0.2f, 0.3f});
  pan_by_pixels(view, {40.0f, -25.0f});
  const glm::vec2 after = world_to_screen(view, {0.2f, 0.3f});
  CHECK(after.x == doctest::Approx(before.x + 40.0f));
  CHECK(after.y == doctest::Approx(before.y - 25.0f));
}

TEST_CASE("zooming keeps the point under the pointer in place, within the limits") {
  SceneView view{.center = {0.1f, 0.0f}, .viewport = {800, 600}};
  const glm::vec2 cursor{620.0f, 150.0f};
  const glm::vec2 anchor = screen_to_world(view, cursor);
  zoom_about(view, cursor, 1.5f);
  CHECK(view.zoom == doctest::Approx(1.5f));
  const glm::vec2 still = screen_to_world(view, cursor);
  CHECK(still.x == doctest::Approx(anchor.x));
  CHECK(still.y == doctest::Approx(anchor.y));

  zoom_about(view, cursor, 1000.0f);
  CHECK(view.zoom == doctest::Approx(max_zoom));
  zoom_about(view, cursor, 1.0e-6f);
  CHECK(view.zoom == doctest::Approx(min_zoom));
  zoom_about(view, cursor, 0.0f);  // ignored
  CHECK(view.zoom == doctest::Approx(min_zoom));
}

TEST_CASE("framing shows every point with a margin, and the Self") {
  const SceneView view{.viewport = {1280, 720}};
  const std::vector<glm::vec2> points = {{-0.8f, 0.1f}, {0.9f, -0.85f}, {0.2f, 0.8f}};
  const SceneView f = framed(view, points, 0.2f);
  const glm::vec2 half = visible_half_extent(f);
  for (glm::vec2 p : points) {
    for (glm::vec2 corner : {p + 0.2f, p - 0.2f}) {
      CHECK(std::abs(corner.x - f.center.x) < half.x);
      CHECK(std::abs(corner.y - f.center.y) < half.y);
    }
  }
  CHECK(f.zoom < 1.0f);  // these points need more than the default view
  const SceneView empty = framed(view, {}, 0.2f);
  CHECK(empty.center == glm::vec2(0.0f));
  CHECK(empty.zoom == 1.0f);
  CHECK(framed(view, {{0.1f, 0.0f}}, 0.1f).zoom <= 1.25f);  // a small system is not magnified
  CHECK(framed(view, {{500.0f, 0.0f}}, 0.1f).zoom == doctest::Approx(min_zoom));
}

TEST_CASE("framing keeps clear of a bar at the bottom of the screen") {
  const SceneView view{.viewport = {1280, 720}};
  const std::vector<glm::vec2> points = {{0.0f, -0.9f}, {0.0f, 0.9f}};
  const SceneView f = framed(view, points, 0.1f, 100.0f);
  // The lowest point's bottom edge stays above the bar.
  CHECK(world_to_screen(f, {0.0f, -1.0f}).y < 720.0f - 100.0f);
  CHECK(world_to_screen(f, {0.0f, 1.0f}).y > 0.0f);
}

TEST_CASE("framing keeps clear of a panel at the left of the screen too") {
  const SceneView view{.viewport = {1280, 720}};
  const std::vector<glm::vec2> points = {{-1.5f, 0.0f}, {1.5f, 0.0f}};
  const SceneView f = framed(view, points, 0.1f, 100.0f, 400.0f);
  CHECK(world_to_screen(f, {-1.6f, 0.0f}).x > 400.0f);  // the leftmost edge is right of the panel
  CHECK(world_to_screen(f, {1.6f, 0.0f}).x < 1280.0f);
  CHECK(world_to_screen(framed(view, points, 0.1f, 100.0f), {-1.6f, 0.0f}).x < 400.0f);  // without it, under the panel
  const SceneView both = framed(view, points, 0.1f, 100.0f, 400.0f, 300.0f);
  CHECK(world_to_screen(both, {-1.6f, 0.0f}).x > 400.0f);
  CHECK(world_to_screen(both, {1.6f, 0.0f}).x < 1280.0f - 300.0f);
}
