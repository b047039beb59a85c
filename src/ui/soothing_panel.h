// The person's own soothing words: a short list to add to, reword, reorder and let go of. One of them
// is shown softly in calm moments, a different one each day.
#pragma once

#include <string>
#include <vector>

#include "core/inner_system.h"
#include "ui/actions.h"
#include "ui/screen_space.h"

namespace innerscape::ui {

struct SoothingPanel {
  bool open = false;
  std::vector<std::string> editing;  // the list as being edited; each change is committed as one edit
  bool dirty = false;

  void draw(const core::InnerSystem& system, UiActions& actions);
};

// One of the words, shown quietly at the top when the overlay is calm, between the panels and clear of
// any words already there (`space`, where it is then noted); `day` picks which.
void draw_soothing_line(const std::vector<std::string>& words, long day, ScreenSpace& space);

}  // namespace innerscape::ui
