// The journal: new entries of every kind, the pages put aside, a timeline newest first, search, and
// filters by kind and part.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/inner_system.h"
#include "core/page_drafts.h"
#include "ui/actions.h"
#include "ui/item_rects.h"
#include "ui/panel.h"

namespace innerscape::ui {

struct JournalPanel : Panel {
  bool focus_search = false;
  bool open_new_menu = false;  // show the new-entry menu when next drawn (Ctrl+N)
  bool loading = false;  // the journal is still being read: the list waits, writing does not
  std::string query;
  std::optional<std::vector<core::EntryId>> results;  // set by the app for a non-empty query
  int type_filter = -1;                               // -1: every kind
  core::PartId part_filter = 0;                       // 0: every part
  int since_days = 0;                                 // 0: any time; else only the last N days
  ItemRects item_rects;

  // `pages`: the pages being written; those put aside are listed at the top.
  void draw(const core::InnerSystem& system, const core::PageDrafts& pages, std::int64_t now, Actions& actions);
  // Inside its window (ui/panel.h).
  void draw_content(const core::InnerSystem& system, const core::PageDrafts& pages, std::int64_t now, Actions& actions);

 private:
  // The parts of draw_content, top to bottom.
  void draw_new_entry_menu(Actions& actions);
  void draw_filters(const core::InnerSystem& system, std::int64_t now, Actions& actions, float em);
  std::vector<const core::Entry*> listed_entries(const core::InnerSystem& system, std::int64_t now) const;
  void draw_entries(const core::InnerSystem& system, const std::vector<const core::Entry*>& listed, Actions& actions, float em);
};

}  // namespace innerscape::ui
