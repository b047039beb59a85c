// Painting strokes into pixels, on the CPU and exactly the same everywhere: the canvas, thumbnails,
// portraits and exported pictures all come from here, so what is saved is what was seen. The GPU only
// shows the result (render/canvas_renderer.h).
//
// Ink is premultiplied RGBA over a transparent sheet; the paper colour goes under it only when a
// picture is made, so the paper can change without repainting. A stroke is first stamped into a
// coverage mask (the largest coverage wins, so a stroke that crosses itself does not darken), then
// laid on the ink at its opacity: colour over what is there, or, for the eraser, ink taken away.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include <glm/vec2.hpp>

#include "core/drawing.h"
#include "core/image.h"

namespace innerscape::core {

// A rectangle of pixels, x0/y0 included and x1/y1 not.
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
  bool operator==(const PixelRect&) const = default;
};
PixelRect unite(PixelRect a, PixelRect b);
PixelRect intersect(PixelRect a, PixelRect b);

// How much of a pixel a brush tip covers, 0..1, at `offset` from the nearest point of the path.
// Pen: a hard round tip with a one-pixel soft edge. Soft brush: a wide falloff from the centre.
// Marker: a flat chisel tip, held at an angle, with a hard edge. Eraser: a hard round tip.
float brush_coverage(Brush brush, glm::vec2 offset, float size);

// One byte of coverage per pixel, the size of the canvas.
struct CoverageMask {
  glm::ivec2 size{0};
  std::vector<std::uint8_t> values;
};
CoverageMask make_mask(glm::ivec2 size);
void clear(CoverageMask& mask, PixelRect rect);

// Stamps the path's segments [first, last) (segment i joins points i and i+1; a single point is a
// dot) into the mask, keeping the larger coverage. Returns the pixels it touched.
PixelRect stamp_segments(CoverageMask& mask, const Stroke& stroke, std::size_t first, std::size_t last);
PixelRect stamp_stroke(CoverageMask& mask, const Stroke& stroke);

// Lays the mask's coverage over `rect` on the ink, in the stroke's colour and opacity (or erasing).
void lay_down(Image& ink, const CoverageMask& mask, PixelRect rect, const Stroke& style);

// Paints a whole stroke; `scratch` is a mask the canvas's size, left clear. Returns what changed.
PixelRect paint_stroke(Image& ink, const Stroke& stroke, CoverageMask& scratch);

// The ink over a paper colour: an opaque picture.
Image flatten(const Image& ink, std::uint32_t paper);
// A small picture of the whole sheet (each pixel the average of a square of the canvas's).
inline constexpr int thumbnail_scale = 5;
Image thumbnail(const Image& ink, std::uint32_t paper);
// The middle square of a thumbnail: what a part wears as its portrait.
Image portrait_from_thumbnail(const Image& thumbnail);
inline constexpr int portrait_size = canvas_size.y / thumbnail_scale;  // 180

// Paints every stroke of a drawing from a clean sheet: for exports and for drawings no picture of
// which was kept.
Image paint_drawing(const Drawing& drawing);

// The ink of one open drawing, kept in step with its strokes as they are drawn, undone, redone and
// cleared. Going forward paints only the new strokes; undo puts back the pixels each stroke covered
// (kept for the most recent strokes), and undoing a clear puts back the picture from before it. Only
// a jump further back than that paints again from the start.
class InkCanvas {
 public:
  explicit InkCanvas(glm::ivec2 size = canvas_size);

  // Brings the ink in step with `strokes`; returns the pixels that changed.
  PixelRect sync(const std::vector<StrokeRef>& strokes);
  const Image& ink() const { return ink_; }
  std::size_t painted() const { return painted_.size(); }
  // How many strokes had to be painted again from the start since the canvas was made (for tests).
  int full_repaints() const { return full_repaints_; }

 private:
  struct Patch {
    PixelRect rect;
    std::vector<std::uint8_t> before;  // the ink under rect before the stroke
  };
  void repaint_from(std::size_t from, const std::vector<StrokeRef>& strokes, PixelRect& changed);

  Image ink_;
  CoverageMask scratch_;
  std::vector<StrokeRef> painted_;
  std::deque<Patch> patches_;  // for painted_[patch_base_ ..], newest last
  std::size_t patch_base_ = 0;
  std::size_t patch_bytes_ = 0;
  struct BeforeClear {
    std::vector<StrokeRef> strokes;
    Image ink;
  };
  std::optional<BeforeClear> before_clear_;
  int full_repaints_ = 0;
};

// A stroke being drawn: the hand's points arrive one by one, the smoothed path grows, and the
// coverage shown is kept up to date by stamping only what changed. finish() gives the stroke, whose
// path is exactly smooth_path() of the same points.
class LiveStroke {
 public:
  explicit LiveStroke(glm::ivec2 size = canvas_size);

  // Starts a stroke at `point`; returns the pixels of coverage() that changed.
  PixelRect begin(const Stroke& style, glm::vec2 point);
  // Adds a point; returns the pixels of coverage() that changed.
  PixelRect add(glm::vec2 point);
  // The stroke as drawn (empty points when nothing was begun); the live state is cleared.
  Stroke finish();
  void cancel();

  bool active() const { return active_; }
  const Stroke& style() const { return style_; }
  // What the stroke covers so far, to show over the ink at the stroke's opacity.
  const CoverageMask& coverage() const { return shown_; }
  // Where coverage() may be non-zero: the pixels the stroke has touched so far.
  PixelRect area() const { return stroke_rect_; }
  // Pixels cleared by finish() or cancel() that a display must refresh.
  PixelRect take_cleared();

 private:
  PixelRect refresh();

  bool active_ = false;
  Stroke style_;
  std::vector<glm::vec2> raw_;
  std::vector<glm::vec2> controls_;  // the stabilised points, without the one under the hand
  glm::vec2 last_raw_{0.0f};
  Stroke committed_;                 // the final part of the path, stamped into committed_mask_
  std::size_t committed_segments_ = 0;
  CoverageMask committed_mask_;
  CoverageMask shown_;               // committed_mask_ plus the moving tail
  PixelRect tail_rect_;
  PixelRect stroke_rect_;
  PixelRect cleared_;
};

}  // namespace innerscape::core
