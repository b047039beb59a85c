// Drawings from creative sessions: brushes, calm colours, prompts and the smoothing of a hand's path.
#include "core/drawing.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace innerscape::core {
namespace {

constexpr std::array brush_table = {
    BrushSpec{Brush::pen, "pen", "Pen", 5.0f, 1.0f},
    BrushSpec{Brush::soft, "soft", "Soft brush", 36.0f, 0.55f},
    BrushSpec{Brush::marker, "marker", "Marker", 18.0f, 0.6f},
    BrushSpec{Brush::eraser, "eraser", "Eraser", 28.0f, 1.0f},
};

// Quiet, warm and cool colours that sit well together on paper; the picker offers any other.
constexpr std::array<std::uint32_t, 12> calm_table = {
    default_ink,  // ink
    0x6b5b95,  // dusk violet
    0x4f7cac,  // lake blue
    0x5fa8a0,  // sea green
    0x88b04b,  // moss
    0xe3b448,  // warm gold
    0xe08e5b,  // apricot
    0xd46a6a,  // soft coral
    0xc59bc5,  // lilac
    0x9c6b4e,  // earth
    0xa7c6da,  // pale sky
    0xffffff,  // white
};

constexpr std::array<std::uint32_t, 5> paper_table = {
    default_paper,  // warm paper
    0xffffff,  // white
    0xe9eef2,  // morning grey
    0xf3e6e8,  // blush
    0x24243a,  // night
};

constexpr std::array prompt_table = {
    DrawingPrompt{"parts", "Draw your parts",
                  "Let the parts you know show themselves on the page: as shapes, colours, creatures or people. "
                  "There is no right way for them to look."},
    DrawingPrompt{"body", "Where you feel it",
                  "Draw an outline of a body, then colour where the feeling lives right now: its shape, its weight, "
                  "its temperature."},
    DrawingPrompt{"safety", "What safety looks like",
                  "Draw a place, a person, a colour or a moment that feels safe. Take your time with it."},
};

float distance(glm::vec2 a, glm::vec2 b) { return glm::length(b - a); }

// A point on the centripetal Catmull-Rom segment from p1 to p2 (Barry and Goldman's form), u in 0..1.
glm::vec2 catmull_rom(glm::vec2 p0, glm::vec2 p1, glm::vec2 p2, glm::vec2 p3, float u) {
  auto knot = [](float t, glm::vec2 a, glm::vec2 b) { return t + std::max(std::sqrt(distance(a, b)), 1e-3f); };
  const float t0 = 0.0f;
  const float t1 = knot(t0, p0, p1);
  const float t2 = knot(t1, p1, p2);
  const float t3 = knot(t2, p2, p3);
  const float t = t1 + (t2 - t1) * u;
  const glm::vec2 a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1;
  const glm::vec2 a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2;
  const glm::vec2 a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3;
  const glm::vec2 b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2;
  const glm::vec2 b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3;
  return (t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2;
}

// Samples the curve between u0 and u1 (a0, a1 the points there), splitting until neighbours are at
// most `spacing` apart. Appends everything after a0.
void sample(glm::vec2 p0, glm::vec2 p1, glm::vec2 p2, glm::vec2 p3, float u0, glm::vec2 a0, float u1, glm::vec2 a1,
            float spacing, int depth, std::vector<glm::vec2>& out) {
  if (distance(a0, a1) <= spacing || depth > 12) {
    out.push_back(a1);
    return;
  }
  const float um = 0.5f * (u0 + u1);
  const glm::vec2 am = catmull_rom(p0, p1, p2, p3, um);
  sample(p0, p1, p2, p3, u0, a0, um, am, spacing, depth + 1, out);
  sample(p0, p1, p2, p3, um, am, u1, a1, spacing, depth + 1, out);
}

}  // namespace

std::span<const BrushSpec> brushes() { return brush_table; }
const BrushSpec& brush_spec(Brush brush) { return brush_table[static_cast<std::size_t>(brush)]; }
std::optional<Brush> brush_from_key(std::string_view key) {
  for (const BrushSpec& b : brush_table) {
    if (b.key == key) return b.brush;
  }
  return std::nullopt;
}

bool same_strokes(const std::vector<StrokeRef>& a, const std::vector<StrokeRef>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (a[i] == nullptr || b[i] == nullptr || !(*a[i] == *b[i])) return false;
  }
  return true;
}

bool same_drawing(const Drawing& a, const Drawing& b) {
  return a.id == b.id && a.title == b.title && a.paper == b.paper && a.prompt == b.prompt &&
         a.created_at == b.created_at && a.updated_at == b.updated_at && same_strokes(a.strokes, b.strokes);
}

std::span<const std::uint32_t> calm_colors() { return calm_table; }
std::span<const std::uint32_t> paper_colors() { return paper_table; }
std::span<const DrawingPrompt> drawing_prompts() { return prompt_table; }
const DrawingPrompt* find_prompt(std::string_view key) {
  for (const DrawingPrompt& p : prompt_table) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

float path_spacing(float size) { return std::clamp(size * 0.25f, 0.75f, 3.0f); }

std::vector<glm::vec2> stabilised_points(std::span<const glm::vec2> raw) {
  // Each point moves part of the way towards where the hand is: small steps (the jitter of a pixel
  // or two) are averaged out, while long ones (a quick sweep, few samples) are followed nearly all
  // the way, so a fast stroke does not cut its corners. Points closer than half a pixel are skipped.
  std::vector<glm::vec2> out;
  out.reserve(raw.size() + 1);
  glm::vec2 last_raw{0.0f};
  for (glm::vec2 p : raw) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    if (out.empty()) {
      out.push_back(p);
      last_raw = p;
      continue;
    }
    if (distance(last_raw, p) < 0.5f) continue;
    last_raw = p;
    const float step = distance(out.back(), p);
    const float follow = std::clamp(0.3f + step / 16.0f, 0.3f, 1.0f);
    out.push_back(out.back() + (p - out.back()) * follow);
  }
  // The stroke ends exactly where the hand lifted.
  if (!out.empty() && distance(out.back(), last_raw) >= 0.25f) out.push_back(last_raw);
  return out;
}

void append_curve(std::span<const glm::vec2> controls, std::size_t first_segment, std::size_t end_segment, float spacing,
                  std::vector<glm::vec2>& out) {
  const std::size_t n = controls.size();
  if (n == 0) return;
  if (out.empty()) out.push_back(controls[0]);
  for (std::size_t i = first_segment; i < end_segment && i + 1 < n; ++i) {
    const glm::vec2 p1 = controls[i];
    const glm::vec2 p2 = controls[i + 1];
    // At the ends the missing neighbour is mirrored, so the curve leaves and arrives straight.
    const glm::vec2 p0 = i > 0 ? controls[i - 1] : p1 * 2.0f - p2;
    const glm::vec2 p3 = i + 2 < n ? controls[i + 2] : p2 * 2.0f - p1;
    sample(p0, p1, p2, p3, 0.0f, p1, 1.0f, p2, spacing, 0, out);
  }
}

std::vector<glm::vec2> smooth_path(std::span<const glm::vec2> raw, float spacing) {
  spacing = std::max(spacing, 0.25f);
  const std::vector<glm::vec2> controls = stabilised_points(raw);
  std::vector<glm::vec2> out;
  append_curve(controls, 0, controls.size(), spacing, out);
  return out;
}

void sanitize(Stroke& stroke) {
  if (static_cast<std::size_t>(stroke.brush) >= brush_table.size()) stroke.brush = Brush::pen;
  stroke.color &= 0xFFFFFFu;
  stroke.size = std::isfinite(stroke.size) ? std::clamp(stroke.size, min_brush_size, max_brush_size) : brush_spec(stroke.brush).default_size;
  stroke.opacity = std::isfinite(stroke.opacity) ? std::clamp(stroke.opacity, 0.0f, 1.0f) : 1.0f;
  const float margin = stroke.size + 8.0f;
  std::erase_if(stroke.points, [](glm::vec2 p) { return !std::isfinite(p.x) || !std::isfinite(p.y); });
  for (glm::vec2& p : stroke.points) {
    p.x = std::clamp(p.x, -margin, static_cast<float>(canvas_size.x) + margin);
    p.y = std::clamp(p.y, -margin, static_cast<float>(canvas_size.y) + margin);
  }
  if (stroke.points.size() > max_stroke_points) {
    std::vector<glm::vec2> kept;
    kept.reserve(max_stroke_points);
    const double step = static_cast<double>(stroke.points.size() - 1) / static_cast<double>(max_stroke_points - 1);
    for (std::size_t i = 0; i < max_stroke_points; ++i) kept.push_back(stroke.points[static_cast<std::size_t>(std::llround(static_cast<double>(i) * step))]);
    stroke.points = std::move(kept);
  }
}

bool is_visible(const Stroke& stroke) { return !stroke.points.empty() && stroke.opacity > 0.0f; }

}  // namespace innerscape::core
