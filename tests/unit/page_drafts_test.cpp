// Journal pages being written, any number at once: none replaced by another, none dropped with words on it.
#include <doctest/doctest.h>

#include "core/page_drafts.h"

using namespace innerscape;

namespace {

core::InnerSystem with_entry(core::EntryId id, const std::string& words) {
  core::InnerSystem s;
  core::Entry e{.id = id, .type = core::EntryType::letter};
  e.answers.set_text("letter", words);
  s.journal.push_back(e);
  s.next_entry_id = id + 1;
  return s;
}

void write(core::PageDrafts& drafts, const char* field, const char* words) {
  core::PageDraft* page = core::open_draft(drafts);
  REQUIRE(page != nullptr);
  page->entry.answers.set_text(field, words);
}

}  // namespace

TEST_CASE("opening a new page puts the open one aside; every page keeps its own words") {
  const core::InnerSystem system;
  core::PageDrafts drafts;
  const core::DraftSerial trigger = core::begin_page(drafts, system, core::EntryType::trigger);
  write(drafts, "what_happened", "No reply all evening.");
  const core::DraftSerial letter = core::begin_page(drafts, system, core::EntryType::letter);
  write(drafts, "letter", "I am here.");
  const core::DraftSerial second_trigger = core::begin_page(drafts, system, core::EntryType::trigger);
  CHECK(trigger != letter);
  CHECK(letter != second_trigger);
  CHECK(drafts.open == second_trigger);
  REQUIRE(drafts.pages.size() == 3);
  CHECK(core::find_draft(drafts, trigger)->entry.answers.text("what_happened") == "No reply all evening.");
  CHECK(core::find_draft(drafts, letter)->entry.answers.text("letter") == "I am here.");
  CHECK(core::open_draft(drafts)->entry.answers.empty());

  // The list shows the pages waiting, newest first, not the open one.
  const auto waiting = core::pages_put_aside(drafts);
  REQUIRE(waiting.size() == 2);
  CHECK(waiting[0]->serial == letter);
  CHECK(waiting[1]->serial == trigger);

  // Taking one up again: the fresh page, untouched, simply goes; the words are there as they were.
  REQUIRE(core::open_page(drafts, system, trigger));
  CHECK(drafts.open == trigger);
  CHECK(core::find_draft(drafts, second_trigger) == nullptr);
  CHECK(core::open_draft(drafts)->entry.answers.text("what_happened") == "No reply all evening.");
  CHECK(drafts.pages.size() == 2);
  CHECK_FALSE(core::open_page(drafts, system, 999));
  CHECK(drafts.open == trigger);
}

TEST_CASE("putting a page aside keeps anything the person put on it, and lets an untouched one go") {
  const core::InnerSystem system;
  core::PageDrafts drafts;
  core::begin_page(drafts, system, core::EntryType::trigger);
  core::put_aside(drafts, system);
  CHECK(drafts.pages.empty());  // opened and closed: no clutter
  CHECK(drafts.open == 0);

  // Opened from a selected part and closed untouched: it goes too.
  core::begin_page(drafts, system, core::EntryType::trigger, {7});
  core::put_aside(drafts, system);
  CHECK(drafts.pages.empty());

  // A part ticked, a part unticked, a rating moved: each is the person's, and stays.
  core::begin_page(drafts, system, core::EntryType::trigger);
  core::open_draft(drafts)->entry.parts.push_back(7);
  core::put_aside(drafts, system);
  core::begin_page(drafts, system, core::EntryType::trigger, {7});
  core::open_draft(drafts)->entry.parts.clear();
  core::put_aside(drafts, system);
  core::begin_page(drafts, system, core::EntryType::check_in);
  core::open_draft(drafts)->entry.answers.set_rating("calm", 6);
  core::put_aside(drafts, system);
  CHECK(drafts.pages.size() == 3);
  CHECK(drafts.open == 0);

  // A single space is a word too: never dropped.
  core::begin_page(drafts, system, core::EntryType::letter);
  write(drafts, "letter", " ");
  core::put_aside(drafts, system);
  CHECK(drafts.pages.size() == 4);
}

TEST_CASE("an entry opened again finds the page already changing it; unchanged, it goes when put aside") {
  const core::InnerSystem system = with_entry(5, "Dear little one");
  const core::Entry& kept = *core::find_entry(system, 5);
  core::PageDrafts drafts;
  const core::DraftSerial reading = core::open_entry(drafts, system, kept);
  CHECK(core::open_draft(drafts)->entry == kept);
  core::put_aside(drafts, system);
  CHECK(drafts.pages.empty());  // only read: nothing to keep

  const core::DraftSerial changing = core::open_entry(drafts, system, kept);
  CHECK(changing != reading);  // a serial is never used twice
  write(drafts, "letter", "Dear little one, I came back.");
  core::begin_page(drafts, system, core::EntryType::trigger);
  CHECK(core::open_entry(drafts, system, kept) == changing);
  CHECK(core::open_draft(drafts)->entry.answers.text("letter") == "Dear little one, I came back.");
  CHECK(core::draft_of_entry(drafts, 5)->serial == changing);
  CHECK(core::draft_of_entry(drafts, 6) == nullptr);
  CHECK(core::draft_of_entry(drafts, 0) == nullptr);  // new pages are not entries

  // An entry the journal does not hold (gone, or not read yet) is all its words: it stays.
  core::PageDrafts orphan;
  core::open_entry(orphan, core::InnerSystem{}, kept);
  core::put_aside(orphan, core::InnerSystem{});
  CHECK(orphan.pages.size() == 1);
}

TEST_CASE("keeping, deleting or letting go of a page removes it, and the editor closes if it was open") {
  const core::InnerSystem system;
  core::PageDrafts drafts;
  const core::DraftSerial a = core::begin_page(drafts, system, core::EntryType::letter);
  write(drafts, "letter", "a");
  const core::DraftSerial b = core::begin_page(drafts, system, core::EntryType::letter);
  write(drafts, "letter", "b");
  core::remove_draft(drafts, a);
  CHECK(drafts.open == b);
  CHECK(drafts.pages.size() == 1);
  core::remove_draft(drafts, b);
  CHECK(drafts.open == 0);
  CHECK(drafts.pages.empty());
  CHECK(core::begin_page(drafts, system, core::EntryType::letter) > b);
}

TEST_CASE("pages read from a store join the list without dropping words in memory or reusing a serial") {
  const core::InnerSystem system;
  core::PageDrafts stored;
  stored.pages.push_back({.serial = 1, .entry = {.type = core::EntryType::trigger}});
  stored.pages.back().entry.answers.set_text("what_happened", "on disk");
  stored.pages.push_back({.serial = 4, .entry = {.type = core::EntryType::letter}});
  stored.pages.back().entry.answers.set_text("letter", "also on disk");
  stored.open = 4;
  stored.next_serial = core::next_serial_after(stored.pages);
  CHECK(stored.next_serial == 5);

  SUBCASE("at start, the store's list is the list, serials and the open page as they were") {
    core::PageDrafts drafts;
    core::take_stored(drafts, stored);
    CHECK(drafts == stored);
  }
  SUBCASE("opened again, a page only in memory stays, and no serial names two pages") {
    core::PageDrafts drafts;
    core::begin_page(drafts, system, core::EntryType::trigger);
    write(drafts, "what_happened", "on disk");  // the same words as the store's first page
    core::begin_page(drafts, system, core::EntryType::letter);
    write(drafts, "letter", "only in memory");
    const core::DraftSerial mine = drafts.open;
    const core::DraftSerial next = drafts.next_serial;
    core::take_stored(drafts, stored);
    REQUIRE(drafts.pages.size() == 3);  // the store's two, and the one only in memory
    CHECK(drafts.pages[0].entry.answers.text("what_happened") == "on disk");
    CHECK(drafts.pages[0].serial >= next);  // 1 had been used in this session
    CHECK(drafts.pages[1].serial == 4);     // 4 had not
    CHECK(drafts.pages[2].serial == mine);
    CHECK(drafts.pages[2].entry.answers.text("letter") == "only in memory");
    CHECK(drafts.open == 4);  // the store's open page
    CHECK(drafts.next_serial > drafts.pages[0].serial);
    CHECK(core::begin_page(drafts, system, core::EntryType::movement) > drafts.pages[0].serial);
  }
}
