// Who has the keyboard: a text field being typed into, a page or panel, or the view itself (the map,
// or the canvas). The shortcut table's single keys reach the view only while it has the keyboard.
#pragma once

#include "ui/shortcuts.h"

namespace innerscape::ui {

// Marks the window being drawn as part of the view (the dock, a notice, the canvas's tools): a click
// on one of its buttons leaves the keyboard with the view.
void belongs_to_view();

// Who has the keyboard, as the last frame left it.
KeyFocus keyboard_focus();

// Whether a field or panel has asked for the keyboard (a page just opened, a line just added) and
// ImGui has not handed it over yet: it does so a frame or two later, through its navigation.
bool keyboard_on_its_way();

// Before a frame: a panel that had the keyboard and has closed gives it back to the view, rather
// than to whichever panel had it before (ImGui's own rule), so Esc on the F1 sheet, or Enter under a
// part's new name, leaves the map ready for its keys.
void settle_keyboard_focus();

}  // namespace innerscape::ui
