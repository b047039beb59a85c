// The JSON format: everything round-trips; small hand-written files work; every kind of bad file is
// refused with a message naming where and what; many mangled files never crash and change nothing.
#include <doctest/doctest.h>

#include <random>

#include "core/demo_system.h"
#include "core/edits.h"
#include "storage/database.h"
#include "storage/json_format.h"
#include "storage/markdown_export.h"
#include "storage/migrations.h"
#include "test_tmp.h"

#include <fstream>
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

TEST_CASE("import into an empty store, then export: identical; into a store with parts: added, renumbered") {
  std::string error;
  auto db = storage::Database::open(":memory:", error);
  REQUIRE(db != nullptr);
  REQUIRE(storage::migrate(*db).empty());
  const storage::Snapshot original = demo_snapshot();
  const std::string text = storage::to_json(original, 1);
  const storage::Snapshot merged = storage::merge_import(storage::Snapshot{}, storage::from_json(text).snapshot);
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, merged).empty());
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  CHECK(storage::to_json(loaded.snapshot, 1) == text);

  const storage::Snapshot twice = storage::merge_import(loaded.snapshot, storage::from_json(text).snapshot);
  CHECK(twice.system.parts.size() == 2 * original.system.parts.size());
  CHECK(twice.system.relationships.size() == 2 * original.system.relationships.size());
  for (std::size_t i = 0; i < original.system.parts.size(); ++i) CHECK(twice.system.parts[i] == original.system.parts[i]);
  REQUIRE(storage::save_changes(*db, loaded.snapshot, twice).empty());
  CHECK(storage::load_snapshot(*db).snapshot.system.parts.size() == twice.system.parts.size());
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
      {"", "not valid JSON"},
      {R"({"format": "innerscape", "version": 1, "parts": [)", "not valid JSON"},  // cut short
      {"[1, 2, 3]", "expected a JSON object"},
      {R"({"version": 1})", "format: is missing"},
      {R"({"format": "notes", "version": 1})", "format: expected \"innerscape\""},
      {R"({"format": "innerscape"})", "version: is missing"},
      {R"({"format": "innerscape", "version": 99})", "newer than this Innerscape"},
      {head + R"("parts": {}})", "parts: expected a list"},
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
