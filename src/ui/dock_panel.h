// A small, quiet bar in the corner: undo and redo, arranging, a picture of the map, and the view.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <glm/vec4.hpp>

#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

struct DockView {
  bool welcome_open = false;
  bool palette_open = false;
  bool journal_open = false;
  bool timeline_open = false;
  std::string undo_label;  // empty: nothing to undo
  std::string redo_label;
  std::string default_picture_path;
};

struct DockPanel {
  std::string picture_path;  // as typed in the "save a picture" field
  ItemRects item_rects;  // where each entry was drawn last frame, by label

  void draw(const char* title, const DockView& view, Actions& actions);
};

}  // namespace innerscape::ui
