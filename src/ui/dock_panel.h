// A small, quiet bar in the corner: undo and redo, arranging, a picture of the map, and the view.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <glm/vec4.hpp>

#include "ui/actions.h"

namespace innerscape::ui {

struct DockView {
  bool welcome_open = false;
  bool palette_open = false;
  bool fullscreen = false;
  std::string undo_label;  // empty: nothing to undo
  std::string redo_label;
  std::string default_picture_path;
};

struct DockPanel {
  std::string picture_path;  // as typed in the "save a picture" field
  // Where each button was drawn last frame (label, min x, min y, max x, max y), for tests and tours.
  std::vector<std::pair<std::string, glm::vec4>> item_rects;

  void draw(const char* title, const DockView& view, UiActions& actions);
};

}  // namespace innerscape::ui
