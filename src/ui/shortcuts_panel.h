// The F1 sheet: every keyboard shortcut in one calm table, drawn from the same table the keys use.
#pragma once

#include "ui/actions.h"
#include "ui/panel.h"

namespace innerscape::ui {

struct ShortcutsPanel : Panel {  // centred; its `focus` lets Esc close it at once
  void draw(const char* title, Actions& actions);
  void draw_content();  // inside its window (ui/panel.h)
};

}  // namespace innerscape::ui
