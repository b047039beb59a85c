// Pages put aside, through the real window: any number at once, none overwritten by another, each
// found again in the journal's list with its words, let go only when the person says so, and all of
// them still there after the app is killed.
#include <unistd.h>

#include "driver.h"
#include "storage/database.h"

using namespace innerscape;
using test::Driver;

namespace {

const ui::EntryEditor& editor(Driver& d) { return d.session->overlay().entry_editor; }

// The serial of the page put aside whose words begin so; 0 if none.
core::DraftSerial page_starting(Driver& d, const std::string& words) {
  for (const core::PageDraft* page : core::pages_put_aside(editor(d).pages)) {
    for (const auto& field : page->entry.answers) {
      if (field.text().starts_with(words)) return page->serial;
    }
  }
  return 0;
}

glm::vec2 in_journal(Driver& d, const std::string& label) { return Driver::centre(d.session->overlay().journal.item_rects, label); }

}  // namespace

TEST_CASE("put aside, Ctrl+2, put aside, Ctrl+1: both pages wait in the journal with their words, and come back after a kill") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-aside-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string trigger_words = "They left without a word, and the old fear woke.";
  const std::string letter_words = "Little one by the window";
  {
    Driver d(Driver::with_data(dir));
    // The steps, as a person did them.
    d.key(SDLK_1, KMOD_LCTRL);
    REQUIRE(editor(d).open);
    d.click(Driver::centre(editor(d).item_rects, "what_happened"));
    d.type(trigger_words);
    d.click(Driver::centre(editor(d).item_rects, "Put it aside"));
    CHECK_FALSE(editor(d).open);
    d.key(SDLK_2, KMOD_LCTRL);
    REQUIRE(editor(d).open);
    REQUIRE(editor(d).page() != nullptr);
    CHECK(editor(d).page()->entry.type == core::EntryType::letter);
    d.click(Driver::centre(editor(d).item_rects, "to"));
    d.type(letter_words);
    d.click(Driver::centre(editor(d).item_rects, "Put it aside"));
    d.key(SDLK_1, KMOD_LCTRL);
    // A fresh trigger page: the one put aside is not written over, and waits in the list.
    REQUIRE(editor(d).page() != nullptr);
    CHECK(editor(d).page()->entry.type == core::EntryType::trigger);
    CHECK(editor(d).page()->entry.answers.empty());
    REQUIRE(core::pages_put_aside(editor(d).pages).size() == 2);

    // Each is found in the journal's list and opens with its own words.
    d.key(SDLK_j, KMOD_LCTRL);
    REQUIRE(d.session->overlay().journal.open);
    const core::DraftSerial trigger = page_starting(d, trigger_words);
    const core::DraftSerial letter = page_starting(d, letter_words);
    REQUIRE(trigger != 0);
    REQUIRE(letter != 0);
    d.click(in_journal(d, "put aside:" + std::to_string(trigger)));
    REQUIRE(editor(d).page() != nullptr);
    CHECK(editor(d).page()->serial == trigger);
    CHECK(editor(d).page()->entry.answers.text("what_happened") == trigger_words);
    // The fresh page, left empty, simply went; the letter still waits.
    CHECK(editor(d).pages.pages.size() == 2);
    d.click(in_journal(d, "put aside:" + std::to_string(letter)));
    REQUIRE(editor(d).page() != nullptr);
    CHECK(editor(d).page()->entry.answers.text("to") == letter_words);
    CHECK(page_starting(d, trigger_words) == trigger);  // and the trigger page waits again

    // Within a moment every page is in the store; then the app dies.
    for (int i = 0; i < 40; ++i) d.frames(1);
    test::abandon(d.session);  // no orderly shutdown, as after a crash
  }
  {
    Driver d(Driver::with_data(dir));
    CHECK(d.session->scene().system.journal.empty());  // nothing was kept for the person
    // The page that was open is open again; the other waits in the list.
    REQUIRE(editor(d).page() != nullptr);
    CHECK(editor(d).page()->entry.answers.text("to") == letter_words);
    const core::DraftSerial trigger = page_starting(d, trigger_words);
    REQUIRE(trigger != 0);
    d.key(SDLK_j, KMOD_LCTRL);
    d.click(in_journal(d, "put aside:" + std::to_string(trigger)));
    REQUIRE(editor(d).page() != nullptr);
    CHECK(editor(d).page()->entry.answers.text("what_happened") == trigger_words);

    // Kept, a page leaves the list and joins the journal.
    d.click(Driver::centre(editor(d).item_rects, "Keep this entry"));
    REQUIRE(d.session->scene().system.journal.size() == 1);
    CHECK(d.session->scene().system.journal[0].answers.text("what_happened") == trigger_words);
    CHECK(page_starting(d, trigger_words) == 0);

    // Letting one go asks first: "Keep it waiting" keeps it, "Let it go" lets it go.
    const core::DraftSerial letter = page_starting(d, letter_words);
    REQUIRE(letter != 0);
    d.click(in_journal(d, "let go:" + std::to_string(letter)));
    d.click(in_journal(d, "Keep it waiting"));
    CHECK(page_starting(d, letter_words) == letter);
    d.click(in_journal(d, "let go:" + std::to_string(letter)));
    d.click(in_journal(d, "Let it go"));
    CHECK(page_starting(d, letter_words) == 0);
    CHECK(editor(d).pages.pages.empty());
  }
  // Letting go is saved too.
  Driver d(Driver::with_data(dir));
  CHECK(editor(d).pages.pages.empty());
  CHECK_FALSE(editor(d).open);
  CHECK(d.session->scene().system.journal.size() == 1);
  d.session.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("an entry opened again while a change to it waits opens that change; opened only to read, it leaves nothing behind") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-reopen-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    Driver d(Driver::with_data(dir));
    d.key(SDLK_7, KMOD_LCTRL);  // a movement page
    d.click(Driver::centre(editor(d).item_rects, "what"));
    d.type("A walk by the river");
    d.click(Driver::centre(editor(d).item_rects, "Keep this entry"));
    REQUIRE(d.session->scene().system.journal.size() == 1);
    const core::EntryId id = d.session->scene().system.journal[0].id;
    d.key(SDLK_j, KMOD_LCTRL);
    // Opened to read and closed: no page waits.
    d.click(in_journal(d, "entry:" + std::to_string(id)));
    REQUIRE(editor(d).page() != nullptr);
    d.click(Driver::centre(editor(d).item_rects, "Put it aside"));
    CHECK(editor(d).pages.pages.empty());
    // Changed and put aside: it waits, and opening the entry again opens the change.
    d.click(in_journal(d, "entry:" + std::to_string(id)));
    d.click(Driver::centre(editor(d).item_rects, "felt_after"));
    d.type("Lighter, and a little tired");
    d.click(Driver::centre(editor(d).item_rects, "Put it aside"));
    REQUIRE(core::pages_put_aside(editor(d).pages).size() == 1);
    d.click(in_journal(d, "entry:" + std::to_string(id)));
    REQUIRE(editor(d).page() != nullptr);
    CHECK(editor(d).page()->entry.answers.text("felt_after") == "Lighter, and a little tired");
    CHECK(editor(d).pages.pages.size() == 1);
    d.click(Driver::centre(editor(d).item_rects, "Keep this entry"));
    CHECK(editor(d).pages.pages.empty());
    CHECK(d.session->scene().system.journal[0].answers.text("felt_after") == "Lighter, and a little tired");
  }
  std::filesystem::remove_all(dir);
}
