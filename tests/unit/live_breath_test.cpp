// The breathing session going on now: begun, moved on by real time, each phase marked once, ended
// and remembered (or not, for a picture's frozen moment).
#include <doctest/doctest.h>

#include "core/live_breath.h"

using namespace innerscape::core;

TEST_CASE("a session begins running, from the moment asked for, 1 to 20 minutes long") {
  const BreathPattern p = breath_presets()[0].pattern;
  const LiveBreath b = begin_breath(p, 5.0);
  CHECK(b.running);
  CHECK_FALSE(b.paused);
  CHECK_FALSE(b.frozen);
  CHECK(b.pattern == p);
  CHECK(b.elapsed_s == 0.0);
  CHECK(b.planned_s == 300.0);
  CHECK(b.last_cycle == -1);
  CHECK(breath_moving(b));
  CHECK(begin_breath(p, 0.2).planned_s == 60.0);
  CHECK(begin_breath(p, 45.0).planned_s == 1200.0);
  const LiveBreath still = begin_breath(p, 5.0, 6.5, true);
  CHECK(still.elapsed_s == 6.5);
  CHECK(still.frozen);
  CHECK_FALSE(breath_moving(still));
}

TEST_CASE("each phase is marked once, as it begins, the first one too") {
  LiveBreath b = begin_breath(breath_presets()[0].pattern, 5.0);  // 4-4-6
  BreathStep step = advance_breath(b, 0.1);
  CHECK(step.phase_began == BreathPhase::inhale);
  CHECK_FALSE(step.finished);
  for (int i = 0; i < 10; ++i) CHECK_FALSE(advance_breath(b, 0.2).phase_began.has_value());  // 2.1 s: still breathing in
  CHECK(b.elapsed_s == doctest::Approx(2.1));
  while (!(step = advance_breath(b, 0.25)).phase_began) {}
  CHECK(step.phase_began == BreathPhase::hold_in);
  CHECK(b.elapsed_s == doctest::Approx(4.1));  // the first step at or past 4 s
  while (!(step = advance_breath(b, 0.25)).phase_began) {}
  CHECK(step.phase_began == BreathPhase::exhale);
  while (!(step = advance_breath(b, 0.25)).phase_began) {}
  CHECK(step.phase_began == BreathPhase::inhale);  // no rest after 4-4-6: the next breath begins
  CHECK(b.last_cycle == 1);
}

TEST_CASE("a breath that is all one phase is still marked at each new cycle") {
  LiveBreath b = begin_breath({.key = "custom", .tenths = {10, 0, 0, 0}}, 1.0);
  CHECK(advance_breath(b, 0.0).phase_began == BreathPhase::inhale);
  CHECK_FALSE(advance_breath(b, 0.25).phase_began.has_value());
  CHECK_FALSE(advance_breath(b, 0.25).phase_began.has_value());
  CHECK_FALSE(advance_breath(b, 0.25).phase_began.has_value());
  CHECK(advance_breath(b, 0.25).phase_began == BreathPhase::inhale);  // 1.0 s: the second breath
}

TEST_CASE("a step is a quarter of a second at most and never goes back; paused or frozen, nothing moves") {
  LiveBreath b = begin_breath(breath_presets()[0].pattern, 5.0);
  advance_breath(b, 10.0);
  CHECK(b.elapsed_s == 0.25);
  advance_breath(b, -1.0);
  CHECK(b.elapsed_s == 0.25);
  b.paused = true;
  CHECK_FALSE(breath_moving(b));
  const BreathStep paused = advance_breath(b, 0.2);
  CHECK_FALSE(paused.phase_began.has_value());
  CHECK_FALSE(paused.finished);
  CHECK(b.elapsed_s == 0.25);
  LiveBreath still = begin_breath(breath_presets()[0].pattern, 1.0, 100.0, true);
  CHECK_FALSE(advance_breath(still, 0.2).phase_began.has_value());
  CHECK(still.elapsed_s == 100.0);
  LiveBreath over = begin_breath(breath_presets()[0].pattern, 1.0);
  over.running = false;
  CHECK_FALSE(advance_breath(over, 0.2).phase_began.has_value());
  CHECK(over.elapsed_s == 0.0);
}

TEST_CASE("the session finishes at its planned length, to the step") {
  LiveBreath b = begin_breath(breath_presets()[1].pattern, 1.0);
  for (int i = 1; i < 240; ++i) REQUIRE_FALSE(advance_breath(b, 0.25).finished);
  CHECK(advance_breath(b, 0.25).finished);  // 60 s exactly
  CHECK(b.elapsed_s == 60.0);
  CHECK(b.running);  // until it is ended
}

TEST_CASE("ending remembers the session: when it began, how long it was meant to be and was") {
  LiveBreath b = begin_breath(breath_presets()[2].pattern, 2.0);
  b.elapsed_s = 75.6;
  const std::optional<BreathingSession> done = end_breath(b, 1'700'000'000, false);
  REQUIRE(done.has_value());
  CHECK(done->started_at == 1'700'000'000 - 75);
  CHECK(done->pattern == breath_presets()[2].pattern);
  CHECK(done->planned_s == 120.0);
  CHECK(done->actual_s == 75.6);
  CHECK_FALSE(done->completed);
  CHECK_FALSE(b.running);
  CHECK_FALSE(end_breath(b, 1'700'000'000, false).has_value());  // ended once only

  LiveBreath full = begin_breath(breath_presets()[0].pattern, 1.0);
  full.elapsed_s = 60.2;  // the last step went a little past
  const std::optional<BreathingSession> whole = end_breath(full, 1'700'000'000, true);
  REQUIRE(whole.has_value());
  CHECK(whole->actual_s == 60.0);
  CHECK(whole->completed);

  LiveBreath picture = begin_breath(breath_presets()[0].pattern, 5.0, 6.0, true);
  CHECK_FALSE(end_breath(picture, 1'700'000'000, false).has_value());  // a picture's moment is not remembered
  CHECK_FALSE(picture.running);
}
