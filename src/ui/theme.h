// The overlay's look: soft, translucent panels in the scene's night colours, warm accents from the Self;
// or a light one, warm paper and dark ink, for bright rooms and tired eyes.
#pragma once

#include <imgui.h>

#include "core/settings.h"

namespace innerscape::ui {

// The theme's style at 100 %: colours, paddings and rounding, before any scale.
ImGuiStyle theme_style(core::Theme theme);

// Makes the theme the current style, with sizes scaled (display DPI times the person's UI scale).
// Starts from a fresh copy each time, so a second call does not compound the scale.
void apply_theme(core::Theme theme, float scale);

// Words that should stand out (a first step, a warning) in a colour that reads on the current theme.
ImVec4 accent_text();

}  // namespace innerscape::ui
