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

// The shortcut a key press means, if any. `typing`: a text field has the keyboard.
const Shortcut* match_shortcut(Key key, bool ctrl, bool shift, bool typing);

// The keys every view shares (the map and the canvas alike): true when `key` was one of them.
bool apply_common_key(SceneKey key, UiActions& actions);

}  // namespace innerscape::ui
