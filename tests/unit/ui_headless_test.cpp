// Panels drawn headless for a few frames against fixture data: ImGui with no window and no GPU, as its
// null example runs it. What is checked is what the panels ask for and what they lay out.
#include <doctest/doctest.h>

#include <cmath>

#include <imgui.h>

#include "core/demo_system.h"
#include "core/edits.h"
#include "core/page_drafts.h"
#include "core/settings.h"
#include "ui/breathing_panel.h"
#include "ui/entry_editor.h"
#include "ui/fonts.h"
#include "ui/journal_panel.h"
#include "ui/palette_panel.h"
#include "ui/scene_controller.h"
#include "ui/settings_panel.h"
#include "ui/theme.h"

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
  ui::JournalPanel journal;
  journal.open = true;
  ui::Actions actions;
  const std::int64_t now = demo.journal.back().created_at + 3600;
  ui.frames(3, [&] { journal.draw(demo, {}, now, actions); });
  std::vector<std::string> listed;
  for (const auto& [label, rect] : journal.item_rects.rects) {
    if (label.starts_with("entry:")) listed.push_back(label);
  }
  REQUIRE(listed.size() == 3);
  CHECK(listed.front() == "entry:" + std::to_string(demo.journal.back().id));  // newest first

  journal.type_filter = static_cast<int>(core::EntryType::letter);
  ui.frames(2, [&] { journal.draw(demo, {}, now, actions); });
  int letters = 0;
  for (const auto& [label, rect] : journal.item_rects.rects) letters += label.starts_with("entry:") ? 1 : 0;
  CHECK(letters == 1);

  journal.type_filter = -1;
  journal.part_filter = demo.journal[0].parts[0];
  ui.frames(2, [&] { journal.draw(demo, {}, now, actions); });
  int for_part = 0;
  for (const auto& [label, rect] : journal.item_rects.rects) for_part += label.starts_with("entry:") ? 1 : 0;
  CHECK(for_part == 1);

  journal.part_filter = 0;
  journal.since_days = 7;
  ui.frames(2, [&] { journal.draw(demo, {}, demo.journal.back().created_at + 10 * 86400, actions); });
  int recent = 0;
  for (const auto& [label, rect] : journal.item_rects.rects) recent += label.starts_with("entry:") ? 1 : 0;
  CHECK(recent == 0);
}

TEST_CASE("the journal lists the pages put aside at its top, not the open one, and takes one up on a click") {
  Headless ui;
  const core::InnerSystem demo = core::make_demo_system();
  core::PageDrafts pages;
  core::begin_page(pages, demo, core::EntryType::trigger, {demo.parts[0].id});
  core::open_draft(pages)->entry.answers.set_text("what_happened", "A door closed too hard.");
  const core::DraftSerial first = pages.open;
  core::begin_page(pages, demo, core::EntryType::letter);
  core::open_draft(pages)->entry.answers.set_text("to", "Dear one");
  const core::DraftSerial second = pages.open;
  core::begin_page(pages, demo, core::EntryType::check_in);
  core::open_draft(pages)->entry.answers.set_rating("calm", 4);
  ui::JournalPanel journal;
  journal.open = true;
  ui::Actions actions;
  ui.frames(3, [&] { journal.draw(demo, pages, demo.journal.back().created_at, actions); });
  glm::vec4 a, b, let_go, timeline;
  REQUIRE(journal.item_rects.rect_of("put aside:" + std::to_string(first), a));
  REQUIRE(journal.item_rects.rect_of("put aside:" + std::to_string(second), b));
  CHECK_FALSE(journal.item_rects.rect_of("put aside:" + std::to_string(pages.open), let_go));  // open in the editor
  CHECK(journal.item_rects.rect_of("let go:" + std::to_string(first), let_go));
  REQUIRE(journal.item_rects.rect_of("entry:" + std::to_string(demo.journal.back().id), timeline));
  CHECK(b.y < a.y);         // the newest begun first
  CHECK(a.w <= timeline.y);  // above the journal's own pages
  CHECK_FALSE(actions.has<ui::act::TakeUpPage>());
  CHECK_FALSE(actions.has<ui::act::LetGoPage>());  // nothing goes without the person saying so
}

TEST_CASE("the entry editor lays out every prompt of every kind, and keeps a page as an edit") {
  Headless ui;
  const core::InnerSystem demo = core::make_demo_system();
  for (const core::EntryTypeSpec& type : core::entry_types()) {
    ui::EntryEditor editor;
    editor.start(demo, type.type, {demo.parts[0].id});
    ui::Actions actions;
    ui.frames(2, [&] { editor.draw(demo, 1, actions); });
    for (const core::FieldSpec& f : type.fields) {
      glm::vec2 at;
      INFO(type.key, ".", f.key);
      CHECK(editor.item_rects.centre_of(std::string(f.key), at));
    }
    CHECK_FALSE(actions.has<ui::act::Edit>());  // nothing is kept until the person keeps it
  }
}

TEST_CASE("a two-column page dragged almost off the screen draws without its columns (found by the monkey)") {
  // Out of sight, ImGui's BeginTable says no; ending the table anyway aborted the app.
  Headless ui;
  const core::InnerSystem demo = core::make_demo_system();
  ui::EntryEditor editor;
  editor.start(demo, core::EntryType::radical_acceptance, {demo.parts[0].id});
  ui::Actions actions;
  ui.frames(2, [&] { editor.draw(demo, 1, actions); });
  ImGui::SetWindowPos("###entry_editor", ImVec2(200.0f, 700.0f));  // only its title bar still on screen
  ui.frames(2, [&] { editor.draw(demo, 1, actions); });
  CHECK_FALSE(actions.has<ui::act::Edit>());
}

TEST_CASE("the palette offers every archetype of the open kind and a blank part") {
  Headless ui;
  ui::PalettePanel palette;
  ui::Actions actions;
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
    ui::Actions actions;
    ui::SceneInput input;
    input.new_entry_keys.push_back(kind);
    ui::handle_scene_input(controller, {.system = system, .view = view}, input, actions);
    REQUIRE(actions.has<ui::act::NewEntry>());
    CHECK(static_cast<int>(actions.last<ui::act::NewEntry>()->type) == kind);
  }
}

TEST_CASE("a journal of years lays out only the rows in view, newest first") {
  Headless ui;
  const core::InnerSystem years = core::make_long_journal(5000, 1767225600);
  ui::JournalPanel journal;
  journal.open = true;
  ui::Actions actions;
  ui.frames(3, [&] { journal.draw(years, {}, 1767225600, actions); });
  std::vector<std::string> rows;
  for (const auto& [label, rect] : journal.item_rects.rects) {
    if (label.starts_with("entry:")) rows.push_back(label);
  }
  REQUIRE_FALSE(rows.empty());
  CHECK(rows.size() < 40);  // a window's worth, not 5000
  CHECK(rows.front() == "entry:" + std::to_string(years.journal.back().id));
}

namespace {

// WCAG 2 relative luminance of an sRGB colour, and the contrast ratio of two.
double luminance(const ImVec4& c) {
  auto linear = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z);
}
double contrast(const ImVec4& a, const ImVec4& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
// A translucent colour as it shows over an opaque one.
ImVec4 over(const ImVec4& top, const ImVec4& below) {
  auto mix = [&](float t, float b) { return t * top.w + b * (1.0f - top.w); };
  return {mix(top.x, below.x), mix(top.y, below.y), mix(top.z, below.z), 1.0f};
}

// One click at a remembered item: pressed in one frame, released in the next.
template <class Draw>
void click(const ui::ItemRects& rects, const std::string& label, Draw&& draw) {
  glm::vec2 at{};
  REQUIRE_MESSAGE(rects.centre_of(label, at), label);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(at.x, at.y);
  for (bool down : {false, true, false}) {
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    draw();
    ImGui::Render();
  }
}

}  // namespace

TEST_CASE("both themes keep body text at least 4.5:1 against its panels, whatever shows through them") {
  // Panels are translucent over the scene: checked over its night sky and, the other extreme, over white.
  const ImVec4 backdrops[] = {{0.035f, 0.043f, 0.086f, 1.0f}, {1.0f, 1.0f, 1.0f, 1.0f}};
  for (core::Theme theme : {core::Theme::calm_dark, core::Theme::light}) {
    CAPTURE(core::theme_key(theme));
    const ImGuiStyle style = ui::theme_style(theme);
    const ImVec4* c = style.Colors;
    for (const ImVec4& backdrop : backdrops) {
      const ImVec4 panel = over(c[ImGuiCol_WindowBg], backdrop);
      CHECK(contrast(c[ImGuiCol_Text], panel) >= 4.5);
      CHECK(contrast(c[ImGuiCol_TextDisabled], panel) >= 4.5);  // hints and calm messages are body text too
      CHECK(contrast(c[ImGuiCol_Text], over(c[ImGuiCol_Button], panel)) >= 4.5);
      CHECK(contrast(c[ImGuiCol_Text], over(c[ImGuiCol_FrameBg], panel)) >= 4.5);
      CHECK(contrast(ImVec4(c[ImGuiCol_CheckMark].x, c[ImGuiCol_CheckMark].y, c[ImGuiCol_CheckMark].z, 1.0f), panel) >= 4.5);
    }
    // The dock is quieter than a panel (ui/dock_panel.cpp), and sits low on the night sky: its words still read there.
    ImVec4 dock = c[ImGuiCol_WindowBg];
    dock.w *= 0.67f;
    CHECK(contrast(c[ImGuiCol_Text], over(dock, backdrops[0])) >= 4.5);
    CHECK(contrast(c[ImGuiCol_Text], over(c[ImGuiCol_PopupBg], backdrops[0])) >= 4.5);
  }
}

TEST_CASE("the UI scale and text size rasterize the font at the new pixel size and scale the style, unblurred") {
  Headless ui;
  core::Settings settings;
  for (int percent : {100, 150, 75}) {
    settings.ui_scale_percent = percent;
    settings.font_px = 18;
    const float px = core::font_pixels(settings, 1.0f);
    CHECK(px == doctest::Approx(18.0f * static_cast<float>(percent) / 100.0f));
    ui::load_fonts(ui::font_candidates(), px);
    ui::apply_theme(settings.theme, core::ui_scale(settings, 1.0f));
    ImGui::GetIO().Fonts->Build();
    float seen = 0.0f;
    ui.frames(1, [&] { seen = ImGui::GetFontSize(); });
    CHECK(seen == doctest::Approx(px));
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(px));  // rasterized at that size...
    CHECK(ImGui::GetIO().FontGlobalScale == 1.0f);                              // ...not stretched
    // ScaleAllSizes keeps paddings on whole pixels.
    CHECK(ImGui::GetStyle().FramePadding.x ==
          std::floor(ui::theme_style(settings.theme).FramePadding.x * static_cast<float>(percent) / 100.0f));
  }
  // A second time at the same scale does not compound it.
  ui::apply_theme(core::Theme::calm_dark, 1.5f);
  ui::apply_theme(core::Theme::calm_dark, 1.5f);
  CHECK(ImGui::GetStyle().WindowPadding.x == std::floor(ui::theme_style(core::Theme::calm_dark).WindowPadding.x * 1.5f));
  // The display's own scale multiplies the person's.
  settings.ui_scale_percent = 125;
  CHECK(core::font_pixels(settings, 2.0f) == doctest::Approx(18.0f * 2.5f));
}

TEST_CASE("the Settings panel asks for a UI scale, a theme, a text size, still motion and the Privacy panel") {
  Headless ui;
  ui::SettingsPanel panel;
  panel.open = true;
  core::Settings settings;
  ui::Actions actions;
  auto draw = [&] { panel.draw(settings, false, false, actions); };
  ui.frames(3, draw);
  for (const char* label : {"tab Display", "tab Motion", "tab Sound", "tab Privacy", "scale 75", "scale 200", "font px", "Calm dark", "Light"}) {
    glm::vec2 at{};
    CHECK_MESSAGE(panel.item_rects.centre_of(label, at), label);
  }
  click(panel.item_rects, "scale 150", draw);
  REQUIRE(actions.has<ui::act::UiScalePercent>());
  CHECK(actions.last<ui::act::UiScalePercent>()->percent == 150);
  click(panel.item_rects, "Light", draw);
  REQUIRE(actions.has<ui::act::Theme>());
  CHECK(actions.last<ui::act::Theme>()->theme == core::Theme::light);
  click(panel.item_rects, "tab Motion", draw);
  click(panel.item_rects, "Let the scene move", draw);
  REQUIRE(actions.has<ui::act::AmbientMotion>());
  CHECK(actions.last<ui::act::AmbientMotion>()->on == false);
  click(panel.item_rects, "tab Sound", draw);
  click(panel.item_rects, "tones", draw);
  REQUIRE(actions.has<ui::act::Tones>());
  CHECK(actions.last<ui::act::Tones>()->on == false);
  click(panel.item_rects, "tab Privacy", draw);
  click(panel.item_rects, "Privacy", draw);
  CHECK(actions.has<ui::act::TogglePrivacy>());
  actions = {};
  click(panel.item_rects, "tab Display", draw);
  click(panel.item_rects, "Usual size", draw);
  REQUIRE(actions.has<ui::act::FontPx>());
  CHECK(actions.last<ui::act::FontPx>()->px == core::default_font_px);
  REQUIRE(actions.has<ui::act::UiScalePercent>());
  CHECK(actions.last<ui::act::UiScalePercent>()->percent == 100);
}

TEST_CASE("the Breathe panel's two weeks of minutes are drawn wide enough to read, and one minute is one minute") {
  Headless ui;
  ui::BreathingPanel panel;
  panel.open = true;
  panel.minutes = 1;
  core::LiveBreath view;
  view.minutes_per_day = {0, 5, 10, 0, 3, 7, 0, 0, 12, 5, 5, 0, 8, 4};
  ui::Actions actions;
  ui.frames(4, [&] { panel.draw(view, actions); });
  glm::vec4 chart{};
  REQUIRE(panel.item_rects.rect_of("minutes a day", chart));
  CHECK(chart.z - chart.x >= 10.0f * ImGui::GetFontSize());  // the panel sizes itself to its contents: the chart brings its width
  CHECK(chart.w - chart.y >= 2.0f * ImGui::GetFontSize());
}

TEST_CASE("a page changing a kept entry waits for the journal to be read; one whose entry is gone is kept as a new page") {
  Headless ui;
  core::InnerSystem demo = core::make_demo_system();
  const core::Entry letter = demo.journal[1];
  ui::EntryEditor editor;
  editor.edit(demo, letter);
  ui::Actions actions;
  auto draw = [&] { editor.draw(demo, 100, actions); };
  editor.journal_loading = true;
  ui.frames(2, draw);
  click(editor.item_rects, "Keep this entry", draw);
  CHECK_FALSE(actions.has<ui::act::Edit>());  // not yet: the journal holding it is still being read
  CHECK(editor.open);

  editor.journal_loading = false;
  demo.journal.clear();  // its entry is gone (undone, say)
  ui.frames(2, draw);
  click(editor.item_rects, "Keep this entry", draw);
  REQUIRE(actions.count<ui::act::Edit>() == 1);
  core::InnerSystem after = demo;
  core::apply_edit(after, actions.last<ui::act::Edit>()->edit);
  REQUIRE(after.journal.size() == 1);
  CHECK(after.journal[0].answers == letter.answers);  // the words found a place
  CHECK_FALSE(editor.open);
  CHECK(editor.pages.pages.empty());
}

TEST_CASE("letting a page go from the journal asks first, and only the person's yes lets it go") {
  Headless ui;
  const core::InnerSystem demo = core::make_demo_system();
  core::PageDrafts pages;
  core::begin_page(pages, demo, core::EntryType::letter);
  core::open_draft(pages)->entry.answers.set_text("to", "Dear one");
  const core::DraftSerial serial = pages.open;
  core::put_aside(pages, demo);
  ui::JournalPanel journal;
  journal.open = true;
  ui::Actions actions;
  auto draw = [&] { journal.draw(demo, pages, demo.journal.back().created_at, actions); };
  ui.frames(3, draw);
  click(journal.item_rects, "let go:" + std::to_string(serial), draw);
  ui.frames(2, draw);
  CHECK_FALSE(actions.has<ui::act::LetGoPage>());
  click(journal.item_rects, "Keep it waiting", draw);
  ui.frames(2, draw);
  CHECK_FALSE(actions.has<ui::act::LetGoPage>());
  glm::vec2 at;
  CHECK_FALSE(journal.item_rects.centre_of("Let it go", at));  // the question has gone
  click(journal.item_rects, "let go:" + std::to_string(serial), draw);
  ui.frames(2, draw);
  click(journal.item_rects, "Let it go", draw);
  REQUIRE(actions.has<ui::act::LetGoPage>());
  CHECK(actions.last<ui::act::LetGoPage>()->page == serial);

  actions = {};
  click(journal.item_rects, "put aside:" + std::to_string(serial), draw);
  REQUIRE(actions.has<ui::act::TakeUpPage>());
  CHECK(actions.last<ui::act::TakeUpPage>()->page == serial);
}
