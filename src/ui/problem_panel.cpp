// Tells a person, calmly, when part of the scene could not be drawn, with the details for a bug report.
#include "ui/problem_panel.h"

#include <imgui.h>

namespace innerscape::ui {

void ProblemPanel::draw(const char* title, const std::string& details) {
  if (!open || details.empty()) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - em * 1.2f, viewport->WorkPos.y + em * 1.2f),
                          ImGuiCond_FirstUseEver, ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(em * 26.0f, em * 14.0f), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(title, &open)) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped(
      "Part of the scene could not be drawn, so it is left out. Your data is safe and the app keeps "
      "working. The details below help whoever fixes it:");
  ImGui::BeginChild("details", ImVec2(0.0f, 0.0f), true, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::TextUnformatted(details.c_str());
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace innerscape::ui
