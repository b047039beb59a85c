// Easing: parts and the camera arrive at their goal, without overshooting, and snap exactly at the end.
#include <doctest/doctest.h>

#include <glm/geometric.hpp>

#include "core/archetypes.h"
#include "core/edits.h"
#include "core/glide.h"

using namespace innerscape::core;

TEST_CASE("easing approaches steadily and lands exactly") {
  glm::vec2 p{0.0f, 0.0f};
  const glm::vec2 goal{1.0f, -0.5f};
  float last = glm::length(goal - p);
  int steps = 0;
  while (p != goal && steps < 600) {
    p = ease_toward(p, goal, 1.0 / 60.0);
    const float d = glm::length(goal - p);
    CHECK(d < last);  // never overshoots, always closer
    last = d;
    ++steps;
  }
  CHECK(p == goal);
  CHECK(steps < 90);  // under a second and a half at 60 frames a second
}

TEST_CASE("the camera eases its zoom and centre to the goal") {
  const SceneView from{.center = {0.0f, 0.0f}, .zoom = 0.5f, .viewport = {800, 600}};
  const SceneView to{.center = {1.0f, 1.0f}, .zoom = 2.0f, .viewport = {800, 600}};
  SceneView v = from;
  const SceneView half = ease_view(v, to, 0.05);
  CHECK(half.zoom > from.zoom);
  CHECK(half.zoom < to.zoom);
  for (int i = 0; i < 200 && !same_view(v, to); ++i) v = ease_view(v, to, 1.0 / 60.0);
  CHECK(same_view(v, to));
}

TEST_CASE("parts glide after an edit; new parts appear in place; instant skips the motion") {
  InnerSystem s;
  apply_edit(s, add_part(s, blank_part(PartKind::manager, {0.0f, 0.0f}), 0));
  Glide glide;
  std::vector<glm::vec2> shown;
  CHECK_FALSE(advance_glide(glide, s, 0.016, false, shown));
  CHECK(shown[0] == glm::vec2(0.0f));

  apply_edit(s, move_part(s, s.parts[0].id, {1.0f, 0.0f}, 0));
  apply_edit(s, add_part(s, blank_part(PartKind::exile, {0.5f, 0.5f}), 0));
  CHECK(advance_glide(glide, s, 0.016, false, shown));
  CHECK(shown[0].x > 0.0f);
  CHECK(shown[0].x < 1.0f);
  CHECK(shown[1] == glm::vec2(0.5f, 0.5f));  // new: no glide from nowhere

  apply_edit(s, move_part(s, s.parts[0].id, {-1.0f, 0.0f}, 0));
  CHECK_FALSE(advance_glide(glide, s, 0.016, true, shown));
  CHECK(shown[0] == glm::vec2(-1.0f, 0.0f));
}
