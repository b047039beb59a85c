// Undo and redo as two buttons, with what each would do in their tooltips: the dock and the canvas
// show the same pair.
#pragma once

#include <string>

#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

// Empty labels: nothing to undo (or redo), and the button rests. Records "Undo" in `rects`.
void undo_redo_buttons(const std::string& undo_label, const std::string& redo_label, Actions& actions, ItemRects& rects);

}  // namespace innerscape::ui
