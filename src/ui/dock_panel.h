// A small, quiet bar in the corner: the way back to the welcome words and the view's few controls.
#pragma once

#include "ui/actions.h"

namespace innerscape::ui {

struct DockView {
  bool welcome_open = false;
  bool fullscreen = false;
};

struct DockPanel {
  void draw(const char* title, const DockView& view, UiActions& actions);
};

}  // namespace innerscape::ui
