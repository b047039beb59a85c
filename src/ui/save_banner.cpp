// A clear, calm banner while changes cannot reach the disk.
#include "ui/save_banner.h"

#include <imgui.h>

#include "ui/placement.h"

namespace innerscape::ui {

void draw_save_banner(const std::string& problem) {
  if (problem.empty()) return;
  const float em = ImGui::GetFontSize();
  place_below_top(em * 30.0f);  // in a strip of its own: the panels keep below it
  // Its own warm dark colours in both themes, so its words read on it (the light theme's ink would not).
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.30f, 0.16f, 0.10f, 0.95f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.98f, 0.94f, 0.88f, 1.0f));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                                     ImGuiWindowFlags_NoMove;
  if (ImGui::Begin("##save_banner", nullptr, flags)) {
    ImGui::TextWrapped(
        "Your latest changes are not on the disk yet. They are safe in memory, and Innerscape keeps "
        "trying. If the disk is full, freeing some space is enough; please keep Innerscape open until "
        "this note goes away.");
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.90f, 0.80f, 0.72f, 1.0f));
    ImGui::TextWrapped("%s", problem.c_str());
    ImGui::PopStyleColor();
    reserve_top(ImGui::GetWindowHeight() + em * margin_em);
  }
  ImGui::End();
  ImGui::PopStyleColor(2);
}

}  // namespace innerscape::ui
