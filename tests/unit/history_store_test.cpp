// The map's history in the store: each save records what changed, read back it replays to the map
// as it was saved at each moment; old stores get a start; it travels in the JSON and can be cleared.
#include <doctest/doctest.h>

#include <ctime>
#include <map>

#include "core/demo_system.h"
#include "core/map_history.h"
#include "random_edits.h"
#include "storage/json_format.h"
#include "storage/map_store.h"
#include "storage/migrations.h"
#include "test_store.h"
#include "test_tmp.h"

using namespace innerscape;

namespace {

constexpr std::int64_t day = 24 * 60 * 60;
constexpr std::int64_t start = 1'700'000'000;

core::MapHistory history_of(storage::Database& db) {
  std::string error;
  core::MapHistory h = storage::load_history(db, error);
  REQUIRE_MESSAGE(error.empty(), error);
  return h;
}

}  // namespace

TEST_CASE("each save records what changed: replayed, the history gives the map as it was at every save, and today's exactly") {
  auto db = test::memory_db();
  test::RandomEdits edits(99);
  storage::Snapshot saved, current;
  core::UndoStack undo;
  std::map<std::int64_t, core::MapState> at_save;
  std::int64_t now = start;
  for (int i = 0; i < 600; ++i) {
    now += day / 4;
    edits.step(current.system, undo, now);
    if (i % 5 != 4) continue;
    current.at = now;
    REQUIRE(storage::save_changes(*db, saved, current).empty());
    saved = current;
    at_save[now] = core::map_state(current.system);
  }
  const core::MapHistory history = history_of(*db);
  CHECK(history.size() > 100);
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  CHECK(core::state_at(history, now) == core::map_state(loaded.snapshot.system));
  CHECK(core::state_at(history, now) == core::map_state(current.system));
  for (const auto& [t, state] : at_save) {
    CHECK(core::state_at(history, t) == state);
    CHECK(core::state_at(history, t + day / 8) == state);  // between saves: still as it was saved
  }
}

TEST_CASE("a store from before history gets the map so far as its start when it is brought up to date") {
  const auto file = test::fresh_dir("history_migrate") / "v7.db";
  core::InnerSystem demo = core::make_demo_system();
  for (std::size_t i = 0; i < demo.parts.size(); ++i) demo.parts[i].created_at = start + static_cast<std::int64_t>(i) * day;
  {
    std::string error;
    auto db = storage::Database::open(file, error);
    REQUIRE(db != nullptr);
    REQUIRE(storage::migrate_to(*db, storage::history_schema_version - 1).empty());
    // Saved as an older Innerscape would have: straight into the tables (save_changes knows the history table).
    for (std::size_t i = 0; i < demo.parts.size(); ++i) {
      const core::Part& p = demo.parts[i];
      auto s = db->prepare("INSERT INTO parts (id, sort, name, kind, x, y, size, trust, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)");
      s.bind(1, static_cast<std::int64_t>(p.id)).bind(2, static_cast<std::int64_t>(i)).bind(3, p.name).bind(4, core::kind_key(p.kind))
          .bind(5, static_cast<double>(p.position.x)).bind(6, static_cast<double>(p.position.y)).bind(7, static_cast<double>(p.size))
          .bind(8, p.trust).bind(9, p.created_at);
      REQUIRE(s.run());
    }
  }
  std::string error;
  auto db = storage::Database::open(file, error);
  REQUIRE(db != nullptr);
  REQUIRE(storage::migrate(*db).empty());
  const core::MapHistory history = history_of(*db);
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  REQUIRE(loaded.snapshot.system.parts.size() == demo.parts.size());
  CHECK(core::state_at(history, std::time(nullptr)) == core::map_state(loaded.snapshot.system));
  CHECK(core::state_at(history, start + day).parts.size() == 2);  // the first two parts were there by then
  CHECK(core::state_at(history, start - 1).parts.empty());
  // Opening again does not start it twice.
  REQUIRE(storage::start_history(*db, start + 1000 * day).empty());
  CHECK(history_of(*db) == history);
}

TEST_CASE("clearing the history keeps only the present, from now") {
  auto db = test::memory_db();
  storage::Snapshot a{.system = core::make_demo_system(), .at = start};
  REQUIRE(storage::save_changes(*db, {}, a).empty());
  storage::Snapshot b = a;
  b.system.parts[0].position.x += 0.2f;
  b.at = start + day;
  REQUIRE(storage::save_changes(*db, a, b).empty());
  CHECK(core::state_at(history_of(*db), start) == core::map_state(a.system));

  REQUIRE(storage::clear_history(*db, b.system, start + 2 * day).empty());
  const core::MapHistory cleared = history_of(*db);
  CHECK(core::state_at(cleared, start + 2 * day) == core::map_state(b.system));
  CHECK(core::state_at(cleared, start + day).parts.empty());  // the past is gone
  for (const core::MapChange& c : cleared) CHECK(c.at == start + 2 * day);
}

TEST_CASE("an unreadable step of the history is reported, not replayed as a false past") {
  auto db = test::memory_db();
  REQUIRE(storage::save_changes(*db, {}, {.system = core::make_demo_system(), .at = start}).empty());
  REQUIRE(db->exec("UPDATE map_history SET body = '{\"change\": \"teleport\"}' WHERE seq = 3").empty());
  std::string error;
  CHECK(storage::load_history(*db, error).empty());
  CHECK(error.find("step 3") != std::string::npos);
  CHECK(error.find("teleport") == std::string::npos);  // says what was expected instead
  CHECK(error.find("expected part|part_gone") != std::string::npos);
}

TEST_CASE("the history and milestones travel in the JSON export and come back exactly") {
  auto db = test::memory_db();
  storage::Snapshot a{.system = core::make_demo_system(), .at = start};
  a.system.milestones = {{start + day, "First letter to the little one"}, {start + 3 * day, "Breathed through it"}};
  REQUIRE(storage::save_changes(*db, {}, a).empty());
  storage::Snapshot b = a;
  b.system.parts.erase(b.system.parts.begin() + 1);
  std::erase_if(b.system.relationships, [&](const core::Relationship& r) { return r.from == a.system.parts[1].id || r.to == a.system.parts[1].id; });
  b.system.self.glow = 0.9f;
  b.at = start + 2 * day;
  REQUIRE(storage::save_changes(*db, a, b).empty());

  storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  CHECK(loaded.snapshot.system.milestones == a.system.milestones);
  loaded.snapshot.history = history_of(*db);
  const std::string text = storage::to_json(loaded.snapshot, start + 5 * day);
  CHECK(text.find("\"part_gone\"") != std::string::npos);

  const storage::JsonImport back = storage::from_json(text);
  REQUIRE_MESSAGE(back.error.empty(), back.error);
  CHECK(back.snapshot.replace_history);
  CHECK(back.snapshot.history == loaded.snapshot.history);
  CHECK(back.snapshot.system.milestones == a.system.milestones);

  // Into a new store: the past as it was, and the present.
  auto other = test::memory_db();
  REQUIRE(storage::save_changes(*other, {}, storage::merge_import({}, back)).empty());
  const core::MapHistory restored = history_of(*other);
  CHECK(restored == loaded.snapshot.history);
  CHECK(core::state_at(restored, start + day) == core::map_state(a.system));
  const storage::LoadResult reopened = storage::load_snapshot(*other);
  CHECK(core::map_state(reopened.snapshot.system) == core::map_state(b.system));

  // A faulty change names its place and changes nothing.
  std::string broken = text;
  const std::size_t at = broken.find("\"change\": \"self\"");
  REQUIRE(at != std::string::npos);
  broken.replace(at, 16, "\"change\": \"sun\"");
  const storage::JsonImport refused = storage::from_json(broken);
  CHECK(refused.error.find("history[") == 0);
  CHECK(refused.error.find(".change: expected part|part_gone|relationship|relationship_gone|self") != std::string::npos);
}
