// A small, quiet bar in the corner: the way back to the welcome words and the view's few controls.
#include "ui/dock_panel.h"

#include <imgui.h>

namespace innerscape::ui {

void DockPanel::draw(const char* title, const DockView& view, UiActions& actions) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + em * 1.2f, viewport->WorkPos.y + viewport->WorkSize.y - em * 1.2f),
                          ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.55f);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                     ImGuiWindowFlags_NoMove;
  if (!ImGui::Begin(title, nullptr, flags)) {
    ImGui::End();
    return;
  }
  if (ImGui::Button(view.welcome_open ? "Hide welcome" : "Welcome")) actions.toggle_welcome = true;
  ImGui::SameLine();
  if (ImGui::Button("Show everything")) actions.recenter = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Frame the Self and all the parts (Home)");
  ImGui::SameLine();
  if (ImGui::Button(view.fullscreen ? "Leave full screen" : "Full screen")) actions.toggle_fullscreen = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("F11");
  ImGui::End();
}

}  // namespace innerscape::ui
