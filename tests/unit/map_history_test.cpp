// The map's history: replaying it gives back the present exactly, the past as it was saved, and a
// time-lapse that eases between them; milestones are edits like any other.
#include <doctest/doctest.h>

#include <cmath>
#include <map>

#include "core/demo_system.h"
#include "core/map_history.h"
#include "random_edits.h"

using namespace innerscape;
using namespace innerscape::core;

namespace {

constexpr std::int64_t day = 24 * 60 * 60;
constexpr std::int64_t start = 1'700'000'000;

}  // namespace

TEST_CASE("replaying the history of a long random run of edits, undos and redos gives the present map, every field") {
  test::RandomEdits edits(2024);
  InnerSystem s;
  UndoStack undo;
  MapHistory history;
  InnerSystem recorded;  // what the history last saw
  std::map<std::int64_t, MapState> saved;  // the map as it was at each recording
  std::int64_t now = start;
  for (int i = 0; i < 1500; ++i) {
    now += static_cast<std::int64_t>(edits.pick(3)) * 3600;  // some steps share a second with the one before
    edits.step(s, undo, now);
    if (edits.pick(3) != 0) continue;  // several edits can fall between two recordings, as between two saves
    record_changes(recorded, s, now, history);
    recorded = s;
    saved[now] = map_state(s);
    REQUIRE(state_at(history, now) == map_state(s));
  }
  record_changes(recorded, s, now, history);
  saved[now] = map_state(s);
  CHECK(s.parts.size() >= 3);
  CHECK(!s.relationships.empty());
  CHECK(history.size() > 200);
  CHECK(state_at(history, now) == map_state(s));
  // Each moment that was saved is the map as it was then, and times only go forward.
  for (const auto& [t, state] : saved) CHECK(state_at(history, t) == state);
  for (std::size_t i = 1; i < history.size(); ++i) REQUIRE(history[i - 1].at <= history[i].at);
}

TEST_CASE("recording nothing new appends nothing, and a clock that went back still keeps the past in order") {
  const InnerSystem demo = make_demo_system();
  MapHistory history;
  record_changes(InnerSystem{}, demo, start, history);
  const std::size_t n = history.size();
  CHECK(n == demo.parts.size() + demo.relationships.size() + 1);  // each part and line, and the Self's light
  record_changes(demo, demo, start + day, history);
  CHECK(history.size() == n);

  InnerSystem moved = demo;
  moved.parts[2].position += glm::vec2(0.1f, 0.0f);
  record_changes(demo, moved, start - day, history);  // the clock was set back a day
  REQUIRE(history.size() == n + 1);
  CHECK(history.back().at == start);
  CHECK(history.back().kind == ChangeKind::part);
  CHECK(history.back().index == 2);
  CHECK(state_at(history, start) == map_state(moved));
  CHECK(state_at(history, start - 1) == MapState{});  // before anything: an empty map
}

TEST_CASE("a part taken out of the middle and put back keeps its place in drawing order") {
  const InnerSystem demo = make_demo_system();
  InnerSystem s = demo;
  UndoStack undo;
  MapHistory history = baseline_history(map_state(s), start);
  InnerSystem before = s;
  REQUIRE(perform(s, undo, delete_part(s, s.parts[3].id)));
  record_changes(before, s, start + 10, history);
  before = s;
  REQUIRE(core::undo(s, undo));
  record_changes(before, s, start + 20, history);
  CHECK(s.parts == demo.parts);
  CHECK(state_at(history, start + 15).parts.size() == demo.parts.size() - 1);
  CHECK(state_at(history, start + 20) == map_state(demo));
}

TEST_CASE("a map from before history gets a baseline: parts from when they were made, and today exactly at the end") {
  InnerSystem s = make_demo_system();
  for (std::size_t i = 0; i < s.parts.size(); ++i) s.parts[i].created_at = start + static_cast<std::int64_t>((s.parts.size() - i) * day);
  s.parts[0].created_at = 0;  // a time nobody knows: counted as today
  const std::int64_t today = start + 100 * day;
  const MapHistory history = baseline_history(map_state(s), today);
  CHECK(state_at(history, today) == map_state(s));
  // Halfway through, only the parts made by then, and only the lines between them.
  const MapState then = state_at(history, start + 5 * day);
  CHECK(!then.parts.empty());
  CHECK(then.parts.size() < s.parts.size());
  for (const Part& p : then.parts) CHECK(p.created_at <= start + 5 * day);
  for (const Relationship& r : then.relationships) {
    CHECK(find_part(then, r.from) != nullptr);
    CHECK(find_part(then, r.to) != nullptr);
  }
  CHECK(state_at(history, start - 1).parts.empty());
  for (std::size_t i = 1; i < history.size(); ++i) REQUIRE(history[i - 1].at <= history[i].at);
}

TEST_CASE("the time-lapse eases between moments and equals the saved map once a change has settled") {
  InnerSystem a = make_demo_system();
  MapHistory history = baseline_history(map_state(a), start);
  InnerSystem b = a;
  b.parts[1].position = a.parts[1].position + glm::vec2(0.4f, 0.0f);
  b.parts[1].trust = a.parts[1].trust + 40;
  b.self.glow = 0.95f;
  b.parts.erase(b.parts.begin() + 4);
  std::erase_if(b.relationships, [&](const Relationship& r) { return r.from == a.parts[4].id || r.to == a.parts[4].id; });
  Part newcomer = a.parts[0];
  newcomer.id = 999;
  newcomer.name = "Newcomer";
  b.parts.push_back(newcomer);
  record_changes(a, b, start + day, history);

  const double ease = 6.0 * 3600.0;
  const double t1 = static_cast<double>(start + day);
  // Settled: exactly the map that was saved, before and after.
  CHECK(timelapse_state(history, t1 - 1.0, ease) == map_state(a));
  CHECK(timelapse_state(history, t1 + ease + 1.0, ease) == map_state(b));
  // Halfway: the moved part is partway along, the newcomer half grown, the removed part half faded.
  const MapState mid = timelapse_state(history, t1 + ease / 2.0, ease);
  const Part* moved = find_part(mid, a.parts[1].id);
  REQUIRE(moved != nullptr);
  CHECK(moved->position.x == doctest::Approx(a.parts[1].position.x + 0.2f).epsilon(1e-4));
  CHECK(moved->trust == a.parts[1].trust + 20);
  CHECK(mid.self.glow == doctest::Approx((a.self.glow + 0.95f) / 2.0f).epsilon(1e-4));
  const Part* arriving = find_part(mid, 999);
  REQUIRE(arriving != nullptr);
  CHECK(arriving->size > 0.0f);
  CHECK(arriving->size < newcomer.size);
  const Part* leaving = find_part(mid, a.parts[4].id);
  REQUIRE(leaving != nullptr);
  CHECK(leaving->size < a.parts[4].size);
  CHECK(leaving->size > 0.0f);
  // Continuous: small steps in time make small steps on the map.
  float last_x = a.parts[1].position.x;
  for (double t = t1 - 60.0; t < t1 + ease + 60.0; t += ease / 50.0) {
    const MapState state = timelapse_state(history, t, ease);  // held: the part points into it
    const Part* p = find_part(state, a.parts[1].id);
    REQUIRE(p != nullptr);
    CHECK(std::abs(p->position.x - last_x) < 0.4f / 50.0f * 1.6f);
    last_x = p->position.x;
  }
}

TEST_CASE("the time-lapse plays from the first change to the last one's easing in, the whole story in 20 s at 1x") {
  // No history: nothing to play; a day to the 20 s, so a first change would still be seen.
  const std::int64_t today = start + 400 * day;
  const TimelapseSpan none = timelapse_span({}, today);
  CHECK(none.first == today);
  CHECK(none.end == static_cast<double>(today));
  CHECK(none.rate == static_cast<double>(day) / timelapse_base_s);
  CHECK(none.ease_s == 0.0);

  MapHistory history(2);
  history[0].at = start;
  history[1].at = start + 100 * day;
  const TimelapseSpan s = timelapse_span(history, today);
  CHECK(s.first == start);
  CHECK(s.rate == doctest::Approx(100.0 * day / 20.0));
  CHECK(s.ease_s == doctest::Approx(0.6 * s.rate));  // 0.6 s of the time-lapse at 1x
  CHECK(s.end == doctest::Approx(static_cast<double>(start + 100 * day) + s.ease_s));  // then nothing moves

  // The last change eases in until today at most.
  const std::int64_t soon = start + 100 * day + 3600;
  CHECK(timelapse_span(history, soon).end == static_cast<double>(soon));

  // A story shorter than a day plays at a day's pace, so its one change is not a blink.
  const TimelapseSpan one = timelapse_span({history[0]}, today);
  CHECK(one.first == start);
  CHECK(one.rate == static_cast<double>(day) / timelapse_base_s);
  CHECK(one.end == doctest::Approx(static_cast<double>(start) + 0.6 * one.rate));

  // A clock that went back: changes "after" today count as today.
  const TimelapseSpan back = timelapse_span(history, start + 10 * day);
  CHECK(back.first == start);
  CHECK(back.rate == doctest::Approx(10.0 * day / 20.0));
  CHECK(back.end == static_cast<double>(start + 10 * day));
  CHECK(timelapse_span(history, start - day).first == start - day);
}

TEST_CASE("milestones: marked in time order, renamed, taken away, and every one can be undone") {
  InnerSystem s;
  UndoStack h;
  REQUIRE(perform(s, h, add_milestone(s, {.at = start + 2 * day, .title = "  First letter to the little one \n"})));
  REQUIRE(perform(s, h, add_milestone(s, {.at = start, .title = ""})));
  REQUIRE(s.milestones.size() == 2);
  CHECK(s.milestones[0].at == start);
  CHECK(s.milestones[0].title == "A moment to remember");  // an empty title gets a gentle one
  CHECK(s.milestones[1].title == "First letter to the little one");
  REQUIRE(perform(s, h, rename_milestone(s, 0, "The day I breathed through it")));
  CHECK(s.milestones[0].title == "The day I breathed through it");
  CHECK(rename_milestone(s, 0, "The day I breathed through it").empty());
  CHECK(remove_milestone(s, 7).empty());
  REQUIRE(perform(s, h, remove_milestone(s, 1)));
  CHECK(s.milestones.size() == 1);
  REQUIRE(core::undo(s, h));
  CHECK(s.milestones.size() == 2);
  const std::string long_title(300, 'a');
  REQUIRE(perform(s, h, add_milestone(s, {.at = start + 9 * day, .title = long_title + "é"})));
  CHECK(s.milestones.back().title.size() == max_milestone_title);
}
