// Parts and lines as shaded, compared with reference images: each kind in its colour and shape, the
// trust ring, the three kinds of line, hover and selection, the pulse, the level of detail and a worn
// portrait. And what is behaviour rather than looks: the same draw calls for ten parts as for a
// thousand, a pulse that shows, a portrait atlas that reuses its layers.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/archetypes.h"
#include "core/demo_system.h"
#include "core/edits.h"
#include "gl/gl_context.h"
#include "gl/reference_image.h"
#include "render/framebuffer.h"
#include "render/portrait_atlas.h"
#include "render/scene_renderer.h"
#include "render/system_renderer.h"

using namespace innerscape;

namespace {

// Close on the parts: at zoom 2.75 a world unit is 110 pixels, and a part of size 2 (0.15 units) is
// 16.5 pixels in radius, past core::detail_radius_px: its glow and trust ring show in full.
const core::SceneView close_view{.zoom = 2.75f, .viewport = {120, 80}};

// llvmpipe draws these the same every run, so here the match is exact; the thresholds are for another
// renderer. Mesa's softpipe (GALLIUM_DRIVER=softpipe: another rasteriser, its own float arithmetic)
// differs from these references by at most 12 steps and 0.11 on average in any channel (measured):
// the largest differences are on the antialiased edges (fwidth() is worked out per pixel quad, to
// each renderer's own precision) and the portrait's texels. A GPU differs in the same places, so the
// max allows a few pixels of an edge to move by an eighth. Edges are thin, so the mean stays small;
// a changed colour, shape, ring or glow moves whole areas, and a channel shifted by 1 step fails it.
constexpr test::Thresholds parts_thresholds{.max = 32, .mean = 0.5};

// The parts and lines alone, as Magnum tests a shader: over a plain night exact in 8 bits, not the
// living background and the Self (scene_renderer_gltest has those), so each picture shows only what
// this renderer draws, and its reference stays a few KB. `renderer` (the whole scene) counts draws.
constexpr glm::vec4 night{8.0f / 255.0f, 10.0f / 255.0f, 24.0f / 255.0f, 1.0f};

struct Fixture : test::SceneFixture {
  render::SystemRenderer system_renderer;
  int draw_calls = 0;

  Fixture() {
    const std::string log = system_renderer.init(INNERSCAPE_SHADER_DIR);
    INFO(log);
    REQUIRE(log.empty());
  }

  // A still scene (no floating), so every part is exactly where the model says.
  core::Image draw(const core::InnerSystem& system, const core::SceneView& view = close_view, render::SystemFrame frame = {},
                   double t = 0.0) {
    render::Framebuffer fb;
    REQUIRE(fb.create(view.viewport));
    fb.bind();
    render::clear(night);
    frame.system = &system;
    const glm::mat4 view_proj = core::view_projection(view);
    const float ppu = core::pixels_per_unit(view);
    const auto time = static_cast<float>(t);
    draw_calls = 0;
    system_renderer.draw_relationships(frame, view_proj, ppu, time, draw_calls);
    system_renderer.draw_parts(frame, view_proj, ppu, time, 0.0f, 1.0f, draw_calls);
    return fb.read_pixels();
  }
};

core::PartId add(core::InnerSystem& s, core::PartKind kind, glm::vec2 at, float size_factor = 2.0f, int trust = 0) {
  core::Part p = core::blank_part(kind, at);
  p.depth = 0.0f;
  p.size = size_factor;
  p.trust = trust;
  REQUIRE(core::apply_edit(s, core::add_part(s, p, 0)));
  return s.parts.back().id;
}

// Pictures side by side, left to right, as one (all of one height).
core::Image side_by_side(const std::vector<core::Image>& pictures) {
  int width = 0;
  for (const core::Image& p : pictures) width += p.size.x;
  core::Image strip = core::make_image({width, pictures.front().size.y});
  int x0 = 0;
  for (const core::Image& p : pictures) {
    REQUIRE(p.size.y == strip.size.y);
    for (int y = 0; y < p.size.y; ++y) {
      std::copy_n(p.rgba.begin() + static_cast<std::ptrdiff_t>(y) * p.size.x * 4, p.size.x * 4,
                  strip.rgba.begin() + (static_cast<std::ptrdiff_t>(y) * strip.size.x + x0) * 4);
    }
    x0 += p.size.x;
  }
  return strip;
}

long light(const core::Image& image) {
  long sum = 0;
  for (std::size_t i = 0; i < image.rgba.size(); i += 4) sum += image.rgba[i] + image.rgba[i + 1] + image.rgba[i + 2];
  return sum;
}

}  // namespace

TEST_CASE_FIXTURE(Fixture, "each kind in its colour and shape: a Manager's square, a Firefighter's diamond, an Exile's circle, with trust rings") {
  core::InnerSystem s;
  add(s, core::PartKind::manager, {-0.3f, 0.11f}, 2.0f, 0);       // no trust: the faint track only
  add(s, core::PartKind::firefighter, {0.3f, 0.11f}, 2.0f, 50);   // half a ring, clockwise from the top
  add(s, core::PartKind::exile, {0.0f, -0.13f}, 2.0f, 100);       // a full ring
  CHECK_REFERENCE(draw(s), "parts_kinds", parts_thresholds);
}

TEST_CASE_FIXTURE(Fixture, "lines between parts: protects with its arrow, polarized jagged, allied dotted") {
  core::InnerSystem s;
  const core::SceneView view{.zoom = 1.25f, .viewport = {144, 96}};  // 60 pixels a world unit
  const core::PartId guard = add(s, core::PartKind::manager, {-0.8f, -0.45f});
  const core::PartId little = add(s, core::PartKind::exile, {0.8f, -0.45f});
  const core::PartId fire = add(s, core::PartKind::firefighter, {0.8f, 0.5f});
  REQUIRE(core::apply_edit(s, core::relate(s, guard, little, core::RelationKind::protects)));
  REQUIRE(core::apply_edit(s, core::relate(s, fire, little, core::RelationKind::polarized)));
  REQUIRE(core::apply_edit(s, core::relate(s, guard, fire, core::RelationKind::allied)));
  CHECK_REFERENCE(draw(s, view, {}, 2.0), "parts_lines", parts_thresholds);
}

TEST_CASE_FIXTURE(Fixture, "hover brightens a part; selection wears a warm outline and marks its lines") {
  core::InnerSystem s;
  const core::PartId chosen = add(s, core::PartKind::exile, {-0.3f, 0.0f});
  const core::PartId hovered = add(s, core::PartKind::manager, {0.3f, 0.0f});
  REQUIRE(core::apply_edit(s, core::relate(s, chosen, hovered, core::RelationKind::allied)));
  CHECK_REFERENCE(draw(s, close_view, {.hovered = hovered, .selected = chosen}), "parts_marked", parts_thresholds);
}

TEST_CASE_FIXTURE(Fixture, "draw calls are the same for ten parts and for a thousand") {
  auto scene_draw_calls = [&](const core::InnerSystem& system) {
    render::Framebuffer fb;
    REQUIRE(fb.create({320, 180}));
    fb.bind();
    renderer.render({.view = {.viewport = {320, 180}}, .self = system.self, .system = {.system = &system}});
    return renderer.last_stats().draw_calls;
  };
  const int ten = scene_draw_calls(core::make_large_system(10, 20));
  const int thousand = scene_draw_calls(core::make_large_system(1000, 2000));
  CHECK(ten == thousand);
  CHECK(ten == 6);  // background, its stretch, motes, lines, Self, parts
}

TEST_CASE_FIXTURE(Fixture, "a part that answered recent triggers swells its glow, slowly, and shows it") {
  core::InnerSystem s;
  const glm::vec2 at{0.9f, 0.0f};
  add(s, core::PartKind::exile, at);
  // Close on the part (16.8 pixels in radius), at three moments a third of the swell (about 5.2 s) apart.
  const core::SceneView view{.center = at, .zoom = 4.0f, .viewport = {56, 56}};
  const float pulses[] = {1.0f};
  std::vector<core::Image> pulsing, still;
  for (int k = 0; k < 3; ++k) {
    const double t = 10.0 + k * 5.2359878 / 3.0;
    pulsing.push_back(draw(s, view, {.pulse = pulses}, t));
    still.push_back(draw(s, view, {}, t));
  }
  CHECK_REFERENCE(side_by_side(pulsing), "parts_pulse", parts_thresholds);
  // Whatever the part's own beat, at one of three moments a third apart its swell is at least three
  // quarters up: the glow is plainly wider than without the pulse.
  long most = 0;
  for (std::size_t k = 0; k < pulsing.size(); ++k) most = std::max(most, light(pulsing[k]) - light(still[k]));
  INFO("the most light the pulse adds, summed over r, g and b: ", most);
  CHECK(most > 56 * 56 * 10);  // on llvmpipe the swell adds 183 972 at its height here
}

TEST_CASE_FIXTURE(Fixture, "a part only a few pixels across shows its form alone: glow and trust ring come as it grows") {
  // At zoom 2 on 90 rows a world unit is 90 pixels: a part of size 1 is under 7 pixels in radius,
  // below render::detail_radius_px, and shows its form alone; one of size 2 is 13.5, where its glow
  // and ring are fading in. (In full they show in every other picture here.)
  core::InnerSystem s;
  add(s, core::PartKind::exile, {-0.55f, 0.0f}, 1.0f, 100);
  add(s, core::PartKind::exile, {0.5f, 0.0f}, 2.0f, 100);
  const core::Image fading = draw(s, {.zoom = 2.0f, .viewport = {160, 90}});
  CHECK_REFERENCE(fading, "parts_detail", parts_thresholds);
}

TEST_CASE_FIXTURE(Fixture, "a part wearing a portrait shows it inside its form, in the same single draw") {
  core::InnerSystem s;
  add(s, core::PartKind::manager, {-0.3f, 0.0f});  // sky blue
  add(s, core::PartKind::manager, {0.3f, 0.0f});
  draw(s);
  CHECK(draw_calls == 1);

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

  // The red picture inside the left one's form, the kind's blue kept as a rim; the right one plain.
  const core::Image image = draw(s, close_view, {.portraits = &atlas});
  CHECK(draw_calls == 1);
  CHECK_REFERENCE(image, "parts_portrait", parts_thresholds);
}
