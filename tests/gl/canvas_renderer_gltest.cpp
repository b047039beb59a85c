// The drawing sheet as shaded: at 1:1 the screen holds the very bytes core paints (ink over paper),
// the live stroke and the eraser preview show as they will be laid down, undo brings the paper back,
// and the picture survives a PNG round trip.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include <glm/geometric.hpp>

#include "core/drawing.h"
#include "core/ink.h"
#include "gl/gl_context.h"
#include "gl/reference_image.h"
#include "render/canvas_renderer.h"
#include "render/framebuffer.h"
#include "render/gl_loader.h"
#include "storage/png.h"
#include "test_tmp.h"

using namespace innerscape;

namespace {

constexpr std::uint32_t paper = core::default_paper;
constexpr std::uint32_t ink_color = 0x2a4b8c;
constexpr glm::vec2 a_point{200.0f, 300.0f};
constexpr glm::vec2 b_point{900.0f, 620.0f};

using Pixel = std::array<std::uint8_t, 4>;

Pixel opaque(std::uint32_t rgb) {
  return {static_cast<std::uint8_t>(rgb >> 16), static_cast<std::uint8_t>(rgb >> 8), static_cast<std::uint8_t>(rgb), 255};
}

core::StrokeRef pen_line(glm::vec2 from, glm::vec2 to, std::uint32_t color, float size) {
  auto s = std::make_shared<core::Stroke>();
  s->brush = core::Brush::pen;
  s->color = color;
  s->size = size;
  s->opacity = 1.0f;
  s->points = {from, to};
  return s;
}

float distance_to_segment(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 ab = b - a;
  const float t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
  return glm::length(p - (a + ab * t));
}

// How many pixels differ, and by how much at most, between two pictures of one size.
struct Difference {
  long pixels = 0;
  int largest = 0;
};
Difference compare(const core::Image& a, const core::Image& b) {
  REQUIRE(a.size == b.size);
  Difference d;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    int most = 0;
    for (std::size_t c = 0; c < 4; ++c) most = std::max(most, std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])));
    d.pixels += most > 0;
    d.largest = std::max(d.largest, most);
  }
  return d;
}

struct Fixture {
  render::CanvasRenderer renderer;
  render::Framebuffer fb;
  int draw_calls = 0;

  Fixture() {
    test::gl_window();
    const std::string log = renderer.init(INNERSCAPE_SHADER_DIR);
    INFO(log);
    REQUIRE(log.empty());
    REQUIRE(fb.create(core::canvas_size));
  }

  // The sheet exactly covering the framebuffer, one canvas pixel to one screen pixel.
  core::Image draw(render::CanvasFrame frame = {}) {
    fb.bind();
    // A colour no sheet pixel has: any pixel the sheet fails to cover shows it.
    render::clear({1.0f, 0.0f, 1.0f, 1.0f});
    frame.viewport = core::canvas_size;
    frame.sheet_min = {0.0f, 0.0f};
    frame.sheet_max = glm::vec2(core::canvas_size);
    const int before = draw_calls;
    renderer.draw(frame, draw_calls);
    CHECK(draw_calls == before + 1);  // the sheet is one quad, however many strokes it holds
    return fb.read_pixels();
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "a pen stroke shows in its colour along its line, and the paper is exact everywhere else") {
  core::InkCanvas canvas;
  const std::vector<core::StrokeRef> strokes = {pen_line(a_point, b_point, ink_color, 8.0f)};
  const core::PixelRect changed = canvas.sync(strokes);
  REQUIRE_FALSE(changed.empty());
  renderer.upload_ink(canvas.ink(), changed);
  const core::Image shown = draw();
  CHECK(render::gl_error().empty());

  // Along the line the pen covers fully: the stroke's own colour, exactly.
  for (int i = 0; i <= 20; ++i) {
    const glm::vec2 p = a_point + (b_point - a_point) * (static_cast<float>(i) / 20.0f);
    const int x = static_cast<int>(std::floor(p.x)), y = static_cast<int>(std::floor(p.y));
    INFO("on the line at ", x, ",", y);
    CHECK(core::pixel(shown, x, y) == opaque(ink_color));
  }
  // Off the line (past the pen's radius and its one soft pixel) every pixel is the paper, exactly:
  // nothing of the texture's filtering or the shadow leaks onto the sheet.
  long off = 0, wrong = 0;
  for (int y = 0; y < shown.size.y; ++y) {
    for (int x = 0; x < shown.size.x; ++x) {
      if (distance_to_segment({static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f}, a_point, b_point) < 4.0f + 1.5f) continue;
      ++off;
      wrong += core::pixel(shown, x, y) != opaque(paper);
    }
  }
  CHECK(off > 1'000'000);
  CHECK(wrong == 0);
  // And the whole sheet is byte for byte the picture core makes of it.
  const Difference d = compare(shown, core::flatten(canvas.ink(), paper));
  INFO("differing pixels ", d.pixels, ", by at most ", d.largest);
  CHECK(d.pixels == 0);
}

TEST_CASE_FIXTURE(Fixture, "the live stroke shows in its colour and opacity, as it will be laid down") {
  core::InkCanvas canvas;
  std::vector<core::StrokeRef> strokes = {pen_line(a_point, b_point, ink_color, 8.0f)};
  renderer.upload_ink(canvas.ink(), canvas.sync(strokes));

  // A half-opaque red line across the ink line, drawn live.
  core::Stroke style;
  style.brush = core::Brush::pen;
  style.color = 0xc0392b;
  style.size = 14.0f;
  style.opacity = 0.5f;
  core::LiveStroke live;
  const glm::vec2 c_point{300.0f, 700.0f}, d_point{800.0f, 200.0f};
  live.begin(style, c_point);
  const core::PixelRect whole{0, 0, core::canvas_size.x, core::canvas_size.y};
  renderer.upload_live(live.coverage(), whole);
  // As the hand moves, only what each step changed travels.
  for (int i = 1; i <= 25; ++i) {
    renderer.upload_live(live.coverage(), live.add(c_point + (d_point - c_point) * (static_cast<float>(i) / 25.0f)));
  }
  const core::PixelRect rect = whole;
  const core::Image preview = draw({.live_color = style.color, .live_opacity = style.opacity});

  // What core would make of it: the live coverage laid over the ink, then the paper under both.
  core::Image laid = canvas.ink();
  core::lay_down(laid, live.coverage(), rect, style);
  const core::Image expected = core::flatten(laid, paper);
  const Difference d = compare(preview, expected);
  // The shader rounds at the same two steps as core, in the same 32-bit floats, so this is exact
  // on llvmpipe; a GPU whose division differs in the last bit could move a soft edge pixel by one.
  INFO("differing pixels ", d.pixels, ", by at most ", d.largest);
  CHECK(d.largest <= 1);
  CHECK(d.pixels < 20);

  // Far from the ink line, the live line's middle: half red over the paper.
  const glm::vec2 m = c_point + (d_point - c_point) * 0.1f;
  const Pixel half = core::pixel(preview, int(m.x), int(m.y));
  INFO("half red: ", int(half[0]), " ", int(half[1]), " ", int(half[2]));
  const auto mix = [](float src, float under) { return int(std::lround(src * 0.5f + under * (1.0f - 128.0f / 255.0f))); };
  CHECK(std::abs(half[0] - mix(192.0f, 247.0f)) <= 1);  // the 0.5 * 255 alpha is 127.5, stored as 128
  CHECK(std::abs(half[1] - mix(57.0f, 242.0f)) <= 1);
  CHECK(half[0] > half[1] + 40);

  // What is seen is what is kept: finishing the stroke and painting it gives the preview's pixels.
  strokes.push_back(std::make_shared<core::Stroke>(live.finish()));
  renderer.upload_live(live.coverage(), live.take_cleared());
  renderer.upload_ink(canvas.ink(), canvas.sync(strokes));
  const core::Image kept = draw();
  const Difference k = compare(kept, preview);
  INFO("kept vs preview: differing pixels ", k.pixels, ", by at most ", k.largest);
  CHECK(k.largest <= 1);  // as above: the same arithmetic, so exact on llvmpipe
  CHECK(compare(kept, core::flatten(canvas.ink(), paper)).pixels == 0);
}

TEST_CASE_FIXTURE(Fixture, "the eraser's preview shows the paper where it takes the ink away") {
  core::InkCanvas canvas;
  const std::vector<core::StrokeRef> strokes = {pen_line(a_point, b_point, ink_color, 8.0f)};
  renderer.upload_ink(canvas.ink(), canvas.sync(strokes));

  core::Stroke style;
  style.brush = core::Brush::eraser;
  style.size = 30.0f;
  style.opacity = 1.0f;
  core::LiveStroke live;
  // Across the ink line at its middle.
  const glm::vec2 mid = (a_point + b_point) * 0.5f;
  live.begin(style, mid + glm::vec2(-60.0f, 100.0f));
  live.add(mid + glm::vec2(60.0f, -100.0f));
  const core::PixelRect rect{0, 0, core::canvas_size.x, core::canvas_size.y};
  renderer.upload_live(live.coverage(), rect);
  const core::Image preview = draw({.live_color = 0xff0000, .live_erase = true});  // the colour is ignored

  CHECK(core::pixel(preview, int(mid.x), int(mid.y)) == opaque(paper));
  const glm::vec2 further = a_point + (b_point - a_point) * 0.2f;  // the line away from the eraser stays
  CHECK(core::pixel(preview, int(further.x), int(further.y)) == opaque(ink_color));
  core::Image laid = canvas.ink();
  core::lay_down(laid, live.coverage(), rect, style);
  CHECK(compare(preview, core::flatten(laid, paper)).pixels == 0);

  // Cancelled, the preview goes and the ink is whole again.
  live.cancel();
  renderer.upload_live(live.coverage(), live.take_cleared());
  CHECK(core::pixel(draw(), int(mid.x), int(mid.y)) == opaque(ink_color));
}

TEST_CASE_FIXTURE(Fixture, "undo puts the paper back, uploading only the rectangle that changed") {
  core::InkCanvas canvas;
  // A small mark in a corner, then the line; the line is undone.
  const core::StrokeRef mark = pen_line({1000.0f, 100.0f}, {1060.0f, 130.0f}, 0x7a9e7e, 6.0f);
  std::vector<core::StrokeRef> strokes = {mark, pen_line(a_point, b_point, ink_color, 8.0f)};
  renderer.upload_ink(canvas.ink(), canvas.sync(strokes));
  const core::Image with = draw();
  REQUIRE(core::pixel(with, int(a_point.x), int(a_point.y)) == opaque(ink_color));

  strokes.pop_back();
  const core::PixelRect changed = canvas.sync(strokes);
  CHECK(changed.width() < core::canvas_size.x);  // the line's patch, not the whole sheet
  CHECK(changed.x1 < 1000);                      // the mark's pixels do not travel again
  renderer.upload_ink(canvas.ink(), changed);
  const core::Image undone = draw();
  // Where the line was, the paper, exactly; the mark stays; the whole is the picture of the mark alone.
  for (int i = 0; i <= 20; ++i) {
    const glm::vec2 p = a_point + (b_point - a_point) * (static_cast<float>(i) / 20.0f);
    CHECK(core::pixel(undone, int(p.x), int(p.y)) == opaque(paper));
  }
  CHECK(core::pixel(undone, 1030, 115) == opaque(0x7a9e7e));
  core::Image only_mark = core::make_image(core::canvas_size);
  core::CoverageMask scratch = core::make_mask(core::canvas_size);
  core::paint_stroke(only_mark, *mark, scratch);
  CHECK(compare(undone, core::flatten(only_mark, paper)).pixels == 0);
  CHECK(canvas.full_repaints() == 0);
}

TEST_CASE_FIXTURE(Fixture, "the sheet read back and written as a PNG reads back the same") {
  core::InkCanvas canvas;
  const std::vector<core::StrokeRef> strokes = {pen_line(a_point, b_point, ink_color, 8.0f),
                                                pen_line({100.0f, 800.0f}, {1100.0f, 100.0f}, 0x7a9e7e, 20.0f)};
  renderer.upload_ink(canvas.ink(), canvas.sync(strokes));
  const core::Image shown = draw();
  const auto file = test::fresh_dir("canvas_png") / "sheet.png";
  REQUIRE(storage::write_png(file, shown).empty());
  std::string error;
  const core::Image back = storage::read_png(file, &error);
  INFO(error);
  REQUIRE(back.size == shown.size);
  CHECK(back.rgba == shown.rgba);
  CHECK(back.rgba == core::flatten(canvas.ink(), paper).rgba);
}

TEST_CASE_FIXTURE(Fixture, "zoomed out the sheet's corner sits in its place with a soft shadow, the line through it still ink") {
  // Half size, the sheet's bottom-right corner at (80, 60) of a small target: a pen line runs
  // through that corner of the canvas, and the shadow falls a little down, over a plain blue.
  core::InkCanvas canvas;
  const std::vector<core::StrokeRef> strokes = {pen_line({960.0f, 760.0f}, {1190.0f, 895.0f}, ink_color, 8.0f)};
  renderer.upload_ink(canvas.ink(), canvas.sync(strokes));
  constexpr glm::ivec2 small_size{112, 80};
  render::Framebuffer small_fb;
  REQUIRE(small_fb.create(small_size));
  small_fb.bind();
  render::clear({0.0f, 0.0f, 1.0f, 1.0f});
  int calls = 0;
  const glm::vec2 corner{80.0f, 60.0f};
  renderer.draw({.viewport = small_size, .sheet_min = corner - 0.5f * glm::vec2(core::canvas_size), .sheet_max = corner,
                 .paper = paper}, calls);
  CHECK(calls == 1);
  // llvmpipe draws this the same every run, so here the match is exact; the thresholds are for
  // another renderer. Below 1:1 each pixel is one bilinear tap between canvas pixels, and GPUs filter
  // with as few as 8 bits of sub-texel position; the shadow's smoothstep and the sheet's smoothed
  // edge are float arithmetic that may round the other way. Mesa's softpipe differs by at most 1
  // step and 0.04 on average (measured); a GPU, by a few steps on the ink's soft edge. A wrong paper,
  // ink or shadow moves whole areas, far past the mean.
  CHECK_REFERENCE(small_fb.read_pixels(), "canvas_corner_half", (test::Thresholds{.max = 8, .mean = 0.25}));
}

TEST_CASE_FIXTURE(Fixture, "zoomed in each canvas pixel is a block of the very bytes core paints") {
  core::InkCanvas canvas;
  const std::vector<core::StrokeRef> strokes = {pen_line(a_point, b_point, ink_color, 8.0f)};
  renderer.upload_ink(canvas.ink(), canvas.sync(strokes));
  const core::Image flat = core::flatten(canvas.ink(), paper);

  // Three times the size, the sheet's corner at (-300, -600): canvas pixel (x, y) fills a 3x3 block.
  fb.bind();
  render::clear({0.0f, 0.0f, 1.0f, 1.0f});
  int calls = 0;
  const glm::vec2 origin{-300.0f, -600.0f};
  renderer.draw({.viewport = core::canvas_size, .sheet_min = origin, .sheet_max = origin + 3.0f * glm::vec2(core::canvas_size),
                 .paper = paper}, calls);
  CHECK(calls == 1);
  const core::Image big = fb.read_pixels();
  long wrong = 0;
  for (int y = 0; y < big.size.y; y += 7) {
    for (int x = 0; x < big.size.x; x += 5) {
      const int cx = (x + 300) / 3, cy = (y + 600) / 3;
      wrong += core::pixel(big, x, y) != core::pixel(flat, cx, cy);
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("a canvas without its shaders says so and draws nothing") {
  test::gl_window();
  render::CanvasRenderer renderer;
  const std::string log = renderer.init("/nonexistent-innerscape");
  CHECK(log.find("canvas.vert") != std::string::npos);
  render::Framebuffer fb;
  REQUIRE(fb.create({16, 16}));
  fb.bind();
  render::clear({0.0f, 0.0f, 1.0f, 1.0f});
  int calls = 0;
  renderer.draw({.viewport = {16, 16}, .sheet_min = {0.0f, 0.0f}, .sheet_max = {16.0f, 12.0f}}, calls);
  CHECK(calls == 0);
  CHECK(core::pixel(fb.read_pixels(), 8, 8) == Pixel{0, 0, 255, 255});
}
