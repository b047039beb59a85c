// Every keyboard shortcut, as one table: the platform dispatches keys through it and the F1 sheet draws it.
#include "ui/shortcuts.h"

#include <array>

#include "core/journal.h"

namespace innerscape::ui {
namespace {

constexpr Shortcut entry_key(int kind, const char* keys, const char* what) {
  return {.key = static_cast<Key>('1' + kind), .ctrl = true, .while_typing = true, .entry_kind = kind, .keys = keys, .what = what};
}

constexpr std::array table{
    Shortcut{.key = Key::f1, .while_typing = true, .action = SceneKey::shortcuts, .keys = "F1", .what = "Show or hide these shortcuts"},
    Shortcut{.key = letter('n'), .action = SceneKey::parts, .keys = "N", .what = "A new part: the Parts palette, ready for the arrow keys; Space places it beside the Self"},
    Shortcut{.key = letter('n'), .ctrl = true, .while_typing = true, .action = SceneKey::new_entry_menu, .keys = "Ctrl+N",
             .what = "Write a new journal page: choose its kind"},
    entry_key(0, "Ctrl+1 ... Ctrl+8", "A new journal page of one kind, in the order the journal lists them"),
    entry_key(1, "", ""), entry_key(2, "", ""), entry_key(3, "", ""), entry_key(4, "", ""), entry_key(5, "", ""),
    entry_key(6, "", ""), entry_key(7, "", ""),
    Shortcut{.key = letter('j'), .ctrl = true, .while_typing = true, .action = SceneKey::journal, .keys = "Ctrl+J", .what = "Open or close the journal"},
    Shortcut{.key = letter('f'), .ctrl = true, .while_typing = true, .action = SceneKey::search, .keys = "Ctrl+F", .what = "Search your journal"},
    Shortcut{.key = letter('t'), .ctrl = true, .while_typing = true, .action = SceneKey::timeline, .keys = "Ctrl+T",
             .what = "Your map over time: any day so far, and the time-lapse"},
    Shortcut{.key = letter('d'), .action = SceneKey::draw, .keys = "D", .what = "Open the drawing canvas, or go back to the map"},
    Shortcut{.key = Key::f2, .while_typing = true, .action = SceneKey::calm, .keys = "F2", .what = "Calm mode: breathe slowly, with soothing words"},
    Shortcut{.key = letter('z'), .ctrl = true, .action = SceneKey::undo, .keys = "Ctrl+Z", .what = "Undo"},
    Shortcut{.key = letter('z'), .ctrl = true, .shift = true, .action = SceneKey::redo, .keys = "Ctrl+Shift+Z", .what = "Redo"},
    Shortcut{.key = letter('y'), .ctrl = true, .action = SceneKey::redo, .keys = "Ctrl+Y", .what = "Redo"},
    Shortcut{.key = Key::del, .action = SceneKey::remove, .keys = "Delete", .what = "Remove the selected part, when the map has the keyboard (Undo brings it back)"},
    Shortcut{.key = Key::backspace, .action = SceneKey::remove, .keys = "Backspace", .what = "Remove the selected part, too"},
    Shortcut{.key = Key::home, .action = SceneKey::frame_all, .keys = "Home", .what = "Show everything: the Self and every part"},
    Shortcut{.key = Key::f11, .while_typing = true, .action = SceneKey::fullscreen, .keys = "F11", .what = "Full screen, or back to a window"},
    Shortcut{.key = Key::escape, .action = SceneKey::cancel, .keys = "Esc",
             .what = "Let go: stop placing, close this sheet, put the canvas away, clear the selection"},
};
static_assert(core::entry_type_count == 8, "the Ctrl+1 ... Ctrl+8 rows name eight kinds");

}  // namespace

std::span<const Shortcut> shortcuts() { return table; }

const Shortcut* match_shortcut(Key key, bool ctrl, bool shift, KeyFocus focus) {
  auto waits = [focus](const Shortcut& s) {
    return focus == KeyFocus::field ? !s.while_typing : focus == KeyFocus::panel && !s.while_typing && !s.ctrl;
  };
  // A row that names Shift wins; otherwise Shift is forgiven (Ctrl+Shift+F still searches).
  for (bool exact : {true, false}) {
    for (const Shortcut& s : table) {
      if (s.key != key || s.ctrl != ctrl || waits(s)) continue;
      if (exact ? s.shift == shift : !s.shift) return &s;
    }
  }
  return nullptr;
}

bool apply_common_key(SceneKey key, Actions& actions) {
  switch (key) {
    case SceneKey::calm:
      actions.push(act::Calm{});
      return true;
    case SceneKey::shortcuts:
      actions.push(act::ToggleShortcuts{});
      return true;
    case SceneKey::fullscreen:
      actions.push(act::ToggleFullscreen{});
      return true;
    case SceneKey::draw:
      actions.push(act::ToggleCanvas{});
      return true;
    case SceneKey::timeline:
      actions.push(act::ToggleTimeline{});
      return true;
    default:
      return false;
  }
}

}  // namespace innerscape::ui
