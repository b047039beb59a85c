// End to end: a text field never inherits another text's undo history. Dear ImGui 1.86 keeps a
// field's undo steps when a field with the same id becomes active again, so a field that shared its id
// with other words (a soothing line by its row, a part's name, a page's answer) replayed Ctrl+Z
// against text that was no longer there, and the heap broke (issue 17). These replay it.
#include <doctest/doctest.h>

#include <SDL.h>

#include <string>
#include <vector>

#include "app/session.h"
#include "core/inner_system.h"
#include "e2e/driver.h"
#include "ui/text_state.h"

using namespace innerscape;
using test::Driver;

namespace {

glm::vec2 soothing(Driver& d, const std::string& label) { return Driver::centre(d.session->overlay().soothing.item_rects, label); }

}  // namespace

TEST_CASE("soothing words: a line written, undone from the dock, and a new line in its row starts with no undo of its own") {
  Driver d;
  d.click(d.dock_button("Soothing words"));
  REQUIRE(d.session->overlay().soothing.open);
  REQUIRE(d.session->scene().system.soothing.empty());

  // The steps, exactly: Add words, type "Hi", Enter; Undo in the dock.
  d.click(soothing(d, "Add words"));
  d.click(soothing(d, "line 0"));
  d.type("Hi");
  d.key(SDLK_RETURN);
  REQUIRE(d.session->scene().system.soothing == std::vector<std::string>{"Hi"});
  d.click(d.dock_button("Undo"));
  REQUIRE(d.session->scene().system.soothing.empty());

  // Add words again, click into the new line, Ctrl+Z, then type a character.
  d.click(soothing(d, "Add words"));
  d.click(soothing(d, "line 0"));
  d.key(SDLK_z, KMOD_LCTRL);
  d.type("x");
  d.key(SDLK_RETURN);
  CHECK(d.session->scene().system.soothing == std::vector<std::string>{"x"});
}

TEST_CASE("soothing words: lines added, moved, let go and undone from the dock, each typed into and undone in its field") {
  Driver d;
  d.click(d.dock_button("Soothing words"));
  const std::vector<std::string>& words = d.session->scene().system.soothing;
  auto write_line = [&d](const std::string& text) {
    d.click(soothing(d, "Add words"));  // the new line takes the keyboard
    d.type(text);
    d.key(SDLK_RETURN);
  };
  write_line("Breathe");
  write_line("I am here");
  write_line("Slowly");
  REQUIRE(words == std::vector<std::string>{"Breathe", "I am here", "Slowly"});

  // Typing into a line, then moving another: the move keeps what was typed, and each line its words.
  d.click(soothing(d, "line 1"));
  d.type(" now");
  d.click(soothing(d, "up 2"));
  CHECK(words == std::vector<std::string>{"Breathe", "Slowly", "I am here now"});
  // Undo from the dock (the move), then Ctrl+Z and typing in the line that now holds other words.
  d.click(d.dock_button("Undo"));
  CHECK(words == std::vector<std::string>{"Breathe", "I am here now", "Slowly"});
  d.click(soothing(d, "line 2"));
  d.key(SDLK_z, KMOD_LCTRL);
  d.type("!");
  d.key(SDLK_RETURN);
  CHECK(words.size() == 3);
  CHECK(words[2].starts_with("Slow"));
  CHECK(words[2].ends_with("!"));

  // Let one go while another is being typed into, undo that from the dock, and type on.
  d.click(soothing(d, "line 0"));
  d.type(" in");
  d.click(soothing(d, "let go 1"));
  CHECK(words == std::vector<std::string>{"Breathe in", words[1]});
  d.click(d.dock_button("Undo"));
  REQUIRE(words.size() == 3);
  for (const char* line : {"line 0", "line 1", "line 2"}) {
    d.click(soothing(d, line));
    d.key(SDLK_z, KMOD_LCTRL);
    d.key(SDLK_z, KMOD_LCTRL);
    d.type("~");
    d.key(SDLK_RETURN);
  }
  CHECK(words.size() == 3);
  for (const std::string& w : d.session->overlay().soothing.editing) CHECK(w.find('~') != std::string::npos);

  // An undo that arrives while a line is being typed into ends the edit first.
  d.click(soothing(d, "line 0"));
  d.type("x");
  REQUIRE(ui::text_field_active());
  d.session->act({ui::act::Undo{}});
  CHECK_FALSE(ui::text_field_active());
  d.frames(2);
  d.click(soothing(d, "line 0"));
  d.key(SDLK_z, KMOD_LCTRL);
  d.type("y");
  d.key(SDLK_RETURN);
  CHECK(words.size() == 3);
}

TEST_CASE("a part's name field starts afresh for each part: Ctrl+Z under a new part undoes nothing of the last one's name") {
  Driver d;
  d.click(d.palette_entry("The Pleaser"));
  d.click({820.0f, 450.0f});
  d.type("Alpha");
  d.key(SDLK_RETURN);
  d.click(d.palette_entry("Exiles"));
  d.click(d.palette_entry("A new Exile, named freely"));  // its field opens empty
  d.click({820.0f, 250.0f});
  const core::InnerSystem& system = d.session->scene().system;
  REQUIRE(system.parts.size() == 2);
  REQUIRE(d.session->overlay().name_field.part == system.parts[1].id);
  d.key(SDLK_z, KMOD_LCTRL);
  d.type("B");
  d.key(SDLK_RETURN);
  CHECK(system.parts[0].name == "Alpha");
  CHECK(system.parts[1].name == "B");
}

TEST_CASE("a page's fields start afresh for each page: typing on goes to the new page, Ctrl+Z undoes nothing of the last") {
  Driver d;
  d.key(SDLK_1, KMOD_LCTRL);
  const ui::EntryEditor& editor = d.session->overlay().entry_editor;
  REQUIRE(editor.open);
  d.click(Driver::centre(editor.item_rects, "what_happened"));
  d.type("The first page");
  // Ctrl+1 again while typing (it works in a field): a new page, and its field is not the last one's.
  d.key(SDLK_1, KMOD_LCTRL);
  d.frames(2);
  REQUIRE(editor.page() != nullptr);
  CHECK(editor.page()->entry.answers.text("what_happened").empty());
  d.click(Driver::centre(editor.item_rects, "what_happened"));
  d.key(SDLK_z, KMOD_LCTRL);
  d.type("Another");
  CHECK(editor.page()->entry.answers.text("what_happened") == "Another");
  d.click(Driver::centre(editor.item_rects, "Keep this entry"));
  REQUIRE(d.session->scene().system.journal.size() == 1);

  // The kept page opened again, and a new one after it: each its own words.
  d.key(SDLK_1, KMOD_LCTRL);
  d.click(Driver::centre(editor.item_rects, "what_happened"));
  d.type("Third");
  d.key(SDLK_z, KMOD_LCTRL);
  d.key(SDLK_z, KMOD_LCTRL);
  d.type("!");
  CHECK(editor.page()->entry.answers.text("what_happened").ends_with("!"));
  CHECK(d.session->scene().system.journal.front().answers.text("what_happened") == "Another");
}
