// A clear, calm banner while changes cannot reach the disk.
#include "ui/save_banner.h"

#include <imgui.h>

namespace innerscape::ui {

void draw_save_banner(const std::string& problem) {
  if (problem.empty()) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + em * 0.8f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(em * 30.0f, 0.0f));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.30f, 0.16f, 0.10f, 0.95f));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                                     ImGuiWindowFlags_NoMove;
  if (ImGui::Begin("##save_banner", nullptr, flags)) {
    ImGui::TextWrapped(
        "Your latest changes are not on the disk yet. They are safe in memory, and Innerscape keeps "
        "trying. If the disk is full, freeing some space is enough; please keep Innerscape open until "
        "this note goes away.");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", problem.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

}  // namespace innerscape::ui
