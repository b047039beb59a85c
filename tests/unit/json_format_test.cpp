// The JSON format: everything round-trips; small hand-written files work; every kind of bad file is
// refused with a message naming where and what; many mangled files never crash and change nothing.
#include <doctest/doctest.h>

#include <random>

#include "core/demo_system.h"
#include "core/edits.h"
#include "core/undo_stack.h"
#include "core/ink.h"
#include "storage/database.h"
#include "storage/json_format.h"
#include "storage/markdown_export.h"
#include "storage/migrations.h"
#include "storage/png.h"
#include "test_tmp.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace innerscape;

namespace {

storage::Snapshot demo_snapshot() {
  storage::Snapshot s{.system = core::make_demo_system(), .view = {.center = {0.25f, -0.5f}, .zoom = 0.75f}};
  s.system.parts[0].color = 0x336699;
  s.system.parts[1].notes = "Line one\nLine two, with \"quotes\", a tab\t and ☀ 小 ילדה";
  s.system.parts[2].age.reset();
  s.settings.welcome_seen = true;
  return s;
}

std::string error_of(const std::string& text) { return storage::from_json(text).error; }

// The demo map (one drawing, worn as a portrait) and a second drawing with awkward values: floats
// with no short decimal form, every brush, a title in two scripts, a part wearing it.
storage::Snapshot drawn_snapshot() {
  storage::Snapshot s = demo_snapshot();
  core::UndoStack history;
  core::InnerSystem& sys = s.system;
  REQUIRE(core::perform(sys, history, core::add_drawing(sys, core::Drawing{.title = "Wo ich sicher bin ☀ 小", .paper = 0x1e2a38, .prompt = "body"}, 1767225600)));
  const core::DrawingId id = sys.drawings.back().id;
  for (int b = 0; b < core::brush_count; ++b) {
    core::Stroke st{.brush = static_cast<core::Brush>(b), .color = 0xa1b2c3u + static_cast<std::uint32_t>(b), .size = 7.3f + static_cast<float>(b),
                    .opacity = 1.0f / 3.0f};
    for (int k = 0; k < 40; ++k) st.points.push_back({100.0f + static_cast<float>(k) / 7.0f, 200.0f + std::sqrt(static_cast<float>(k + b))});
    REQUIRE(core::perform(sys, history, core::add_stroke(sys, id, st, 1767225700 + b)));
  }
  REQUIRE(core::perform(sys, history, core::set_portrait(sys, sys.parts[2].id, id, 1767225800)));
  return s;
}

void check_same_drawings(const core::InnerSystem& a, const core::InnerSystem& b) {
  REQUIRE(a.drawings.size() == b.drawings.size());
  for (std::size_t i = 0; i < a.drawings.size(); ++i) {
    CHECK(core::same_drawing(a.drawings[i], b.drawings[i]));
    CHECK(core::same_strokes(a.drawings[i].strokes, b.drawings[i].strokes));
    CHECK(a.drawings[i].title == b.drawings[i].title);
  }
}

}  // namespace

TEST_CASE("export then import gives back every field, and the same export") {
  const storage::Snapshot original = demo_snapshot();
  const std::string text = storage::to_json(original, 1767225600);
  const storage::JsonImport back = storage::from_json(text);
  REQUIRE_MESSAGE(back.error.empty(), back.error);
  CHECK(back.snapshot.system.parts == original.system.parts);
  CHECK(back.snapshot.system.relationships == original.system.relationships);
  CHECK(back.snapshot.system.self.glow == original.system.self.glow);
  CHECK(back.snapshot.settings == original.settings);
  CHECK(back.snapshot.view.zoom == original.view.zoom);
  CHECK(storage::to_json(back.snapshot, 1767225600) == text);
}

TEST_CASE("export then import keeps every setting, each away from its default") {
  storage::Snapshot original = demo_snapshot();
  original.settings = {.ambient_motion = false, .ambient_always = true, .welcome_seen = true, .soothing_seeded = true,
                       .tones = false, .volume = 72, .idle_lock_minutes = 30, .ui_scale_percent = 150, .font_px = 21,
                       .theme = core::Theme::light, .crisis_contact = "Sam 555 0134 · Λύση 1018"};
  REQUIRE(!(original.settings == core::Settings{}));
  const std::string text = storage::to_json(original, 1767225600);
  CHECK(text.find("\"theme\": \"light\"") != std::string::npos);
  const storage::JsonImport back = storage::from_json(text);
  REQUIRE_MESSAGE(back.error.empty(), back.error);
  CHECK(back.snapshot.settings == original.settings);
  // An export from before these settings existed reads as the defaults.
  const storage::JsonImport old = storage::from_json(R"({"format": "innerscape", "version": 1, "settings": {"tones": false}})");
  REQUIRE_MESSAGE(old.error.empty(), old.error);
  CHECK(old.snapshot.settings.ui_scale_percent == 100);
  CHECK(old.snapshot.settings.font_px == core::default_font_px);
  CHECK(old.snapshot.settings.theme == core::Theme::calm_dark);
}

TEST_CASE("import into an empty store, then export: identical; into a store with parts: added, renumbered") {
  std::string error;
  auto db = storage::Database::open(":memory:", error);
  REQUIRE(db != nullptr);
  REQUIRE(storage::migrate(*db).empty());
  const storage::Snapshot original = demo_snapshot();
  const std::string text = storage::to_json(original, 1);
  const storage::Snapshot merged = storage::merge_import(storage::Snapshot{}, storage::from_json(text));
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, merged).empty());
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  CHECK(storage::to_json(loaded.snapshot, 1) == text);

  const storage::Snapshot twice = storage::merge_import(loaded.snapshot, storage::from_json(text));
  CHECK(twice.system.parts.size() == 2 * original.system.parts.size());
  CHECK(twice.system.relationships.size() == 2 * original.system.relationships.size());
  for (std::size_t i = 0; i < original.system.parts.size(); ++i) CHECK(twice.system.parts[i] == original.system.parts[i]);
  REQUIRE(storage::save_changes(*db, loaded.snapshot, twice).empty());
  CHECK(storage::load_snapshot(*db).snapshot.system.parts.size() == twice.system.parts.size());
}

TEST_CASE("drawings and portraits: export then import gives back every stroke exactly, and the same export") {
  const storage::Snapshot original = drawn_snapshot();
  REQUIRE(original.system.drawings.size() == 2);
  const std::string text = storage::to_json(original, 1767225600);
  const storage::JsonImport back = storage::from_json(text);
  REQUIRE_MESSAGE(back.error.empty(), back.error);
  check_same_drawings(back.snapshot.system, original.system);
  CHECK(back.snapshot.system.parts == original.system.parts);  // portraits included
  CHECK(back.snapshot.system.parts[2].portrait == original.system.drawings[1].id);
  CHECK(back.snapshot.system.next_drawing_id == original.system.next_drawing_id);
  CHECK(storage::to_json(back.snapshot, 1767225600) == text);

  // Short floats, a stroke's points on one line, pictures left out.
  CHECK(text.find("\"opacity\": 0.33333334") != std::string::npos);
  const std::size_t points = text.find("\"points\": [");
  REQUIRE(points != std::string::npos);
  CHECK(text.find('\n', points) > text.find(']', points));
  CHECK(text.find("\"portrait\": \"" + std::to_string(original.system.drawings[1].id) + "\"") != std::string::npos);
  CHECK(text.find("thumbnail") == std::string::npos);

  // Through the database and out again: the same file.
  std::string error;
  auto db = storage::Database::open(":memory:", error);
  REQUIRE(db != nullptr);
  REQUIRE(storage::migrate(*db).empty());
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, storage::merge_import(storage::Snapshot{}, back)).empty());
  CHECK(storage::to_json(storage::load_snapshot(*db).snapshot, 1767225600) == text);
}

TEST_CASE("a hand-written drawing: defaults for what is left out, text ids numbered, invisible strokes dropped") {
  const storage::JsonImport r = storage::from_json(R"({
    "format": "innerscape", "version": 1,
    "parts": [{"id": "a", "name": "Guard", "kind": "manager", "portrait": "sky"}, {"id": "b", "name": "B", "kind": "exile", "portrait": 0}],
    "drawings": [
      {"id": "sky", "strokes": [{"brush": "marker", "points": [1, 2.5, 3, 4]}, {"brush": "pen", "opacity": 0, "points": [5, 6]}]},
      {"id": "7", "title": "seven", "paper": "#ffffff", "strokes": []}
    ]
  })");
  REQUIRE_MESSAGE(r.error.empty(), r.error);
  const core::InnerSystem& s = r.snapshot.system;
  REQUIRE(s.drawings.size() == 2);
  CHECK(s.drawings[1].id == 7);  // numeric ids are kept
  CHECK(s.drawings[0].id == 8);  // others numbered after them
  CHECK(s.next_drawing_id == 9);
  CHECK(s.drawings[0].paper == core::Drawing{}.paper);
  CHECK(s.drawings[1].paper == 0xFFFFFFu);
  REQUIRE(s.drawings[0].strokes.size() == 1);
  const core::Stroke& st = *s.drawings[0].strokes[0];
  CHECK(st.brush == core::Brush::marker);
  CHECK(st.size == core::brush_spec(core::Brush::marker).default_size);
  CHECK(st.opacity == core::brush_spec(core::Brush::marker).default_opacity);
  CHECK(st.color == core::Stroke{}.color);
  REQUIRE(st.points.size() == 2);
  CHECK(st.points[1] == glm::vec2(3.0f, 4.0f));
  CHECK(s.parts[0].portrait == 8);
  CHECK(s.parts[1].portrait == 0);
}

TEST_CASE("merge_import gives imported drawings new ids and the imported parts' portraits follow them") {
  const storage::Snapshot into = drawn_snapshot();
  const storage::JsonImport file = storage::from_json(storage::to_json(drawn_snapshot(), 1));
  const storage::Snapshot& imported = file.snapshot;
  const storage::Snapshot merged = storage::merge_import(into, file);
  const std::size_t n = into.system.drawings.size();
  REQUIRE(merged.system.drawings.size() == 2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    CHECK(merged.system.drawings[i].id == into.system.drawings[i].id);  // what was there is untouched
    const core::Drawing& added = merged.system.drawings[n + i];
    CHECK(added.id == into.system.next_drawing_id + i);
    CHECK(added.title == imported.system.drawings[i].title);
    CHECK(core::same_strokes(added.strokes, imported.system.drawings[i].strokes));
  }
  CHECK(merged.system.next_drawing_id == into.system.next_drawing_id + n);
  const std::size_t parts = into.system.parts.size();
  for (std::size_t i = 0; i < parts; ++i) {
    CHECK(merged.system.parts[i].portrait == into.system.parts[i].portrait);
    const core::DrawingId was = imported.system.parts[i].portrait;
    const core::Part& added = merged.system.parts[parts + i];
    if (was == 0) {
      CHECK(added.portrait == 0);
      continue;
    }
    const core::Drawing* worn = core::find_drawing(merged.system, added.portrait);
    REQUIRE(worn != nullptr);
    CHECK(worn->id != was);
    CHECK(worn->title == core::find_drawing(imported.system, was)->title);
  }
  CHECK(merged.system.parts[parts + 2].portrait == into.system.next_drawing_id + 1);

  // A map that has only drawings is not "empty": its drawings stay.
  storage::Snapshot only_drawings;
  only_drawings.system.drawings.push_back(core::Drawing{.id = 1, .title = "mine"});
  only_drawings.system.next_drawing_id = 2;
  const storage::Snapshot kept = storage::merge_import(only_drawings, file);
  REQUIRE(kept.system.drawings.size() == 1 + n);
  CHECK(kept.system.drawings[0].title == "mine");
  CHECK(kept.system.drawings[1].id == 2);
}

TEST_CASE("a small hand-written file: only ids, names and kinds; the rest defaults; unplaced parts are arranged") {
  const storage::JsonImport r = storage::from_json(R"({
    "format": "innerscape", "version": 1,
    "parts": [
      {"id": "little", "name": "Little one", "kind": "exile"},
      {"id": "guard", "name": "Guard", "kind": "manager", "age": 12}
    ],
    "relationships": [{"from": "guard", "to": "little", "kind": "protects"}]
  })");
  REQUIRE_MESSAGE(r.error.empty(), r.error);
  REQUIRE(r.snapshot.system.parts.size() == 2);
  CHECK(r.parts_placed == 2);
  CHECK(r.snapshot.system.parts[0].position != r.snapshot.system.parts[1].position);
  CHECK(r.snapshot.system.parts[1].age == 12);
  CHECK(r.snapshot.system.parts[0].trust == 50);
  REQUIRE(r.snapshot.system.relationships.size() == 1);
  CHECK(r.snapshot.system.relationships[0].from == r.snapshot.system.parts[1].id);
  CHECK(r.snapshot.system.relationships[0].kind == core::RelationKind::protects);
}

TEST_CASE("bad files are refused with the place and the problem named") {
  const std::string head = R"({"format": "innerscape", "version": 1, )";
  struct Case {
    std::string text;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"", "the file is empty"},
      {R"({"format": "innerscape", "version": 1, "parts": [)", "not valid JSON"},  // cut short
      {"[1, 2, 3]", "expected a JSON object"},
      {R"({"version": 1})", "format: is missing"},
      {R"({"format": "notes", "version": 1})", "format: expected \"innerscape\""},
      {R"({"format": "innerscape"})", "version: is missing"},
      {R"({"format": "innerscape", "version": 99})", "newer than this Innerscape"},
      {head + R"("parts": {}})", "parts: expected a list"},
      {head + R"("settings": {"crisis_contact": 112}})", "settings.crisis_contact: expected text"},
      {head + R"("settings": {"crisis_contact": "Sam\n555"}})", "settings.crisis_contact: expected one line"},
      {head + R"("settings": {"crisis_contact": ")" + std::string(201, 'x') + R"("}})", "settings.crisis_contact: expected one line of at most 200"},
      {head + R"("parts": [7]})", "parts[0]: expected an object"},
      {head + R"("parts": [{"name": "x", "kind": "exile"}]})", "parts[0].id: is missing"},
      {head + R"("parts": [{"id": 3, "name": "x", "kind": "exile"}]})", "parts[0].id: expected a string"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "boss"}]})", "parts[0].kind: expected manager|firefighter|exile"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile"}, {"id": "a", "name": "y", "kind": "exile"}]})",
       "parts[1].id: \"a\" is used by an earlier part too"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile", "age": "ten"}]})", "parts[0].age: expected a whole number"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile", "age": 9999999999999999999}]})", "parts[0].age"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile", "trust": 101}]})", "parts[0].trust"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile", "size": 1e308}]})", "parts[0].size"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile", "position": {"x": 1e39, "y": 0}}]})", "parts[0].position.x"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile", "position": {"x": 1}}]})", "expected both x and y"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile", "color": "blue"}]})", "parts[0].color"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile", "created_at": "yesterday"}]})", "parts[0].created_at"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile"}], "relationships": [{"from": "a", "to": "b", "kind": "allied"}]})",
       "relationships[0].to: no part has the id \"b\""},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile"}], "relationships": [{"from": "a", "to": "a", "kind": "allied"}]})",
       "cannot relate to itself"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile"}, {"id": "b", "name": "y", "kind": "exile"}], "relationships": [{"from": "a", "to": "b", "kind": "hugs"}]})",
       "relationships[0].kind: expected protects|polarized|allied"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile"}, {"id": "b", "name": "y", "kind": "exile"}], "relationships": [{"from": "a", "to": "b", "kind": "allied"}, {"from": "b", "to": "a", "kind": "protects"}]})",
       "already have a relationship"},
      {std::string(100, '[') + std::string(100, ']'), "nests deeper"},
      {head + R"("settings": {"welcome_seen": "yes"}})", "settings.welcome_seen: expected true or false"},
      {head + R"("settings": {"ui_scale_percent": 300}})", "settings.ui_scale_percent: expected a whole number from 75 to 200"},
      {head + R"("settings": {"font_px": 13.5}})", "settings.font_px: expected a whole number"},
      {head + R"("settings": {"theme": "neon"}})", "settings.theme: expected calm_dark or light"},
      {head + R"("drawings": {}})", "drawings: expected a list"},
      {head + R"("drawings": [3]})", "drawings[0]: expected an object"},
      {head + R"("drawings": [{"title": "x"}]})", "drawings[0].id: is missing"},
      {head + R"("drawings": [{"id": ""}]})", "drawings[0].id: expected a non-empty string"},
      {head + R"("drawings": [{"id": "a"}, {"id": "a"}]})", "drawings[1].id: \"a\" is used by an earlier drawing too"},
      {head + R"("drawings": [{"id": "1"}, {"id": "01"}]})", "drawings: two ids name the same number"},
      {head + R"("drawings": [{"id": "a", "paper": "white"}]})", "drawings[0].paper: expected a colour like #F7F2E8"},
      {head + R"("drawings": [{"id": "a", "title": 5}]})", "drawings[0].title: expected a string"},
      {head + R"("drawings": [{"id": "a", "created_at": "soon"}]})", "drawings[0].created_at: expected a time"},
      {head + R"("drawings": [{"id": "a", "strokes": {}}]})", "drawings[0].strokes: expected a list"},
      {head + R"("drawings": [{"id": "a", "strokes": [[1, 2]]}]})", "drawings[0].strokes[0]: expected an object"},
      {head + R"("drawings": [{"id": "a", "strokes": [{"points": [1, 2]}]}]})", "drawings[0].strokes[0].brush: is missing"},
      {head + R"("drawings": [{"id": "a", "strokes": [{"brush": "crayon", "points": [1, 2]}]}]})",
       "drawings[0].strokes[0].brush: expected pen|soft|marker|eraser"},
      {head + R"("drawings": [{"id": "a", "strokes": [{"brush": "pen", "color": "red", "points": [1, 2]}]}]})",
       "drawings[0].strokes[0].color: expected a colour"},
      {head + R"("drawings": [{"id": "a", "strokes": [{"brush": "pen", "size": 500, "points": [1, 2]}]}]})",
       "drawings[0].strokes[0].size: expected a number from 1"},
      {head + R"("drawings": [{"id": "a", "strokes": [{"brush": "pen", "opacity": -0.5, "points": [1, 2]}]}]})",
       "drawings[0].strokes[0].opacity: expected a number from 0"},
      {head + R"("drawings": [{"id": "a", "strokes": [{"brush": "pen"}]}]})", "drawings[0].strokes[0].points: is missing"},
      {head + R"("drawings": [{"id": "a", "strokes": [{"brush": "pen", "points": "1,2"}]}]})",
       "drawings[0].strokes[0].points: expected a list of numbers"},
      {head + R"("drawings": [{"id": "a", "strokes": [{"brush": "pen", "points": [1, 2]}, {"brush": "pen", "points": [1, 2]},)"
              R"( {"brush": "pen", "points": [1, 2]}, {"brush": "soft", "points": [1, 2, 3]}]}]})",
       "drawings[0].strokes[3].points: expected an even count of numbers"},
      {head + R"("drawings": [{"id": "a", "strokes": [{"brush": "pen", "points": [1, "2"]}]}]})",
       "drawings[0].strokes[0].points[1]: expected a number"},
      {head + R"("drawings": [{"id": "a", "strokes": [{"brush": "pen", "points": [1e300, 2]}]}]})",
       "drawings[0].strokes[0].points[0]: expected a number from -100000 to 100000"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile", "portrait": "9"}], "drawings": [{"id": "1"}]})",
       "parts[0].portrait: no drawing has the id \"9\""},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile", "portrait": 1}], "drawings": [{"id": "1"}]})",
       "parts[0].portrait: expected a drawing's id"},
  };
  for (const Case& c : cases) {
    INFO("file: ", c.text.substr(0, 160));
    const std::string e = error_of(c.text);
    CHECK(e.find(c.says) != std::string::npos);
    CHECK(e.find('\n') == std::string::npos);
  }
}

TEST_CASE("many mangled files: no crash, either a clean error or a valid map, never anything half-read") {
  const std::string good = storage::to_json(demo_snapshot(), 1);
  std::mt19937 rng(7);
  const std::string alphabet = "{}[]\",:0123456789eE.-+ntrufalsx\\/\n\x01\xff☀";
  int refused = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = good;
    const int edits = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 4) {
        case 0: text.erase(at, 1 + rng() % 20); break;                                      // cut
        case 1: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;               // insert
        case 2: text[at] = alphabet[rng() % alphabet.size()]; break;                        // change
        case 3: text = text.substr(0, at); break;                                           // truncate
      }
      if (text.empty()) break;
    }
    const storage::JsonImport r = storage::from_json(text);
    if (!r.error.empty()) {
      ++refused;
      CHECK(r.snapshot.system.parts.empty());  // nothing partly read
      continue;
    }
    // Accepted: the result is a sound map.
    for (const core::Relationship& rel : r.snapshot.system.relationships) {
      CHECK(core::find_part(r.snapshot.system, rel.from) != nullptr);
      CHECK(core::find_part(r.snapshot.system, rel.to) != nullptr);
    }
  }
  CHECK(refused > 2000);
}

TEST_CASE("Markdown: an overview and a note per part, with front matter and links") {
  const auto dir = test::fresh_dir("markdown");
  const storage::Snapshot s = demo_snapshot();
  REQUIRE(storage::export_markdown(s, dir).empty());
  std::ifstream index_in(dir / "README.md");
  std::stringstream index;
  index << index_in.rdbuf();
  CHECK(index.str().find("## Exiles") != std::string::npos);
  CHECK(index.str().find("(parts/" + storage::note_file_name(s.system.parts[0]) + ")") != std::string::npos);
  for (const core::Part& p : s.system.parts) {
    std::ifstream in(dir / "parts" / storage::note_file_name(p));
    REQUIRE(in.good());
    std::stringstream note;
    note << in.rdbuf();
    CHECK(note.str().starts_with("---\nid: \"" + std::to_string(p.id) + "\"\n"));
    CHECK(note.str().find("# " + p.name) != std::string::npos);
  }
  CHECK(storage::note_file_name(core::Part{.id = 4, .name = "../../etc/passwd"}) == "etc-passwd-4.md");
  CHECK(storage::note_file_name(core::Part{.id = 5, .name = "小さな子"}) == "小さな子-5.md");
  CHECK(storage::note_file_name(core::Part{.id = 6, .name = "   "}) == "part-6.md");
}

TEST_CASE("Markdown: each drawing a PNG as it was drawn, listed in the overview, a portrait in its part's note") {
  const auto dir = test::fresh_dir("markdown_drawings");
  const storage::Snapshot s = drawn_snapshot();
  REQUIRE(storage::export_markdown(s, dir).empty());
  std::ifstream index_in(dir / "README.md");
  std::stringstream index;
  index << index_in.rdbuf();
  CHECK(index.str().find("## Drawings") != std::string::npos);
  for (const core::Drawing& d : s.system.drawings) {
    INFO("drawing ", d.title);
    const std::string file = storage::drawing_file_name(d);
    CHECK(index.str().find("](drawings/" + file + ")") != std::string::npos);
    std::string error;
    const core::Image picture = storage::read_png(dir / "drawings" / file, &error);
    REQUIRE_MESSAGE(error.empty(), error);
    const core::Image expected = core::flatten(core::paint_drawing(d), d.paper);
    CHECK(picture.size == core::canvas_size);
    CHECK(picture.size == expected.size);
    CHECK(picture.rgba == expected.rgba);
  }
  // The painted drawing is not a blank sheet: the export shows the strokes.
  const core::Drawing& drawn = s.system.drawings.back();
  const core::Image blank = core::flatten(core::make_image(core::canvas_size), drawn.paper);
  CHECK(storage::read_png(dir / "drawings" / storage::drawing_file_name(drawn)).rgba != blank.rgba);

  const core::Part& wearer = s.system.parts[2];
  std::ifstream note_in(dir / "parts" / storage::note_file_name(wearer));
  std::stringstream note;
  note << note_in.rdbuf();
  CHECK(note.str().find("](../drawings/" + storage::drawing_file_name(drawn) + ")") != std::string::npos);
  CHECK(storage::drawing_file_name(core::Drawing{.id = 3, .title = "../../etc/x y"}) == "etc-x-y-3.png");
  CHECK(storage::drawing_file_name(core::Drawing{.id = 4, .title = ""}) == "drawing-4.png");
}

TEST_CASE("writing a copy of years of journal says how far it has come, only forward, to the end") {
  storage::Snapshot s;
  s.system = core::make_long_journal(10000, 1700000000);
  const auto file = test::fresh_dir("json_progress") / "copy.json";
  std::vector<float> heard;
  REQUIRE(storage::write_json_file(s, file, 1700000000, [&heard](float f) { heard.push_back(f); }).empty());
  REQUIRE(heard.size() >= 5);  // a few steps along the pages, then the writing
  CHECK(std::is_sorted(heard.begin(), heard.end()));
  CHECK(heard.front() < 0.5f);
  CHECK(heard.back() == 1.0f);
  std::ifstream in(file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const storage::JsonImport back = storage::from_json(text);
  REQUIRE(back.error.empty());
  CHECK(back.snapshot.system.journal.size() == s.system.journal.size());
  // A copy that cannot be written never says it is done.
  heard.clear();
  CHECK_FALSE(storage::write_json_file(s, file.parent_path() / "no-such-folder" / "copy.json", 1700000000,
                                       [&heard](float f) { heard.push_back(f); }).empty());
  CHECK((heard.empty() || heard.back() < 1.0f));
}
