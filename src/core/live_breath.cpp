// The breathing session going on now, moved on by real time: its phases, their marks, its end.
#include "core/live_breath.h"

#include <algorithm>

namespace innerscape::core {

LiveBreath begin_breath(const BreathPattern& pattern, double minutes, double at_s, bool frozen) {
  return {.running = true,
          .paused = false,
          .frozen = frozen,
          .pattern = pattern,
          .elapsed_s = at_s,
          .planned_s = std::clamp(minutes, 1.0, 20.0) * 60.0};
}

bool breath_moving(const LiveBreath& breath) { return breath.running && !breath.paused && !breath.frozen; }

BreathStep advance_breath(LiveBreath& breath, double dt_s) {
  if (!breath_moving(breath)) return {};
  BreathStep step;
  breath.elapsed_s += std::clamp(dt_s, 0.0, 0.25);
  const BreathState now = breath_at(breath.pattern, breath.elapsed_s);
  if (now.phase != breath.last_phase || now.cycle != breath.last_cycle) step.phase_began = now.phase;
  breath.last_phase = now.phase;
  breath.last_cycle = now.cycle;
  step.finished = breath.elapsed_s >= breath.planned_s;
  return step;
}

std::optional<BreathingSession> end_breath(LiveBreath& breath, std::int64_t now, bool completed) {
  if (!breath.running) return std::nullopt;
  breath.running = false;
  if (breath.frozen) return std::nullopt;  // a picture of a moment is no session to remember
  return BreathingSession{.started_at = now - static_cast<std::int64_t>(breath.elapsed_s),
                          .pattern = breath.pattern,
                          .planned_s = breath.planned_s,
                          .actual_s = std::min(breath.elapsed_s, breath.planned_s),
                          .completed = completed};
}

}  // namespace innerscape::core
