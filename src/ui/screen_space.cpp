// Where the panels stand and what is written onto the scene, so that new text covers neither.
#include "ui/screen_space.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace innerscape::ui {

bool overlap(const glm::vec4& a, const glm::vec4& b) { return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w; }

std::vector<ScreenRect> shown_windows(bool this_frame) {
  std::vector<ScreenRect> shown;
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (!(this_frame ? w->Active : w->WasActive) || w->Hidden || w->IsFallbackWindow) continue;
    if ((w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)) != 0) continue;
    constexpr ImGuiWindowFlags invisible = ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs;
    if ((w->Flags & invisible) == invisible) continue;
    shown.push_back({w->Name, glm::vec4(w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y)});
  }
  return shown;
}

void ScreenSpace::begin_frame() {
  panels = shown_windows(false);
  texts.clear();
}

bool ScreenSpace::free(const glm::vec4& rect, const glm::vec4& bounds) const {
  if (rect.x < bounds.x || rect.y < bounds.y || rect.z > bounds.z || rect.w > bounds.w) return false;
  for (const ScreenRect& p : panels) {
    if (overlap(rect, p.rect)) return false;
  }
  for (const ScreenRect& t : texts) {
    if (overlap(rect, t.rect)) return false;
  }
  return true;
}

}  // namespace innerscape::ui
