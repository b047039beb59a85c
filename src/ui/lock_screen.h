// The lock screen: shown at start when the person's store is locked, and again after the chosen idle
// time. A passphrase field over the dimmed, blurred scene. A wrong passphrase gets a calm word and a
// wait that grows with each try; nothing is changed by trying.
#pragma once

#include <string>

#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

struct LockScreen {
  bool shown = false;
  bool busy = false;        // the passphrase is being checked (it takes about a second, on purpose)
  int failures = 0;         // wrong passphrases since the screen was shown
  double retry_at_s = 0.0;  // no new try before this time
  std::string passphrase;
  std::string message;      // what happened, in a word
  ItemRects item_rects;

  void show();
  // The passphrase was wrong: a kind word, and a wait before the next try (1, 2, 4 ... up to 30 s).
  void refused(double now_s, const std::string& why);
  void opened();
  // The wait before trying again after `failures` wrong tries.
  static double wait_after(int failures);

  // A passphrase typed and sent is pushed as an act::Unlock action (this field is wiped).
  void draw(double now_s, Actions& actions);
};

}  // namespace innerscape::ui
