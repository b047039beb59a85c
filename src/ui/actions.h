// What the overlay asks the app to do this frame. Panels never change the model themselves.
#pragma once

#include <optional>

namespace innerscape::ui {

struct UiActions {
  std::optional<bool> ambient_always;  // keep the background moving even when no one is here
  std::optional<bool> ambient_motion;  // false: a still scene (reduced motion)
  bool dismiss_welcome = false;
  bool toggle_welcome = false;
  bool recenter = false;               // the view back to the Self
  bool toggle_fullscreen = false;
};

}  // namespace innerscape::ui
