// Where panels first appear: at the top of the screen, against an edge with the margin, or centred.
#include "ui/placement.h"

#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>

namespace innerscape::ui {

void place_at_top(Side side) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = ImGui::GetFontSize() * margin_em;
  const float y = viewport->WorkPos.y + margin;
  switch (side) {
    case Side::left:
      ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, y), ImGuiCond_FirstUseEver);
      break;
    case Side::centre:
      ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, y), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.0f));
      break;
    case Side::right:
      ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - margin, y), ImGuiCond_FirstUseEver, ImVec2(1.0f, 0.0f));
      break;
  }
  ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), ImVec2(FLT_MAX, viewport->WorkSize.y - 2.0f * margin));
}

float reserved_bottom() {
  const auto* viewport = static_cast<const ImGuiViewportP*>(ImGui::GetMainViewport());
  return -viewport->WorkOffsetMax.y;
}

void reserve_bottom(float height_px) {
  auto* viewport = static_cast<ImGuiViewportP*>(ImGui::GetMainViewport());
  viewport->BuildWorkOffsetMax.y -= height_px;
}

}  // namespace innerscape::ui
