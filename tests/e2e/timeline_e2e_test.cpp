// End to end with the map over time: the dock's "Over time" opens the timeline; dragging its
// scrubber back shows last month's map (read-only) with that day's page; a milestone is marked and
// kept; the time-lapse plays to today; starting the story again keeps the present.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/session.h"
#include "core/demo_system.h"
#include "core/edits.h"
#include "core/map_history.h"
#include "e2e/driver.h"
#include "test_store.h"
#include "test_tmp.h"

using namespace innerscape;
using test::Driver;

namespace {

constexpr std::int64_t day = 24 * 60 * 60;

void keep_picture(Driver& d, const std::string& name) {
  if (std::getenv("INNERSCAPE_KEEP_PICTURES") == nullptr) return;
  const auto file = std::filesystem::temp_directory_path() / ("innerscape-timeline-e2e-" + name + ".png");
  CHECK(d.session->save_picture(file, {1280, 720}).empty());
}

// Whether the part's page was drawn in the last frame.
bool inspector_shown() {
  const ImGuiWindow* w = ImGui::FindWindowByName("About this part");
  return w != nullptr && w->WasActive;
}

glm::vec2 timeline_entry(Driver& d, const std::string& label) { return Driver::centre(d.session->overlay().timeline.item_rects, label); }

struct Story {
  core::InnerSystem month_ago;
  core::InnerSystem today;
  std::int64_t then = 0;
  core::EntryId page = 0;
};

// A store whose map was saved a month ago, then changed two days ago: the Detective stepped back,
// the siren quietened to nothing, the Self brightened. A page was written on the first day.
Story write_story(const std::filesystem::path& dir) {
  Story s;
  const std::int64_t now = std::time(nullptr);
  s.then = now - 31 * day;
  s.month_ago = core::make_demo_system();
  s.month_ago.journal = {};
  s.month_ago.milestones.clear();
  core::Entry page{.type = core::EntryType::letter, .parts = {s.month_ago.parts[0].id}};
  page.answers.set_text("to", "Little one by the window");
  page.answers.set_text("understanding", "You waited so long.");
  s.page = core::peek_next_entry_id(s.month_ago);
  core::apply_edit(s.month_ago, core::add_entry(s.month_ago, page, s.then));
  s.today = s.month_ago;
  s.today.parts[4].position *= 1.6f;
  s.today.self.glow = 0.95f;
  core::apply_edit(s.today, core::delete_part(s.today, s.today.parts.back().id));

  storage::OpenedStore store = test::open_test_store(dir);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  storage::Snapshot first = store.loaded.snapshot;
  first.system = s.month_ago;
  first.at = s.then;
  REQUIRE(storage::save_changes(*store.db, store.loaded.snapshot, first).empty());
  storage::Snapshot second = first;
  second.system = s.today;
  second.at = now - 2 * day;
  REQUIRE(storage::save_changes(*store.db, first, second).empty());
  return s;
}

}  // namespace

TEST_CASE("Over time: scrub back to last month, see the map as it was with that day's page, mark a milestone, play to today") {
  const auto dir = test::fresh_dir("e2e_timeline");
  const Story story = write_story(dir);
  {
    Driver d(Driver::with_data(dir));
    REQUIRE(core::map_state(d.session->scene().system) == core::map_state(story.today));
    // A part's page is open: it is about today's map, so it waits while the past is shown.
    d.session->act({ui::act::Inspect{story.today.parts[0].id}});
    d.frames(2);
    REQUIRE(inspector_shown());
    d.click(d.dock_button("Over time"));
    REQUIRE(d.session->overlay().timeline.open);
    d.session->wait_for_map_history();
    d.frames(2);
    CHECK_FALSE(d.session->shown_time().has_value());  // today, live

    // The scrubber's far left: the first day of the story. (ImGui 1.86's SDL backend reads a held
    // button from the device, which pushed events do not move; a click on the track sets it as well.)
    glm::vec4 slider;
    REQUIRE(d.session->overlay().timeline.item_rects.rect_of("day", slider));
    d.click({slider.x + 2.0f, (slider.y + slider.w) * 0.5f});
    REQUIRE(d.session->shown_time().has_value());
    CHECK(*d.session->shown_time() >= static_cast<double>(story.then));
    CHECK(*d.session->shown_time() < static_cast<double>(story.then + day));
    CHECK(core::map_state(d.session->shown_map()) == core::map_state(story.month_ago));
    d.frames(2);
    timeline_entry(d, "page " + std::to_string(story.page));  // that day's page is listed beside it
    CHECK_FALSE(inspector_shown());
    CHECK(d.session->overlay().inspector.open);  // only waiting
    keep_picture(d, "month-ago");

    // Read-only: dragging a part of the past moves nothing, today or then.
    const std::uint64_t revision = d.session->scene().undo_stack.revision;
    const core::Part& detective = story.month_ago.parts[4];
    const glm::vec2 at = core::world_to_screen(d.session->scene().view, detective.position);
    d.drag({at, at + glm::vec2(40.0f, 0.0f), at + glm::vec2(120.0f, 30.0f)});
    CHECK(d.session->scene().undo_stack.revision == revision);
    CHECK(core::map_state(d.session->scene().system) == core::map_state(story.today));
    CHECK(core::map_state(d.session->shown_map()) == core::map_state(story.month_ago));

    // A day later, then mark the moment.
    d.click(timeline_entry(d, "later"));
    CHECK(*d.session->shown_time() >= static_cast<double>(story.then + day / 2));
    d.click(timeline_entry(d, "milestone title"));
    d.type("First letter to the little one");
    d.click(timeline_entry(d, "Mark it"));
    REQUIRE(d.session->scene().system.milestones.size() == 1);
    CHECK(d.session->scene().system.milestones[0].title == "First letter to the little one");
    CHECK(d.session->scene().system.milestones[0].at == static_cast<std::int64_t>(*d.session->shown_time()));

    // Back to today, then the time-lapse from the first day: it eases forward and ends on today's map.
    d.click(timeline_entry(d, "Today"));
    CHECK_FALSE(d.session->shown_time().has_value());
    CHECK(inspector_shown());  // back with today's map
    d.click(timeline_entry(d, "Play"));
    REQUIRE(d.session->timelapse_playing());
    const double start = *d.session->shown_time();
    CHECK(start == doctest::Approx(static_cast<double>(d.session->map_history().front().at)));
    int frames = 0;
    double last = start;
    while (d.session->timelapse_playing() && frames < 400) {
      d.session->step(0.1);
      ++frames;
      if (d.session->shown_time()) {
        CHECK(*d.session->shown_time() > last);
        last = *d.session->shown_time();
      }
    }
    CHECK_FALSE(d.session->timelapse_playing());
    CHECK_FALSE(d.session->shown_time().has_value());
    CHECK(frames >= 150);  // about twenty seconds of time-lapse at 1x, in tenths of a second
    CHECK(frames < 260);
    REQUIRE(d.session->save_now().empty());
  }
  // The milestone is kept; the history read again still holds last month as it was.
  Driver d(Driver::with_data(dir));
  REQUIRE(d.session->scene().system.milestones.size() == 1);
  d.session->load_map_history();
  d.session->wait_for_map_history();
  CHECK(core::state_at(d.session->map_history(), story.then) == core::map_state(story.month_ago));

  // Starting the story again: the present stays, the past is gone, in the store too.
  d.click(d.dock_button("Over time"));
  d.click(timeline_entry(d, "Start again"));
  d.click(timeline_entry(d, "Start again from today"));
  CHECK(core::map_state(d.session->scene().system) == core::map_state(story.today));
  CHECK(core::state_at(d.session->map_history(), story.then).parts.empty());
  CHECK(d.session->scene().system.milestones.size() == 1);
}
