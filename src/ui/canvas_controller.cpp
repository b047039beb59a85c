// Turns what a person does on the drawing canvas into strokes and view changes.
#include "ui/canvas_controller.h"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>

#include "core/edits.h"
#include "ui/shortcuts.h"

namespace innerscape::ui {

CanvasTool::CanvasTool() {
  for (const core::BrushSpec& b : core::brushes()) {
    sizes[static_cast<std::size_t>(b.brush)] = b.default_size;
    opacities[static_cast<std::size_t>(b.brush)] = b.default_opacity;
  }
}

core::Stroke CanvasTool::style() const {
  core::Stroke s;
  s.brush = brush;
  s.color = color;
  s.size = sizes[static_cast<std::size_t>(brush)];
  s.opacity = opacities[static_cast<std::size_t>(brush)];
  return s;
}

void CanvasController::show(core::DrawingId id) {
  live.cancel();
  live_dirty = unite(live_dirty, live.take_cleared());
  drawing = id;
  zoom = 1.0f;
  pan = glm::vec2(0.0f);
  panning = false;
}

void CanvasController::close() { show(0); }

SheetRect sheet_rect(const CanvasController& c) {
  const glm::vec2 area = glm::max(c.area_max - c.area_min, glm::vec2(1.0f));
  const glm::vec2 sheet = glm::vec2(core::canvas_size);
  const float fit = std::min(area.x / sheet.x, area.y / sheet.y) * 0.96f;
  const float scale = fit * c.zoom;
  const glm::vec2 centre = (c.area_min + c.area_max) * 0.5f + c.pan;
  return {centre - sheet * scale * 0.5f, centre + sheet * scale * 0.5f};
}

glm::vec2 window_to_canvas(const SheetRect& sheet, glm::vec2 px) { return (px - sheet.min) / std::max(sheet.scale(), 1e-6f); }

void zoom_canvas_about(CanvasController& c, glm::vec2 px, float factor) {
  const SheetRect before = sheet_rect(c);
  const glm::vec2 under = window_to_canvas(before, px);
  c.zoom = std::clamp(c.zoom * factor, min_canvas_zoom, max_canvas_zoom);
  const SheetRect after = sheet_rect(c);
  // Move the sheet so the point that was under the pointer is under it again.
  c.pan += px - (after.min + under * after.scale());
}

void handle_canvas_input(CanvasController& c, const core::InnerSystem& system, const SceneInput& input, std::int64_t now,
                         Actions& actions) {
  if (!c.open()) return;
  for (const PointerEvent& e : input.pointer) {
    const SheetRect sheet = sheet_rect(c);
    switch (e.type) {
      case PointerEvent::Type::press:
        if (e.button == PointerEvent::Button::left && !c.live.active()) {
          c.live_dirty = unite(c.live_dirty, c.live.begin(c.tool.style(), window_to_canvas(sheet, e.position)));
        } else if (e.button == PointerEvent::Button::middle || e.button == PointerEvent::Button::right) {
          c.panning = true;
        }
        c.last_px = e.position;
        break;
      case PointerEvent::Type::move:
        if (c.live.active()) c.live_dirty = unite(c.live_dirty, c.live.add(window_to_canvas(sheet, e.position)));
        if (c.panning) c.pan += e.position - c.last_px;
        c.last_px = e.position;
        c.pointer_px = e.position;
        break;
      case PointerEvent::Type::release:
        if (e.button == PointerEvent::Button::left && c.live.active()) {
          c.live_dirty = unite(c.live_dirty, c.live.add(window_to_canvas(sheet, e.position)));
          actions.push(act::Edit{core::add_stroke(system, c.drawing, c.live.finish(), now)});
          c.live_dirty = unite(c.live_dirty, c.live.take_cleared());
        }
        if (e.button == PointerEvent::Button::middle || e.button == PointerEvent::Button::right) c.panning = false;
        break;
      case PointerEvent::Type::wheel:
        zoom_canvas_about(c, e.position, std::pow(1.15f, e.wheel));
        break;
    }
  }
  if (input.pointer_gone) c.pointer_px = glm::vec2(-1.0f);
  for (SceneKey key : input.keys) {
    if (apply_common_key(key, actions)) continue;
    switch (key) {
      case SceneKey::undo:
        if (!c.live.active()) actions.push(act::Undo{});
        break;
      case SceneKey::redo:
        if (!c.live.active()) actions.push(act::Redo{});
        break;
      case SceneKey::cancel:
        // Esc lets go of a stroke half drawn; with none, it puts the canvas away.
        if (c.live.active()) {
          c.live.cancel();
          c.live_dirty = unite(c.live_dirty, c.live.take_cleared());
        } else {
          actions.push(act::CloseCanvas{});
        }
        break;
      default:
        break;  // map keys (delete, frame all, journal, new part) do nothing on the canvas
    }
  }
}

}  // namespace innerscape::ui
