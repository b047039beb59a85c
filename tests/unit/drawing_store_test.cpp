// Drawings in the database: strokes, thumbnails and portraits round-trip; a save writes only the
// strokes that changed (one row for one stroke, however big the drawing); a v5 database migrates.
#include <doctest/doctest.h>

#include <random>

#include "core/demo_system.h"
#include "core/edits.h"
#include "core/undo_stack.h"
#include "core/ink.h"
#include "storage/database.h"
#include "storage/map_store.h"
#include "storage/migrations.h"
#include "test_tmp.h"
#include "test_store.h"

using namespace innerscape;
using test::memory_db;

namespace {

std::int64_t count(storage::Database& db, const std::string& sql) {
  auto s = db.prepare(sql);
  REQUIRE(s.valid());
  REQUIRE(s.step());
  return s.column_int(0);
}

// Rows inserted, updated or deleted by the connection so far (SQLite's total_changes()).
std::int64_t changes(storage::Database& db) { return count(db, "SELECT total_changes()"); }

std::int64_t strokes_of(storage::Database& db, core::DrawingId id) {
  return count(db, "SELECT count(*) FROM strokes WHERE drawing_id = " + std::to_string(id));
}

// The two drawings drawn_snapshot() adds, after the demo's own.
core::DrawingId first_id(const storage::Snapshot& s) { return s.system.drawings[s.system.drawings.size() - 2].id; }
core::DrawingId second_id(const storage::Snapshot& s) { return s.system.drawings.back().id; }
const core::Drawing& drawing(const storage::Snapshot& s, core::DrawingId id) {
  const core::Drawing* d = core::find_drawing(s.system, id);
  REQUIRE(d != nullptr);
  return *d;
}

core::Stroke stroke_at(int i, core::Brush brush = core::Brush::pen) {
  core::Stroke s;
  s.brush = brush;
  s.color = 0x102030u + static_cast<std::uint32_t>(i);
  s.size = 4.0f + static_cast<float>(i % 20);
  s.opacity = 0.25f + 0.05f * static_cast<float>(i % 10);
  const float x = 10.0f + static_cast<float>((i * 37) % 1100);
  const float y = 10.0f + static_cast<float>((i * 53) % 800);
  s.points = {{x, y}, {x + 3.125f, y + 1.5f}, {x + 7.0f / 3.0f, y - 2.0f}};
  return s;
}

core::Image test_thumbnail(std::uint8_t seed) {
  core::Image image = core::make_image(core::canvas_size / core::thumbnail_scale);
  for (std::size_t i = 0; i < image.rgba.size(); ++i) image.rgba[i] = static_cast<std::uint8_t>((i * 31 + seed) % 256);
  return image;
}

// The demo map (which has a drawing of its own) and two more, the first worn by the first part.
storage::Snapshot drawn_snapshot() {
  storage::Snapshot s{.system = core::make_demo_system()};
  REQUIRE(s.system.drawings.size() == 1);
  core::UndoStack history;
  core::InnerSystem& sys = s.system;
  REQUIRE(core::perform(sys, history, core::draw_part(sys, sys.parts[0].id, 1000)));
  const core::DrawingId first = sys.drawings.back().id;
  for (int i = 0; i < 5; ++i) REQUIRE(core::perform(sys, history, core::add_stroke(sys, first, stroke_at(i), 1001 + i)));
  REQUIRE(core::perform(sys, history, core::add_stroke(sys, first, stroke_at(5, core::Brush::eraser), 1010)));
  core::Drawing second;
  second.title = "A quiet place ☀";
  second.paper = 0xdde8f0;
  second.prompt = "body";
  REQUIRE(core::perform(sys, history, core::add_drawing(sys, second, 2000)));
  const core::DrawingId second_id = sys.drawings.back().id;
  REQUIRE(core::perform(sys, history, core::add_stroke(sys, second_id, stroke_at(7, core::Brush::soft), 2001)));
  REQUIRE(core::perform(sys, history, core::add_stroke(sys, second_id, stroke_at(8, core::Brush::marker), 2002)));
  s.thumbnails[first] = std::make_shared<const core::Image>(test_thumbnail(1));
  return s;
}

// drawn_snapshot(), written into an empty database; returns it as it now stands on disk.
storage::Snapshot save_drawn(storage::Database& db) {
  storage::Snapshot drawn = drawn_snapshot();
  REQUIRE(storage::save_changes(db, storage::Snapshot{}, drawn).empty());
  return drawn;
}

void check_same_drawings(const storage::Snapshot& loaded, const storage::Snapshot& current) {
  REQUIRE(loaded.system.drawings.size() == current.system.drawings.size());
  for (std::size_t i = 0; i < current.system.drawings.size(); ++i) {
    const core::Drawing& a = loaded.system.drawings[i];
    const core::Drawing& b = current.system.drawings[i];
    INFO("drawing ", b.id);
    CHECK(a.id == b.id);
    CHECK(a.title == b.title);
    CHECK(a.paper == b.paper);
    CHECK(a.prompt == b.prompt);
    CHECK(a.created_at == b.created_at);
    CHECK(a.updated_at == b.updated_at);
    CHECK(core::same_strokes(a.strokes, b.strokes));
    CHECK(core::same_drawing(a, b));
  }
  CHECK(loaded.system.next_drawing_id == current.system.next_drawing_id);
  CHECK(loaded.system.parts == current.system.parts);
}

}  // namespace

TEST_CASE("drawings, their strokes, thumbnails and a part's portrait survive a save and a load") {
  auto db = memory_db();
  const storage::Snapshot current = drawn_snapshot();
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, current).empty());
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE_MESSAGE(loaded.error.empty(), loaded.error);
  check_same_drawings(loaded.snapshot, current);
  const core::DrawingId first = first_id(current);
  CHECK(loaded.snapshot.system.parts[0].portrait == first);
  CHECK(drawing(loaded.snapshot, first).strokes[5]->brush == core::Brush::eraser);
  CHECK(drawing(loaded.snapshot, second_id(current)).strokes[0]->brush == core::Brush::soft);
  CHECK(drawing(loaded.snapshot, second_id(current)).title == "A quiet place ☀");

  // The thumbnail comes back pixel for pixel; the drawing that had none has none.
  REQUIRE(loaded.snapshot.thumbnails.count(first) == 1);
  CHECK(loaded.snapshot.thumbnails.at(first)->size == current.thumbnails.at(first)->size);
  CHECK(loaded.snapshot.thumbnails.at(first)->rgba == current.thumbnails.at(first)->rgba);
  CHECK(loaded.snapshot.thumbnails.size() == 1);
  CHECK(count(*db, "SELECT count(*) FROM drawings WHERE thumbnail IS NULL") == 2);
  CHECK(count(*db, "SELECT count(*) FROM drawings WHERE typeof(thumbnail) = 'blob' AND hex(substr(thumbnail, 1, 4)) = '89504E47'") == 1);

  // Points are little-endian float32 pairs in a BLOB: 3 points, 24 bytes; x of the first is exact.
  CHECK(count(*db, "SELECT count(*) FROM strokes WHERE typeof(points) <> 'blob'") == 0);
  CHECK(count(*db, "SELECT length(points) FROM strokes WHERE drawing_id = " + std::to_string(first) + " AND seq = 0") == 24);
  CHECK(strokes_of(*db, first) == 6);
  CHECK(strokes_of(*db, second_id(current)) == 2);
  // stroke_at(0) starts at x = 10.0f = 0x41200000, stored low byte first.
  CHECK(count(*db, "SELECT hex(substr(points, 1, 4)) = '00002041' FROM strokes WHERE drawing_id = " + std::to_string(first) +
                       " AND seq = 0") == 1);
}

TEST_CASE("one more stroke on a big drawing writes one row; undo deletes one; clear deletes all; undoing the clear puts them back") {
  auto db = memory_db();
  storage::Snapshot current;
  core::UndoStack history;
  core::InnerSystem& sys = current.system;
  REQUIRE(core::perform(sys, history, core::add_drawing(sys, core::Drawing{.title = "many"}, 1)));
  const core::DrawingId id = sys.drawings[0].id;
  constexpr int many = 5000;
  sys.drawings[0].strokes.reserve(many + 1);
  for (int i = 0; i < many; ++i) sys.drawings[0].strokes.push_back(std::make_shared<const core::Stroke>(stroke_at(i)));
  storage::Snapshot saved;
  auto save = [&] {
    const std::int64_t before = changes(*db);
    REQUIRE(storage::save_changes(*db, saved, current).empty());
    saved = current;
    return changes(*db) - before;
  };
  CHECK(save() == 1 + many + 1);  // the drawing's row, its strokes, and the Self's row with next_drawing_id
  CHECK(count(*db, "SELECT count(*) FROM strokes") == many);

  // One stroke: one row written (the drawing's updated_at is the other).
  REQUIRE(core::perform(sys, history, core::add_stroke(sys, id, stroke_at(many), 50)));
  CHECK(save() == 2);
  CHECK(count(*db, "SELECT count(*) FROM strokes") == many + 1);
  CHECK(count(*db, "SELECT max(seq) FROM strokes") == many);

  // Undo: that one row deleted.
  REQUIRE(core::undo(sys, history));
  CHECK(save() == 2);
  CHECK(count(*db, "SELECT count(*) FROM strokes") == many);

  // Saving again with nothing changed writes nothing.
  CHECK(save() == 0);

  // A clear deletes every row; undoing it writes them back.
  REQUIRE(core::perform(sys, history, core::clear_drawing(sys, id, 60)));
  CHECK(save() == many + 1);
  CHECK(count(*db, "SELECT count(*) FROM strokes") == 0);
  REQUIRE(core::undo(sys, history));
  CHECK(save() == many + 1);
  CHECK(count(*db, "SELECT count(*) FROM strokes") == many);

  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  check_same_drawings(loaded.snapshot, current);
}

TEST_CASE("a thumbnail is written only when its pointer changes, and can be taken away") {
  auto db = memory_db();
  storage::Snapshot current = save_drawn(*db);
  storage::Snapshot saved = current;  // what the database holds now
  const core::DrawingId first = first_id(current);

  // The same picture (same pointer) and a new title: only the drawing's other fields are written.
  core::Drawing renamed = drawing(current, first);
  renamed.title = "renamed";
  core::UndoStack history;
  REQUIRE(core::perform(current.system, history, core::update_drawing(current.system, renamed, 99)));
  REQUIRE(storage::save_changes(*db, saved, current).empty());
  saved = current;
  CHECK(count(*db, "SELECT changes()") == 1);

  // A new picture is encoded and kept.
  current.thumbnails[first] = std::make_shared<const core::Image>(test_thumbnail(7));
  const std::int64_t before = changes(*db);
  REQUIRE(storage::save_changes(*db, saved, current).empty());
  saved = current;
  CHECK(changes(*db) - before == 1);
  storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.snapshot.thumbnails.count(first) == 1);
  CHECK(loaded.snapshot.thumbnails.at(first)->rgba == test_thumbnail(7).rgba);
  CHECK(loaded.snapshot.thumbnails.at(first)->rgba != test_thumbnail(1).rgba);
  CHECK(drawing(loaded.snapshot, first).title == "renamed");

  // Gone from the snapshot: NULL in the database, none when loaded.
  current.thumbnails.erase(first);
  REQUIRE(storage::save_changes(*db, saved, current).empty());
  CHECK(storage::load_snapshot(*db).snapshot.thumbnails.empty());
  CHECK(count(*db, "SELECT count(*) FROM drawings WHERE thumbnail IS NOT NULL") == 0);
}

TEST_CASE("a removed drawing takes its strokes with it; ids are not used again after a load") {
  auto db = memory_db();
  storage::Snapshot current = save_drawn(*db);
  storage::Snapshot saved = current;  // what the database holds now
  const core::DrawingId first = first_id(current);
  const std::int64_t all_strokes = count(*db, "SELECT count(*) FROM strokes");
  const core::DrawingId next = current.system.next_drawing_id;
  core::UndoStack history;
  REQUIRE(core::perform(current.system, history, core::delete_drawing(current.system, first)));
  REQUIRE(storage::save_changes(*db, saved, current).empty());
  saved = current;
  CHECK(strokes_of(*db, first) == 0);
  CHECK(count(*db, "SELECT count(*) FROM strokes") == all_strokes - 6);
  storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  CHECK(loaded.snapshot.system.parts[0].portrait == 0);  // the delete took the portrait off
  check_same_drawings(loaded.snapshot, current);
  CHECK(loaded.snapshot.system.next_drawing_id == next);

  // Undoing the delete brings every stroke back.
  REQUIRE(core::undo(current.system, history));
  REQUIRE(storage::save_changes(*db, saved, current).empty());
  loaded = storage::load_snapshot(*db);
  check_same_drawings(loaded.snapshot, current);
  CHECK(loaded.snapshot.system.parts[0].portrait == first);
}

TEST_CASE("a portrait naming a drawing that is not there loads as none; a damaged stroke is made safe") {
  auto db = memory_db();
  REQUIRE(db->exec("INSERT INTO parts (id, sort, name, kind, created_at, updated_at, portrait) VALUES (3, 0, 'p', 'exile', 1, 1, 77)").empty());
  REQUIRE(db->exec("INSERT INTO drawings (id, sort, title, paper, created_at, updated_at, thumbnail) "
                   "VALUES (4, 0, 't', 16777215, 1, 1, x'00010203')")
              .empty());
  // An unknown brush, a huge size, a cut-short last pair of points.
  REQUIRE(db->exec("INSERT INTO strokes (drawing_id, seq, brush, color, size, opacity, points) "
                   "VALUES (4, 0, 'crayon', 255, 9999, 2, x'0000204100002041000080')")
              .empty());
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  REQUIRE(loaded.snapshot.system.parts.size() == 1);
  CHECK(loaded.snapshot.system.parts[0].portrait == 0);
  REQUIRE(loaded.snapshot.system.drawings.size() == 1);
  CHECK(loaded.snapshot.system.next_drawing_id == 5);
  CHECK(loaded.snapshot.thumbnails.empty());  // bytes that are not a picture are left out
  REQUIRE(loaded.snapshot.system.drawings[0].strokes.size() == 1);
  const core::Stroke& s = *loaded.snapshot.system.drawings[0].strokes[0];
  CHECK(s.brush == core::Brush::pen);
  CHECK(s.size == core::max_brush_size);
  CHECK(s.opacity == 1.0f);
  REQUIRE(s.points.size() == 1);
  CHECK(s.points[0] == glm::vec2(10.0f, 10.0f));
}

TEST_CASE("a version 5 database migrates: parts and the Self kept, no portraits, drawings saved after") {
  const auto dir = test::fresh_dir("drawing_migrate_v5");
  const auto file = dir / "v5.db";
  {
    std::string error;
    auto db = storage::Database::open(file, error);
    REQUIRE(db != nullptr);
    REQUIRE(storage::migrate_to(*db, 5).empty());
    REQUIRE(db->user_version() == 5);
    REQUIRE(db->exec("INSERT INTO parts (id, sort, name, kind, created_at, updated_at) VALUES (8, 0, 'kept', 'manager', 1, 2);"
                     "INSERT INTO self_state (id, glow, next_part_id) VALUES (1, 0.5, 12);")
                .empty());
  }
  std::string error;
  auto db = storage::Database::open(file, error);
  REQUIRE(db != nullptr);
  REQUIRE(storage::migrate(*db).empty());
  CHECK(db->user_version() == storage::latest_schema_version());
  CHECK(storage::latest_schema_version() == 9);
  CHECK(count(*db, "SELECT portrait FROM parts WHERE id = 8") == 0);
  CHECK(count(*db, "SELECT next_drawing_id FROM self_state") == 1);
  CHECK(db->quick_check() == "ok");
  storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  REQUIRE(loaded.snapshot.system.parts.size() == 1);
  CHECK(loaded.snapshot.system.parts[0].name == "kept");
  CHECK(loaded.snapshot.system.parts[0].portrait == 0);
  CHECK(loaded.snapshot.system.next_id == 12);
  CHECK(loaded.snapshot.system.self.glow == 0.5f);
  CHECK(loaded.snapshot.system.drawings.empty());
  CHECK(loaded.snapshot.system.next_drawing_id == 1);

  // The migrated file takes drawings and portraits.
  storage::Snapshot current = loaded.snapshot;
  core::UndoStack history;
  REQUIRE(core::perform(current.system, history, core::draw_part(current.system, 8, 10)));
  REQUIRE(core::perform(current.system, history, core::add_stroke(current.system, current.system.drawings[0].id, stroke_at(1), 11)));
  REQUIRE(storage::save_changes(*db, loaded.snapshot, current).empty());
  const storage::LoadResult again = storage::load_snapshot(*db);
  check_same_drawings(again.snapshot, current);
  CHECK(again.snapshot.system.parts[0].portrait == current.system.drawings[0].id);
}

TEST_CASE("saving only the difference matches the model through a long random run of drawing edits, undos and redos") {
  auto db = memory_db();
  std::mt19937 rng(77);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  storage::Snapshot saved;
  storage::Snapshot current{.system = core::make_demo_system()};
  core::UndoStack history;
  core::InnerSystem& s = current.system;
  for (int step = 0; step < 600; ++step) {
    const int what = static_cast<int>(pick(10));
    const std::int64_t now = 100 + step;
    if (what == 0 || s.drawings.empty()) {
      core::perform(s, history, core::add_drawing(s, core::Drawing{.title = "d" + std::to_string(step)}, now));
    } else if (what <= 3) {
      core::perform(s, history, core::add_stroke(s, s.drawings[pick(s.drawings.size())].id, stroke_at(step), now));
    } else if (what == 4) {
      core::perform(s, history, core::clear_drawing(s, s.drawings[pick(s.drawings.size())].id, now));
    } else if (what == 5) {
      if (pick(4) == 0) core::perform(s, history, core::delete_drawing(s, s.drawings[pick(s.drawings.size())].id));
    } else if (what == 6) {
      core::perform(s, history, core::set_portrait(s, s.parts[pick(s.parts.size())].id, s.drawings[pick(s.drawings.size())].id, now));
    } else if (what == 7) {
      core::undo(s, history);
    } else if (what == 8) {
      core::redo(s, history);
    } else {
      const core::DrawingId id = s.drawings[pick(s.drawings.size())].id;
      current.thumbnails[id] = std::make_shared<const core::Image>(test_thumbnail(static_cast<std::uint8_t>(step)));
    }
    if (step % 5 == 0 || step == 599) {
      REQUIRE(storage::save_changes(*db, saved, current).empty());
      saved = current;
      const storage::LoadResult loaded = storage::load_snapshot(*db);
      REQUIRE(loaded.error.empty());
      INFO("step ", step);
      check_same_drawings(loaded.snapshot, current);
      std::size_t strokes = 0;
      for (const core::Drawing& d : s.drawings) strokes += d.strokes.size();
      CHECK(count(*db, "SELECT count(*) FROM strokes") == static_cast<std::int64_t>(strokes));
      for (const auto& [id, image] : current.thumbnails) {
        if (core::find_drawing(s, id) == nullptr) continue;
        REQUIRE(loaded.snapshot.thumbnails.count(id) == 1);
        CHECK(loaded.snapshot.thumbnails.at(id)->rgba == image->rgba);
      }
    }
  }
}
