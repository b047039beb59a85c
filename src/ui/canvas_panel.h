// The drawing canvas's panels: the tools on the left (brushes, size, opacity, colours, paper, zoom,
// undo, a gentle prompt, a timer, saving a PNG, whose portrait it is) and the gallery on the right.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/inner_system.h"
#include "ui/actions.h"
#include "ui/canvas_controller.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

struct CanvasPanelView {
  const core::InnerSystem* system = nullptr;
  std::map<core::DrawingId, void*> thumbnails;  // ImGui texture ids of each drawing's thumbnail
  std::string undo_label;   // empty: nothing on this drawing to undo
  std::string redo_label;
  double timer_s = -1.0;    // seconds timed so far; negative when no timer runs
  std::string default_png_path;
};

struct CanvasPanel {
  bool gallery_open = true;
  std::string title;        // as typed; committed when the field is left
  core::DrawingId title_of = 0;
  std::string png_path;     // as typed in the "save as PNG" field
  ItemRects item_rects;     // for tests: where the tools were drawn

  // Draws both panels and sets the controller's area (the space between them) for the sheet.
  void draw(CanvasController& controller, const CanvasPanelView& view, std::int64_t now, Actions& actions);

 private:
  // The parts of draw, top to bottom.
  void draw_header(const CanvasPanelView& view, const core::Drawing& drawing, std::int64_t now, Actions& actions);
  void draw_brush_and_colour(CanvasController& controller, const core::Drawing& drawing, const core::InnerSystem& system,
                             std::int64_t now, Actions& actions, float tools_width, float em);
  void draw_zoom(CanvasController& controller);
  void draw_portrait(const core::InnerSystem& system, const core::Drawing& drawing, std::int64_t now, Actions& actions);
  void draw_timer_and_png(const CanvasPanelView& view, Actions& actions, float em);
  void draw_gallery(const CanvasPanelView& view, const core::Drawing& drawing, Actions& actions);
};

// The colour as ImGui likes it, and back (0xRRGGBB).
void unpack_color(std::uint32_t rgb, float out[3]);
std::uint32_t pack_color(const float rgb[3]);

}  // namespace innerscape::ui
