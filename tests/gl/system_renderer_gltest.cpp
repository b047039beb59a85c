// Parts and lines as shaded: each kind in its colour and shape at the right pixel, lines between them,
// and the same number of draw calls for ten parts as for a thousand.
#include <doctest/doctest.h>

#include <cmath>

#include "core/archetypes.h"
#include "core/demo_system.h"
#include "core/edits.h"
#include "gl/gl_context.h"
#include "render/framebuffer.h"
#include "render/portrait_atlas.h"
#include "render/scene_renderer.h"

using namespace innerscape;

namespace {

constexpr glm::ivec2 size{320, 180};  // at zoom 1: 90 pixels per world unit, origin at (160, 90)

struct Fixture : test::SceneFixture {
  core::Image draw(const core::InnerSystem& system, core::PartId selected = 0) {
    render::Framebuffer fb;
    REQUIRE(fb.create(size));
    fb.bind();
    renderer.render({.view = {.viewport = size},
                     .scene_time_s = 0.0,
                     .self = system.self,
                     .system = {.system = &system, .selected = selected},
                     .ambient = 0.0f});  // still: no floating, so pixels are exactly where the model says
    return fb.read_pixels();
  }
};

core::PartId add(core::InnerSystem& s, core::PartKind kind, glm::vec2 at, float size_factor = 1.5f) {
  core::Part p = core::blank_part(kind, at);
  p.depth = 0.0f;
  p.size = size_factor;
  p.trust = 0;
  REQUIRE(core::apply_edit(s, core::add_part(s, p, 0)));
  return s.parts.back().id;
}

glm::ivec2 pixel_of(glm::vec2 world) {
  return {static_cast<int>(std::lround(size.x * 0.5f + world.x * size.y * 0.5f)),
          static_cast<int>(std::lround(size.y * 0.5f - world.y * size.y * 0.5f))};
}

// The hue family of a pixel: which of r, g, b leads.
bool reads_as(const std::array<std::uint8_t, 4>& p, std::uint32_t color) {
  const int r = (color >> 16) & 0xFF, g = (color >> 8) & 0xFF, b = color & 0xFF;
  // The form lightens toward its heart, so compare the order of channels, not exact values.
  auto order = [](int x, int y, int z) { return (x >= y) * 4 + (y >= z) * 2 + (x >= z); };
  return order(p[0], p[1], p[2]) == order(r, g, b);
}

}  // namespace

TEST_CASE_FIXTURE(Fixture, "a part appears at its world position, in its kind's colour") {
  for (core::PartKind kind : {core::PartKind::manager, core::PartKind::firefighter, core::PartKind::exile}) {
    core::InnerSystem s;
    const glm::vec2 at{1.2f, 0.5f};
    add(s, kind, at);
    const core::Image image = draw(s);
    // Just off the heart (which is lightened toward white), inside the form.
    const glm::ivec2 px = pixel_of(at) + glm::ivec2(0, 4);
    const auto p = core::pixel(image, px.x, px.y);
    INFO(core::kind_name(kind), " at ", px.x, ",", px.y, ": ", int(p[0]), " ", int(p[1]), " ", int(p[2]));
    CHECK(reads_as(p, core::kind_color(kind)));
    CHECK(p[0] + p[1] + p[2] > 250);  // bright against the night
    // The mirrored spot, with no part, is dark.
    const glm::ivec2 empty = pixel_of({-1.2f, -0.5f});
    const auto q = core::pixel(image, empty.x, empty.y);
    CHECK(q[0] + q[1] + q[2] < 150);
  }
}

TEST_CASE_FIXTURE(Fixture, "kinds differ by shape: a Manager's square reaches its corners, a Firefighter's diamond its points") {
  core::InnerSystem s;
  const glm::vec2 manager_at{-1.0f, 0.0f};
  const glm::vec2 firefighter_at{1.0f, 0.0f};
  add(s, core::PartKind::manager, manager_at, 2.0f);  // radius 0.15 world units
  add(s, core::PartKind::firefighter, firefighter_at, 2.0f);
  const core::Image image = draw(s);
  auto light = [&](glm::vec2 world) {
    const glm::ivec2 px = pixel_of(world);
    const auto p = core::pixel(image, px.x, px.y);
    return p[0] + p[1] + p[2];
  };
  // Out along the diagonal (0.7 radii each way): inside the square, outside the diamond (only its glow).
  const glm::vec2 diagonal{0.105f, 0.105f};
  // Out along the side (1.05 radii): beyond the square's edge, still inside the diamond's point.
  const glm::vec2 side{0.1575f, 0.0f};
  INFO("diagonal: manager ", light(manager_at + diagonal), ", firefighter ", light(firefighter_at + diagonal));
  INFO("side: manager ", light(manager_at + side), ", firefighter ", light(firefighter_at + side));
  CHECK(light(manager_at + diagonal) > light(firefighter_at + diagonal) * 13 / 10);
  CHECK(light(firefighter_at + side) > light(manager_at + side) * 13 / 10);
}

TEST_CASE_FIXTURE(Fixture, "a protects line is drawn between two parts, and not elsewhere") {
  core::InnerSystem s;
  const core::PartId guard = add(s, core::PartKind::manager, {-1.2f, -0.6f}, 1.0f);
  const core::PartId little = add(s, core::PartKind::exile, {1.2f, -0.6f}, 1.0f);
  const core::Image without = draw(s);
  REQUIRE(core::apply_edit(s, core::relate(s, guard, little, core::RelationKind::protects)));
  const core::Image with = draw(s);
  // Halfway along the line, the pixel is brighter than without it.
  const glm::ivec2 mid = pixel_of({0.0f, -0.6f});
  const auto a = core::pixel(without, mid.x, mid.y);
  const auto b = core::pixel(with, mid.x, mid.y);
  INFO("without ", int(a[0]), "; with ", int(b[0]));
  CHECK(b[0] > a[0] + 60);
  // Well above the line, nothing changed.
  const glm::ivec2 above = pixel_of({0.0f, -0.3f});
  CHECK(core::pixel(without, above.x, above.y) == core::pixel(with, above.x, above.y));
}

TEST_CASE_FIXTURE(Fixture, "draw calls are the same for ten parts and for a thousand") {
  draw(core::make_large_system(10, 20));
  const int ten = renderer.last_stats().draw_calls;
  draw(core::make_large_system(1000, 2000));
  const int thousand = renderer.last_stats().draw_calls;
  CHECK(ten == thousand);
  CHECK(ten == 6);  // background, its stretch, motes, lines, Self, parts
}

TEST_CASE_FIXTURE(Fixture, "a selected part wears a warm outline") {
  core::InnerSystem s;
  const core::PartId id = add(s, core::PartKind::exile, {0.8f, 0.0f}, 1.5f);
  const core::Image plain = draw(s);
  const core::Image chosen = draw(s, id);
  long differ = 0;
  for (std::size_t i = 0; i < plain.rgba.size(); i += 4) differ += std::abs(int(plain.rgba[i]) - int(chosen.rgba[i])) > 10;
  CHECK(differ > 30);
}

TEST_CASE_FIXTURE(Fixture, "a part that answered recent triggers glows wider while it pulses") {
  core::InnerSystem s;
  add(s, core::PartKind::exile, {0.9f, 0.0f}, 2.5f);  // large enough on screen to show its glow
  auto draw_with = [&](float pulse, double t) {
    render::Framebuffer fb;
    REQUIRE(fb.create(size));
    fb.bind();
    const float pulses[] = {pulse};
    renderer.render({.view = {.viewport = size}, .scene_time_s = t, .self = s.self,
                     .system = {.system = &s, .pulse = pulses}, .ambient = 0.0f});
    return fb.read_pixels();
  };
  // The part's phase comes from its id; pick the moment its swell peaks: 1.2 t + phase = pi/2.
  const double phase = static_cast<double>(s.parts[0].id % 97) * 0.61;
  const double peak = (1.5707963 - phase + 6.2831853 * 10.0) / 1.2;
  const core::Image still = draw_with(0.0f, peak);
  const core::Image pulsing = draw_with(1.0f, peak);
  // Just outside the form, in its glow.
  const glm::ivec2 px = pixel_of({0.9f + 1.4f * core::part_radius(s.parts[0]), 0.0f});
  const auto a = core::pixel(still, px.x, px.y);
  const auto b = core::pixel(pulsing, px.x, px.y);
  INFO("still ", int(a[0]), " pulsing ", int(b[0]));
  CHECK(b[0] > a[0] + 10);
}

TEST_CASE_FIXTURE(Fixture, "a part only a few pixels across shows its form alone: glow and trust ring come as it grows") {
  // At this size a world unit is 90 pixels: a part of size 1 is under 7 pixels in radius, one of
  // size 2.5 about 17, past render::detail_radius_px's full detail.
  const glm::vec2 at{1.1f, 0.0f};  // well away from the Self's light
  const core::Image empty = draw(core::InnerSystem{});
  for (const float part_size : {1.0f, 2.5f}) {
    core::InnerSystem s;
    add(s, core::PartKind::exile, at, part_size);
    s.parts[0].trust = 100;  // a full trust ring
    const float radius_px = core::part_radius(s.parts[0]) * 90.0f;
    const core::Image image = draw(s);
    // The form is there either way; the ring, at 1.45 radii, only on the larger part.
    const glm::ivec2 heart = pixel_of(at);
    CHECK(reads_as(core::pixel(image, heart.x, heart.y), core::kind_color(core::PartKind::exile)));
    const glm::ivec2 ring = pixel_of(at + glm::vec2(0.0f, 1.45f * core::part_radius(s.parts[0])));
    const auto with = core::pixel(image, ring.x, ring.y);
    const auto without = core::pixel(empty, ring.x, ring.y);
    INFO("radius ", radius_px, " px; at the ring ", int(with[1]), " with the part, ", int(without[1]), " without");
    if (radius_px < render::detail_radius_px[0]) {
      CHECK(std::abs(int(with[1]) - int(without[1])) <= 2);
    } else {
      CHECK(int(with[1]) > int(without[1]) + 60);  // the warm ring
    }
  }
}

TEST_CASE_FIXTURE(Fixture, "a part wearing a portrait shows it inside its form, in the same single draw") {
  core::InnerSystem s;
  const glm::vec2 worn_at{-0.9f, 0.0f};
  const glm::vec2 plain_at{0.9f, 0.0f};
  add(s, core::PartKind::manager, worn_at, 2.0f);  // sky blue: blue leads, red is least
  add(s, core::PartKind::manager, plain_at, 2.0f);
  draw(s);
  const int without = renderer.last_stats().draw_calls;

  constexpr core::DrawingId drawing = 42;
  s.parts[0].portrait = drawing;
  s.parts[1].portrait = 7;  // a drawing the atlas does not hold: the part shows its plain form
  core::Image red = core::make_image(glm::ivec2(core::portrait_size));
  for (std::size_t i = 0; i < red.rgba.size(); i += 4) {
    red.rgba[i] = 220;
    red.rgba[i + 1] = 30;
    red.rgba[i + 2] = 40;
    red.rgba[i + 3] = 255;
  }
  render::PortraitAtlas atlas;
  // Other portraits first, so the atlas grows past its first size and the red one is not layer 0.
  core::Image green = red;
  for (std::size_t i = 0; i < green.rgba.size(); i += 4) std::swap(green.rgba[i], green.rgba[i + 1]);
  for (core::DrawingId other = 100; other < 110; ++other) atlas.set(other, green);
  atlas.remove(103);
  atlas.set(drawing, red);
  REQUIRE(atlas.layer_of(drawing) >= 0);
  CHECK(atlas.layer_of(drawing) == 3);  // the freed layer, reused
  CHECK(atlas.layer_of(103) == -1);
  CHECK(atlas.layer_of(7) == -1);
  CHECK(atlas.size() == 10);

  render::Framebuffer fb;
  REQUIRE(fb.create(size));
  fb.bind();
  renderer.render({.view = {.viewport = size}, .self = s.self, .system = {.system = &s, .portraits = &atlas}, .ambient = 0.0f});
  const core::Image image = fb.read_pixels();
  CHECK(renderer.last_stats().draw_calls == without);

  for (int dx : {-3, 0, 3}) {
    const glm::ivec2 w = pixel_of(worn_at) + glm::ivec2(dx, 2);
    const glm::ivec2 p = pixel_of(plain_at) + glm::ivec2(dx, 2);
    const auto worn = core::pixel(image, w.x, w.y);
    const auto plain = core::pixel(image, p.x, p.y);
    INFO("worn ", int(worn[0]), " ", int(worn[1]), " ", int(worn[2]), "; plain ", int(plain[0]), " ", int(plain[1]), " ", int(plain[2]));
    CHECK(worn[0] > worn[1] + 80);  // red leads: the portrait
    CHECK(worn[0] > worn[2] + 80);
    CHECK(plain[0] < plain[2]);     // the plain Manager stays sky blue
  }
  // The kind's colour stays as a rim: at the edge of the form, blue still leads.
  const float radius = core::part_radius(s.parts[0]);
  const glm::ivec2 rim = pixel_of(worn_at + glm::vec2(0.0f, radius * 0.80f));
  const auto r = core::pixel(image, rim.x, rim.y);
  INFO("rim ", int(r[0]), " ", int(r[1]), " ", int(r[2]));
  CHECK(r[2] > r[0]);
}
