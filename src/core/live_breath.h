// The breathing session going on now: its pattern, how far in it is, paused or not, and the phase
// last marked, moved on by real time. The overlay and the breathing form only read it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/breathing.h"

namespace innerscape::core {

struct LiveBreath {
  bool running = false;
  bool paused = false;
  bool frozen = false;  // held at one moment, for a picture of it: it does not move and is not remembered
  BreathPattern pattern;
  double elapsed_s = 0.0;
  double planned_s = 0.0;
  std::vector<float> minutes_per_day;  // the last two weeks, oldest first (what the Breathe panel charts)
  bool tones = true;                   // the person's settings, as the Breathe panel shows them
  int volume = 30;
  BreathPhase last_phase = BreathPhase::hold_out;  // where the last step was, so each new phase is marked once
  long last_cycle = -1;                            // -1: the first phase is yet to be marked
};

// A session of `pattern`, `minutes` long (held to 1 .. 20), `at_s` seconds in; `frozen` holds it there.
LiveBreath begin_breath(const BreathPattern& pattern, double minutes, double at_s = 0.0, bool frozen = false);

// Whether it moves with time: running, and neither paused nor frozen.
bool breath_moving(const LiveBreath& breath);

// What one step brought: the phase that began (marked with its tone, if the person wants tones),
// and whether the session has come to its planned end (end_breath it then, completed).
struct BreathStep {
  std::optional<BreathPhase> phase_began;
  bool finished = false;
};

// Moves a moving session on by `dt_s` of real time, a quarter of a second at most (a stall or a
// suspended laptop does not jump through the breath). One that does not move gives an empty step.
BreathStep advance_breath(LiveBreath& breath, double dt_s);

// Ends the session. What is remembered of it, started `elapsed_s` before `now` (seconds since
// 1970); nothing when none was running or it was a frozen picture's.
std::optional<BreathingSession> end_breath(LiveBreath& breath, std::int64_t now, bool completed);

}  // namespace innerscape::core
