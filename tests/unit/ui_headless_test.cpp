// Panels drawn headless for a few frames against fixture data: ImGui with no window and no GPU, as its
// null example runs it. What is checked is what the panels ask for and what they lay out.
#include <doctest/doctest.h>

#include <imgui.h>

#include "core/demo_system.h"
#include "core/edits.h"
#include "ui/entry_editor.h"
#include "ui/journal_panel.h"
#include "ui/palette_panel.h"
#include "ui/scene_controller.h"

using namespace innerscape;

namespace {

struct Headless {
  Headless() {
    ImGui::SetCurrentContext(ImGui::CreateContext());
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280.0f, 720.0f);
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    io.Fonts->AddFontDefault();
    io.Fonts->Build();
  }
  ~Headless() { ImGui::DestroyContext(); }

  template <class Draw>
  void frames(int n, Draw&& draw) {
    for (int i = 0; i < n; ++i) {
      ImGui::NewFrame();
      draw();
      ImGui::Render();
    }
  }
};

}  // namespace

TEST_CASE("the journal lists the demo's entries newest first, and filters by kind and part") {
  Headless ui;
  const core::InnerSystem demo = core::make_demo_system();
  ui::JournalPanel journal{.open = true};
  ui::UiActions actions;
  const std::int64_t now = demo.journal.back().created_at + 3600;
  ui.frames(3, [&] { journal.draw(demo, now, actions); });
  std::vector<std::string> listed;
  for (const auto& [label, rect] : journal.item_rects.rects) {
    if (label.starts_with("entry:")) listed.push_back(label);
  }
  REQUIRE(listed.size() == 3);
  CHECK(listed.front() == "entry:" + std::to_string(demo.journal.back().id));  // newest first

  journal.type_filter = static_cast<int>(core::EntryType::letter);
  ui.frames(2, [&] { journal.draw(demo, now, actions); });
  int letters = 0;
  for (const auto& [label, rect] : journal.item_rects.rects) letters += label.starts_with("entry:") ? 1 : 0;
  CHECK(letters == 1);

  journal.type_filter = -1;
  journal.part_filter = demo.journal[0].parts[0];
  ui.frames(2, [&] { journal.draw(demo, now, actions); });
  int for_part = 0;
  for (const auto& [label, rect] : journal.item_rects.rects) for_part += label.starts_with("entry:") ? 1 : 0;
  CHECK(for_part == 1);

  journal.part_filter = 0;
  journal.since_days = 7;
  ui.frames(2, [&] { journal.draw(demo, demo.journal.back().created_at + 10 * 86400, actions); });
  int recent = 0;
  for (const auto& [label, rect] : journal.item_rects.rects) recent += label.starts_with("entry:") ? 1 : 0;
  CHECK(recent == 0);
}

TEST_CASE("the entry editor lays out every prompt of every kind, and keeps a page as an edit") {
  Headless ui;
  const core::InnerSystem demo = core::make_demo_system();
  for (const core::EntryTypeSpec& type : core::entry_types()) {
    ui::EntryEditor editor;
    editor.start(type.type, {demo.parts[0].id});
    ui::UiActions actions;
    ui.frames(2, [&] { editor.draw(demo, 1, actions); });
    for (const core::FieldSpec& f : type.fields) {
      glm::vec2 at;
      INFO(type.key, ".", f.key);
      CHECK(editor.item_rects.centre_of(std::string(f.key), at));
    }
    CHECK(actions.edits.empty());  // nothing is kept until the person keeps it
  }
}

TEST_CASE("the palette offers every archetype of the open kind and a blank part") {
  Headless ui;
  ui::PalettePanel palette;
  ui::UiActions actions;
  ui.frames(2, [&] { palette.draw("Parts", {}, actions); });
  glm::vec2 at;
  CHECK(palette.item_rects.centre_of("The Pleaser", at));
  CHECK(palette.item_rects.centre_of("A new Manager, named freely", at));
  CHECK(palette.item_rects.centre_of("Exiles", at));
}

TEST_CASE("Ctrl+1 to Ctrl+8 ask for a new page of each kind") {
  ui::SceneController controller;
  core::InnerSystem system;
  core::SceneView view;
  for (int kind = 0; kind < core::entry_type_count; ++kind) {
    ui::UiActions actions;
    ui::SceneInput input;
    input.new_entry_keys.push_back(kind);
    ui::handle_scene_input(controller, {.system = system, .view = view}, input, actions);
    REQUIRE(actions.new_entry.has_value());
    CHECK(static_cast<int>(*actions.new_entry) == kind);
  }
}

TEST_CASE("a journal of years lays out only the rows in view, newest first") {
  Headless ui;
  const core::InnerSystem years = core::make_long_journal(5000, 1767225600);
  ui::JournalPanel journal{.open = true};
  ui::UiActions actions;
  ui.frames(3, [&] { journal.draw(years, 1767225600, actions); });
  std::vector<std::string> rows;
  for (const auto& [label, rect] : journal.item_rects.rects) {
    if (label.starts_with("entry:")) rows.push_back(label);
  }
  REQUIRE_FALSE(rows.empty());
  CHECK(rows.size() < 40);  // a window's worth, not 5000
  CHECK(rows.front() == "entry:" + std::to_string(years.journal.back().id));
}
