// What every panel shares, in ImHex's manner (hex/ui/view.hpp): the window's opening is written
// once, here, and a panel's draw writes only its content. The base keeps whether the panel is open
// and whether it takes the keyboard when next drawn; window() places it (ui/placement.h), opens the
// ImGui window, calls the content, and closes the window again, however the content returns.
//
//   struct CalmPanel : Panel { void draw(...); };
//   void CalmPanel::draw(...) {
//     window("Here, now", {Side::left, em * 20.0f}, ImGuiWindowFlags_AlwaysAutoResize, [&] { ...content... });
//   }
//
// The content is any callable without arguments; a `return` in it ends the content, and End() still
// comes. The window's own close button clears `open`.
#pragma once

#include <imgui.h>

#include "ui/placement.h"

namespace innerscape::ui {

// Where a panel stands: its home side, its width in pixels, and its height (ui/placement.h).
struct Place {
  Side side = Side::left;
  float width_px = 0.0f;
  Height height = Height::content;
};

struct Panel {
  bool open = false;   // shown; its window's close button clears it
  bool focus = false;  // take the keyboard when next drawn: its window is focused as it opens, and this is cleared

  // The panel's window at its place, with the content inside. False when nothing was drawn: closed,
  // waiting for room (place_panel), or collapsed. `title` is the ImGui window's name.
  template <typename Content>
  bool window(const char* title, const Place& place, ImGuiWindowFlags flags, Content&& content) {
    if (!open || !place_panel(title, place.side, place.width_px, place.height)) return false;
    return window(title, flags, content);
  }

  // The same for a window placed otherwise (the keyboard shortcuts' sheet, centred): the caller's own
  // SetNextWindow* calls come just before.
  template <typename Content>
  bool window(const char* title, ImGuiWindowFlags flags, Content&& content) {
    if (!open) return false;
    if (focus) ImGui::SetNextWindowFocus();
    focus = false;
    const bool shown = ImGui::Begin(title, &open, flags);
    if (shown) content();
    ImGui::End();
    return shown;
  }
};

}  // namespace innerscape::ui
