// The day under a time-lapse video's frames: quiet words low on the left, over the scene.
#include "ui/film_caption.h"

#include <imgui.h>

namespace innerscape::ui {

void draw_film_caption(const std::string& text, ScreenSpace& space) {
  if (text.empty()) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  const ImVec2 at(viewport->WorkPos.x + em * 1.2f, viewport->WorkPos.y + viewport->WorkSize.y - em * 2.2f);
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  draw->AddText(ImVec2(at.x + 1.0f, at.y + 1.0f), ImGui::GetColorU32(ImVec4(0.02f, 0.02f, 0.06f, 0.45f)), text.c_str());
  draw->AddText(at, ImGui::GetColorU32(ImVec4(1.0f, 0.93f, 0.80f, 0.72f)), text.c_str());
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  space.add(text, glm::vec4(at.x, at.y, at.x + size.x + 1.0f, at.y + size.y + 1.0f));
}

}  // namespace innerscape::ui
