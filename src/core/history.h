// Undo and redo for a session: every edit applied through here can be taken back, without limit.
#pragma once

#include <string>
#include <vector>

#include "core/edits.h"

namespace innerscape::core {

struct History {
  std::vector<Edit> done;
  std::vector<Edit> undone;
  std::uint64_t revision = 0;  // grows with every change, undo and redo: "has anything changed?"
};

// Applies the edit and records it. An empty edit, or one that does not fit, changes nothing.
bool perform(InnerSystem& system, History& history, Edit edit);
bool undo(InnerSystem& system, History& history);
bool redo(InnerSystem& system, History& history);
// Takes the last edit back as though it had never been made: undone, and not offered for redo.
bool withdraw(InnerSystem& system, History& history);

bool can_undo(const History& history);
bool can_redo(const History& history);
// The label of what undo or redo would do next ("rename"), or empty.
std::string undo_label(const History& history);
std::string redo_label(const History& history);

}  // namespace innerscape::core
