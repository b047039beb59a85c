// Every keyboard shortcut, as one table: the platform dispatches keys through it and the F1 sheet
// draws it, so what the sheet says and what the keys do cannot drift apart.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "ui/actions.h"
#include "ui/scene_input.h"

namespace innerscape::ui {

// A key as the table names it: letters and digits are their lowercase ASCII code; the rest are named.
enum class Key : std::uint16_t {
  none = 0,
  backspace = 8,
  escape = 27,
  del = 127,
  f1 = 256,
  f2,
  f11,
  home,
};
constexpr Key letter(char c) { return static_cast<Key>(c); }

struct Shortcut {
  Key key = Key::none;
  bool ctrl = false;
  bool shift = false;
  bool while_typing = false;  // also fires while a text field takes typing (it only moves focus)
  SceneKey action = SceneKey::cancel;
  int entry_kind = -1;        // >= 0: a new journal page of this kind instead of `action`
  const char* keys = "";      // as the sheet shows them; empty: a row folded into the one before
  const char* what = "";
};

std::span<const Shortcut> shortcuts();

// Who has the keyboard: the view itself (the map, or the canvas), a panel, or a text field.
enum class KeyFocus : std::uint8_t { view, panel, field };

// The shortcut a key press means, if any. While a field takes typing, only the rows marked
// while_typing; while a panel has the keyboard, those and the Ctrl rows; the single keys (N, D,
// Delete, Esc...) only while the view has it.
const Shortcut* match_shortcut(Key key, bool ctrl, bool shift, KeyFocus focus);

// The keys every view shares (the map and the canvas alike): true when `key` was one of them.
bool apply_common_key(SceneKey key, Actions& actions);

}  // namespace innerscape::ui
