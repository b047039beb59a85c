// Decides when the main loop draws and when it sleeps, so a calm scene does not burn a battery.
//
// The scene's ambient motion runs while the person is here (any input) and for a while after,
// then eases to stillness; from then on the loop waits on events and draws nothing.
#pragma once

namespace innerscape::core {

struct FramePacerDesc {
  double ambient_linger_s = 30.0;  // motion keeps going this long after the last input
  double ambient_settle_s = 4.0;   // ...then eases to stillness over this long
  bool ambient_always = false;     // never rest (costs power; off by default)
  bool ambient_motion = true;      // false: the scene is always still (reduced motion)
  int frames_after_input = 3;      // ImGui needs a few frames to settle hover and layout
  double max_fps = 60.0;           // a cap for displays without vsync (Xvfb, some drivers)
};

struct FramePacer {
  FramePacerDesc desc;
  double last_input_s = 0.0;
  double last_frame_s = -1.0e9;
  int frames_owed = 0;
};

// Starts pacing at `now`; starting counts as input, so the scene moves when it opens.
FramePacer make_frame_pacer(const FramePacerDesc& desc, double now_s);

// Any event a person caused: a key, the mouse, a resize, focus.
void note_input(FramePacer& pacer, double now_s);

// Ask for one more frame without counting it as a person's input (a setting changed, say).
void request_frame(FramePacer& pacer);

// Called once a frame has been drawn.
void note_frame(FramePacer& pacer, double now_s);

// How fast the ambient motion runs now: 1 while the person is here, easing to 0 as the scene rests.
double ambient_speed(const FramePacer& pacer, double now_s);

// What the loop should do before its next frame.
struct Wait {
  enum class Kind { draw_now, sleep_then_draw, until_event };
  Kind kind = Kind::draw_now;
  double seconds = 0.0;  // for sleep_then_draw: how long the loop may wait for events first
};

// `animating` is any other animation in flight (a breathing session, a transition).
Wait next_wait(const FramePacer& pacer, double now_s, bool animating);

}  // namespace innerscape::core
