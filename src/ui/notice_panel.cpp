// A short, gentle word low on the screen (a part blending with the Self, say), above the dock, until dismissed.
#include "ui/notice_panel.h"

#include <imgui.h>

#include "ui/keyboard_focus.h"
#include "ui/placement.h"

namespace innerscape::ui {

void NoticePanel::draw(std::uint64_t revision, Actions& actions) {
  if (text.empty()) return;
  const float em = ImGui::GetFontSize();
  place_above_bottom(em * 26.0f);  // just above the dock, in a strip the panels keep above
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                                     ImGuiWindowFlags_NoMove;
  item_rects.clear();
  if (ImGui::Begin("##notice", nullptr, flags)) {
    belongs_to_view();
    ImGui::TextWrapped("%s", text.c_str());
    if (undo_revision != 0 && undo_revision == revision && text == undo_text) {
      if (ImGui::SmallButton("Undo")) {
        actions.push(act::Undo{});
        text.clear();
      }
      item_rects.remember("Undo");
      ImGui::SameLine();
    }
    if (ImGui::SmallButton("Thank you")) text.clear();
    item_rects.remember("Thank you");
    reserve_bottom(ImGui::GetWindowHeight() + em * 0.6f);
  }
  ImGui::End();
}

}  // namespace innerscape::ui
