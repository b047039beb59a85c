// The breathing guide: choose a pattern and a length, start, pause, end; and the breathing form itself,
// drawn around the Self, growing with the in-breath, resting on the hold, softening on the out-breath.
#pragma once

#include <optional>
#include <vector>

#include <glm/vec2.hpp>

#include "core/breathing.h"
#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

// A session in progress, as the overlay shows it.
struct BreathingView {
  bool running = false;
  bool paused = false;
  core::BreathPattern pattern;
  double elapsed_s = 0.0;
  double planned_s = 0.0;
  std::vector<float> minutes_per_day;  // the last two weeks, oldest first
  bool tones = true;
  int volume = 30;
};

struct BreathingPanel {
  bool open = false;
  int preset = 0;         // index into core::breath_presets(); the one past the end is "custom"
  float custom[4] = {4.0f, 4.0f, 6.0f, 0.0f};  // seconds: in, hold, out, hold
  int minutes = 5;        // 1 .. 20
  bool hands = true;      // show the guide for the hands
  ItemRects item_rects;   // where each entry was drawn last frame, by label

  void draw(const BreathingView& view, UiActions& actions);
};

// The form, the phase in plain words and the count, and the session's progress ring, centred on
// `centre` (pixels). With reduced motion, light changes instead of size.
void draw_breathing_form(const BreathingView& view, glm::vec2 centre, float base_radius_px, bool reduced_motion, bool hands);

}  // namespace innerscape::ui
