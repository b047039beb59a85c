// End to end: the keyboard alone. F1 shows the shortcuts sheet, N puts the keyboard on the Parts
// palette's list, Ctrl+N opens the journal's new-entry menu, D opens the canvas, Ctrl+F the search,
// and a key typed into a text field stays in the field.
#include <doctest/doctest.h>

#include <SDL.h>

#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/session.h"
#include "core/inner_system.h"
#include "core/journal.h"

#include <glm/geometric.hpp>
#include "e2e/driver.h"

using namespace innerscape;
using test::Driver;

namespace {

std::string keyboard_window() {
  const ImGuiWindow* w = ImGui::GetCurrentContext()->NavWindow;
  return w != nullptr ? std::string(w->Name) : std::string();
}

}  // namespace

TEST_CASE("F1 opens the shortcuts sheet; F1 and Esc close it") {
  Driver d;
  CHECK_FALSE(d.session->overlay().shortcuts.open);
  d.key(SDLK_F1);
  CHECK(d.session->overlay().shortcuts.open);
  CHECK(keyboard_window() == "Keyboard shortcuts");
  d.key(SDLK_F1);
  CHECK_FALSE(d.session->overlay().shortcuts.open);
  d.key(SDLK_F1);
  REQUIRE(d.session->overlay().shortcuts.open);
  d.key(SDLK_ESCAPE);
  CHECK_FALSE(d.session->overlay().shortcuts.open);
}

TEST_CASE("N puts the keyboard on the Parts palette's list; arrows and Space place a part beside the Self, named by typing") {
  Driver d;
  d.key(SDLK_j, KMOD_LCTRL);  // the journal takes the right of the screen, and the palette steps aside
  REQUIRE(d.session->overlay().journal.open);
  REQUIRE_FALSE(d.session->overlay().palette.open);
  d.key(SDLK_n);  // the journal has the keyboard: N is a letter for it, not the map's
  CHECK_FALSE(d.session->overlay().palette.open);
  d.click({700.0f, 150.0f});  // the map, clicked, has the keyboard again
  d.key(SDLK_n);
  CHECK(d.session->overlay().palette.open);
  CHECK_FALSE(d.session->overlay().journal.open);
  CHECK(keyboard_window() == "Parts");
  CHECK(ImGui::GetCurrentContext()->NavId != 0);
  d.key(SDLK_DOWN);  // The Over-Analyzer, second in the Managers' list
  d.key(SDLK_SPACE);
  const core::InnerSystem& system = d.session->scene().system;
  REQUIRE(system.parts.size() == 1);
  CHECK(system.parts.front().archetype == "over_analyzer");
  CHECK(glm::length(system.parts.front().position) > core::self_radius * 2.0f);  // beside the Self, not on it
  CHECK_FALSE(d.session->overlay().controller.placing.has_value());
  REQUIRE(d.session->overlay().name_field.part == system.parts.front().id);
  // The name field has the keyboard, its preset name chosen whole: typing replaces it, and D and N are letters.
  d.key(SDLK_d);
  d.type("D");
  d.type("ana");
  d.key(SDLK_n);
  d.type("n");
  d.key(SDLK_RETURN);
  CHECK(system.parts.front().name == "Danan");
  CHECK_FALSE(d.session->canvas_open());

  // A second one goes to open space, not on the first.
  d.key(SDLK_n);
  d.key(SDLK_SPACE);
  REQUIRE(system.parts.size() == 2);
  CHECK(glm::length(system.parts[1].position - system.parts[0].position) > core::part_radius(system.parts[0]) * 2.0f);
  d.key(SDLK_ESCAPE);
}

TEST_CASE("Ctrl+N opens the journal with its new-entry menu") {
  Driver d;
  d.key(SDLK_n, KMOD_LCTRL);
  CHECK(d.session->overlay().journal.open);
  glm::vec2 at{0.0f};
  const std::string first(core::entry_types().front().name);
  CHECK(d.session->overlay().journal.item_rects.centre_of(first, at));
}

TEST_CASE("D opens the drawing canvas, and D again goes back to the map") {
  Driver d;
  d.key(SDLK_d);
  CHECK(d.session->canvas_open());
  d.key(SDLK_d);
  CHECK_FALSE(d.session->canvas_open());
}

TEST_CASE("Ctrl+F readies the search; keys typed there stay in the field") {
  Driver d;
  d.key(SDLK_f, KMOD_LCTRL);
  CHECK(d.session->overlay().journal.open);
  REQUIRE(ImGui::GetIO().WantTextInput);
  // A hand typing "dn": each key down, then its text, as SDL gives them.
  d.key(SDLK_d);
  d.type("d");
  d.key(SDLK_n);
  d.type("n");
  d.key(SDLK_F1, KMOD_NONE);  // F1 still works while typing: it only shows the sheet
  CHECK(d.session->overlay().journal.query == "dn");
  CHECK_FALSE(d.session->canvas_open());
  CHECK_FALSE(d.session->overlay().palette.open);
  CHECK(d.session->overlay().journal.open);
  CHECK(d.session->overlay().shortcuts.open);
}
