// The day under a time-lapse video's frames: quiet words low on the left, over the scene.
#pragma once

#include <string>

namespace innerscape::ui {

// Draws `text` (empty: nothing) in the bottom-left corner of the screen, soft and small, with a
// faint shadow so it reads over the Self's glow as well as over the night.
void draw_film_caption(const std::string& text);

}  // namespace innerscape::ui
