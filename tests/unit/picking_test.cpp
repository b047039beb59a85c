// Hit tests: the front-most part under the pointer, lines near it, at several zooms and window sizes.
#include <doctest/doctest.h>

#include <initializer_list>

#include "core/archetypes.h"
#include "core/edits.h"
#include "core/picking.h"
#include "core/scene_view.h"

using namespace innerscape::core;

namespace {
InnerSystem two_overlapping() {
  InnerSystem s;
  Part deep = blank_part(PartKind::exile, {0.5f, 0.0f});
  deep.depth = 1.0f;
  Part near = blank_part(PartKind::manager, {0.52f, 0.0f});
  near.depth = 0.0f;
  apply_edit(s, add_part(s, near, 0));  // added first, but nearer: drawn in front all the same
  apply_edit(s, add_part(s, deep, 0));
  return s;
}
}  // namespace

TEST_CASE("deeper parts are drawn first, so nearer ones cover them") {
  const InnerSystem s = two_overlapping();
  const auto order = draw_order(s);
  REQUIRE(order.size() == 2);
  CHECK(s.parts[order.front()].kind == PartKind::exile);
}

TEST_CASE("the front-most part under the point is picked; empty space picks none") {
  const InnerSystem s = two_overlapping();
  CHECK(find_part(s, pick_part(s, {0.51f, 0.0f}))->kind == PartKind::manager);
  CHECK(pick_part(s, {-0.5f, 0.5f}) == 0);
  // Just outside a part's form, slack lets a finger or a shaky hand still reach it.
  const Part& near = *find_part(s, pick_part(s, {0.52f, 0.0f}));
  const glm::vec2 outside = near.position + glm::vec2(part_radius(near) + 0.01f, 0.0f);
  CHECK(pick_part(s, outside) == 0);
  CHECK(pick_part(s, outside, 0.02f) == near.id);
}

TEST_CASE("picking through the camera works at several zooms and window sizes") {
  InnerSystem s;
  apply_edit(s, add_part(s, blank_part(PartKind::firefighter, {0.3f, -0.2f}), 0));
  const PartId id = s.parts.back().id;
  for (glm::ivec2 size : {glm::ivec2(1280, 720), glm::ivec2(640, 480), glm::ivec2(3840, 2160)}) {
    for (float zoom : {0.5f, 1.0f, 3.0f}) {
      const SceneView view{.center = {0.1f, 0.1f}, .zoom = zoom, .viewport = size};
      const glm::vec2 px = world_to_screen(view, {0.3f, -0.2f});
      CHECK(pick_part(s, screen_to_world(view, px)) == id);
      CHECK(pick_part(s, screen_to_world(view, px + glm::vec2(0.0f, 200.0f * zoom))) == 0);
    }
  }
}

TEST_CASE("a line is picked near its segment, not beyond its ends") {
  InnerSystem s;
  apply_edit(s, add_part(s, blank_part(PartKind::manager, {-0.5f, 0.0f}), 0));
  apply_edit(s, add_part(s, blank_part(PartKind::exile, {0.5f, 0.0f}), 0));
  apply_edit(s, relate(s, s.parts[0].id, s.parts[1].id, RelationKind::protects));
  CHECK(pick_relationship(s, {0.0f, 0.01f}, 0.02f) == std::optional<std::size_t>(0));
  CHECK_FALSE(pick_relationship(s, {0.0f, 0.05f}, 0.02f).has_value());
  CHECK_FALSE(pick_relationship(s, {0.7f, 0.0f}, 0.02f).has_value());
  CHECK(distance_to_segment({0.0f, 1.0f}, {-1.0f, 0.0f}, {1.0f, 0.0f}) == doctest::Approx(1.0f));
  CHECK(distance_to_segment({2.0f, 0.0f}, {-1.0f, 0.0f}, {1.0f, 0.0f}) == doctest::Approx(1.0f));
  CHECK(distance_to_segment({0.3f, 0.4f}, {0.0f, 0.0f}, {0.0f, 0.0f}) == doctest::Approx(0.5f));
}

TEST_CASE("a part over the Self is blended; moved away it is not") {
  Part p = blank_part(PartKind::firefighter, {0.02f, 0.0f});
  CHECK(is_blended(p));
  p.position = {0.6f, 0.0f};
  CHECK_FALSE(is_blended(p));
  CHECK(hits_self({0.05f, 0.05f}));
  CHECK_FALSE(hits_self({0.5f, 0.0f}));
}
