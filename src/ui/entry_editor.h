// Writing journal entries: the prompts of a page's type, the parts it is about, and for a check-in the
// 8 C's radar as the ratings move. Any number of pages can be under way: one open in the window, the
// others put aside (listed in the journal), each kept word for word until it is kept or let go.
#pragma once

#include <optional>
#include <string>

#include "core/inner_system.h"
#include "core/page_drafts.h"
#include "ui/actions.h"
#include "ui/item_rects.h"
#include "ui/panel.h"

namespace innerscape::ui {

// Its `open` (Panel): the window shows pages.open; closing it puts the page aside. Its `focus`: the
// page takes the keyboard, its window and (focus_field) its first field to write in.
struct EntryEditor : Panel {
  core::PageDrafts pages;  // every page being written; pages.open is the one in the window
  bool focus_field = false;
  bool journal_loading = false;  // the journal is still being read: a change to a kept entry is kept once it is here
  ItemRects item_rects;
  std::string new_part_name;  // a part met while writing, added to the map on the spot
  int new_part_kind = 0;

  // A new page of this kind. The page open before is put aside, never replaced.
  void start(const core::InnerSystem& system, core::EntryType type, std::vector<core::PartId> parts = {});
  // An entry from the journal: the page already changing it, if one waits, else the entry as kept.
  void edit(const core::InnerSystem& system, const core::Entry& entry);
  // A page put aside, taken up again.
  void take_up(const core::InnerSystem& system, core::DraftSerial serial);
  // The page in the window, or null.
  const core::PageDraft* page() const { return open ? core::open_draft(pages) : nullptr; }
  void draw(const core::InnerSystem& system, std::int64_t now, Actions& actions);
  // Inside its window (ui/panel.h); true when the page was kept or deleted.
  bool draw_content(core::PageDraft* page, const core::InnerSystem& system, std::int64_t now, Actions& actions);

 private:
  // The parts of draw_content, top to bottom.
  void draw_parts(core::Entry* draft, const core::InnerSystem& system);
  void draw_new_part(core::Entry* draft, const core::InnerSystem& system, std::int64_t now, Actions& actions, float em);
  void draw_fields(core::Entry* draft, const core::EntryTypeSpec& spec);
  bool draw_buttons(core::Entry* draft, const core::InnerSystem& system, std::int64_t now, Actions& actions);
};

}  // namespace innerscape::ui
