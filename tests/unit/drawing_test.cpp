// Drawings: smoothing the hand's path, painting strokes (and erasing them), undo and redo of strokes
// and of a clear, and the ink canvas keeping in step with all of it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "core/drawing.h"
#include "core/edits.h"
#include "core/undo_stack.h"
#include "core/ink.h"

using namespace innerscape::core;

namespace {

float max_gap(const std::vector<glm::vec2>& path) {
  float gap = 0.0f;
  for (std::size_t i = 1; i < path.size(); ++i) gap = std::max(gap, glm::length(path[i] - path[i - 1]));
  return gap;
}

// The largest turn between neighbouring segments, in radians: how sharp the path's corners are.
float sharpest_turn(const std::vector<glm::vec2>& path) {
  float sharpest = 0.0f;
  for (std::size_t i = 2; i < path.size(); ++i) {
    const glm::vec2 a = path[i - 1] - path[i - 2];
    const glm::vec2 b = path[i] - path[i - 1];
    if (glm::length(a) < 1e-4f || glm::length(b) < 1e-4f) continue;
    const float c = std::clamp(glm::dot(glm::normalize(a), glm::normalize(b)), -1.0f, 1.0f);
    sharpest = std::max(sharpest, std::acos(c));
  }
  return sharpest;
}

Stroke line(Brush brush, glm::vec2 a, glm::vec2 b, float size, std::uint32_t color = 0x204080, float opacity = 1.0f) {
  Stroke s;
  s.brush = brush;
  s.color = color;
  s.size = size;
  s.opacity = opacity;
  const std::vector<glm::vec2> raw{a, (a + b) * 0.5f, b};
  s.points = smooth_path(raw, path_spacing(size));
  return s;
}

std::uint8_t alpha_at(const Image& ink, int x, int y) { return pixel(ink, x, y)[3]; }

}  // namespace

TEST_CASE("a straight line stays straight, ends where the hand did, and has no gaps") {
  std::vector<glm::vec2> raw;
  for (int i = 0; i <= 40; ++i) raw.push_back({100.0f + static_cast<float>(i) * 10.0f, 200.0f});
  const auto path = smooth_path(raw, 2.0f);
  REQUIRE(path.size() > raw.size());
  CHECK(path.front() == raw.front());
  CHECK(path.back() == raw.back());
  for (glm::vec2 p : path) CHECK(p.y == doctest::Approx(200.0f).epsilon(1e-4));
  CHECK(max_gap(path) <= 2.0f + 1e-4f);
}

TEST_CASE("smoothing takes the jitter out of a slow, shaky line") {
  // A hand moving slowly to the right, wobbling a pixel and a half up and down at every sample.
  std::vector<glm::vec2> raw;
  for (int i = 0; i < 120; ++i) raw.push_back({100.0f + static_cast<float>(i) * 3.0f, 200.0f + ((i % 2 == 0) ? -1.5f : 1.5f)});
  const auto path = smooth_path(raw, 1.0f);
  // The raw line turns sharply at every sample; the smoothed one gently.
  CHECK(sharpest_turn(raw) > 1.5f);
  CHECK(sharpest_turn(path) < 0.8f);
  // The wobble is damped to well under its three pixels.
  float low = 1e9f, high = -1e9f;
  for (std::size_t i = path.size() / 4; i < path.size() * 3 / 4; ++i) {
    low = std::min(low, path[i].y);
    high = std::max(high, path[i].y);
  }
  CHECK(high - low < 1.5f);
}

TEST_CASE("a quick sweep with few samples keeps its corners where the hand turned") {
  // Four samples of a fast L: the curve passes close to the corner instead of cutting across.
  const std::vector<glm::vec2> raw{{100, 100}, {200, 100}, {300, 100}, {300, 200}, {300, 300}};
  const auto path = smooth_path(raw, 2.0f);
  float nearest = 1e9f;
  for (glm::vec2 p : path) nearest = std::min(nearest, glm::length(p - glm::vec2(300, 100)));
  CHECK(nearest < 12.0f);
  CHECK(path.back() == raw.back());
}

TEST_CASE("a tap is a dot, and points that do not move add nothing") {
  const std::vector<glm::vec2> tap{{50, 60}, {50.1f, 60.1f}, {50, 60}};
  const auto path = smooth_path(tap, 1.0f);
  REQUIRE(path.size() == 1);
  CHECK(path[0] == glm::vec2(50, 60));

  CoverageMask mask = make_mask(canvas_size);
  Stroke dot;
  dot.size = 10.0f;
  dot.points = path;
  const PixelRect r = stamp_stroke(mask, dot);
  CHECK_FALSE(r.empty());
  CHECK(mask.values[60 * canvas_size.x + 50] == 255);
  CHECK(mask.values[60 * canvas_size.x + 58] == 0);
}

TEST_CASE("a live stroke ends with exactly the path smooth_path gives for the same points") {
  std::vector<glm::vec2> raw;
  for (int i = 0; i < 80; ++i) raw.push_back({300.0f + 150.0f * std::cos(static_cast<float>(i) * 0.1f), 300.0f + 120.0f * std::sin(static_cast<float>(i) * 0.13f)});
  Stroke style;
  style.size = 8.0f;
  LiveStroke live;
  live.begin(style, raw[0]);
  for (std::size_t i = 1; i < raw.size(); ++i) live.add(raw[i]);

  // What is shown while drawing is what the finished stroke covers.
  const auto expected = smooth_path(raw, path_spacing(style.size));
  Stroke finished_style = style;
  finished_style.points = expected;
  CoverageMask reference = make_mask(canvas_size);
  stamp_stroke(reference, finished_style);
  CHECK(live.coverage().values == reference.values);

  const Stroke done = live.finish();
  CHECK(done.points == expected);
  CHECK_FALSE(live.active());
  // The live coverage is left clear for the next stroke, and says where it was.
  CHECK(std::all_of(live.coverage().values.begin(), live.coverage().values.end(), [](std::uint8_t v) { return v == 0; }));
  CHECK_FALSE(live.take_cleared().empty());
}

TEST_CASE("a stroke colours the pixels along its path and leaves the rest of the sheet alone") {
  Image ink = make_image(canvas_size);
  CoverageMask scratch = make_mask(canvas_size);
  const Stroke s = line(Brush::pen, {100, 100}, {300, 100}, 10.0f, 0x204080);
  paint_stroke(ink, s, scratch);
  CHECK(pixel(ink, 200, 100) == std::array<std::uint8_t, 4>{0x20, 0x40, 0x80, 255});
  CHECK(alpha_at(ink, 200, 112) == 0);  // beyond the 5 px radius and its 1 px soft edge
  CHECK(alpha_at(ink, 320, 100) == 0);  // past the end and its round cap
  CHECK(alpha_at(ink, 302, 100) > 0);   // the round cap reaches past the last point
  // The scratch mask is left clear.
  CHECK(std::all_of(scratch.values.begin(), scratch.values.end(), [](std::uint8_t v) { return v == 0; }));
}

TEST_CASE("a see-through stroke that crosses itself is no darker where it crosses") {
  Image ink = make_image(canvas_size);
  CoverageMask scratch = make_mask(canvas_size);
  Stroke s;
  s.size = 12.0f;
  s.opacity = 0.5f;
  // An X drawn in one go, sampled every two pixels as a pointer would be.
  std::vector<glm::vec2> raw;
  const glm::vec2 corners[] = {{100, 100}, {300, 300}, {300, 100}, {100, 300}};
  for (int leg = 0; leg < 3; ++leg) {
    for (int k = 0; k < 100; ++k) raw.push_back(glm::mix(corners[leg], corners[leg + 1], static_cast<float>(k) / 100.0f));
  }
  s.points = smooth_path(raw, path_spacing(s.size));
  REQUIRE(alpha_at(ink, 150, 150) == 0);
  paint_stroke(ink, s, scratch);
  // Where the path crosses itself, and on a plain stretch: the same half-strength ink.
  CHECK(alpha_at(ink, 200, 200) == doctest::Approx(128).epsilon(0.02));
  CHECK(alpha_at(ink, 150, 150) == doctest::Approx(128).epsilon(0.02));
}

TEST_CASE("the eraser takes ink away under its path and nowhere else, whatever the paper") {
  Image ink = make_image(canvas_size);
  CoverageMask scratch = make_mask(canvas_size);
  paint_stroke(ink, line(Brush::marker, {100, 200}, {500, 200}, 40.0f, 0xd46a6a), scratch);
  REQUIRE(alpha_at(ink, 300, 200) == 255);
  REQUIRE(alpha_at(ink, 150, 200) == 255);
  paint_stroke(ink, line(Brush::eraser, {300, 100}, {300, 300}, 30.0f), scratch);
  CHECK(pixel(ink, 300, 200) == std::array<std::uint8_t, 4>{0, 0, 0, 0});
  CHECK(alpha_at(ink, 150, 200) == 255);  // away from the eraser the marker is untouched
  // Erased ink shows whichever paper is under it.
  const Image on_white = flatten(ink, 0xffffff);
  const Image on_night = flatten(ink, 0x24243a);
  CHECK(pixel(on_white, 300, 200) == std::array<std::uint8_t, 4>{255, 255, 255, 255});
  CHECK(pixel(on_night, 300, 200) == std::array<std::uint8_t, 4>{0x24, 0x24, 0x3a, 255});
  // A half-strength eraser takes half.
  Image ink2 = make_image(canvas_size);
  paint_stroke(ink2, line(Brush::pen, {100, 400}, {500, 400}, 20.0f), scratch);
  paint_stroke(ink2, line(Brush::eraser, {300, 350}, {300, 450}, 20.0f, 0, 0.5f), scratch);
  CHECK(alpha_at(ink2, 300, 400) == doctest::Approx(128).epsilon(0.02));
}

TEST_CASE("each brush has its own tip") {
  // Pen: hard with a one-pixel edge. Soft: fades from the centre. Marker: a chisel, wider one way.
  CHECK(brush_coverage(Brush::pen, {0, 0}, 10) == 1.0f);
  CHECK(brush_coverage(Brush::pen, {4, 0}, 10) == 1.0f);
  CHECK(brush_coverage(Brush::pen, {6, 0}, 10) == 0.0f);
  CHECK(brush_coverage(Brush::soft, {0, 0}, 10) == 1.0f);
  CHECK(brush_coverage(Brush::soft, {2.5f, 0}, 10) < 0.8f);
  CHECK(brush_coverage(Brush::soft, {2.5f, 0}, 10) > 0.3f);
  const glm::vec2 along{std::cos(0.6f), -std::sin(0.6f)};
  const glm::vec2 across{std::sin(0.6f), std::cos(0.6f)};
  CHECK(brush_coverage(Brush::marker, along * 8.0f, 20) == 1.0f);
  CHECK(brush_coverage(Brush::marker, across * 8.0f, 20) == 0.0f);
}

TEST_CASE("strokes and a clear are undone and redone, and the ink follows exactly") {
  InnerSystem system;
  UndoStack history;
  REQUIRE(perform(system, history, add_drawing(system, Drawing{.title = "safety"}, 10)));
  const DrawingId id = system.drawings.back().id;
  InkCanvas canvas;
  const Image blank = canvas.ink();

  REQUIRE(perform(system, history, add_stroke(system, id, line(Brush::pen, {100, 100}, {400, 100}, 8), 11)));
  canvas.sync(find_drawing(system, id)->strokes);
  const Image one = canvas.ink();
  REQUIRE(perform(system, history, add_stroke(system, id, line(Brush::soft, {200, 50}, {200, 300}, 40, 0x5fa8a0, 0.6f), 12)));
  canvas.sync(find_drawing(system, id)->strokes);
  const Image two = canvas.ink();
  CHECK(two.rgba != one.rgba);

  REQUIRE(perform(system, history, clear_drawing(system, id, 13)));
  CHECK(find_drawing(system, id)->strokes.empty());
  canvas.sync(find_drawing(system, id)->strokes);
  CHECK(canvas.ink().rgba == blank.rgba);

  REQUIRE(undo(system, history));  // the clear
  CHECK(find_drawing(system, id)->strokes.size() == 2);
  canvas.sync(find_drawing(system, id)->strokes);
  CHECK(canvas.ink().rgba == two.rgba);
  REQUIRE(undo(system, history));  // the soft stroke
  const PixelRect changed = canvas.sync(find_drawing(system, id)->strokes);
  CHECK_FALSE(changed.empty());
  CHECK(canvas.ink().rgba == one.rgba);
  CHECK(find_drawing(system, id)->updated_at == 11);
  REQUIRE(redo(system, history));
  canvas.sync(find_drawing(system, id)->strokes);
  CHECK(canvas.ink().rgba == two.rgba);
  CHECK(canvas.full_repaints() == 0);  // every step was by patches or the kept picture

  // A canvas opened fresh on the same strokes paints the same picture.
  CHECK(paint_drawing(*find_drawing(system, id)).rgba == two.rgba);
}

TEST_CASE("drawing a part makes the drawing its portrait; deleting the drawing takes it off") {
  InnerSystem system;
  UndoStack history;
  Part p;
  p.name = "The Watcher";
  REQUIRE(perform(system, history, add_part(system, p, 1)));
  const PartId part = system.parts.back().id;
  REQUIRE(perform(system, history, draw_part(system, part, 2)));
  REQUIRE(system.drawings.size() == 1);
  CHECK(system.drawings[0].title == "The Watcher");
  CHECK(find_part(system, part)->portrait == system.drawings[0].id);

  REQUIRE(perform(system, history, delete_drawing(system, system.drawings[0].id)));
  CHECK(system.drawings.empty());
  CHECK(find_part(system, part)->portrait == 0);
  REQUIRE(undo(system, history));
  CHECK(find_part(system, part)->portrait == system.drawings[0].id);
  REQUIRE(undo(system, history));
  CHECK(system.drawings.empty());
  CHECK(find_part(system, part)->portrait == 0);
  // Ids are never reused.
  REQUIRE(perform(system, history, add_drawing(system, {}, 3)));
  CHECK(system.drawings[0].id == 2);
  CHECK(system.drawings[0].title == "Untitled drawing");
}

TEST_CASE("a stroke is kept within safe limits") {
  Stroke s;
  s.brush = static_cast<Brush>(9);
  s.size = 1e9f;
  s.opacity = NAN;
  s.points = {{NAN, 1}, {-1e9f, 5}, {10, 10}};
  sanitize(s);
  CHECK(s.brush == Brush::pen);
  CHECK(s.size == max_brush_size);
  CHECK(s.opacity == 1.0f);
  REQUIRE(s.points.size() == 2);
  CHECK(s.points[0].x >= -max_brush_size - 8.0f);
  s.points.assign(max_stroke_points * 3, glm::vec2(1, 1));
  sanitize(s);
  CHECK(s.points.size() == max_stroke_points);
  // An invisible stroke is not added.
  InnerSystem system;
  UndoStack history;
  perform(system, history, add_drawing(system, {}, 1));
  Stroke none;
  CHECK(add_stroke(system, system.drawings[0].id, none, 2).empty());
}

TEST_CASE("thumbnails average the sheet, and the portrait is its middle square") {
  Image ink = make_image(canvas_size);
  CoverageMask scratch = make_mask(canvas_size);
  paint_stroke(ink, line(Brush::pen, {600, 0}, {600, 900}, 200, 0x000000), scratch);
  const Image thumb = thumbnail(ink, 0xffffff);
  CHECK(thumb.size == canvas_size / thumbnail_scale);
  CHECK(pixel(thumb, 120, 90) == std::array<std::uint8_t, 4>{0, 0, 0, 255});
  CHECK(pixel(thumb, 5, 90) == std::array<std::uint8_t, 4>{255, 255, 255, 255});
  const Image face = portrait_from_thumbnail(thumb);
  CHECK(face.size == glm::ivec2(portrait_size));
  CHECK(pixel(face, 90, 90) == std::array<std::uint8_t, 4>{0, 0, 0, 255});
}

TEST_CASE("a long drawing keeps undo pixels for its newest strokes only, and undo further back is still exact") {
  const Drawing busy = [] {
    Drawing d;
    for (int i = 0; i < 1500; ++i) {
      const float x = static_cast<float>(40 + (i * 37) % 1100);
      const float y = static_cast<float>(40 + (i * 53) % 800);
      d.strokes.push_back(std::make_shared<const Stroke>(line(Brush::pen, {x, y}, {x + 30.0f, y + 10.0f}, 6.0f, 0x6b5b95, 0.7f)));
    }
    return d;
  }();
  InkCanvas canvas;
  canvas.sync(busy.strokes);
  CHECK(canvas.painted() == 1500);

  // One stroke back: by its kept pixels, no repaint.
  std::vector<StrokeRef> fewer(busy.strokes.begin(), busy.strokes.end() - 1);
  canvas.sync(fewer);
  CHECK(canvas.full_repaints() == 0);
  Drawing expected;
  expected.strokes = fewer;
  CHECK(canvas.ink().rgba == paint_drawing(expected).rgba);

  // Back past the newest thousand: painted again from a clean sheet, and still exact.
  std::vector<StrokeRef> early(busy.strokes.begin(), busy.strokes.begin() + 300);
  canvas.sync(early);
  CHECK(canvas.full_repaints() == 1);
  expected.strokes = early;
  CHECK(canvas.ink().rgba == paint_drawing(expected).rgba);
}
