// Where panels appear: each at the top of the screen on its side (left, centre or right), side by side
// so that none covers another (ui/panel_homes.h); the dock and short notes in strips of their own at
// the bottom, a warning about the disk at the top. One rule for every panel, so they line up and
// nothing the app writes lands on something else.
#pragma once

#include "ui/panel_homes.h"

namespace innerscape::ui {

inline constexpr float margin_em = 1.2f;  // the gap between panels and the screen's edges, in font heights

// A panel's height: as tall as its content (never taller than the work area), or the work area's whole height.
enum class Height : std::uint8_t { content, full };

// For the next ImGui window, a panel with a home on `side`, `width_px` wide (narrower on a crowded
// screen; at either side, never so wide that it reaches the Self in the middle). Call just before its Begin, with its window's name. False while it waits for room: a panel
// opened later holds its side, or the screen is too narrow for both; it stays open and comes back
// when that one closes. A panel the person has moved or resized stays where they put it. Every
// frame it is kept no taller than the work area (the screen above the dock and the notes).
bool place_panel(const char* window_name, Side side, float width_px, Height height = Height::content);

// The next window, `width_px` wide, centred just above what the bottom of the screen already holds
// this frame (the dock, a note drawn before it). After its End, reserve_bottom(its height) keeps the
// panels above it from the next frame on.
void place_above_bottom(float width_px);
// The same at the top of the screen, below what it already holds; reserve_top after its End.
void place_below_top(float width_px);

// Takes `height_px` at the bottom (or top) of the screen out of the work area the panels fit into,
// from the next frame on, as ImGui's own menu bars do; the margin below the next thing is included.
void reserve_bottom(float height_px);
void reserve_top(float height_px);
// How much was reserved at the bottom in the last frame (the dock, the notes and their margins); 0 before the first.
float reserved_bottom();

}  // namespace innerscape::ui
