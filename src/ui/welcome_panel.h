// The first thing a person reads: what this space is, a gentle word on what it is not, and calm settings.
#pragma once

#include "ui/actions.h"
#include "ui/item_rects.h"
#include "ui/panel.h"

namespace innerscape::ui {

// What the panel shows; read-only.
struct WelcomeView {
  bool demo = false;
  bool first_run = false;  // the person's own, still empty map, seen for the first time: offer the example
  bool offer_lock = false; // no passphrase lock yet: at first run it is offered before a word is written
  bool ambient_always = false;
  bool ambient_motion = true;
};

struct WelcomePanel : Panel {
  WelcomePanel() { open = true; }
  ItemRects item_rects;

  void draw(const char* title, const WelcomeView& view, Actions& actions);
  void draw_content(const WelcomeView& view, Actions& actions);  // inside its window (ui/panel.h)
};

}  // namespace innerscape::ui
