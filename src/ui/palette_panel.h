// The parts palette: the guide's archetypes by kind, and a blank part of each kind, ready to place.
#pragma once

#include <string>
#include <vector>

#include <glm/vec4.hpp>

#include "ui/actions.h"
#include "ui/item_rects.h"
#include "ui/panel.h"

namespace innerscape::ui {

struct PaletteView {
  bool placing = false;  // a part is waiting for its place
};

struct PalettePanel : Panel {
  PalettePanel() { open = true; }  // its `focus` lands on the open tab's first entry too (N)
  ItemRects item_rects;  // where each entry was drawn last frame, by label

  void draw(const char* title, const PaletteView& view, Actions& actions);
  // Inside its window (ui/panel.h).
  void draw_content(const PaletteView& view, bool asked_focus, Actions& actions);
};

}  // namespace innerscape::ui
