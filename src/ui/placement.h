// Where panels first appear: at the top of the screen, against the left or right edge with the
// overlay's margin, or centred. One rule for every panel, so they line up and leave the Self clear.
#pragma once

#include <cstdint>

namespace innerscape::ui {

enum class Side : std::uint8_t { left, centre, right };

inline constexpr float margin_em = 1.2f;  // the gap between panels and the screen's edges, in font heights

// For the next ImGui window, on its first use only: the person may move it after. Every frame it is
// kept no taller than the work area (the screen above the dock), so it never reaches under the dock.
void place_at_top(Side side);

// Takes the bottom `height_px` of the screen (the dock, however many rows it wraps to) out of the
// work area the panels fit into, from the next frame on, as ImGui's own menu bars do.
void reserve_bottom(float height_px);
// How much was reserved at the bottom in the last frame (the dock and its margin); 0 before the first.
float reserved_bottom();

}  // namespace innerscape::ui
