// The inner map in the database: load it whole, and save only what changed since the last save,
// in one transaction, so a save is small and either all there or not at all.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/drafts.h"
#include "core/image.h"
#include "core/inner_system.h"
#include "core/map_history.h"
#include "core/page_drafts.h"
#include "core/scene_view.h"
#include "core/settings.h"
#include "storage/database.h"

namespace innerscape::storage {

// Everything about the map that outlives a session.
struct Snapshot {
  core::InnerSystem system;
  core::SceneView view;  // center and zoom are kept; the viewport is the window's
  core::Settings settings;
  std::vector<core::Draft> drafts;  // words being typed, not yet an edit
  core::PageDrafts page_drafts;  // journal pages being written, not yet kept: the open one and those put aside
  // Each drawing's small picture (core::thumbnail), kept as a PNG. A picture never changes once
  // made: a new one is a new pointer, and only a new pointer is encoded and written again.
  // A drawing without one is fine (the app paints it again).
  std::map<core::DrawingId, std::shared_ptr<const core::Image>> thumbnails;
  // False while the journal has not been read yet (the app opens the map first and reads years of
  // pages after its first frame). A save with an unread journal on either side leaves the journal's
  // rows alone: an empty list then means "not here yet", never "deleted".
  bool journal_loaded = true;
  // When this state was the map's (seconds since 1970): a save stamps the changes it records in the
  // map's history with it. 0: the time of the save.
  std::int64_t at = 0;
  // The map's past (core/map_history.h), only where a whole copy travels: export and import. Saves
  // record what changed between the two states they compare and never read this, unless
  // `replace_history` is set (an import into an empty map): then it replaces the stored history.
  core::MapHistory history;
  bool replace_history = false;
};

struct LoadResult {
  Snapshot snapshot;
  bool had_view = false;  // a first start has no saved view: frame the map instead
  std::string error;
};

// Reads the map from a migrated database; without the journal when `with_journal` is false (then
// journal_loaded is false, and next_entry_id is still right).
LoadResult load_snapshot(Database& db, bool with_journal = true);

// Reads the journal alone, oldest first, as load_snapshot does. On failure `error` says why.
std::vector<core::Entry> load_journal(Database& db, std::string& error);

// The map's history, oldest first. On failure `error` says why (and the list is empty).
core::MapHistory load_history(Database& db, std::string& error);

// How many changes the map's history holds, without reading them; -1 (and `error`) when it cannot be read.
long history_size(Database& db, std::string& error);

// Forgets the map's past, keeping only the present: the history starts again from `present`, at `now`.
std::string clear_history(Database& db, const core::InnerSystem& present, std::int64_t now);

// A store from before history was kept gets the map so far as its start (core::baseline_history);
// a store with a history, or with an empty map, is left alone. Run by the migration that adds history.
std::string start_history(Database& db, std::int64_t now);

// Full-text search over the journal (FTS4), best matches first. Words are matched as prefixes
// ("anx" finds "anxious"); an empty query finds nothing.
std::vector<core::EntryId> search_entries(Database& db, const std::string& query);

// Writes the difference between `saved` (what the database holds) and `current`. On success
// returns empty and the database holds `current`; on failure nothing changed. Strokes are compared
// by pointer (a finished stroke never changes): after the strokes both share, the saved ones are
// deleted and the current ones inserted, so one more stroke, or one undone, is one row.
std::string save_changes(Database& db, const Snapshot& saved, const Snapshot& current);

}  // namespace innerscape::storage
