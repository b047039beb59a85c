// Keeps Dear ImGui 1.86's one text-editing state honest. ImGui keeps the cursor and undo steps of the
// field last typed into, and gives them back when a field with the same id is clicked again, even if
// its words changed meanwhile (an undo, another part, another page). Its undo then works on text that
// is no longer there and writes past the end of its buffer (issue 17).
#pragma once

namespace innerscape::ui {

// Call just before each text field, with the field's label: unless the field is being typed into,
// its next edit starts afresh from the words it shows. While it is, Esc ends the edit and keeps the
// words typed (ImGui would put back those it had when clicked).
void forget_stale_text_state(const char* label);

// Whether a text field is being typed into now.
bool text_field_active();

// Ends the edit of the field being typed into (its words stay as typed), before something else
// changes them.
void end_text_edit();

}  // namespace innerscape::ui
