// Privacy: the passphrase lock, turned on, changed or turned off, and how soon an idle Innerscape
// locks itself. Before the lock goes on it says plainly that nothing can open the store without the
// passphrase, and offers a copy of everything first.
#pragma once

#include <string>

#include "ui/actions.h"
#include "ui/item_rects.h"
#include "ui/panel.h"

namespace innerscape::ui {

struct LockView {
  bool locked = false;       // the store is kept encrypted
  bool busy = false;         // a change is being made
  int idle_lock_minutes = 0; // 0: never
  bool demo = false;         // the example map has no store to lock
  bool nothing_yet = false;  // a first run with nothing written: no copy to offer before the lock
};

struct LockPanel : Panel {
  std::string current;   // the passphrase now (to change or turn off)
  std::string next;      // the new one
  std::string again;     // the new one, typed twice
  bool understood = false;
  std::string export_path = "~/innerscape-copy.json";
  std::string message;   // how the last change went
  ItemRects item_rects;

  static constexpr std::size_t min_length = 8;
  static constexpr int idle_choices[] = {0, 5, 15, 30, 60};

  void draw(const LockView& view, Actions& actions);
  void draw_content(const LockView& view, Actions& actions);  // inside its window (ui/panel.h)
  void done(const std::string& problem);  // the app's answer to a change: "" went well
  void clear_secrets();
};

}  // namespace innerscape::ui
