// Where a panel's entries were drawn last frame, by label.
#include "ui/item_rects.h"

#include <imgui.h>

namespace innerscape::ui {

void ItemRects::remember(const char* label) {
  const ImVec2 lo = ImGui::GetItemRectMin();
  const ImVec2 hi = ImGui::GetItemRectMax();
  rects.emplace_back(label, glm::vec4(lo.x, lo.y, hi.x, hi.y));
}

bool ItemRects::rect_of(const std::string& label, glm::vec4& out) const {
  for (const auto& [name, r] : rects) {
    if (name == label) {
      out = r;
      return true;
    }
  }
  return false;
}

bool ItemRects::centre_of(const std::string& label, glm::vec2& out) const {
  glm::vec4 r;
  if (!rect_of(label, r)) return false;
  out = {(r.x + r.z) * 0.5f, (r.y + r.w) * 0.5f};
  return true;
}

}  // namespace innerscape::ui
