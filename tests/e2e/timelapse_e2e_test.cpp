// The time-lapse, drawn: a frame at a known moment is the scene of that day's map, pixel for pixel,
// and a frame in the middle of a change is really between the two. Pixels read back from the real
// session's offscreen frames, as --timelapse writes them.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>

#include "app/session.h"
#include "app/timelapse.h"
#include "core/demo_system.h"
#include "core/map_history.h"
#include "render/framebuffer.h"
#include "storage/map_store.h"
#include "storage/png.h"
#include "test_store.h"

using namespace innerscape;

namespace {

constexpr glm::ivec2 frame_size{640, 360};
constexpr double day_s = 86400.0;

// A hidden session drawing only the scene and its names (as a time-lapse frame), with the motion
// reduced so nothing drifts between frames: what differs is what the map was.
std::unique_ptr<app::Session> open_still(bool demo) {
  std::string error;
  auto session = app::Session::open(
      {.size = frame_size, .hidden = true, .vsync = false, .demo = demo, .shader_dir = INNERSCAPE_SHADER_DIR}, error);
  REQUIRE_MESSAGE(session != nullptr, error);
  REQUIRE_MESSAGE(session->render_problems().empty(), session->render_problems());
  session->pacer().desc.ambient_motion = false;
  session->film = true;
  return session;
}

core::Image draw(app::Session& session, render::Framebuffer& target, int frames = 1) {
  for (int i = 0; i < frames; ++i) {
    session.window().pump_events(0.0);
    target.bind();
    session.frame(1.0 / 60.0, session.window().now_s(), frame_size, true);
  }
  return target.read_pixels();
}

long differing_pixels(const core::Image& a, const core::Image& b) {
  REQUIRE(a.size == b.size);
  long n = 0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    if (a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1] || a.rgba[i + 2] != b.rgba[i + 2]) ++n;
  }
  return n;
}

// INNERSCAPE_KEEP_PICTURES=DIR keeps the frames compared here, to look at.
void keep(const core::Image& image, const char* name) {
  if (const char* dir = std::getenv("INNERSCAPE_KEEP_PICTURES")) storage::write_png(std::filesystem::path(dir) / name, image);
}

}  // namespace

TEST_CASE("a time-lapse frame at a known moment is the scene drawn from that day's map; mid-change frames are between") {
  const core::InnerSystem demo = core::make_demo_system();
  const core::MapHistory history = core::make_demo_history(demo);
  REQUIRE(history.size() > 10);
  // The demo's map changes every three to seven days. With changes easing in over a day and a half,
  // a change half-way through its year has quiet before it and after it.
  constexpr double ease_s = 1.5 * day_s;
  std::size_t k = 0;
  while (k < history.size() && static_cast<double>(history[k].at) < static_cast<double>(history.front().at) + 150.0 * day_s) ++k;
  REQUIRE(k < history.size());
  const double change = static_cast<double>(history[k].at);
  std::size_t next = k;
  while (next < history.size() && history[next].at == history[k].at) ++next;
  REQUIRE(next < history.size());
  REQUIRE(static_cast<double>(history[next].at) > change + ease_s + 0.2 * day_s);
  REQUIRE(static_cast<double>(history[k - 1].at) < change - ease_s - 0.2 * day_s);
  const double known = change + ease_s + 0.1 * day_s;  // no change in (known - ease_s, known]
  REQUIRE(core::timelapse_state(history, known, ease_s) == core::state_at(history, static_cast<std::int64_t>(known)));

  core::Image before, middle, after;
  core::SceneView view;
  {
    auto lapse = open_still(true);
    render::Framebuffer target;  // made in this session's context, and let go before it
    REQUIRE(target.create(frame_size));
    lapse->load_map_history();
    lapse->wait_for_map_history();
    REQUIRE(lapse->map_history() == history);  // the demo session plays this very story
    view = lapse->framing(app::story_positions(history, demo), frame_size);
    lapse->set_view(view);
    lapse->show_time(known, true, ease_s);
    after = draw(*lapse, target, 12);  // the fonts, the portraits' pictures and the labels settle
    lapse->show_time(change - 0.1 * day_s, true, ease_s);
    before = draw(*lapse, target);
    lapse->show_time(change + ease_s * 0.5, true, ease_s);
    middle = draw(*lapse, target);
    lapse->show_time(known, true, ease_s);
    CHECK(differing_pixels(draw(*lapse, target), after) == 0);  // drawing the same moment again changes nothing
  }

  // That day's map, loaded as a map of its own (the demo's pictures too, for the portraits the parts
  // wear), seen from the same place, with the same reduced motion.
  core::InnerSystem that_day = demo;
  const core::MapState state = core::state_at(history, static_cast<std::int64_t>(known));
  that_day.self = state.self;
  that_day.parts = state.parts;
  that_day.relationships = state.relationships;
  that_day.journal = {};  // recent pages make parts pulse; the past shows no pulse
  core::Image scene;
  {
    auto today = open_still(false);
    render::Framebuffer target;
    REQUIRE(target.create(frame_size));
    today->load_system(that_day);
    today->set_view(view);
    scene = draw(*today, target, 12);
  }
  keep(after, "timelapse-known.png");
  keep(scene, "timelapse-that-day.png");
  keep(before, "timelapse-before.png");
  keep(middle, "timelapse-middle.png");

  // The same inputs through the same shaders on the same renderer: exactly equal, no tolerance.
  CHECK(differing_pixels(after, scene) == 0);
  // The change is there to see, and half-way through it the frame is neither the one before nor after.
  const long changed = differing_pixels(before, after);
  CHECK(changed > 500);
  CHECK(differing_pixels(middle, before) > changed / 10);
  CHECK(differing_pixels(middle, after) > changed / 10);
}

TEST_CASE("a store with a year of daily history opens without reading it; the timeline reads it whole when asked") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-history-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  std::size_t changes = 0;
  {
    storage::OpenedStore store = test::open_test_store(dir);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    storage::Snapshot saved = store.loaded.snapshot;
    storage::Snapshot day = saved;
    day.system = core::make_demo_system();
    for (int d = 0; d < 365; ++d) {
      day.at = now - (365 - d) * 86400;
      day.system.self.glow = 0.4f + 0.5f * static_cast<float>(d) / 365.0f;  // a check-in a day
      day.system.parts[static_cast<std::size_t>(d) % day.system.parts.size()].trust = d % 100;
      REQUIRE(storage::save_changes(*store.db, saved, day).empty());
      saved = day;
    }
    std::string error;
    changes = storage::load_history(*store.db, error).size();
    REQUIRE(error.empty());
  }
  REQUIRE(changes > 700);
  {
    std::string error;
    auto session = app::Session::open({.size = frame_size, .hidden = true, .vsync = false, .shader_dir = INNERSCAPE_SHADER_DIR,
                                       .data_dir = dir, .key = test::store_key(dir)},
                                      error);
    REQUIRE_MESSAGE(session != nullptr, error);
    render::Framebuffer target;
    REQUIRE(target.create(frame_size));
    draw(*session, target, 3);
    CHECK_FALSE(session->map_history_ready());  // the first frames come without it
    session->load_map_history();
    session->wait_for_map_history();
    REQUIRE(session->map_history_ready());
    CHECK(session->map_history_problem().empty());
    const core::MapHistory& history = session->map_history();
    CHECK(history.size() == changes);
    CHECK(core::state_at(history, now) == core::map_state(session->scene().system));
  }
  std::filesystem::remove_all(dir);
}
