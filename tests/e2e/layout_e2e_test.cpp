// End to end: nothing the app writes lands on other text or on a panel. In the example map's usual
// states (the map; a breath running; calm mode; a journal page, with the journal beside it; a note
// over a page; soothing words beside a page; a breath while a page is open) at 75, 100, 150 and 200 %,
// the rectangles of every panel on screen and of every text written straight onto the scene (the
// parts' names, the breath's words, a soothing line) are gathered, and no two may meet.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/session.h"
#include "core/breathing.h"
#include "core/journal.h"
#include "e2e/driver.h"

using namespace innerscape;
using test::Driver;

namespace {

struct Shown {
  std::string what;
  glm::vec4 rect;  // min x, min y, max x, max y
};

// Every window ImGui drew in the last frame, as a person sees it, less those meant to lie over the rest.
std::vector<Shown> windows_on_screen() {
  std::vector<Shown> shown;
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (!w->Active || w->Hidden || w->IsFallbackWindow) continue;
    // Inside their own panel: a panel's fields and lists are its own business.
    if ((w->Flags & ImGuiWindowFlags_ChildWindow) != 0) continue;
    // Tooltips, menus and combo lists open over everything, for a moment, by design.
    if ((w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)) != 0) continue;
    // The scene's menus are hosted by a window that draws nothing and takes no input (ui/context_menu.cpp).
    if ((w->Flags & ImGuiWindowFlags_NoBackground) != 0 && (w->Flags & ImGuiWindowFlags_NoInputs) != 0) continue;
    shown.push_back({std::string("window ") + w->Name, glm::vec4(w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y)});
  }
  return shown;
}

bool meet(const glm::vec4& a, const glm::vec4& b) { return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w; }

std::unique_ptr<app::Session> open_example() {
  std::string error;
  auto session = app::Session::open({.size = {1280, 720}, .hidden = false, .vsync = false, .demo = true, .shader_dir = INNERSCAPE_SHADER_DIR},
                                    error);
  REQUIRE_MESSAGE(session != nullptr, error);
  return session;
}

void keep_picture(Driver& d, const std::string& name) {
  if (std::getenv("INNERSCAPE_KEEP_PICTURES") == nullptr) return;
  const auto file = std::filesystem::temp_directory_path() / ("innerscape-layout-" + name + ".png");
  CHECK(d.session->save_picture(file, {1280, 720}).empty());
}

// A breath held at a moment when every word of it shows: the phase, its count, the guide, the time left.
void breathe(app::Session& s) { s.start_breathing(core::breath_presets()[0].pattern, 5.0, 9.0, true); }

struct State {
  const char* name;
  std::function<void(app::Session&)> enter;
};

const State states[] = {
    {"map", [](app::Session&) {}},
    {"breathing",
     [](app::Session& s) {
       s.act({ui::act::ToggleBreathing{}});
       breathe(s);
     }},
    {"calm", [](app::Session& s) { s.act({ui::act::Calm{}}); }},
    {"journal-page",
     [](app::Session& s) {
       s.act({ui::act::ToggleJournal{}});
       s.act({ui::act::NewEntry{core::EntryType::thought_record}});
     }},
    {"notice-over-page",
     [](app::Session& s) {
       s.act({ui::act::NewEntry{core::EntryType::trigger}});
       s.act({ui::act::Notice{"The siren has moved into the Self's place, and is blended with it. Its feelings may feel like all of "
                                "you right now. When you are ready, you could kindly ask it to step back a little, so you can be with it."}});
     }},
    {"soothing-and-page",
     [](app::Session& s) {
       s.act({ui::act::ToggleSoothing{}});
       s.act({ui::act::NewEntry{core::EntryType::trigger}});
     }},
    {"breathing-and-page",
     [](app::Session& s) {
       breathe(s);
       s.act({ui::act::NewEntry{core::EntryType::letter}});
     }},
};

}  // namespace

TEST_CASE("no text the app writes lands on other text or a panel, in the example's states at 75 to 200 %") {
  for (const State& state : states) {
    Driver d(open_example());
    state.enter(*d.session);
    for (int percent : {100, 75, 150, 200}) {
      d.session->act({ui::act::UiScalePercent{percent}});
      d.frames(8);  // the font rasterized anew, the panels placed, the names placed around them
      const std::string at = std::string(state.name) + "-" + std::to_string(percent);
      CAPTURE(at);
      std::vector<Shown> shown = windows_on_screen();
      REQUIRE(!shown.empty());
      for (const ui::ScreenRect& t : d.session->overlay().space.texts) shown.push_back({"text '" + t.what + "'", t.rect});
      for (std::size_t i = 0; i < shown.size(); ++i) {
        for (std::size_t j = i + 1; j < shown.size(); ++j) {
          CHECK_MESSAGE(!meet(shown[i].rect, shown[j].rect), shown[i].what << " meets " << shown[j].what);
        }
      }
      keep_picture(d, at);
    }
  }
}

TEST_CASE("the breath's words stay by the Self while there is room, and move to a note low on the screen when there is none") {
  Driver d(open_example());
  breathe(*d.session);
  d.frames(6);
  auto words_by_self = [&] {
    for (const ui::ScreenRect& t : d.session->overlay().space.texts) {
      if (t.what == "Breathe in" || t.what == "Hold" || t.what == "Breathe out" || t.what == "Rest") return true;
    }
    return false;
  };
  auto note_shown = [] {
    const ImGuiWindow* w = ImGui::FindWindowByName("##breath_words");
    return w != nullptr && w->Active;
  };
  CHECK(words_by_self());
  CHECK_FALSE(note_shown());
  d.session->act({ui::act::NewEntry{core::EntryType::letter}});  // the page takes the middle, over the Self
  d.frames(6);
  CHECK_FALSE(words_by_self());
  CHECK(note_shown());
}

TEST_CASE("a panel opened later keeps its side after the canvas has had the screen; closing it brings the earlier one back") {
  Driver d(open_example());
  auto shown = [](const char* name) {
    const ImGuiWindow* w = ImGui::FindWindowByName(name);
    return w != nullptr && w->Active;
  };
  const char* welcome = "Innerscape - example system";
  d.frames(3);
  REQUIRE(shown(welcome));
  d.session->act({ui::act::ToggleBreathing{}});  // the Breathe panel takes the left; the welcome waits
  d.frames(3);
  CHECK(shown("Breathe"));
  CHECK_FALSE(shown(welcome));
  CHECK(d.session->overlay().welcome.open);  // still open, only waiting
  d.session->act({ui::act::ToggleCanvas{}});
  d.frames(3);
  REQUIRE(d.session->canvas_open());
  d.session->act({ui::act::ToggleCanvas{}});
  d.frames(3);
  CHECK(shown("Breathe"));
  CHECK_FALSE(shown(welcome));
  d.session->act({ui::act::ToggleBreathing{}});
  d.frames(3);
  CHECK(shown(welcome));
}
