// The undo stack: every edit applied through here can be taken back, without limit.
#include "core/undo_stack.h"

namespace innerscape::core {

bool perform(InnerSystem& system, UndoStack& stack, Edit edit) {
  if (edit.empty() || !apply_edit(system, edit)) return false;
  stack.done.push_back(std::move(edit));
  stack.undone.clear();
  ++stack.revision;
  return true;
}

bool undo(InnerSystem& system, UndoStack& stack) {
  if (stack.done.empty() || !revert_edit(system, stack.done.back())) return false;
  stack.undone.push_back(std::move(stack.done.back()));
  stack.done.pop_back();
  ++stack.revision;
  return true;
}

bool redo(InnerSystem& system, UndoStack& stack) {
  if (stack.undone.empty() || !apply_edit(system, stack.undone.back())) return false;
  stack.done.push_back(std::move(stack.undone.back()));
  stack.undone.pop_back();
  ++stack.revision;
  return true;
}

bool withdraw(InnerSystem& system, UndoStack& stack) {
  if (!undo(system, stack)) return false;
  stack.undone.pop_back();
  return true;
}

bool can_undo(const UndoStack& stack) { return !stack.done.empty(); }
bool can_redo(const UndoStack& stack) { return !stack.undone.empty(); }
std::string undo_label(const UndoStack& stack) { return stack.done.empty() ? std::string() : stack.done.back().label; }
std::string redo_label(const UndoStack& stack) {
  return stack.undone.empty() ? std::string() : stack.undone.back().label;
}

}  // namespace innerscape::core
