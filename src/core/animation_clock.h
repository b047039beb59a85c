// The scene's own time: it runs at a chosen speed and holds still while the scene rests.
#pragma once

namespace innerscape::core {

struct AnimationClock {
  double scene_seconds = 0.0;  // what shaders and particles animate with
};

// The longest real step the clock takes at once, so waking from a long wait never jumps the scene.
inline constexpr double max_animation_step_s = 0.1;

// Moves the clock on by a real time step scaled by speed (0 holds still, 1 is real time).
void advance(AnimationClock& clock, double real_dt_s, double speed);

}  // namespace innerscape::core
