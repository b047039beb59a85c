// Undo and redo for a session: every edit applied through here can be taken back, without limit.
#include "core/history.h"

namespace innerscape::core {

bool perform(InnerSystem& system, History& history, Edit edit) {
  if (edit.empty() || !apply_edit(system, edit)) return false;
  history.done.push_back(std::move(edit));
  history.undone.clear();
  ++history.revision;
  return true;
}

bool undo(InnerSystem& system, History& history) {
  if (history.done.empty() || !revert_edit(system, history.done.back())) return false;
  history.undone.push_back(std::move(history.done.back()));
  history.done.pop_back();
  ++history.revision;
  return true;
}

bool redo(InnerSystem& system, History& history) {
  if (history.undone.empty() || !apply_edit(system, history.undone.back())) return false;
  history.done.push_back(std::move(history.undone.back()));
  history.undone.pop_back();
  ++history.revision;
  return true;
}

bool withdraw(InnerSystem& system, History& history) {
  if (!undo(system, history)) return false;
  history.undone.pop_back();
  return true;
}

bool can_undo(const History& history) { return !history.done.empty(); }
bool can_redo(const History& history) { return !history.undone.empty(); }
std::string undo_label(const History& history) { return history.done.empty() ? std::string() : history.done.back().label; }
std::string redo_label(const History& history) {
  return history.undone.empty() ? std::string() : history.undone.back().label;
}

}  // namespace innerscape::core
