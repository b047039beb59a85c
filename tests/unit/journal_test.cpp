// The journal: every entry type as data, validation, undoable entry edits, the 8 C's lighting the
// Self, entries kept (untied) when their part is deleted, storage, search and the JSON round trip.
#include <doctest/doctest.h>

#include <set>

#include "core/archetypes.h"
#include "core/arrange.h"

#include <glm/geometric.hpp>
#include "core/demo_system.h"
#include "core/edits.h"
#include "core/undo_stack.h"
#include "core/journal.h"
#include "core/page_drafts.h"
#include "storage/database.h"
#include "storage/json_format.h"
#include "storage/map_store.h"
#include "storage/migrations.h"
#include "test_store.h"

using namespace innerscape;
using test::memory_db;

namespace {

core::Entry trigger(std::vector<core::PartId> parts, std::string what) {
  core::Entry e{.type = core::EntryType::trigger, .parts = std::move(parts)};
  e.answers.set_text("what_happened", std::move(what));
  e.answers.set_rating("intensity_before", 8);
  e.answers.set_rating("intensity_after", 4);
  e.answers.set_text("soothe_next_time", "Breathe 4-4-6, then tell the little one I am here.");
  return e;
}

core::Entry check_in(int level) {
  core::Entry e{.type = core::EntryType::check_in};
  for (const core::ChoiceSpec& c : core::eight_cs()) e.answers.set_rating(c.key, level);
  e.answers.set_text("calm_thought", "I can take a breath.");
  return e;
}

// The demo's parts, without its example journal, so counts and rankings here are this file's own.
core::InnerSystem parts_only() {
  core::InnerSystem s = core::make_demo_system();
  s.journal.clear();
  s.next_entry_id = 1;
  return s;
}

}  // namespace

TEST_CASE("every entry type the guide describes is there, each field with a prompt") {
  CHECK(core::entry_types().size() == core::entry_type_count);
  for (const core::EntryTypeSpec& t : core::entry_types()) {
    CHECK(&core::entry_type_spec(t.type) == &t);
    CHECK(core::find_entry_type(t.key) == &t);
    CHECK_FALSE(t.fields.empty());
    for (const core::FieldSpec& f : t.fields) CHECK_FALSE(f.prompt.empty());
  }
  CHECK(core::eight_cs().size() == 8);
  CHECK(core::distortions().size() >= 11);
  const core::FieldSpec* d = core::find_field(core::entry_type_spec(core::EntryType::thought_record), "distortions");
  REQUIRE(d != nullptr);
  CHECK(d->kind == core::FieldKind::checklist);
}

TEST_CASE("validation keeps what the type knows, ratings 0..10, real choices, each part once; text exactly") {
  core::Entry e{.type = core::EntryType::thought_record, .parts = {3, 3, 0, 5}};
  e.answers.set_text("situation", std::string(100000, 'w') + " ☀ 小 ילדה");
  e.answers.set_text("no_such_field", "dropped");
  e.answers.set_rating("intensity_before", 42);
  e.answers.set_rating("intensity_after", -3);
  e.answers.set_rating("situation", 5);  // a text field is not a rating
  e.answers.set_choices("distortions", {"catastrophizing", "made_up", "catastrophizing", "mind_reading"});
  core::sanitize(e);
  CHECK(e.answers.text("no_such_field").empty());
  CHECK(e.answers.text("situation").size() == 100000 + std::string(" ☀ 小 ילדה").size());
  CHECK(e.answers.text("situation").ends_with(" ☀ 小 ילדה"));
  CHECK(e.answers.rating("intensity_before") == 10);
  CHECK(e.answers.rating("intensity_after") == 0);
  CHECK_FALSE(e.answers.rating("situation").has_value());
  CHECK(e.answers.choices("distortions") == std::vector<std::string_view>{"catastrophizing", "mind_reading"});
  CHECK(e.answers.field_count() == 4);
  CHECK(e.parts == std::vector<core::PartId>{3, 5});
}

TEST_CASE("entries are added, edited and deleted as undoable edits") {
  core::InnerSystem s = parts_only();
  core::UndoStack h;
  const core::PartId part = s.parts[0].id;
  REQUIRE(core::perform(s, h, core::add_entry(s, trigger({part, 999}, "A message left on read."), 100)));
  REQUIRE(s.journal.size() == 1);
  core::Entry e = s.journal[0];
  CHECK(e.parts == std::vector<core::PartId>{part});  // a part that is not there is not tied
  CHECK(e.created_at == 100);
  e.answers.set_text("what_happened", "They did not text back for a day.");
  REQUIRE(core::perform(s, h, core::update_entry(s, e, 200)));
  CHECK(s.journal[0].answers.text("what_happened") == "They did not text back for a day.");
  CHECK(s.journal[0].updated_at == 200);
  CHECK(core::update_entry(s, s.journal[0], 300).empty());  // nothing changed
  REQUIRE(core::perform(s, h, core::delete_entry(s, e.id)));
  CHECK(s.journal.empty());
  REQUIRE(core::undo(s, h));
  CHECK(s.journal[0].answers.text("what_happened") == "They did not text back for a day.");
  REQUIRE(core::undo(s, h));
  CHECK(s.journal[0].answers.text("what_happened") != "They did not text back for a day.");
  REQUIRE(core::undo(s, h));
  CHECK(s.journal.empty());
}

TEST_CASE("a check-in sets the Self's light from the 8 C's, never dark; undo puts the light back") {
  core::InnerSystem s;
  core::UndoStack h;
  const float before = s.self.glow;
  REQUIRE(core::perform(s, h, core::add_entry(s, check_in(10), 1)));
  CHECK(s.self.glow == doctest::Approx(1.0f));
  REQUIRE(core::perform(s, h, core::add_entry(s, check_in(0), 2)));
  CHECK(s.self.glow == doctest::Approx(0.35f));
  REQUIRE(core::undo(s, h));
  REQUIRE(core::undo(s, h));
  CHECK(s.self.glow == before);
}

TEST_CASE("deleting a part keeps the entries about it, untied; undo ties them again") {
  core::InnerSystem s = parts_only();
  core::UndoStack h;
  const core::PartId a = s.parts[0].id, b = s.parts[1].id;
  REQUIRE(core::perform(s, h, core::add_entry(s, trigger({a, b}, "x"), 1)));
  REQUIRE(core::perform(s, h, core::delete_part(s, a)));
  REQUIRE(s.journal.size() == 1);
  CHECK(s.journal[0].parts == std::vector<core::PartId>{b});
  REQUIRE(core::undo(s, h));
  CHECK(s.journal[0].parts == std::vector<core::PartId>{a, b});
}

TEST_CASE("entries survive storage exactly, and full-text search finds them, best match first") {
  auto db = memory_db();
  storage::Snapshot current{.system = parts_only()};
  core::UndoStack h;
  core::InnerSystem& s = current.system;
  const core::PartId a = s.parts[0].id;
  core::perform(s, h, core::add_entry(s, trigger({a}, "A missed call, and the old panic rose."), 10));
  core::perform(s, h, core::add_entry(s, trigger({}, "Panic, panic, panic: a long silence after an argument."), 20));
  core::Entry letter{.type = core::EntryType::letter};
  letter.answers.set_text("to", "Little one");
  letter.answers.set_text("promise", "I will not leave you alone with this fear.");
  core::perform(s, h, core::add_entry(s, letter, 30));
  core::Entry record{.type = core::EntryType::thought_record};
  record.answers.set_choices("distortions", {"mind_reading"});
  record.answers.set_text("thought", "They must be angry with me.");
  core::perform(s, h, core::add_entry(s, record, 40));
  core::perform(s, h, core::add_entry(s, check_in(7), 50));

  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, current).empty());
  storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  CHECK(loaded.snapshot.system.journal == s.journal);
  CHECK(loaded.snapshot.system.next_entry_id == s.next_entry_id);

  const auto panic = storage::search_entries(*db, "panic");
  REQUIRE(panic.size() == 2);
  CHECK(panic[0] == s.journal[1].id);  // three mentions rank above one
  CHECK(storage::search_entries(*db, "lea") == std::vector<core::EntryId>{s.journal[2].id});  // prefixes
  CHECK(storage::search_entries(*db, "Mind-reading").size() == 1);  // a chosen thinking trap, by name
  CHECK(storage::search_entries(*db, "\"unbalanced quote AND OR (").empty());  // no syntax errors from input
  CHECK(storage::search_entries(*db, "").empty());

  // Edits and deletes keep the index in step.
  storage::Snapshot next = current;
  core::Entry changed = next.system.journal[0];
  changed.answers.set_text("what_happened", "A quiet evening, nothing alarming.");
  core::perform(next.system, h, core::update_entry(next.system, changed, 60));
  core::perform(next.system, h, core::delete_entry(next.system, next.system.journal[1].id));
  REQUIRE(storage::save_changes(*db, current, next).empty());
  CHECK(storage::search_entries(*db, "panic").empty());
  CHECK(storage::search_entries(*db, "quiet") == std::vector<core::EntryId>{changed.id});
  CHECK(storage::load_snapshot(*db).snapshot.system.journal == next.system.journal);
}

TEST_CASE("the journal goes through JSON export and import exactly; bad entries are named") {
  storage::Snapshot snap{.system = parts_only()};
  core::UndoStack h;
  core::perform(snap.system, h, core::add_entry(snap.system, trigger({snap.system.parts[2].id}, "A long day ☀"), 5));
  core::perform(snap.system, h, core::add_entry(snap.system, check_in(6), 6));
  const std::string text = storage::to_json(snap, 1);
  const storage::JsonImport back = storage::from_json(text);
  REQUIRE_MESSAGE(back.error.empty(), back.error);
  CHECK(back.snapshot.system.journal == snap.system.journal);
  CHECK(storage::to_json(back.snapshot, 1) == text);

  const std::string head = R"({"format": "innerscape", "version": 1, "parts": [{"id": "p", "name": "x", "kind": "exile"}], )";
  const std::vector<std::pair<std::string, std::string>> bad = {
      {head + R"("journal": [{"id": "1", "type": "diary"}]})", "journal[0].type: expected trigger|"},
      {head + R"("journal": [{"id": "1", "type": "trigger", "parts": ["q"]}]})", "journal[0].parts[0]: no part has the id \"q\""},
      {head + R"("journal": [{"id": "1", "type": "trigger", "ratings": {"intensity_before": 11}}]})",
       "journal[0].ratings.intensity_before: expected a whole number from 0 to 10"},
      {head + R"("journal": [{"id": "1", "type": "trigger", "text": {"mood": "x"}}]})", "journal[0].text.mood: trigger entries have no such field"},
      {head + R"("journal": [{"id": "1", "type": "thought_record", "checked": {"distortions": ["sulking"]}}]})",
       "journal[0].checked.distortions: expected choices this field offers"},
      {head + R"("journal": [{"id": "1", "type": "letter"}, {"id": "1", "type": "letter"}]})", "journal[1].id"},
  };
  for (const auto& [file, says] : bad) {
    INFO(file);
    CHECK(storage::from_json(file).error.find(says) != std::string::npos);
  }
}

TEST_CASE("pages put aside travel in the JSON export, and an import adds them to the map's own, renumbered") {
  storage::Snapshot snap{.system = parts_only()};
  core::UndoStack h;
  const core::PartId part = snap.system.parts[1].id;
  core::perform(snap.system, h, core::add_entry(snap.system, trigger({part}, "A long day"), 5));
  const core::Entry& kept = snap.system.journal[0];
  core::PageDrafts& pages = snap.page_drafts;
  core::begin_page(pages, snap.system, core::EntryType::letter, {part});
  core::open_draft(pages)->entry.answers.set_text("letter", "I see you ☀");
  core::open_entry(pages, snap.system, kept);
  core::open_draft(pages)->entry.answers.set_text("soothe_next_time", "A walk first");
  const std::string text = storage::to_json(snap, 1);
  const storage::JsonImport back = storage::from_json(text);
  REQUIRE_MESSAGE(back.error.empty(), back.error);
  const core::PageDrafts& read = back.snapshot.page_drafts;
  REQUIRE(read.pages.size() == 2);
  CHECK(read.open == 0);  // all come put aside
  CHECK(read.pages[0].entry.type == core::EntryType::letter);
  CHECK(read.pages[0].entry.id == 0);
  CHECK(read.pages[0].entry.parts == std::vector<core::PartId>{part});
  CHECK(read.pages[0].entry.answers == pages.pages[0].entry.answers);
  CHECK(read.pages[1].entry.id == kept.id);
  CHECK(read.pages[1].entry.created_at == kept.created_at);
  CHECK(read.pages[1].entry.answers == pages.pages[1].entry.answers);
  CHECK(storage::to_json(back.snapshot, 1) == text);

  // Into an empty map that has a page of its own being written: both are there.
  storage::Snapshot empty;
  core::begin_page(empty.page_drafts, empty.system, core::EntryType::creative);
  core::open_draft(empty.page_drafts)->entry.answers.set_text("what", "Clay");
  const storage::Snapshot into_empty = storage::merge_import(empty, back);
  REQUIRE(into_empty.page_drafts.pages.size() == 3);
  CHECK(into_empty.page_drafts.pages[0].entry.answers.text("what") == "Clay");
  CHECK(into_empty.page_drafts.pages[2].entry.id == kept.id);  // the file's ids are kept into an empty map

  // Into a map with its own parts and pages: the imported pages follow their parts' and entry's new numbers.
  storage::Snapshot mine{.system = parts_only()};
  core::perform(mine.system, h, core::add_entry(mine.system, trigger({}, "Mine"), 3));
  core::begin_page(mine.page_drafts, mine.system, core::EntryType::movement);
  core::open_draft(mine.page_drafts)->entry.answers.set_text("what", "Swimming");
  const storage::Snapshot merged = storage::merge_import(mine, back);
  REQUIRE(merged.page_drafts.pages.size() == 3);
  CHECK(merged.page_drafts.pages[0] == mine.page_drafts.pages[0]);
  std::set<core::DraftSerial> serials;
  for (const core::PageDraft& p : merged.page_drafts.pages) serials.insert(p.serial);
  CHECK(serials.size() == 3);
  const core::PageDraft& letter = merged.page_drafts.pages[1];
  REQUIRE(letter.entry.parts.size() == 1);
  const core::Part* tied = core::find_part(merged.system, letter.entry.parts[0]);
  REQUIRE(tied != nullptr);
  CHECK(tied->name == core::find_part(snap.system, part)->name);
  CHECK(tied->id != part);
  const core::Entry* changes = core::find_entry(merged.system, merged.page_drafts.pages[2].entry.id);
  REQUIRE(changes != nullptr);
  CHECK(changes->answers.text("what_happened") == "A long day");

  const std::string head = R"({"format": "innerscape", "version": 1, "parts": [{"id": "p", "name": "x", "kind": "exile"}], )"
                           R"("journal": [{"id": "e", "type": "letter"}], )";
  const std::vector<std::pair<std::string, std::string>> bad = {
      {head + R"("pages_put_aside": {}})", "pages_put_aside: expected a list"},
      {head + R"("pages_put_aside": [{"type": "diary"}]})", "pages_put_aside[0].type: expected trigger|"},
      {head + R"("pages_put_aside": [{"type": "letter", "entry": "f"}]})", "pages_put_aside[0].entry: no journal entry has the id \"f\""},
      {head + R"("pages_put_aside": [{"type": "trigger", "entry": "e"}]})", "pages_put_aside[0].type: the entry it changes is a letter"},
      {head + R"("pages_put_aside": [{"type": "letter", "parts": ["q"]}]})", "pages_put_aside[0].parts[0]: no part has the id \"q\""},
      {head + R"("pages_put_aside": [{"type": "letter", "text": {"mood": "x"}}]})", "pages_put_aside[0].text.mood: letter entries have no such field"},
  };
  for (const auto& [file, says] : bad) {
    INFO(file);
    CHECK(storage::from_json(file).error.find(says) != std::string::npos);
  }
}

TEST_CASE("the demo keeps an example journal: a trigger tied to two parts, a letter, a check-in") {
  const core::InnerSystem demo = core::make_demo_system();
  REQUIRE(demo.journal.size() == 3);
  CHECK(demo.journal[0].type == core::EntryType::trigger);
  CHECK(demo.journal[0].parts.size() == 2);
  CHECK(demo.journal[2].type == core::EntryType::check_in);
  CHECK(demo.self.glow == doctest::Approx(core::self_glow_from_check_in(demo.journal[2])));
  CHECK(core::search_in_memory(demo.journal, "chest TIGHT") == std::vector<core::EntryId>{demo.journal[0].id});
  CHECK(core::search_in_memory(demo.journal, "window").size() == 1);
  CHECK(core::search_in_memory(demo.journal, "   ").empty());
}

TEST_CASE("parts that answered triggers in the last seven days pulse, more for more") {
  std::vector<core::Entry> journal;
  const std::int64_t now = 1000000000;
  auto add = [&](std::vector<core::PartId> parts, std::int64_t at, core::EntryType type = core::EntryType::trigger) {
    journal.push_back(core::Entry{.id = journal.size() + 1, .type = type, .created_at = at, .parts = std::move(parts)});
  };
  add({1, 2}, now - 3600);
  add({1}, now - 2 * 86400);
  add({1}, now - 3 * 86400);
  add({1}, now - 4 * 86400);
  add({3}, now - 8 * 86400);                             // too long ago
  add({4}, now - 3600, core::EntryType::letter);         // not a trigger
  const auto pulse = core::recent_trigger_pulse(journal, now);
  CHECK(pulse.at(1) == doctest::Approx(1.0f));
  CHECK(pulse.at(2) == doctest::Approx(1.0f / 3.0f));
  CHECK(pulse.count(3) == 0);
  CHECK(pulse.count(4) == 0);
}

TEST_CASE("pages being written are stored a row each and read back: words exact, the open one open, ties to missing parts dropped") {
  auto db = memory_db();
  storage::Snapshot current{.system = parts_only()};
  const core::PartId part = current.system.parts[0].id;
  core::PageDrafts& pages = current.page_drafts;
  core::begin_page(pages, current.system, core::EntryType::letter, {part, 4242});
  core::open_draft(pages)->entry.answers.set_text("to", "Little one");
  core::open_draft(pages)->entry.answers.set_text("letter", std::string(20000, 'l') + " ☀ end");
  core::begin_page(pages, current.system, core::EntryType::trigger);
  core::open_draft(pages)->entry.answers.set_text("what_happened", "No reply.");
  core::open_draft(pages)->entry.answers.set_rating("intensity_before", 8);
  core::Entry kept{.id = 77, .type = core::EntryType::movement, .created_at = 1000, .parts = {part}};
  kept.answers.set_text("what", "A walk by the river");
  core::open_entry(pages, current.system, kept);  // changing a kept entry (not in this journal: it stays)
  core::open_draft(pages)->entry.answers.set_text("felt_after", "Lighter");
  core::begin_page(pages, current.system, core::EntryType::check_in);
  core::open_draft(pages)->entry.answers.set_rating("calm", 3);
  REQUIRE(pages.pages.size() == 4);
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, current).empty());

  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  const core::PageDrafts& back = loaded.snapshot.page_drafts;
  REQUIRE(back.pages.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    INFO("page ", i);
    CHECK(back.pages[i].serial == pages.pages[i].serial);
    CHECK(back.pages[i].entry.type == pages.pages[i].entry.type);
    CHECK(back.pages[i].entry.answers == pages.pages[i].entry.answers);
  }
  CHECK(back.pages[0].entry.parts == std::vector<core::PartId>{part});  // 4242 is not on the map
  CHECK(back.pages[0].begun_with == std::vector<core::PartId>{part});
  CHECK(back.pages[2].entry.id == 77);
  CHECK(back.pages[2].entry.created_at == 1000);
  CHECK(back.open == pages.open);
  CHECK(back.next_serial == pages.next_serial);

  // Typing into one page rewrites its row alone; a page kept goes; the open one moves.
  storage::Snapshot later = current;
  core::open_page(later.page_drafts, later.system, pages.pages[1].serial);
  core::open_draft(later.page_drafts)->entry.answers.set_text("what_happened", "No reply. Then a kind message.");
  core::remove_draft(later.page_drafts, pages.pages[0].serial);
  REQUIRE(storage::save_changes(*db, current, later).empty());
  const core::PageDrafts again = storage::load_snapshot(*db).snapshot.page_drafts;
  REQUIRE(again.pages.size() == 3);
  CHECK(again.pages[0].entry.answers.text("what_happened") == "No reply. Then a kind message.");
  CHECK(again.pages[1].entry.answers.text("felt_after") == "Lighter");
  CHECK(again.open == pages.pages[1].serial);

  storage::Snapshot none = later;
  none.page_drafts = {};
  REQUIRE(storage::save_changes(*db, later, none).empty());
  CHECK(storage::load_snapshot(*db).snapshot.page_drafts.pages.empty());
}

TEST_CASE("an older store's single page being written comes forward as the open page of the list") {
  std::string error;
  auto db = storage::Database::open(":memory:", error);
  REQUIRE(db != nullptr);
  REQUIRE(storage::migrate_to(*db, 8).empty());
  // As the app before lists of pages left it: one page, in the settings.
  REQUIRE(db->exec("INSERT INTO parts (id, sort, name, kind, created_at, updated_at) VALUES (3, 0, 'The Pleaser', 'manager', 1, 1);"
                   "INSERT INTO settings (key, value) VALUES ('welcome_seen', '1');"
                   "INSERT INTO settings (key, value) VALUES ('entry_draft', "
                   "'{\"type\":\"trigger\",\"id\":0,\"parts\":[3,9],\"created_at\":0,"
                   "\"text\":{\"what_happened\":\"Left on read ☂\"},\"ratings\":{\"intensity_before\":7}}');")
              .empty());
  REQUIRE(storage::migrate(*db).empty());
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  const core::PageDrafts& pages = loaded.snapshot.page_drafts;
  REQUIRE(pages.pages.size() == 1);
  const core::PageDraft& page = pages.pages[0];
  CHECK(pages.open == page.serial);
  CHECK(page.entry.type == core::EntryType::trigger);
  CHECK(page.entry.answers.text("what_happened") == "Left on read ☂");
  CHECK(page.entry.answers.rating("intensity_before") == 7);
  CHECK(page.entry.parts == std::vector<core::PartId>{3});
  CHECK(pages.next_serial > page.serial);
  CHECK(loaded.snapshot.settings.welcome_seen);  // the other settings stay
  auto old_row = db->prepare("SELECT count(*) FROM settings WHERE key = 'entry_draft'");
  REQUIRE(old_row.step());
  CHECK(old_row.column_int(0) == 0);
}

TEST_CASE("a page this app cannot read is left in the store, and its serial is never given to another page") {
  auto db = memory_db();
  REQUIRE(db->exec("INSERT INTO entry_drafts (serial, is_open, body) VALUES (5, 0, '{\"type\":\"dream_log\",\"text\":{\"x\":\"y\"}}')").empty());
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  CHECK(loaded.snapshot.page_drafts.pages.empty());
  CHECK(loaded.snapshot.page_drafts.next_serial == 6);
  storage::Snapshot current = loaded.snapshot;
  core::begin_page(current.page_drafts, current.system, core::EntryType::letter);
  core::open_draft(current.page_drafts)->entry.answers.set_text("letter", "mine");
  REQUIRE(storage::save_changes(*db, loaded.snapshot, current).empty());
  auto rows = db->prepare("SELECT count(*) FROM entry_drafts");
  REQUIRE(rows.step());
  CHECK(rows.column_int(0) == 2);
}

TEST_CASE("soothing words: one undoable edit for any change, empty lines dropped, stored, exported") {
  core::InnerSystem s;
  core::UndoStack h;
  REQUIRE(core::perform(s, h, core::set_soothing(s, core::starting_soothing_words())));
  std::vector<std::string> mine = s.soothing;
  std::swap(mine[0], mine[1]);
  mine.push_back("   ");
  mine.push_back("Breathe in for four, out for six. ☀");
  mine.erase(mine.begin() + 2);
  REQUIRE(core::perform(s, h, core::set_soothing(s, mine)));
  CHECK(s.soothing.size() == 4);
  CHECK(s.soothing.back() == "Breathe in for four, out for six. ☀");
  CHECK(core::set_soothing(s, s.soothing).empty());
  REQUIRE(core::undo(s, h));
  CHECK(s.soothing == core::starting_soothing_words());
  REQUIRE(core::redo(s, h));

  auto db = memory_db();
  storage::Snapshot snap{.system = s};
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, snap).empty());
  CHECK(storage::load_snapshot(*db).snapshot.system.soothing == s.soothing);
  const storage::JsonImport back = storage::from_json(storage::to_json(snap, 1));
  REQUIRE(back.error.empty());
  CHECK(back.snapshot.system.soothing == s.soothing);
  CHECK(storage::from_json(R"({"format": "innerscape", "version": 1, "soothing": [3]})").error == "soothing[0]: expected a string");
}

TEST_CASE("insights: triggers per part per week, and Self energy over time") {
  std::vector<core::Entry> journal;
  const std::int64_t now = 2000000000;
  auto add = [&](core::EntryType type, std::vector<core::PartId> parts, std::int64_t at) {
    journal.push_back(core::Entry{.id = journal.size() + 1, .type = type, .created_at = at, .parts = std::move(parts)});
    return &journal.back();
  };
  add(core::EntryType::trigger, {1}, now - 3600);                 // this week
  add(core::EntryType::trigger, {1, 2}, now - core::week_s - 60);  // last week
  add(core::EntryType::trigger, {1}, now - core::week_s - 120);
  add(core::EntryType::trigger, {2}, now - 9 * core::week_s);      // beyond eight weeks
  const auto weeks = core::triggers_per_week(journal, now, 8);
  REQUIRE(weeks.count(1) == 1);
  CHECK(weeks.at(1) == std::vector<int>{0, 0, 0, 0, 0, 0, 2, 1});
  CHECK(weeks.at(2) == std::vector<int>{0, 0, 0, 0, 0, 0, 1, 0});
  CHECK(core::triggers_per_week(journal, now, 0).empty());

  // Added out of order on purpose; each is filled in before the next add (adds may move the list).
  for (const auto& [at, level] : {std::pair{now - 100, 8}, std::pair{now - 200, 4}}) {
    core::Entry* e = add(core::EntryType::check_in, {}, at);
    for (const core::ChoiceSpec& c : core::eight_cs()) e->answers.set_rating(c.key, level);
  }
  const auto energy = core::self_energy_over_time(journal);
  REQUIRE(energy.size() == 2);
  CHECK(energy[0].first < energy[1].first);  // oldest first
  CHECK(energy[0].second == doctest::Approx(4.0f));
  CHECK(energy[1].second == doctest::Approx(8.0f));
}

TEST_CASE("every kind of entry: written, stored, found, edited, deleted, undone, exported and imported") {
  for (const core::EntryTypeSpec& type : core::entry_types()) {
    INFO("kind: ", type.key);
    auto db = memory_db();
    storage::Snapshot saved;
    storage::Snapshot current{.system = parts_only()};
    core::UndoStack h;
    core::Entry e{.type = type.type, .parts = {current.system.parts[0].id}};
    for (const core::FieldSpec& f : type.fields) {
      const std::string key(f.key);
      if (f.kind == core::FieldKind::rating) e.answers.set_rating(key, 7);
      else if (f.kind == core::FieldKind::checklist) e.answers.set_choices(key, {f.choices[0].key});
      else e.answers.set_text(key, "zephyr " + key);  // a rare word to search for
    }
    REQUIRE(core::perform(current.system, h, core::add_entry(current.system, e, 10)));
    REQUIRE(storage::save_changes(*db, saved, current).empty());
    saved = current;
    const core::EntryId id = current.system.journal.back().id;
    CHECK(storage::search_entries(*db, "zephyr") == std::vector<core::EntryId>{id});
    CHECK(storage::load_snapshot(*db).snapshot.system.journal == current.system.journal);

    core::Entry changed = current.system.journal.back();
    changed.parts.clear();
    REQUIRE(core::perform(current.system, h, core::update_entry(current.system, changed, 20)));
    REQUIRE(core::perform(current.system, h, core::delete_entry(current.system, id)));
    REQUIRE(core::undo(current.system, h));
    REQUIRE(storage::save_changes(*db, saved, current).empty());
    CHECK(storage::load_snapshot(*db).snapshot.system.journal == current.system.journal);

    const storage::JsonImport back = storage::from_json(storage::to_json(current, 1));
    REQUIRE_MESSAGE(back.error.empty(), back.error);
    CHECK(back.snapshot.system.journal == current.system.journal);
  }
}

TEST_CASE("a free spot for a part added from a page is clear of the others") {
  core::InnerSystem s = parts_only();
  for (int i = 0; i < 30; ++i) {
    const glm::vec2 spot = core::free_spot(s);
    for (const core::Part& p : s.parts) CHECK(glm::length(p.position - spot) >= 0.24f);
    core::apply_edit(s, core::add_part(s, core::blank_part(core::PartKind::exile, spot), 0));
  }
}

TEST_CASE("the Self's light follows the latest check-in through edits and deletes") {
  core::InnerSystem s;
  core::UndoStack h;
  core::Entry low = check_in(2);
  REQUIRE(core::perform(s, h, core::add_entry(s, low, 10)));
  REQUIRE(core::perform(s, h, core::add_entry(s, check_in(9), 20)));
  CHECK(s.self.glow == doctest::Approx(core::self_glow_from_check_in(check_in(9))));
  core::Entry latest = s.journal[1];
  for (const core::ChoiceSpec& c : core::eight_cs()) latest.answers.set_rating(c.key, 5);
  REQUIRE(core::perform(s, h, core::update_entry(s, latest, 30)));
  CHECK(s.self.glow == doctest::Approx(core::self_glow_from_check_in(latest)));
  REQUIRE(core::perform(s, h, core::delete_entry(s, latest.id)));
  CHECK(s.self.glow == doctest::Approx(core::self_glow_from_check_in(check_in(2))));
  REQUIRE(core::undo(s, h));
  CHECK(s.self.glow == doctest::Approx(core::self_glow_from_check_in(latest)));
}

TEST_CASE("a map opened without its journal reads everything else, and its saves leave the journal's rows alone") {
  auto db = memory_db();
  const core::InnerSystem full = core::make_long_journal(300, 1767225600);
  storage::Snapshot written;
  written.system = full;
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, written).empty());

  storage::LoadResult map_only = storage::load_snapshot(*db, false);
  REQUIRE(map_only.error.empty());
  CHECK_FALSE(map_only.snapshot.journal_loaded);
  CHECK(map_only.snapshot.system.journal.empty());
  CHECK(map_only.snapshot.system.parts == full.parts);
  CHECK(map_only.snapshot.system.next_entry_id == full.next_entry_id);  // a new page gets a fresh id

  // Saves made before the journal is read (a part moved, a page written) write what changed and
  // delete nothing: an empty journal there means "not read yet".
  storage::Snapshot early = map_only.snapshot;
  early.system.parts[0].name = "Renamed early";
  core::Entry page{.id = early.system.next_entry_id, .type = core::EntryType::movement, .created_at = 1767225700};
  page.answers.set_text("what", "stretching");
  early.system.journal.push_back(page);
  REQUIRE(storage::save_changes(*db, map_only.snapshot, early).empty());
  storage::LoadResult after = storage::load_snapshot(*db);
  CHECK(after.snapshot.system.parts[0].name == "Renamed early");
  CHECK(after.snapshot.system.journal == full.journal);  // untouched, the early page not yet written

  // Once read, the journal is saved by difference as always: the early page joins it.
  std::string error;
  std::vector<core::Entry> on_disk = storage::load_journal(*db, error);
  REQUIRE(error.empty());
  CHECK(on_disk == full.journal);
  storage::Snapshot installed = early;
  installed.system.journal = on_disk;
  installed.journal_loaded = true;
  storage::Snapshot joined = installed;
  joined.system.journal.push_back(page);
  REQUIRE(storage::save_changes(*db, installed, joined).empty());
  CHECK(storage::load_snapshot(*db).snapshot.system.journal.size() == full.journal.size() + 1);
}
