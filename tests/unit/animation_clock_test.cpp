// The scene's clock: it follows speed, holds still at 0, and never leaps after a long wait.
#include <doctest/doctest.h>

#include "core/animation_clock.h"

using innerscape::core::AnimationClock;
using innerscape::core::advance;
using innerscape::core::max_animation_step_s;

TEST_CASE("the clock runs at the speed it is given") {
  AnimationClock clock;
  advance(clock, 0.05, 1.0);
  CHECK(clock.scene_seconds == doctest::Approx(0.05));
  advance(clock, 0.05, 0.5);
  CHECK(clock.scene_seconds == doctest::Approx(0.075));
}

TEST_CASE("speed zero holds the scene still, and it resumes from where it was") {
  AnimationClock clock;
  advance(clock, 0.04, 1.0);
  advance(clock, 0.04, 0.0);
  CHECK(clock.scene_seconds == doctest::Approx(0.04));
  advance(clock, 0.02, 1.0);
  CHECK(clock.scene_seconds == doctest::Approx(0.06));
}

TEST_CASE("waking after a long sleep moves the scene one small step, not the whole gap") {
  AnimationClock clock;
  advance(clock, 3600.0, 1.0);
  CHECK(clock.scene_seconds == doctest::Approx(max_animation_step_s));
  advance(clock, -5.0, 1.0);  // a clock that went backwards changes nothing
  CHECK(clock.scene_seconds == doctest::Approx(max_animation_step_s));
}
