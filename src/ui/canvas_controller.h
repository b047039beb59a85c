// Turns what a person does on the drawing canvas into strokes and view changes: the left button
// draws with the chosen brush, the middle or right button pans, the wheel zooms to the pointer.
// The stroke being drawn lives here until the button lifts; then it becomes one undoable edit.
#pragma once

#include <array>
#include <cstdint>

#include <glm/vec2.hpp>

#include "core/drawing.h"
#include "core/ink.h"
#include "core/inner_system.h"
#include "ui/actions.h"
#include "ui/scene_input.h"

namespace innerscape::ui {

// The brush in hand: each brush remembers its own size and opacity.
struct CanvasTool {
  core::Brush brush = core::Brush::pen;
  std::array<float, core::brush_count> sizes{};
  std::array<float, core::brush_count> opacities{};
  std::uint32_t color = core::default_ink;

  CanvasTool();
  float& size() { return sizes[static_cast<std::size_t>(brush)]; }
  float& opacity() { return opacities[static_cast<std::size_t>(brush)]; }
  core::Stroke style() const;  // a stroke in this brush, with no points yet
};

// Where the sheet is shown, in window pixels (origin top left).
struct SheetRect {
  glm::vec2 min{0.0f};
  glm::vec2 max{0.0f};
  float scale() const { return (max.x - min.x) / static_cast<float>(core::canvas_size.x); }
};

struct CanvasController {
  core::DrawingId drawing = 0;  // the open drawing; 0 when the canvas is closed
  CanvasTool tool;
  float zoom = 1.0f;            // 1: the whole sheet fits the space it is given
  glm::vec2 pan{0.0f};          // the sheet's centre from the space's centre, in window pixels
  glm::vec2 area_min{0.0f};     // the space the sheet is shown in (the window less the tool panel)
  glm::vec2 area_max{0.0f};

  core::LiveStroke live;
  core::PixelRect live_dirty;   // coverage pixels changed since the display last took them
  bool panning = false;
  glm::vec2 last_px{0.0f};
  glm::vec2 pointer_px{-1.0f};  // where the pointer is over the sheet, for the brush outline; <0: away

  bool open() const { return drawing != 0; }
  // Opens a drawing with the view fitted; a stroke in progress is dropped.
  void show(core::DrawingId id);
  void close();
};

inline constexpr float min_canvas_zoom = 0.25f;
inline constexpr float max_canvas_zoom = 8.0f;

SheetRect sheet_rect(const CanvasController& controller);
glm::vec2 window_to_canvas(const SheetRect& sheet, glm::vec2 px);
// Zooms by `factor` keeping the canvas point under `px` where it is.
void zoom_canvas_about(CanvasController& controller, glm::vec2 px, float factor);

// Strokes are pushed as act::Edit actions as they finish; keys ask for undo, redo or leaving the canvas.
void handle_canvas_input(CanvasController& controller, const core::InnerSystem& system, const SceneInput& input,
                         std::int64_t now, Actions& actions);

}  // namespace innerscape::ui
