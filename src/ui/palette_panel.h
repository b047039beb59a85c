// The parts palette: the guide's archetypes by kind, and a blank part of each kind, ready to place.
#pragma once

#include <string>
#include <vector>

#include <glm/vec4.hpp>

#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

struct PaletteView {
  bool placing = false;  // a part is waiting for its place
};

struct PalettePanel {
  bool open = true;
  bool focus = false;    // take the keyboard when next drawn, on the open tab's first entry (N)
  ItemRects item_rects;  // where each entry was drawn last frame, by label

  void draw(const char* title, const PaletteView& view, Actions& actions);
};

}  // namespace innerscape::ui
