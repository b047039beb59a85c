// Every map edit applies, undoes and redoes exactly; deleting a part takes its relationships along.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/archetypes.h"
#include "core/edits.h"
#include "core/undo_stack.h"

using namespace innerscape::core;

namespace {

constexpr std::int64_t t0 = 1000;

PartId add(InnerSystem& s, UndoStack& h, PartKind kind, const std::string& name, glm::vec2 at = {0.5f, 0.0f}) {
  Part part = blank_part(kind, at);
  part.name = name;
  REQUIRE(perform(s, h, add_part(s, part, t0)));
  return s.parts.back().id;
}

// Undo everything, check we are back at the start; redo everything, check we are at the end.
void check_round_trip(InnerSystem& s, UndoStack& h, const InnerSystem& start) {
  const InnerSystem end = s;
  while (can_undo(h)) REQUIRE(undo(s, h));
  CHECK(s.parts == start.parts);
  CHECK(s.relationships == start.relationships);
  while (can_redo(h)) REQUIRE(redo(s, h));
  CHECK(s.parts == end.parts);
  CHECK(s.relationships == end.relationships);
}

}  // namespace

TEST_CASE("adding parts gives each a new id, stamped with the time") {
  InnerSystem s;
  UndoStack h;
  const PartId a = add(s, h, PartKind::manager, "Sunny");
  const PartId b = add(s, h, PartKind::exile, "Little one");
  CHECK(a != b);
  CHECK(a != 0);
  CHECK(find_part(s, a)->created_at == t0);
  CHECK(undo_label(h) == "add Little one");
  // An undone add does not give its id away again.
  REQUIRE(undo(s, h));
  const PartId c = add(s, h, PartKind::exile, "Another");
  CHECK(c != b);
  CHECK_FALSE(can_redo(h));  // a new edit clears what was undone
}

TEST_CASE("an edit withdrawn is taken back as though it had never been made: nothing to redo") {
  InnerSystem s;
  UndoStack h;
  const PartId kept = add(s, h, PartKind::manager, "Sunny");
  REQUIRE(undo(s, h));
  REQUIRE(redo(s, h));
  add(s, h, PartKind::manager, "The Pleaser");
  const std::uint64_t revision = h.revision;
  REQUIRE(withdraw(s, h));
  REQUIRE(s.parts.size() == 1);
  CHECK(s.parts.front().id == kept);
  CHECK(h.revision != revision);  // the store hears of it
  CHECK_FALSE(can_redo(h));
  CHECK(undo_label(h) == "add Sunny");
  UndoStack empty;
  CHECK_FALSE(withdraw(s, empty));
}

TEST_CASE("rename, move and field edits undo and redo exactly") {
  InnerSystem s;
  UndoStack h;
  const PartId id = add(s, h, PartKind::manager, "Sunny");
  const InnerSystem start = s;
  UndoStack edits;

  REQUIRE(perform(s, edits, rename_part(s, id, "Sunshine", t0 + 1)));
  CHECK(find_part(s, id)->name == "Sunshine");
  CHECK(find_part(s, id)->updated_at == t0 + 1);
  CHECK(undo_label(edits) == "rename");

  REQUIRE(perform(s, edits, move_part(s, id, {0.2f, -0.3f}, t0 + 2)));
  CHECK(find_part(s, id)->position == glm::vec2(0.2f, -0.3f));

  Part changed = *find_part(s, id);
  changed.age = 12;
  changed.fears = "Being left behind.";
  changed.trust = 70;
  changed.size = 1.6f;
  changed.color = 0x336699;
  REQUIRE(perform(s, edits, update_part(s, changed, t0 + 3)));
  CHECK(find_part(s, id)->age == 12);
  CHECK(find_part(s, id)->trust == 70);

  check_round_trip(s, edits, start);
}

TEST_CASE("an edit that changes nothing is not recorded") {
  InnerSystem s;
  UndoStack h;
  const PartId id = add(s, h, PartKind::manager, "Sunny");
  CHECK(rename_part(s, id, "Sunny", t0).empty());
  CHECK(move_part(s, id, find_part(s, id)->position, t0).empty());
  CHECK_FALSE(perform(s, h, rename_part(s, 999, "Nobody", t0)));
  CHECK(h.done.size() == 1);
}

TEST_CASE("relate and unrelate, with one relationship per pair, never with itself") {
  InnerSystem s;
  UndoStack h;
  const PartId guard = add(s, h, PartKind::manager, "Guard");
  const PartId little = add(s, h, PartKind::exile, "Little");
  const InnerSystem start = s;
  UndoStack edits;

  CHECK(relate(s, guard, guard, RelationKind::allied).empty());
  CHECK(relate(s, guard, 999, RelationKind::allied).empty());

  REQUIRE(perform(s, edits, relate(s, guard, little, RelationKind::protects)));
  REQUIRE(s.relationships.size() == 1);
  CHECK(s.relationships[0] == Relationship{guard, little, RelationKind::protects});
  CHECK(relate(s, guard, little, RelationKind::protects).empty());  // already so

  // A new kind replaces the old, in the same place.
  REQUIRE(perform(s, edits, relate(s, little, guard, RelationKind::polarized)));
  REQUIRE(s.relationships.size() == 1);
  CHECK(s.relationships[0].kind == RelationKind::polarized);

  REQUIRE(perform(s, edits, unrelate(s, guard, little)));
  CHECK(s.relationships.empty());
  CHECK(unrelate(s, guard, little).empty());

  check_round_trip(s, edits, start);
}

TEST_CASE("deleting a part removes its relationships, and undo brings all of it back in place") {
  InnerSystem s;
  UndoStack h;
  const PartId a = add(s, h, PartKind::manager, "A");
  const PartId b = add(s, h, PartKind::exile, "B");
  const PartId c = add(s, h, PartKind::firefighter, "C");
  const PartId d = add(s, h, PartKind::manager, "D");
  REQUIRE(perform(s, h, relate(s, a, b, RelationKind::protects)));
  REQUIRE(perform(s, h, relate(s, c, d, RelationKind::allied)));
  REQUIRE(perform(s, h, relate(s, c, b, RelationKind::protects)));
  REQUIRE(perform(s, h, relate(s, a, c, RelationKind::polarized)));
  const InnerSystem before = s;

  REQUIRE(perform(s, h, delete_part(s, b)));
  CHECK(find_part(s, b) == nullptr);
  REQUIRE(s.relationships.size() == 2);
  for (const Relationship& r : s.relationships) {
    CHECK(r.from != b);
    CHECK(r.to != b);
  }
  REQUIRE(undo(s, h));
  CHECK(s.parts == before.parts);
  CHECK(s.relationships == before.relationships);
  REQUIRE(redo(s, h));
  CHECK(s.parts.size() == 3);
}

TEST_CASE("moving many parts is one edit, undone at once") {
  InnerSystem s;
  UndoStack h;
  const PartId a = add(s, h, PartKind::manager, "A", {0.1f, 0.1f});
  const PartId b = add(s, h, PartKind::exile, "B", {0.2f, 0.2f});
  REQUIRE(perform(s, h, move_parts(s, {{a, {1.0f, 0.0f}}, {b, {0.0f, 1.0f}}, {999, {5.0f, 5.0f}}}, t0)));
  CHECK(find_part(s, a)->position == glm::vec2(1.0f, 0.0f));
  REQUIRE(undo(s, h));
  CHECK(find_part(s, a)->position == glm::vec2(0.1f, 0.1f));
  CHECK(find_part(s, b)->position == glm::vec2(0.2f, 0.2f));
}

TEST_CASE("the Self's light is an edit too") {
  InnerSystem s;
  UndoStack h;
  REQUIRE(perform(s, h, set_self(s, {.glow = 0.3f})));
  CHECK(s.self.glow == 0.3f);
  REQUIRE(undo(s, h));
  CHECK(s.self.glow == SelfState{}.glow);
}

TEST_CASE("an edit that no longer fits changes nothing at all") {
  InnerSystem s;
  UndoStack h;
  const PartId a = add(s, h, PartKind::manager, "A");
  const PartId b = add(s, h, PartKind::exile, "B");
  const Edit stale = relate(s, a, b, RelationKind::allied);
  REQUIRE(perform(s, h, delete_part(s, b)));
  const InnerSystem before = s;
  CHECK_FALSE(apply_edit(s, stale));
  CHECK(s.parts == before.parts);
  CHECK(s.relationships == before.relationships);
}

TEST_CASE("validation: a gentle placeholder for an empty name, finite positions, values in range") {
  InnerSystem s;
  UndoStack h;
  Part p = blank_part(PartKind::exile, {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()});
  p.name = "   ";
  p.trust = 400;
  p.size = 99.0f;
  p.depth = -2.0f;
  p.age = -4;
  REQUIRE(perform(s, h, add_part(s, p, t0)));
  const Part& kept = s.parts.back();
  CHECK(kept.name == placeholder_name(PartKind::exile));
  CHECK(std::isfinite(kept.position.x));
  CHECK(std::isfinite(kept.position.y));
  CHECK(std::abs(kept.position.y) <= max_coordinate);
  CHECK(kept.trust == 100);
  CHECK(kept.size == max_part_size);
  CHECK(kept.depth == 0.0f);
  CHECK(kept.age == 0);
  // Renaming to nothing gets the placeholder too, never an empty label.
  const PartId id = kept.id;  // performing replaces the system, so references into it go stale
  REQUIRE(perform(s, h, rename_part(s, id, "Named", t0)));
  REQUIRE(perform(s, h, rename_part(s, id, "", t0)));
  CHECK(s.parts.back().name == placeholder_name(PartKind::exile));
}

TEST_CASE("names in any script and of any length are kept byte for byte") {
  InnerSystem s;
  UndoStack h;
  const std::vector<std::string> names = {
      "Petite fille à la fenêtre", "小さな子", "الطفل الصغير", "ילדה קטנה", "🌧️ the storm 🌈", "Ꮳ Cherokee",
      " leading and trailing spaces ", std::string(5000, 'x') + "…",
  };
  for (const std::string& name : names) {
    const PartId id = add(s, h, PartKind::manager, name);
    CHECK(find_part(s, id)->name == name);
  }
}

TEST_CASE("an edit whose later step does not fit is rolled back in place: everything as it was, counters too") {
  InnerSystem s;
  UndoStack h;
  const PartId a = add(s, h, PartKind::manager, "A");
  REQUIRE(perform(s, h, add_entry(s, Entry{.type = EntryType::movement}, t0)));
  REQUIRE(perform(s, h, add_drawing(s, Drawing{.title = "sky"}, t0)));
  const InnerSystem before = s;

  // Three steps that apply, then one that cannot: a relationship to a part that does not exist.
  Edit doomed = add_part(s, blank_part(PartKind::exile, {0.3f, 0.1f}), t0);
  const PartId fresh = std::get<AddPart>(doomed.steps.front()).part.id;
  doomed.steps.push_back(AddEntry{Entry{.id = peek_next_entry_id(s), .type = EntryType::letter}});
  doomed.steps.push_back(RemovePart{*find_part(s, a), 0});
  doomed.steps.push_back(AddRelationship{{fresh, 999, RelationKind::allied}});
  CHECK_FALSE(perform(s, h, doomed));
  CHECK(s.parts == before.parts);
  CHECK(s.journal == before.journal);
  CHECK(s.drawings.size() == before.drawings.size());
  CHECK(s.next_id == before.next_id);
  CHECK(s.next_entry_id == before.next_entry_id);
  CHECK(s.next_drawing_id == before.next_drawing_id);
  CHECK(h.done.size() == 3);  // not recorded
  // And undo of the last real edit still works from here.
  REQUIRE(undo(s, h));
  CHECK(s.drawings.empty());
}
