// A short, gentle word at the bottom of the screen (a part blending with the Self, say), until dismissed.
#include "ui/notice_panel.h"

#include <imgui.h>

namespace innerscape::ui {

void NoticePanel::draw() {
  if (text.empty()) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y - em * 0.6f),  // just above the dock
                          ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(em * 26.0f, 0.0f));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing;
  if (ImGui::Begin("##notice", nullptr, flags)) {
    ImGui::TextWrapped("%s", text.c_str());
    if (ImGui::SmallButton("Thank you")) text.clear();
  }
  ImGui::End();
}

}  // namespace innerscape::ui
