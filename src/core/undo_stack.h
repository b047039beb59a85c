// The undo stack: every edit applied through here can be taken back, without limit. (The map's past
// over time is another thing: core/map_history.h.)
#pragma once

#include <string>
#include <vector>

#include "core/edits.h"

namespace innerscape::core {

struct UndoStack {
  std::vector<Edit> done;
  std::vector<Edit> undone;
  std::uint64_t revision = 0;  // grows with every change, undo and redo: "has anything changed?"
};

// Applies the edit and records it. An empty edit, or one that does not fit, changes nothing.
bool perform(InnerSystem& system, UndoStack& stack, Edit edit);
bool undo(InnerSystem& system, UndoStack& stack);
bool redo(InnerSystem& system, UndoStack& stack);
// Takes the last edit back as though it had never been made: undone, and not offered for redo.
bool withdraw(InnerSystem& system, UndoStack& stack);

bool can_undo(const UndoStack& stack);
bool can_redo(const UndoStack& stack);
// The label of what undo or redo would do next ("rename"), or empty.
std::string undo_label(const UndoStack& stack);
std::string redo_label(const UndoStack& stack);

}  // namespace innerscape::core
