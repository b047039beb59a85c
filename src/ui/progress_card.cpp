// A calm card with a progress bar, above the dock.
#include "ui/progress_card.h"

#include <algorithm>

#include <imgui.h>

namespace innerscape::ui {

void draw_progress_card(const char* what, float fraction) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y - em * 5.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(std::min(em * 22.0f, viewport->WorkSize.x - em * 2.0f), 0.0f));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize;
  if (ImGui::Begin("##progress", nullptr, flags)) {
    ImGui::TextUnformatted(what);
    ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2(-1.0f, 0.0f));
  }
  ImGui::End();
}

}  // namespace innerscape::ui
