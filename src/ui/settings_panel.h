// Settings: how big and in which colours the overlay is drawn, whether the scene moves, the breathing
// guide's tones, and the way to Privacy (the passphrase lock). Changes are asked for as actions; the
// app applies and saves them.
#pragma once

#include <string>

#include "core/settings.h"
#include "ui/actions.h"
#include "ui/item_rects.h"
#include "ui/panel.h"

namespace innerscape::ui {

struct SettingsPanel : Panel {
  ItemRects item_rects;  // where each entry was drawn last frame, by label
  int font_px_edit = 0;  // the text size while its slider is held (applied when let go)
  bool font_px_held = false;
  std::string crisis_edit;  // the crisis contact while its field is being typed into (kept when it is let go)
  bool crisis_held = false;

  // The UI scale's steps, in percent.
  static constexpr int scale_choices[] = {75, 100, 125, 150, 175, 200};

  void draw(const core::Settings& settings, bool privacy_open, bool fullscreen, Actions& actions);
  // Inside its window (ui/panel.h).
  void draw_content(const core::Settings& settings, bool privacy_open, bool fullscreen, Actions& actions);
};

}  // namespace innerscape::ui
