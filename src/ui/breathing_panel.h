// The breathing guide: choose a pattern and a length, start, pause, end; and the breathing form itself,
// drawn around the Self, growing with the in-breath, resting on the hold, softening on the out-breath.
#pragma once

#include <optional>

#include <glm/vec2.hpp>

#include "core/breathing.h"
#include "core/live_breath.h"
#include "ui/actions.h"
#include "ui/item_rects.h"
#include "ui/panel.h"
#include "ui/screen_space.h"

namespace innerscape::ui {

struct BreathingPanel : Panel {
  int preset = 0;         // index into core::breath_presets(); the one past the end is "custom"
  float custom[4] = {4.0f, 4.0f, 6.0f, 0.0f};  // seconds: in, hold, out, hold
  int minutes = 5;        // 1 .. 20
  bool hands = true;      // show the guide for the hands
  ItemRects item_rects;   // where each entry was drawn last frame, by label
  float note_px = 0.0f;   // the height the breath's words took low on the screen in the last frame; 0: they were by the Self

  void draw(const core::LiveBreath& view, Actions& actions);
  void draw_content(const core::LiveBreath& view, Actions& actions);

  // The form and the session's progress ring, centred on `centre` (pixels), and the breath in plain
  // words beside it (the phase, its count, the guide for the hands, the time left) where they cover
  // no panel and no other words (`space`, where they are then noted). With reduced motion, light
  // changes instead of size. False when there is no room for the words by the Self: draw_words_note
  // then shows them low on the screen, above the dock.
  bool draw_form(const core::LiveBreath& view, glm::vec2 centre, float base_radius_px, bool reduced_motion, ScreenSpace& space);
  void draw_words_note(const core::LiveBreath& view);
};

}  // namespace innerscape::ui
