// Writing one journal entry: the prompts of its type, the parts it is about, and for a check-in the
// 8 C's radar as the ratings move. Nothing typed is lost: the draft stays while the window is closed.
#pragma once

#include <optional>
#include <string>

#include "core/inner_system.h"
#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

struct EntryEditor {
  std::optional<core::Entry> draft;  // open while there is a draft; id 0: a new entry
  bool open = false;
  bool focus = false;        // the page takes the keyboard: its window, and its first field to write in
  bool focus_field = false;
  // Each page opened is a page of its own to ImGui: its fields and scroll are not the last page's,
  // so it opens at its top and no field inherits another page's typing.
  int page = 0;
  ItemRects item_rects;
  std::string new_part_name;  // a part met while writing, added to the map on the spot
  int new_part_kind = 0;

  void start(core::EntryType type, std::vector<core::PartId> parts = {});
  void edit(const core::Entry& entry);
  void draw(const core::InnerSystem& system, std::int64_t now, UiActions& actions);
};

}  // namespace innerscape::ui
