// The person's own choices that outlive a session, as plain data.
#pragma once

namespace innerscape::core {

inline constexpr int max_idle_lock_minutes = 24 * 60;

struct Settings {
  bool ambient_motion = true;   // false: a still scene (reduced motion)
  bool ambient_always = false;  // keep moving even when nobody is there (costs power)
  bool welcome_seen = false;    // the welcome words were read and put away
  bool soothing_seeded = false; // the starting soothing words were offered once (an emptied list stays empty)
  bool tones = true;            // soft tones mark the breathing guide's phases
  int volume = 30;              // percent
  int idle_lock_minutes = 15;   // with the passphrase lock on: lock after this long untouched (0: never)

  bool operator==(const Settings&) const = default;
};

}  // namespace innerscape::core
