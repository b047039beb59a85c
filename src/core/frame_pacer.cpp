// Decides when the main loop draws and when it sleeps, so a calm scene does not burn a battery.
#include "core/frame_pacer.h"

#include <algorithm>

namespace innerscape::core {

FramePacer make_frame_pacer(const FramePacerDesc& desc, double now_s) {
  FramePacer pacer{.desc = desc};
  note_input(pacer, now_s);
  return pacer;
}

void note_input(FramePacer& pacer, double now_s) {
  pacer.last_input_s = now_s;
  pacer.frames_owed = std::max(pacer.frames_owed, pacer.desc.frames_after_input);
}

void request_frame(FramePacer& pacer) { pacer.frames_owed = std::max(pacer.frames_owed, 1); }

void note_frame(FramePacer& pacer, double now_s) {
  pacer.last_frame_s = now_s;
  pacer.frames_owed = std::max(pacer.frames_owed - 1, 0);
}

double ambient_speed(const FramePacer& pacer, double now_s) {
  const FramePacerDesc& d = pacer.desc;
  if (!d.ambient_motion) return 0.0;
  if (d.ambient_always) return 1.0;
  const double since_input = now_s - pacer.last_input_s;
  if (since_input <= d.ambient_linger_s) return 1.0;
  if (d.ambient_settle_s <= 0.0) return 0.0;
  const double t = std::clamp((since_input - d.ambient_linger_s) / d.ambient_settle_s, 0.0, 1.0);
  // Smoothstep down: the motion slows the way a breath ends, without a visible stop.
  const double ease = t * t * (3.0 - 2.0 * t);
  return 1.0 - ease;
}

Wait next_wait(const FramePacer& pacer, double now_s, bool animating) {
  const bool wants_frame = pacer.frames_owed > 0 || animating || ambient_speed(pacer, now_s) > 0.0;
  if (!wants_frame) return {Wait::Kind::until_event, 0.0};
  if (pacer.desc.max_fps <= 0.0) return {Wait::Kind::draw_now, 0.0};
  const double due = pacer.last_frame_s + 1.0 / pacer.desc.max_fps;
  if (due <= now_s) return {Wait::Kind::draw_now, 0.0};
  return {Wait::Kind::sleep_then_draw, due - now_s};
}

}  // namespace innerscape::core
