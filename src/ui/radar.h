// The 8 C's as a radar: eight spokes, a soft polygon whose reach on each is its 0..10 rating.
#pragma once

#include "core/answers.h"

#include <glm/vec2.hpp>

namespace innerscape::ui {

// Draws into the current window at the cursor, `size` pixels square, and moves the cursor past it.
void draw_eight_cs_radar(const core::Answers& ratings, float size);

}  // namespace innerscape::ui
