// The F1 sheet: every keyboard shortcut in one calm table, drawn from the same table the keys use.
#pragma once

#include "ui/actions.h"

namespace innerscape::ui {

struct ShortcutsPanel {
  bool open = false;
  bool focus = false;  // take the keyboard when next drawn (just opened), so Esc closes it

  void draw(const char* title, Actions& actions);
};

}  // namespace innerscape::ui
