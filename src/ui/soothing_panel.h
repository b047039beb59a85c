// The person's own soothing words: a short list to add to, reword, reorder and let go of. One of them
// is shown softly in calm moments, a different one each day.
#pragma once

#include <string>
#include <vector>

#include "core/inner_system.h"
#include "ui/actions.h"
#include "ui/item_rects.h"
#include "ui/panel.h"
#include "ui/screen_space.h"

namespace innerscape::ui {

struct SoothingPanel : Panel {
  std::vector<std::string> editing;  // the list as being edited; each change is committed as one edit
  // Each line's own field id, kept in step with `editing` as lines are added, let go and moved: a
  // field is known by the words it edits, never by its row, so no line inherits another's typing.
  std::vector<int> line_ids;
  int next_line_id = 1;
  bool dirty = false;
  bool focus_new_line = false;  // Add words: the new line takes the keyboard
  ItemRects item_rects;  // where each line ("line 0", ...) and button was drawn last frame

  void draw(const core::InnerSystem& system, Actions& actions);
  void draw_content(const core::InnerSystem& system, Actions& actions);  // inside its window (ui/panel.h)
  // Takes the list as the map has it (undo, redo): a line keeps its id only where its words are unchanged.
  void follow(const std::vector<std::string>& words);
};

// One of the words, shown quietly at the top when the overlay is calm, between the panels and clear of
// any words already there (`space`, where it is then noted); `day` picks which.
void draw_soothing_line(const std::vector<std::string>& words, long day, ScreenSpace& space);

}  // namespace innerscape::ui
