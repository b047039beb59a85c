// End to end: a long answer typed into a page's "What happened?" and a part's "Meet this part" wraps at
// the field's width as it is typed (nothing runs past the right edge; the field's lines grow), and the
// words kept are exactly the words typed, with no line break added.
#include <doctest/doctest.h>

#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/session.h"
#include "core/demo_system.h"
#include "core/journal.h"
#include "e2e/driver.h"
#include "test_store.h"
#include "test_tmp.h"

using namespace innerscape;
using test::Driver;

namespace {

// The child window ImGui draws a multi-line field's text in, found by where the field was drawn.
const ImGuiWindow* field_window(const glm::vec4& rect) {
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if ((w->Flags & ImGuiWindowFlags_ChildWindow) == 0 || !w->WasActive) continue;
    if (std::abs(w->Pos.x - rect.x) < 1.0f && std::abs(w->Pos.y - rect.y) < 1.0f && std::abs(w->Size.x - (rect.z - rect.x)) < 1.0f) return w;
  }
  return nullptr;
}

// The field being typed into keeps its text inside it: each line, as ImGui lays the field's text out
// (its own copy, soft breaks and all), ends before the field's right edge, where ImGui stops drawing
// glyphs; and the field's content is as tall as its lines.
void check_wrapped(const ImGuiWindow* field, int at_least_lines) {
  REQUIRE(field != nullptr);
  const ImGuiInputTextState& state = ImGui::GetCurrentContext()->InputTextState;
  REQUIRE(state.TextAIsValid);
  const std::string shown(state.TextA.Data, static_cast<std::size_t>(state.CurLenA));
  const float visible = field->InnerClipRect.Max.x - field->WorkRect.Min.x;
  int lines = 0;
  for (std::size_t from = 0; from <= shown.size();) {
    std::size_t to = shown.find('\n', from);
    if (to == std::string::npos) to = shown.size();
    const std::string line = shown.substr(from, to - from);
    CAPTURE(line);
    CHECK(ImGui::CalcTextSize(line.c_str()).x <= visible);  // no glyph past the right edge
    ++lines;
    from = to + 1;
  }
  CHECK(lines >= at_least_lines);
  CHECK(field->ContentSize.y >= static_cast<float>(at_least_lines) * ImGui::GetTextLineHeight());
}

// With INNERSCAPE_KEEP_PICTURES set, a picture of the moment is kept in the temp folder, to look at.
void keep_picture(Driver& d, const std::string& name) {
  if (std::getenv("INNERSCAPE_KEEP_PICTURES") == nullptr) return;
  const auto file = std::filesystem::temp_directory_path() / ("innerscape-wrap-e2e-" + name + ".png");
  CHECK(d.session->save_picture(file, {1280, 720}).empty());
}

const std::string long_answer =
    "She did not answer my message all evening and I began to feel small, and then I started to worry that I had "
    "said something wrong; малыш внутри боялся остаться один, и я дышал медленно. 我很害怕被留下，但是我在这里。 "
    "The little one needed to hear that I am here and that I will not leave.";

}  // namespace

TEST_CASE("a long answer on a journal page wraps at the field's width, and is kept without added line breaks") {
  Driver d;
  d.key(SDLK_1, KMOD_LCTRL);  // a trigger page: "What happened?" first
  REQUIRE(d.session->overlay().entry_editor.open);
  d.frames(2);
  glm::vec4 rect{};
  REQUIRE(d.session->overlay().entry_editor.item_rects.rect_of("what_happened", rect));
  const float empty_height = field_window(rect) != nullptr ? field_window(rect)->ContentSize.y : 0.0f;
  d.click({(rect.x + rect.z) * 0.5f, (rect.y + rect.w) * 0.5f});
  d.type(long_answer);
  d.frames(2);
  // The page being written, as the editor holds it now.
  auto answer = [&] {
    const core::PageDraft* page = d.session->overlay().entry_editor.page();
    REQUIRE(page != nullptr);
    return std::string(page->entry.answers.text("what_happened"));
  };
  const std::string kept = answer();
  CHECK(kept == long_answer);  // exactly the words typed: no soft break, no '\r', nothing lost
  CHECK(kept.find('\n') == std::string::npos);
  REQUIRE(d.session->overlay().entry_editor.item_rects.rect_of("what_happened", rect));
  const ImGuiWindow* field = field_window(rect);
  check_wrapped(field, 5);
  CHECK(field->ContentSize.y > empty_height);
  keep_picture(d, "page");

  // Backspace at the start of a wrapped line takes the character before it, as in any editor; End and
  // typing there add to that line. The words stay the person's own.
  d.key(SDLK_HOME, KMOD_LCTRL);
  d.key(SDLK_DOWN);
  d.key(SDLK_HOME);
  d.key(SDLK_BACKSPACE);
  d.frames(2);
  const std::string after_backspace = answer();
  CHECK(after_backspace.size() == long_answer.size() - 1);
  CHECK(after_backspace.find('\n') == std::string::npos);
  d.key(SDLK_END);
  d.type("!");
  const std::string after_end = answer();
  CHECK(after_end.size() == long_answer.size());
  CHECK(after_end.find('\n') == std::string::npos);
  CHECK(after_end.find('\r') == std::string::npos);
  // Enter is the person's own line break, and it is kept as one (at the end of the words: Ctrl+End).
  d.key(SDLK_END, KMOD_LCTRL);
  d.key(SDLK_RETURN);
  d.type("Next line.");
  const std::string with_break = answer();
  CHECK(std::count(with_break.begin(), with_break.end(), '\n') == 1);
  CHECK(with_break.ends_with("\nNext line."));
  check_wrapped(field_window(rect), 6);
}

TEST_CASE("a long answer in Meet this part wraps too, and is saved as typed") {
  const auto dir = test::fresh_dir("e2e_wrap_inspector");
  test::write_store(dir, core::make_demo_system());
  Driver d(Driver::with_data(dir));
  const core::PartId id = d.session->scene().system.parts.front().id;
  d.session->act({ui::act::Inspect{id}});
  d.frames(3);
  glm::vec4 rect{};
  REQUIRE(d.session->overlay().inspector.item_rects.rect_of("What is it feeling?", rect));
  d.wheel({rect.x + 20.0f, 200.0f}, -4);  // "Meet this part" is low on the page: scrolled into view
  REQUIRE(d.session->overlay().inspector.item_rects.rect_of("What is it feeling?", rect));
  REQUIRE(rect.w < 600.0f);
  d.click({(rect.x + rect.z) * 0.5f, (rect.y + rect.w) * 0.5f});
  d.key(SDLK_a, KMOD_LCTRL);
  d.type(long_answer);
  d.frames(2);
  REQUIRE(d.session->overlay().inspector.item_rects.rect_of("What is it feeling?", rect));
  check_wrapped(field_window(rect), 5);
  keep_picture(d, "inspector");
  d.click({640.0f, 8.0f});  // leaving the field (for the open sky above the map) keeps the answer
  d.frames(2);
  const core::Part* part = core::find_part(d.session->scene().system, id);
  REQUIRE(part != nullptr);
  CHECK(part->feeling == long_answer);
}
