// Where a panel's entries were drawn last frame: UI state that lets tests (and later a guided tour)
// point at an entry by its label.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace innerscape::ui {

struct ItemRects {
  std::vector<std::pair<std::string, glm::vec4>> rects;  // label, then min x, min y, max x, max y

  void clear() { rects.clear(); }
  // Records the last ImGui item under `label`.
  void remember(const char* label);
  // The centre of the entry with this label, if it was drawn.
  bool centre_of(const std::string& label, glm::vec2& out) const;
  // Its whole rectangle: min x, min y, max x, max y.
  bool rect_of(const std::string& label, glm::vec4& out) const;
};

}  // namespace innerscape::ui
