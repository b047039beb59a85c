// Tells a person, calmly, when part of the scene could not be drawn, with the details for a bug report.
#include "ui/problem_panel.h"

#include "ui/placement.h"

#include <imgui.h>

namespace innerscape::ui {

void ProblemPanel::draw(const char* title, const std::string& details) {
  if (!open || details.empty()) return;
  const float em = ImGui::GetFontSize();
  if (!place_panel(title, Side::right, em * 26.0f)) return;
  if (!ImGui::Begin(title, &open)) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped(
      "Part of the scene could not be drawn, so it is left out. Your data is safe and the app keeps "
      "working. The details below help whoever fixes it:");
  ImGui::BeginChild("details", ImVec2(0.0f, em * 9.0f), true, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::TextUnformatted(details.c_str());
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace innerscape::ui
