// The database's schema, as numbered steps. SQL here must run on SQLite 3.15.2 (Debian's SQLCipher):
// no UPSERT, window functions, RETURNING or DROP COLUMN.
#include "storage/migrations.h"

#include <ctime>

#include "storage/map_store.h"

namespace innerscape::storage {

const std::vector<std::string_view>& migration_steps() {
  static const std::vector<std::string_view> steps = {
      // 1: the inner system, the view, and settings.
      R"sql(
        CREATE TABLE parts (
          id INTEGER PRIMARY KEY,
          sort INTEGER NOT NULL,
          name TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('manager', 'firefighter', 'exile')),
          archetype TEXT NOT NULL DEFAULT '',
          age INTEGER,
          job TEXT NOT NULL DEFAULT '',
          fears TEXT NOT NULL DEFAULT '',
          needs_to_feel_safe TEXT NOT NULL DEFAULT '',
          needs_to_hear TEXT NOT NULL DEFAULT '',
          body TEXT NOT NULL DEFAULT '',
          feeling TEXT NOT NULL DEFAULT '',
          comfort TEXT NOT NULL DEFAULT '',
          notes TEXT NOT NULL DEFAULT '',
          color INTEGER NOT NULL DEFAULT 0,
          x REAL NOT NULL DEFAULT 0,
          y REAL NOT NULL DEFAULT 0,
          size REAL NOT NULL DEFAULT 1,
          depth REAL NOT NULL DEFAULT 0,
          trust INTEGER NOT NULL DEFAULT 50,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE TABLE relationships (
          from_part INTEGER NOT NULL REFERENCES parts (id) ON DELETE CASCADE,
          to_part INTEGER NOT NULL REFERENCES parts (id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('protects', 'polarized', 'allied')),
          sort INTEGER NOT NULL,
          PRIMARY KEY (from_part, to_part)
        );
        CREATE INDEX relationships_to ON relationships (to_part);
        CREATE TABLE self_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          glow REAL NOT NULL,
          next_part_id INTEGER NOT NULL
        );
        CREATE TABLE view_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          center_x REAL NOT NULL,
          center_y REAL NOT NULL,
          zoom REAL NOT NULL
        );
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      )sql",
      // 2: words still being typed, so a crash cannot take them.
      R"sql(
        CREATE TABLE drafts (
          part_id INTEGER NOT NULL REFERENCES parts (id) ON DELETE CASCADE,
          field TEXT NOT NULL,
          text TEXT NOT NULL,
          PRIMARY KEY (part_id, field)
        );
      )sql",
      // 3: the journal, its ties to parts, and full-text search over it (FTS4: the SQLCipher build has it).
      R"sql(
        CREATE TABLE entries (
          id INTEGER PRIMARY KEY,
          sort INTEGER NOT NULL,
          type TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          body TEXT NOT NULL
        );
        CREATE TABLE entry_parts (
          entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
          part_id INTEGER NOT NULL REFERENCES parts (id) ON DELETE CASCADE,
          PRIMARY KEY (entry_id, part_id)
        );
        CREATE INDEX entry_parts_part ON entry_parts (part_id);
        CREATE INDEX entries_created ON entries (created_at);
        CREATE VIRTUAL TABLE entries_fts USING fts4 (content);
      )sql",
      // 4: the person's own soothing words, in their order.
      R"sql(
        CREATE TABLE soothing (
          sort INTEGER PRIMARY KEY,
          text TEXT NOT NULL
        );
      )sql",
      // 5: breathing sessions, as they happened.
      R"sql(
        CREATE TABLE breathing_sessions (
          id INTEGER PRIMARY KEY,
          started_at INTEGER NOT NULL,
          pattern TEXT NOT NULL,
          planned_s REAL NOT NULL,
          actual_s REAL NOT NULL,
          completed INTEGER NOT NULL
        );
      )sql",
      // 6: drawings, their strokes (a row each, so one more stroke is one more row), the picture a
      // list shows (a PNG, made again by the app when missing), and the drawing a part wears.
      // Brush keys are checked when read, not here, so a later brush needs no table rebuild.
      R"sql(
        CREATE TABLE drawings (
          id INTEGER PRIMARY KEY,
          sort INTEGER NOT NULL,
          title TEXT NOT NULL DEFAULT '',
          paper INTEGER NOT NULL,
          prompt TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          thumbnail BLOB
        );
        CREATE TABLE strokes (
          drawing_id INTEGER NOT NULL REFERENCES drawings (id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          brush TEXT NOT NULL,
          color INTEGER NOT NULL,
          size REAL NOT NULL,
          opacity REAL NOT NULL,
          points BLOB NOT NULL,
          PRIMARY KEY (drawing_id, seq)
        );
        ALTER TABLE parts ADD COLUMN portrait INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE self_state ADD COLUMN next_drawing_id INTEGER NOT NULL DEFAULT 1;
      )sql",
      // 7: the journal is read in its own order straight from an index. Without one, SQLite sorted
      // every page's row in memory first: 36 MB held for a moment for 100 000 pages, which the
      // process then kept.
      R"sql(
        CREATE INDEX entries_by_sort ON entries (sort, id);
      )sql",
      // 8: the map's history, one change a row, in order (seq); each body is the change in the JSON
      // export's shape. And the person's milestones. The map so far becomes the history's start
      // (start_history, run after this step).
      R"sql(
        CREATE TABLE map_history (
          seq INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          body TEXT NOT NULL
        );
        CREATE INDEX map_history_at ON map_history (at);
        CREATE TABLE milestones (
          sort INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          title TEXT NOT NULL
        );
      )sql",
      // 9: journal pages being written, any number of them, a row each (until now one page, as the
      // settings row 'entry_draft', which comes forward as the page that was open). A row per page,
      // not one list in a row: typing into one page rewrites only that page's row, a page kept or let
      // go is one DELETE, and a row that cannot be read (a newer app's kind of page) costs no other.
      // `body` is the page in the JSON of map_store.cpp's page_text; `is_open`: the page in the
      // editor when the app stopped, open again at the next start.
      R"sql(
        CREATE TABLE entry_drafts (
          serial INTEGER PRIMARY KEY,
          is_open INTEGER NOT NULL DEFAULT 0,
          body TEXT NOT NULL
        );
        INSERT INTO entry_drafts (serial, is_open, body) SELECT 1, 1, value FROM settings WHERE key = 'entry_draft';
        DELETE FROM settings WHERE key = 'entry_draft';
      )sql",
  };
  return steps;
}

int latest_schema_version() { return static_cast<int>(migration_steps().size()); }

std::string migrate_to(Database& db, int version) {
  const int current = db.user_version();
  if (current < 0) return "Could not read the database's schema version.";
  if (current > latest_schema_version()) {
    return "This data was written by a newer Innerscape (schema " + std::to_string(current) +
           "). Please update Innerscape to open it; nothing was changed.";
  }
  for (int v = current; v < version; ++v) {
    Transaction tx(db);
    if (!tx.error().empty()) return "Could not start updating the data: " + tx.error();
    if (std::string e = db.exec(migration_steps()[static_cast<std::size_t>(v)]); !e.empty()) {
      return "Updating the data to schema " + std::to_string(v + 1) + " failed: " + e;
    }
    if (v + 1 == history_schema_version) {
      if (std::string e = start_history(db, static_cast<std::int64_t>(std::time(nullptr))); !e.empty()) {
        return "Updating the data to schema " + std::to_string(v + 1) + " failed: " + e;
      }
    }
    if (std::string e = db.set_user_version(v + 1); !e.empty()) return e;
    if (std::string e = tx.commit(); !e.empty()) return "Could not finish updating the data: " + e;
  }
  return {};
}

std::string migrate(Database& db) { return migrate_to(db, latest_schema_version()); }

}  // namespace innerscape::storage
