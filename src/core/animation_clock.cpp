// The scene's own time: it runs at a chosen speed and holds still while the scene rests.
#include "core/animation_clock.h"

#include <algorithm>

namespace innerscape::core {

void advance(AnimationClock& clock, double real_dt_s, double speed) {
  const double step = std::clamp(real_dt_s, 0.0, max_animation_step_s);
  clock.scene_seconds += step * std::max(speed, 0.0);
}

}  // namespace innerscape::core
