// The overlay's look: soft, translucent panels in the scene's night colours, warm accents from the Self.
#pragma once

namespace innerscape::ui {

// Applies the calm theme; scale grows paddings and rounding with the display's DPI.
void apply_calm_theme(float scale);

}  // namespace innerscape::ui
