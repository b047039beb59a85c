// Storage: the database face, migrations from every earlier schema, the map's save-by-difference
// round trip, private files, and a damaged file set aside untouched.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>
#include <random>

#include "core/archetypes.h"
#include "core/demo_system.h"
#include "core/edits.h"
#include "core/undo_stack.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/map_store.h"
#include "storage/migrations.h"
#include "storage/store.h"
#include "test_tmp.h"
#include "test_store.h"

using namespace innerscape;
using test::memory_db;
namespace fs = std::filesystem;

namespace {

void check_same(const storage::Snapshot& a, const storage::Snapshot& b) {
  CHECK(a.system.parts == b.system.parts);
  CHECK(a.system.relationships == b.system.relationships);
  CHECK(a.system.self.glow == b.system.self.glow);
  CHECK(a.system.next_id == b.system.next_id);
  CHECK(a.settings == b.settings);
}

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("statements bind, step and report errors") {
  auto db = memory_db();
  CHECK(db->exec("CREATE TABLE t (a INTEGER, b TEXT, c REAL)").empty());
  auto insert = db->prepare("INSERT INTO t VALUES (?1, ?2, ?3)");
  REQUIRE(insert.valid());
  CHECK(insert.bind(1, 7).bind(2, std::string_view("seven ☀")).bind(3, 0.5).run());
  auto select = db->prepare("SELECT a, b, c FROM t");
  REQUIRE(select.step());
  CHECK(select.column_int(0) == 7);
  CHECK(select.column_text(1) == "seven ☀");
  CHECK(select.column_double(2) == 0.5);
  std::string error;
  CHECK_FALSE(db->prepare("SELECT nonsense FROM nowhere", &error).valid());
  CHECK(error.find("no such table") != std::string::npos);
  CHECK_FALSE(db->exec("INSERT INTO nowhere VALUES (1)").empty());
}

TEST_CASE("a transaction rolls back unless committed") {
  auto db = memory_db();
  db->exec("CREATE TABLE t (a INTEGER)");
  {
    storage::Transaction tx(*db);
    db->exec("INSERT INTO t VALUES (1)");
  }
  auto count = db->prepare("SELECT count(*) FROM t");
  REQUIRE(count.step());
  CHECK(count.column_int(0) == 0);
}

TEST_CASE("every earlier schema version migrates to the latest, and keeps its data") {
  for (int from = 0; from < storage::latest_schema_version(); ++from) {
    std::string error;
    auto db = storage::Database::open(":memory:", error);
    REQUIRE(db != nullptr);
    REQUIRE(storage::migrate_to(*db, from).empty());
    CHECK(db->user_version() == from);
    if (from >= 1) CHECK(db->exec("INSERT INTO parts (id, sort, name, kind, created_at, updated_at) VALUES (5, 0, 'kept', 'exile', 1, 1)").empty());
    INFO("from schema ", from);
    CHECK(storage::migrate(*db).empty());
    CHECK(db->user_version() == storage::latest_schema_version());
    const storage::LoadResult loaded = storage::load_snapshot(*db);
    CHECK(loaded.error.empty());
    if (from >= 1) {
      REQUIRE(loaded.snapshot.system.parts.size() == 1);
      CHECK(loaded.snapshot.system.parts[0].name == "kept");
      CHECK(loaded.snapshot.system.next_id == 6);
    }
  }
}

TEST_CASE("a database from a newer app is refused, unchanged") {
  auto db = memory_db();
  db->set_user_version(storage::latest_schema_version() + 1);
  const std::string e = storage::migrate(*db);
  CHECK(e.find("newer Innerscape") != std::string::npos);
  CHECK(db->user_version() == storage::latest_schema_version() + 1);
}

TEST_CASE("the demo map, its view and settings survive a save and a load exactly") {
  auto db = memory_db();
  storage::Snapshot current{.system = core::make_demo_system(), .view = {.center = {0.2f, -0.1f}, .zoom = 0.8f}};
  current.settings.ambient_always = true;
  current.settings.welcome_seen = true;
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, current).empty());
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  check_same(loaded.snapshot, current);
  CHECK(loaded.had_view);
  CHECK(loaded.snapshot.view.center == current.view.center);
  CHECK(loaded.snapshot.view.zoom == current.view.zoom);
}

TEST_CASE("every setting, each away from its default, survives a save and a load, and a second change") {
  auto db = memory_db();
  storage::Snapshot current{.system = core::make_demo_system()};
  core::Settings& set = current.settings;
  set = {.ambient_motion = false, .ambient_always = true, .welcome_seen = true, .soothing_seeded = true, .tones = false,
         .volume = 72, .idle_lock_minutes = 30, .ui_scale_percent = 150, .font_px = 21, .theme = core::Theme::light};
  REQUIRE(!(set == core::Settings{}));
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, current).empty());
  storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  CHECK(loaded.snapshot.settings == set);

  storage::Snapshot next = current;
  next.settings.ui_scale_percent = 75;
  next.settings.font_px = core::max_font_px;
  next.settings.theme = core::Theme::calm_dark;
  REQUIRE(storage::save_changes(*db, current, next).empty());
  loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  CHECK(loaded.snapshot.settings == next.settings);
}

TEST_CASE("stored settings out of range or unknown are brought back to what Innerscape can show") {
  auto db = memory_db();
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, storage::Snapshot{}).empty());
  REQUIRE(db->exec("INSERT OR REPLACE INTO settings (key, value) VALUES ('ui_scale_percent', '900'), ('font_px', '3'), "
                   "('theme', 'neon')").empty());
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  CHECK(loaded.snapshot.settings.ui_scale_percent == core::max_ui_scale_percent);
  CHECK(loaded.snapshot.settings.font_px == core::min_font_px);
  CHECK(loaded.snapshot.settings.theme == core::Theme::calm_dark);
}

TEST_CASE("saving only the difference matches the model after a long random run of edits, undos and redos") {
  auto db = memory_db();
  std::mt19937 rng(1234);
  storage::Snapshot saved;
  storage::Snapshot current;
  core::UndoStack history;
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  for (int step = 0; step < 400; ++step) {
    core::InnerSystem& s = current.system;
    const int what = static_cast<int>(pick(9));
    if (what == 0 || s.parts.size() < 3) {
      const auto& all = core::archetypes();
      core::Part p = core::part_from_archetype(all[pick(all.size())], {static_cast<float>(pick(100)) / 50.0f - 1.0f, 0.3f});
      p.name += " ☀ " + std::to_string(step);
      core::perform(s, history, core::add_part(s, p, step));
    } else if (what == 1) {
      core::perform(s, history, core::rename_part(s, s.parts[pick(s.parts.size())].id, "renamed " + std::to_string(step), step));
    } else if (what == 2) {
      core::perform(s, history, core::move_part(s, s.parts[pick(s.parts.size())].id, {0.01f * static_cast<float>(step), -0.5f}, step));
    } else if (what == 3) {
      core::perform(s, history, core::relate(s, s.parts[pick(s.parts.size())].id, s.parts[pick(s.parts.size())].id,
                                             static_cast<core::RelationKind>(pick(3))));
    } else if (what == 4) {
      core::perform(s, history, core::delete_part(s, s.parts[pick(s.parts.size())].id));
    } else if (what == 5) {
      core::Part p = s.parts[pick(s.parts.size())];
      p.needs_to_hear = "You are safe now (" + std::to_string(step) + ")";
      p.age = static_cast<int>(pick(40));
      p.trust = static_cast<int>(pick(101));
      core::perform(s, history, core::update_part(s, p, step));
    } else if (what == 6) {
      core::undo(s, history);
    } else if (what == 7) {
      core::redo(s, history);
    } else {
      current.settings.ambient_motion = pick(2) == 0;
      current.view.zoom = 0.5f + static_cast<float>(pick(10)) * 0.1f;
    }
    if (step % 7 == 0 || step == 399) {
      REQUIRE(storage::save_changes(*db, saved, current).empty());
      saved = current;
      const storage::LoadResult loaded = storage::load_snapshot(*db);
      REQUIRE(loaded.error.empty());
      check_same(loaded.snapshot, current);
    }
  }
}

TEST_CASE("the database file is private (0600) and in WAL mode") {
  const fs::path dir = test::fresh_dir("store_private");
  storage::OpenedStore store = storage::open_store(dir);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  CHECK(mode_of(dir / storage::database_file_name) == 0600);
  auto mode = store.db->prepare("PRAGMA journal_mode");
  REQUIRE(mode.step());
  CHECK(mode.column_text(0) == "wal");
  auto fk = store.db->prepare("PRAGMA foreign_keys");
  REQUIRE(fk.step());
  CHECK(fk.column_int(0) == 1);
}

TEST_CASE("a damaged database is set aside untouched, the person is told, and a new map starts") {
  const fs::path dir = test::fresh_dir("store_corrupt");
  const std::string garbage(8192, 'x');
  std::ofstream(dir / storage::database_file_name, std::ios::binary) << garbage;
  storage::OpenedStore store = storage::open_store(dir);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  CHECK(store.notice.find("set aside") != std::string::npos);
  CHECK(store.loaded.snapshot.system.parts.empty());
  int set_aside = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with("innerscape.db.corrupt-")) {
      ++set_aside;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      CHECK(kept == garbage);  // byte for byte as it was
    }
  }
  CHECK(set_aside == 1);
  CHECK(store.db->quick_check() == "ok");
}

TEST_CASE("backups: one a day, the last seven kept, private, and each opens with the map in it") {
  const fs::path dir = test::fresh_dir("backups");
  storage::OpenedStore store = storage::open_store(dir);  // the first start makes the first backup
  REQUIRE(store.error.empty());
  REQUIRE(storage::save_changes(*store.db, {}, {.system = core::make_demo_system()}).empty());
  CHECK(storage::list_backups(dir).size() == 1);

  const std::time_t day = storage::backup_interval_s;
  std::time_t t = std::time(nullptr);
  CHECK(storage::rolling_backup(*store.db, dir, t).empty());  // not a day yet: nothing new
  CHECK(storage::list_backups(dir).size() == 1);
  for (int i = 1; i <= 9; ++i) {
    // Pretend the newest backup is older than a day, then ask again.
    const auto newest = storage::list_backups(dir).front();
    fs::last_write_time(newest, fs::last_write_time(newest) - std::chrono::hours(25));
    t += day + i;
    CHECK(storage::rolling_backup(*store.db, dir, t).empty());
  }
  const auto kept = storage::list_backups(dir);
  CHECK(kept.size() == static_cast<std::size_t>(storage::backups_kept));
  std::string error;
  auto newest = storage::Database::open(kept.front(), error);
  REQUIRE(newest != nullptr);
  CHECK(mode_of(kept.front()) == 0600);
  CHECK(newest->quick_check() == "ok");
  CHECK(storage::load_snapshot(*newest).snapshot.system.parts == core::make_demo_system().parts);
}

TEST_CASE("drafts (words being typed) are saved, loaded, and put back into their parts") {
  auto db = memory_db();
  storage::Snapshot current{.system = core::make_demo_system()};
  const core::Part& first = current.system.parts[0];
  core::Part typing = first;
  typing.needs_to_hear = "I am not going anywhere";
  typing.name = "Little one ☀";
  current.drafts = core::drafts_between(first, typing);
  REQUIRE(current.drafts.size() == 2);
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, current).empty());
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.snapshot.drafts.size() == 2);
  const auto restored = core::apply_drafts(loaded.snapshot.system, loaded.snapshot.drafts);
  REQUIRE(restored.size() == 1);
  CHECK(restored[0].needs_to_hear == "I am not going anywhere");
  CHECK(restored[0].name == "Little one ☀");
  CHECK(restored[0].fears == first.fears);  // untouched fields stay as they were

  // Once the words become an edit, the drafts go.
  storage::Snapshot done = current;
  done.drafts.clear();
  REQUIRE(storage::save_changes(*db, current, done).empty());
  CHECK(storage::load_snapshot(*db).snapshot.drafts.empty());
  CHECK(core::apply_drafts(current.system, {{.part = 999, .field = "notes", .text = "x"}, {.part = first.id, .field = "nope", .text = "y"}}).empty());
}
