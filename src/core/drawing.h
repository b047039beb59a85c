// Drawings from creative sessions as plain data: strokes kept as smoothed points, so a drawing can be
// reopened and continued, and painted again at any time by core/ink.h.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec2.hpp>

namespace innerscape::core {

using DrawingId = std::uint64_t;  // 0 is "no drawing"; ids are never reused

enum class Brush : std::uint8_t { pen, soft, marker, eraser };
inline constexpr int brush_count = 4;

struct BrushSpec {
  Brush brush;
  std::string_view key;   // stable, stored: "pen", "soft", "marker", "eraser"
  std::string_view name;  // shown
  float default_size;     // diameter in canvas pixels
  float default_opacity;
};
std::span<const BrushSpec> brushes();
const BrushSpec& brush_spec(Brush brush);
std::optional<Brush> brush_from_key(std::string_view key);

// The canvas every drawing is made on, in canvas pixels (4:3, like a sheet of paper on its side).
inline constexpr glm::ivec2 canvas_size{1200, 900};
inline constexpr float min_brush_size = 1.0f;
inline constexpr float max_brush_size = 160.0f;
inline constexpr std::size_t max_stroke_points = 20000;  // a long, slow stroke; more are dropped evenly

// The paper a new drawing is on and the ink a new stroke draws with (0xRRGGBB), the first of the
// papers and of the calm colours: their one home, for core, the canvas renderer and the tests.
inline constexpr std::uint32_t default_paper = 0xf7f2e8;  // warm paper
inline constexpr std::uint32_t default_ink = 0x3b3a4a;    // ink

struct Stroke {
  Brush brush = Brush::pen;
  std::uint32_t color = default_ink;  // 0xRRGGBB; the eraser ignores it
  float size = 6.0f;               // diameter in canvas pixels
  float opacity = 1.0f;            // 0 .. 1, for the whole stroke: where it crosses itself it does not darken
  std::vector<glm::vec2> points;   // the smoothed path in canvas pixels; one point is a dot

  bool operator==(const Stroke&) const = default;
};
// A finished stroke never changes, so drawings, undo steps and the saver share it.
using StrokeRef = std::shared_ptr<const Stroke>;

struct Drawing {
  DrawingId id = 0;
  std::string title;
  std::uint32_t paper = default_paper;  // 0xRRGGBB
  std::string prompt;              // the gentle prompt it was drawn to, if any
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::vector<StrokeRef> strokes;  // oldest first
};

// Strokes are equal when they hold the same data, shared or not.
bool same_strokes(const std::vector<StrokeRef>& a, const std::vector<StrokeRef>& b);
bool same_drawing(const Drawing& a, const Drawing& b);

// Calm colours to draw with, and papers to draw on (0xRRGGBB).
std::span<const std::uint32_t> calm_colors();
std::span<const std::uint32_t> paper_colors();

// Gentle prompts a session may begin with, in the app's own words.
struct DrawingPrompt {
  std::string_view key;
  std::string_view title;  // short, for lists
  std::string_view text;   // the invitation
};
std::span<const DrawingPrompt> drawing_prompts();
const DrawingPrompt* find_prompt(std::string_view key);

// Turns the points a pointer passed through into a smooth path: a light stabiliser takes out the
// hand's jitter, then a centripetal Catmull-Rom curve through what is left is sampled so that no
// two neighbouring points are more than `spacing` apart. The first and last points are kept exactly.
std::vector<glm::vec2> smooth_path(std::span<const glm::vec2> raw, float spacing);

// The two steps of smooth_path, for a stroke being drawn live: the stabilised control points, and
// the curve through controls[first_segment .. end_segment] appended to `out` (which starts with
// controls[0] when empty). A segment's shape depends on the control after its end, so while the hand
// is still moving only segments up to controls.size() - 3 are final.
std::vector<glm::vec2> stabilised_points(std::span<const glm::vec2> raw);
void append_curve(std::span<const glm::vec2> controls, std::size_t first_segment, std::size_t end_segment, float spacing,
                  std::vector<glm::vec2>& out);

// The spacing between path points a brush of this size wants: close enough that the round
// segments join without visible corners.
float path_spacing(float size);

// Keeps a stroke safe to paint and store: a known brush, size and opacity within their limits,
// finite points inside a margin around the canvas, at most max_stroke_points.
void sanitize(Stroke& stroke);
// A stroke worth keeping has at least one point and some opacity.
bool is_visible(const Stroke& stroke);

}  // namespace innerscape::core
