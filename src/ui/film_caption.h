// The day under a time-lapse video's frames: quiet words low on the left, over the scene.
#pragma once

#include <string>

#include "ui/screen_space.h"

namespace innerscape::ui {

// Draws `text` (empty: nothing) in the bottom-left corner of the screen, soft and small, with a
// faint shadow so it reads over the Self's glow as well as over the night; noted in `space`, so the
// names drawn after it give way.
void draw_film_caption(const std::string& text, ScreenSpace& space);

}  // namespace innerscape::ui
