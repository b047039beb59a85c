// The parts palette: the guide's archetypes by kind, and a blank part of each kind, ready to place.
#pragma once

#include <string>
#include <vector>

#include <glm/vec4.hpp>

#include "ui/actions.h"

namespace innerscape::ui {

struct PaletteView {
  bool placing = false;  // a part is waiting for its place
};

struct PalettePanel {
  bool open = true;
  // Where each entry was drawn last frame (label, min x, min y, max x, max y): UI state that lets
  // tests, and later a guided tour, point at an entry.
  std::vector<std::pair<std::string, glm::vec4>> item_rects;

  void draw(const char* title, const PaletteView& view, UiActions& actions);
};

}  // namespace innerscape::ui
