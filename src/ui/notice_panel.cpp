// A short, gentle word at the bottom of the screen (a part blending with the Self, say), until dismissed.
#include "ui/notice_panel.h"

#include <imgui.h>

#include "ui/keyboard_focus.h"

namespace innerscape::ui {

void NoticePanel::draw(std::uint64_t revision, UiActions& actions) {
  if (text.empty()) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y - em * 0.6f),  // just above the dock
                          ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(em * 26.0f, 0.0f));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing;
  item_rects.clear();
  if (ImGui::Begin("##notice", nullptr, flags)) {
    belongs_to_view();
    ImGui::TextWrapped("%s", text.c_str());
    if (undo_revision != 0 && undo_revision == revision && text == undo_text) {
      if (ImGui::SmallButton("Undo")) {
        ++actions.undo;
        text.clear();
      }
      item_rects.remember("Undo");
      ImGui::SameLine();
    }
    if (ImGui::SmallButton("Thank you")) text.clear();
    item_rects.remember("Thank you");
  }
  ImGui::End();
}

}  // namespace innerscape::ui
