// The pacer keeps the loop asleep when nothing moves, and drawing smoothly when something does.
#include <doctest/doctest.h>

#include "core/frame_pacer.h"

using namespace innerscape::core;

namespace {
FramePacer settled_pacer() {
  FramePacer pacer = make_frame_pacer({}, 0.0);
  pacer.frames_owed = 0;
  pacer.last_input_s = -1000.0;
  return pacer;
}
}  // namespace

TEST_CASE("a settled scene with no input waits for events and draws nothing") {
  FramePacer pacer = settled_pacer();
  CHECK(ambient_speed(pacer, 0.0) == 0.0);
  CHECK(next_wait(pacer, 0.0, false).kind == Wait::Kind::until_event);
}

TEST_CASE("input brings motion back and owes a few frames for the overlay to settle") {
  FramePacer pacer = settled_pacer();
  note_input(pacer, 10.0);
  CHECK(pacer.frames_owed == pacer.desc.frames_after_input);
  CHECK(ambient_speed(pacer, 10.0) == 1.0);
  CHECK(next_wait(pacer, 10.0, false).kind == Wait::Kind::draw_now);
}

TEST_CASE("motion lingers after input, eases out smoothly, then the loop sleeps") {
  FramePacer pacer = make_frame_pacer({.ambient_linger_s = 30.0, .ambient_settle_s = 4.0}, 0.0);
  CHECK(ambient_speed(pacer, 29.9) == 1.0);
  const double mid = ambient_speed(pacer, 32.0);
  CHECK(mid == doctest::Approx(0.5));
  CHECK(ambient_speed(pacer, 31.0) > mid);
  CHECK(ambient_speed(pacer, 33.0) < mid);
  CHECK(ambient_speed(pacer, 34.0) == 0.0);
  // Pay the frames owed for the start, then nothing is left to draw.
  while (pacer.frames_owed > 0) note_frame(pacer, 1.0);
  CHECK(next_wait(pacer, 35.0, false).kind == Wait::Kind::until_event);
}

TEST_CASE("another animation keeps frames coming even when the scene rests") {
  FramePacer pacer = settled_pacer();
  CHECK(next_wait(pacer, 0.0, true).kind == Wait::Kind::draw_now);
}

TEST_CASE("frames are capped at max_fps where no vsync paces them") {
  FramePacer pacer = make_frame_pacer({.max_fps = 50.0}, 0.0);
  note_frame(pacer, 1.0);
  const Wait wait = next_wait(pacer, 1.005, false);
  CHECK(wait.kind == Wait::Kind::sleep_then_draw);
  CHECK(wait.seconds == doctest::Approx(0.015));
  CHECK(next_wait(pacer, 1.02, false).kind == Wait::Kind::draw_now);
}

TEST_CASE("reduced motion keeps the scene still, but input still gets its frames") {
  FramePacer pacer = make_frame_pacer({.ambient_motion = false}, 0.0);
  CHECK(ambient_speed(pacer, 0.0) == 0.0);
  CHECK(next_wait(pacer, 0.0, false).kind == Wait::Kind::draw_now);
  while (pacer.frames_owed > 0) note_frame(pacer, 0.0);
  CHECK(next_wait(pacer, 1.0, false).kind == Wait::Kind::until_event);
}

TEST_CASE("always-on motion never rests, and a requested frame is drawn once") {
  FramePacer always = make_frame_pacer({.ambient_always = true}, 0.0);
  CHECK(ambient_speed(always, 1.0e6) == 1.0);

  FramePacer pacer = settled_pacer();
  request_frame(pacer);
  CHECK(next_wait(pacer, 0.0, false).kind == Wait::Kind::draw_now);
  note_frame(pacer, 0.0);
  CHECK(next_wait(pacer, 1.0, false).kind == Wait::Kind::until_event);
}
