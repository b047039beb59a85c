// What is on the screen besides the panels' own insides: where the panels stood, and every text the
// overlay writes straight onto the scene (a part's name, the breath's words, a soothing line). Each
// new text looks for a place that covers none of them; the tests check that nothing ever does.
#pragma once

#include <string>
#include <vector>

#include <glm/vec4.hpp>

namespace innerscape::ui {

struct ScreenRect {
  std::string what;  // a window's name, or the text itself
  glm::vec4 rect;    // min x, min y, max x, max y, in pixels
};

bool overlap(const glm::vec4& a, const glm::vec4& b);

// The windows on screen that a text must not cover: the panels, the dock, the notes. Not the menus,
// combo lists and tooltips that open over everything for a moment, nor a window that draws nothing
// (the host of the scene's menus). `this_frame`: those drawn in the frame being built (or just
// ended), else those of the frame before.
std::vector<ScreenRect> shown_windows(bool this_frame);

struct ScreenSpace {
  std::vector<ScreenRect> panels;  // the windows of the last frame
  std::vector<ScreenRect> texts;   // written onto the scene this frame

  // A new frame: the panels as ImGui drew them last, no text yet.
  void begin_frame();
  // Whether `rect` covers no panel and no text written so far, and lies inside `bounds`.
  bool free(const glm::vec4& rect, const glm::vec4& bounds) const;
  void add(std::string what, const glm::vec4& rect) { texts.push_back({std::move(what), rect}); }
};

}  // namespace innerscape::ui
