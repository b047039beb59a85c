// Painting strokes into pixels on the CPU: coverage masks, laying ink down, undo by patches, pictures.
#include "core/ink.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <glm/geometric.hpp>

namespace innerscape::core {
namespace {

// The marker's chisel: an ellipse this much thinner than it is wide, turned by this angle.
constexpr float marker_aspect = 0.38f;
constexpr float marker_angle = -0.6f;  // radians

// Offsets measured in the tip's own space, where every tip is round with the brush's radius.
glm::vec2 to_tip_space(Brush brush, glm::vec2 v) {
  if (brush != Brush::marker) return v;
  const float c = std::cos(marker_angle);
  const float s = std::sin(marker_angle);
  const glm::vec2 r{c * v.x + s * v.y, -s * v.x + c * v.y};
  return {r.x, r.y / marker_aspect};
}

// Coverage at distance d (in tip space) from the path, for a tip of radius r.
float profile(Brush brush, float d, float r) {
  switch (brush) {
    case Brush::soft: {
      if (d >= r) return 0.0f;
      const float t = d / r;
      return (1.0f - t * t) * (1.0f - t * t);
    }
    case Brush::marker:
      // The edge is one pixel wide across the thin side too.
      return std::clamp((r - d) * marker_aspect + 0.5f, 0.0f, 1.0f);
    case Brush::pen:
    case Brush::eraser:
      break;
  }
  // A tip smaller than a pixel covers a fraction of it, so fine lines fade rather than break up.
  if (r < 0.5f) return std::clamp(r * 2.0f - d, 0.0f, 1.0f) * r * 2.0f;
  return std::clamp(r + 0.5f - d, 0.0f, 1.0f);
}

float distance_to_segment(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + ab * t));
}

PixelRect segment_bounds(glm::vec2 a, glm::vec2 b, float r, glm::ivec2 size) {
  const float reach = r + 1.5f;
  PixelRect rect{static_cast<int>(std::floor(std::min(a.x, b.x) - reach)), static_cast<int>(std::floor(std::min(a.y, b.y) - reach)),
                 static_cast<int>(std::ceil(std::max(a.x, b.x) + reach)) + 1, static_cast<int>(std::ceil(std::max(a.y, b.y) + reach)) + 1};
  return intersect(rect, PixelRect{0, 0, size.x, size.y});
}

PixelRect stamp_segment(CoverageMask& mask, Brush brush, glm::vec2 a, glm::vec2 b, float size) {
  const float r = size * 0.5f;
  const PixelRect rect = segment_bounds(a, b, r, mask.size);
  if (rect.empty()) return {};
  const glm::vec2 ta = to_tip_space(brush, a);
  const glm::vec2 tb = to_tip_space(brush, b);
  for (int y = rect.y0; y < rect.y1; ++y) {
    std::uint8_t* row = mask.values.data() + static_cast<std::size_t>(y) * mask.size.x;
    for (int x = rect.x0; x < rect.x1; ++x) {
      const glm::vec2 p = to_tip_space(brush, {static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f});
      const float c = profile(brush, distance_to_segment(p, ta, tb), r);
      if (c <= 0.0f) continue;
      const auto v = static_cast<std::uint8_t>(std::lround(c * 255.0f));
      row[x] = std::max(row[x], v);
    }
  }
  return rect;
}

std::uint8_t channel(std::uint32_t rgb, int shift) { return static_cast<std::uint8_t>((rgb >> shift) & 0xFF); }

}  // namespace

PixelRect unite(PixelRect a, PixelRect b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

PixelRect intersect(PixelRect a, PixelRect b) {
  PixelRect r{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
  return r.empty() ? PixelRect{} : r;
}

float brush_coverage(Brush brush, glm::vec2 offset, float size) {
  return profile(brush, glm::length(to_tip_space(brush, offset)), size * 0.5f);
}

CoverageMask make_mask(glm::ivec2 size) {
  CoverageMask mask{size, {}};
  mask.values.assign(static_cast<std::size_t>(std::max(size.x, 0)) * std::max(size.y, 0), 0);
  return mask;
}

void clear(CoverageMask& mask, PixelRect rect) {
  rect = intersect(rect, {0, 0, mask.size.x, mask.size.y});
  for (int y = rect.y0; y < rect.y1; ++y) {
    std::memset(mask.values.data() + static_cast<std::size_t>(y) * mask.size.x + rect.x0, 0, static_cast<std::size_t>(rect.width()));
  }
}

PixelRect stamp_segments(CoverageMask& mask, const Stroke& stroke, std::size_t first, std::size_t last) {
  const std::vector<glm::vec2>& p = stroke.points;
  if (p.empty()) return {};
  if (p.size() == 1) return first == 0 ? stamp_segment(mask, stroke.brush, p[0], p[0], stroke.size) : PixelRect{};
  PixelRect touched;
  last = std::min(last, p.size() - 1);
  for (std::size_t i = first; i < last; ++i) touched = unite(touched, stamp_segment(mask, stroke.brush, p[i], p[i + 1], stroke.size));
  return touched;
}

PixelRect stamp_stroke(CoverageMask& mask, const Stroke& stroke) {
  return stamp_segments(mask, stroke, 0, std::max<std::size_t>(stroke.points.size(), 1));
}

void lay_down(Image& ink, const CoverageMask& mask, PixelRect rect, const Stroke& style) {
  rect = intersect(rect, {0, 0, std::min(ink.size.x, mask.size.x), std::min(ink.size.y, mask.size.y)});
  const bool erase = style.brush == Brush::eraser;
  const float src[4] = {erase ? 0.0f : channel(style.color, 16), erase ? 0.0f : channel(style.color, 8),
                        erase ? 0.0f : channel(style.color, 0), erase ? 0.0f : 255.0f};
  const float opacity = std::clamp(style.opacity, 0.0f, 1.0f);
  for (int y = rect.y0; y < rect.y1; ++y) {
    const std::uint8_t* m = mask.values.data() + static_cast<std::size_t>(y) * mask.size.x;
    std::uint8_t* px = ink.rgba.data() + static_cast<std::size_t>(y) * ink.size.x * 4;
    for (int x = rect.x0; x < rect.x1; ++x) {
      if (m[x] == 0) continue;
      const float a = static_cast<float>(m[x]) / 255.0f * opacity;
      std::uint8_t* d = px + static_cast<std::size_t>(x) * 4;
      for (int c = 0; c < 4; ++c) d[c] = static_cast<std::uint8_t>(std::lround(src[c] * a + static_cast<float>(d[c]) * (1.0f - a)));
    }
  }
}

PixelRect paint_stroke(Image& ink, const Stroke& stroke, CoverageMask& scratch) {
  if (!is_visible(stroke)) return {};
  const PixelRect rect = stamp_stroke(scratch, stroke);
  lay_down(ink, scratch, rect, stroke);
  clear(scratch, rect);
  return rect;
}

Image flatten(const Image& ink, std::uint32_t paper) {
  Image out = make_image(ink.size);
  const float p[3] = {static_cast<float>(channel(paper, 16)), static_cast<float>(channel(paper, 8)), static_cast<float>(channel(paper, 0))};
  for (std::size_t i = 0; i + 3 < ink.rgba.size(); i += 4) {
    const float under = 1.0f - static_cast<float>(ink.rgba[i + 3]) / 255.0f;
    for (int c = 0; c < 3; ++c) {
      out.rgba[i + c] = static_cast<std::uint8_t>(std::min(255L, std::lround(static_cast<float>(ink.rgba[i + c]) + p[c] * under)));
    }
    out.rgba[i + 3] = 255;
  }
  return out;
}

Image thumbnail(const Image& ink, std::uint32_t paper) {
  const Image flat = flatten(ink, paper);
  const int s = thumbnail_scale;
  Image out = make_image(flat.size / s);
  for (int y = 0; y < out.size.y; ++y) {
    for (int x = 0; x < out.size.x; ++x) {
      int sum[4] = {0, 0, 0, 0};
      for (int dy = 0; dy < s; ++dy) {
        const std::uint8_t* row = flat.rgba.data() + (static_cast<std::size_t>(y * s + dy) * flat.size.x + static_cast<std::size_t>(x) * s) * 4;
        for (int dx = 0; dx < s * 4; ++dx) sum[dx % 4] += row[dx];
      }
      std::uint8_t* d = out.rgba.data() + (static_cast<std::size_t>(y) * out.size.x + x) * 4;
      for (int c = 0; c < 4; ++c) d[c] = static_cast<std::uint8_t>((sum[c] + s * s / 2) / (s * s));
    }
  }
  return out;
}

Image portrait_from_thumbnail(const Image& thumb) {
  const int side = std::min(thumb.size.x, thumb.size.y);
  Image out = make_image({side, side});
  const int x0 = (thumb.size.x - side) / 2;
  const int y0 = (thumb.size.y - side) / 2;
  for (int y = 0; y < side; ++y) {
    std::memcpy(out.rgba.data() + static_cast<std::size_t>(y) * side * 4,
                thumb.rgba.data() + (static_cast<std::size_t>(y + y0) * thumb.size.x + x0) * 4, static_cast<std::size_t>(side) * 4);
  }
  return out;
}

Image paint_drawing(const Drawing& drawing) {
  Image ink = make_image(canvas_size);
  CoverageMask scratch = make_mask(canvas_size);
  for (const StrokeRef& s : drawing.strokes) {
    if (s != nullptr) paint_stroke(ink, *s, scratch);
  }
  return ink;
}

// --- InkCanvas -------------------------------------------------------------------------------------

namespace {
constexpr std::size_t max_patch_bytes = 48u << 20;  // undo pixels kept for recent strokes...
constexpr std::size_t max_patches = 1000;            // ...for at most this many of them
}

InkCanvas::InkCanvas(glm::ivec2 size) : ink_(make_image(size)), scratch_(make_mask(size)) {}

void InkCanvas::repaint_from(std::size_t from, const std::vector<StrokeRef>& strokes, PixelRect& changed) {
  // Undo pixels are kept for the newest strokes only: painting a long drawing when it opens keeps
  // none for the thousands before them.
  const std::size_t keep_from = strokes.size() > max_patches ? strokes.size() - max_patches : 0;
  for (std::size_t i = from; i < strokes.size(); ++i) {
    const StrokeRef& s = strokes[i];
    if (i < keep_from) {
      if (s != nullptr) changed = unite(changed, paint_stroke(ink_, *s, scratch_));
      painted_.push_back(s);
      patches_.clear();
      patch_bytes_ = 0;
      patch_base_ = painted_.size();
      continue;
    }
    Patch patch;
    if (s != nullptr && is_visible(*s)) {
      patch.rect = stamp_stroke(scratch_, *s);
      patch.before.resize(static_cast<std::size_t>(patch.rect.width()) * patch.rect.height() * 4);
      for (int y = patch.rect.y0; y < patch.rect.y1; ++y) {
        std::memcpy(patch.before.data() + static_cast<std::size_t>(y - patch.rect.y0) * patch.rect.width() * 4,
                    ink_.rgba.data() + (static_cast<std::size_t>(y) * ink_.size.x + patch.rect.x0) * 4,
                    static_cast<std::size_t>(patch.rect.width()) * 4);
      }
      lay_down(ink_, scratch_, patch.rect, *s);
      clear(scratch_, patch.rect);
      changed = unite(changed, patch.rect);
    }
    patch_bytes_ += patch.before.size();
    patches_.push_back(std::move(patch));
    painted_.push_back(s);
    while ((patch_bytes_ > max_patch_bytes || patches_.size() > max_patches) && !patches_.empty()) {
      patch_bytes_ -= patches_.front().before.size();
      patches_.pop_front();
      ++patch_base_;
    }
  }
}

PixelRect InkCanvas::sync(const std::vector<StrokeRef>& strokes) {
  const PixelRect whole{0, 0, ink_.size.x, ink_.size.y};
  std::size_t common = 0;
  while (common < painted_.size() && common < strokes.size() && painted_[common] == strokes[common]) ++common;
  if (common == painted_.size() && common == strokes.size()) return {};

  PixelRect changed;
  // Cleared: keep the picture, so undoing the clear is instant.
  if (strokes.empty()) {
    before_clear_ = BeforeClear{std::move(painted_), ink_};
    std::fill(ink_.rgba.begin(), ink_.rgba.end(), 0);
    painted_.clear();
    patches_.clear();
    patch_base_ = 0;
    patch_bytes_ = 0;
    return whole;
  }
  // The clear undone (or any return to the picture kept then).
  if (common < painted_.size() && before_clear_ && before_clear_->strokes.size() <= strokes.size() &&
      std::equal(before_clear_->strokes.begin(), before_clear_->strokes.end(), strokes.begin()) &&
      before_clear_->strokes.size() > common) {
    painted_ = before_clear_->strokes;
    ink_ = before_clear_->ink;
    patches_.clear();
    patch_base_ = painted_.size();
    patch_bytes_ = 0;
    repaint_from(painted_.size(), strokes, changed);
    return whole;
  }
  // Undo: put back the pixels of each stroke taken away, newest first.
  if (common < painted_.size() && common >= patch_base_) {
    while (painted_.size() > common) {
      Patch& patch = patches_.back();
      for (int y = patch.rect.y0; y < patch.rect.y1; ++y) {
        std::memcpy(ink_.rgba.data() + (static_cast<std::size_t>(y) * ink_.size.x + patch.rect.x0) * 4,
                    patch.before.data() + static_cast<std::size_t>(y - patch.rect.y0) * patch.rect.width() * 4,
                    static_cast<std::size_t>(patch.rect.width()) * 4);
      }
      changed = unite(changed, patch.rect);
      patch_bytes_ -= patch.before.size();
      patches_.pop_back();
      painted_.pop_back();
    }
  } else if (common < painted_.size()) {
    // Further back than the kept pixels reach: paint again from a clean sheet.
    ++full_repaints_;
    std::fill(ink_.rgba.begin(), ink_.rgba.end(), 0);
    painted_.clear();
    patches_.clear();
    patch_base_ = 0;
    patch_bytes_ = 0;
    changed = whole;
    common = 0;
  }
  repaint_from(painted_.size(), strokes, changed);
  return changed;
}

// --- LiveStroke ------------------------------------------------------------------------------------

LiveStroke::LiveStroke(glm::ivec2 size) : committed_mask_(make_mask(size)), shown_(make_mask(size)) {}

PixelRect LiveStroke::begin(const Stroke& style, glm::vec2 point) {
  cancel();
  active_ = true;
  style_ = style;
  style_.points.clear();
  committed_ = style_;
  committed_segments_ = 0;
  return add(point);
}

PixelRect LiveStroke::add(glm::vec2 point) {
  if (!active_ || !std::isfinite(point.x) || !std::isfinite(point.y)) return {};
  raw_.push_back(point);
  return refresh();
}

PixelRect LiveStroke::refresh() {
  const std::vector<glm::vec2> controls = stabilised_points(raw_);
  // The last control is the point under the hand whenever it differs from the stabilised one; the
  // segments that reach it, or the one before, still change as the hand moves on.
  const std::size_t stable = raw_.size() > 1 && controls.size() > 1 ? controls.size() - 1 : controls.size();
  const std::size_t final_end = stable >= 2 ? stable - 2 : 0;
  const float spacing = path_spacing(style_.size);

  PixelRect changed = tail_rect_;
  if (final_end > committed_segments_) {
    const std::size_t before = committed_.points.size();
    append_curve(controls, committed_segments_, final_end, spacing, committed_.points);
    committed_segments_ = final_end;
    const PixelRect stamped = stamp_segments(committed_mask_, committed_, before > 0 ? before - 1 : 0, committed_.points.size() - 1);
    changed = unite(changed, stamped);
  }
  // shown_ = the committed coverage, with the moving tail stamped over it.
  for (int y = changed.y0; y < changed.y1; ++y) {
    const std::size_t at = static_cast<std::size_t>(y) * shown_.size.x + changed.x0;
    std::memcpy(shown_.values.data() + at, committed_mask_.values.data() + at, static_cast<std::size_t>(changed.width()));
  }
  Stroke tail = style_;
  if (!committed_.points.empty()) tail.points.push_back(committed_.points.back());
  append_curve(controls, committed_segments_, controls.size(), spacing, tail.points);
  tail_rect_ = stamp_stroke(shown_, tail);
  changed = unite(changed, tail_rect_);
  stroke_rect_ = unite(stroke_rect_, changed);
  return changed;
}

Stroke LiveStroke::finish() {
  if (!active_) return {};
  Stroke stroke = committed_;
  const std::vector<glm::vec2> controls = stabilised_points(raw_);
  append_curve(controls, committed_segments_, controls.size(), path_spacing(style_.size), stroke.points);
  cancel();
  return stroke;
}

void LiveStroke::cancel() {
  clear(committed_mask_, stroke_rect_);
  clear(shown_, stroke_rect_);
  cleared_ = unite(cleared_, stroke_rect_);
  stroke_rect_ = tail_rect_ = {};
  raw_.clear();
  committed_.points.clear();
  committed_segments_ = 0;
  active_ = false;
}

PixelRect LiveStroke::take_cleared() {
  const PixelRect r = cleared_;
  cleared_ = {};
  return r;
}

}  // namespace innerscape::core
