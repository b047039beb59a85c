// A calm card with a progress bar, above the dock.
#include "ui/progress_card.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/placement.h"

namespace innerscape::ui {

void draw_progress_card(const char* what, float fraction) {
  const float em = ImGui::GetFontSize();
  place_above_bottom(em * 22.0f);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize;
  if (ImGui::Begin("##progress", nullptr, flags)) {
    ImGui::TextUnformatted(what);
    if (fraction >= 0.0f) {
      ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2(-1.0f, 0.0f));
    } else {
      // A soft glow sliding to and fro: something is happening, with no promise of how long.
      const float t = static_cast<float>(ImGui::GetTime());
      const float phase = 0.5f + 0.5f * std::sin(t * 2.0f);
      ImGui::ProgressBar(0.0f, ImVec2(-1.0f, 0.0f), "");
      const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
      const float width = (max.x - min.x) * 0.3f;
      const float x = min.x + (max.x - min.x - width) * phase;
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, min.y), ImVec2(x + width, max.y), ImGui::GetColorU32(ImGuiCol_PlotHistogram),
                                                ImGui::GetStyle().FrameRounding);
    }
    reserve_bottom(ImGui::GetWindowHeight() + em * 0.6f);
  }
  ImGui::End();
}

}  // namespace innerscape::ui
