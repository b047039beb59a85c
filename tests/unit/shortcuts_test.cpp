// The shortcut table: every key it lists does something on the map, single keys wait while typing,
// and the sheet's rows are whole.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>

#include "core/archetypes.h"
#include "core/edits.h"
#include "core/inner_system.h"
#include "ui/scene_controller.h"
#include "ui/shortcuts.h"

using namespace innerscape;

namespace {

// Whether the controller asked the app for anything, or changed its own state.
bool did_something(const ui::Actions& a, const ui::SceneController& c) {
  using namespace ui::act;
  return a.has_any<Undo, Redo, Edit, FrameAll, SearchFocus, ToggleJournal, Calm, Select, NewEntry, ShowParts, NewEntryMenu,
                   ToggleCanvas, ToggleShortcuts, ToggleFullscreen, ToggleTimeline>() ||
         !c.placing.has_value();
}

}  // namespace

TEST_CASE("every listed key maps to an action on the map") {
  core::InnerSystem system;
  const core::Edit add = core::add_part(system, core::blank_part(core::PartKind::exile, {}), 0);
  REQUIRE(core::apply_edit(system, add));
  core::SceneView view;
  for (const ui::Shortcut& s : ui::shortcuts()) {
    CAPTURE(s.keys);
    CAPTURE(static_cast<int>(s.key));
    ui::SceneController controller;
    controller.placing = core::blank_part(core::PartKind::manager, {});  // so Esc has something to let go of
    ui::SceneInput input;
    if (s.entry_kind >= 0) {
      input.new_entry_keys.push_back(s.entry_kind);
    } else {
      input.keys.push_back(s.action);
    }
    ui::Actions actions;
    ui::handle_scene_input(controller, {.system = system, .view = view, .selected = system.parts.front().id}, input, actions);
    CHECK(did_something(actions, controller));
    // The table dispatches itself: the key finds its own row (Shift forgiven where no row names it).
    CHECK(ui::match_shortcut(s.key, s.ctrl, s.shift, ui::KeyFocus::view) == &s);
  }
}

TEST_CASE("no key is listed twice, and the sheet shows a key and words for each row it draws") {
  std::set<std::pair<int, int>> seen;
  for (const ui::Shortcut& s : ui::shortcuts()) {
    CHECK(s.key != ui::Key::none);
    CHECK(seen.insert({static_cast<int>(s.key), (s.ctrl ? 1 : 0) + (s.shift ? 2 : 0)}).second);
    if (std::string(s.keys).empty()) {
      CHECK(s.entry_kind > 0);  // only Ctrl+2 ... Ctrl+8 fold into the Ctrl+1 row
    } else {
      CHECK(!std::string(s.what).empty());
    }
  }
}

TEST_CASE("single keys wait while a text field takes typing; keys that only move focus do not") {
  using ui::KeyFocus;
  CHECK(ui::match_shortcut(ui::letter('n'), false, false, KeyFocus::field) == nullptr);
  CHECK(ui::match_shortcut(ui::letter('d'), false, false, KeyFocus::field) == nullptr);
  CHECK(ui::match_shortcut(ui::Key::del, false, false, KeyFocus::field) == nullptr);
  CHECK(ui::match_shortcut(ui::Key::escape, false, false, KeyFocus::field) == nullptr);
  CHECK(ui::match_shortcut(ui::letter('z'), true, false, KeyFocus::field) == nullptr);  // the field undoes its own typing
  REQUIRE(ui::match_shortcut(ui::letter('f'), true, false, KeyFocus::field) != nullptr);
  CHECK(ui::match_shortcut(ui::letter('f'), true, false, KeyFocus::field)->action == ui::SceneKey::search);
  CHECK(ui::match_shortcut(ui::Key::f1, false, false, KeyFocus::field)->action == ui::SceneKey::shortcuts);
  CHECK(ui::match_shortcut(ui::letter('n'), false, false, KeyFocus::view)->action == ui::SceneKey::parts);
  CHECK(ui::match_shortcut(ui::letter('n'), true, false, KeyFocus::view)->action == ui::SceneKey::new_entry_menu);
  CHECK(ui::match_shortcut(ui::letter('z'), true, true, KeyFocus::view)->action == ui::SceneKey::redo);
  CHECK(ui::match_shortcut(ui::letter('y'), true, true, KeyFocus::view)->action == ui::SceneKey::redo);
  CHECK(ui::match_shortcut(ui::letter('q'), false, false, KeyFocus::view) == nullptr);
  CHECK(ui::match_shortcut(ui::letter('4'), true, false, KeyFocus::view)->entry_kind == 3);
}

TEST_CASE("while a page or panel has the keyboard, no single key reaches the map; Ctrl keys and F keys still do") {
  using ui::KeyFocus;
  for (const ui::Shortcut& s : ui::shortcuts()) {
    CAPTURE(s.keys);
    const ui::Shortcut* found = ui::match_shortcut(s.key, s.ctrl, s.shift, KeyFocus::panel);
    if (s.ctrl || s.while_typing) {
      CHECK(found == &s);
    } else {
      CHECK(found == nullptr);
    }
  }
  CHECK(ui::match_shortcut(ui::Key::del, false, false, KeyFocus::panel) == nullptr);
  CHECK(ui::match_shortcut(ui::Key::backspace, false, false, KeyFocus::panel) == nullptr);
  CHECK(ui::match_shortcut(ui::letter('z'), true, false, KeyFocus::panel)->action == ui::SceneKey::undo);
}
