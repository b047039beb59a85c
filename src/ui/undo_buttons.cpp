// Undo and redo as two buttons, with what each would do in their tooltips.
#include "ui/undo_buttons.h"

#include <imgui.h>

namespace innerscape::ui {

void undo_redo_buttons(const std::string& undo_label, const std::string& redo_label, Actions& actions, ItemRects& rects) {
  ImGui::BeginDisabled(undo_label.empty());
  if (ImGui::Button("Undo")) actions.push(act::Undo{});
  ImGui::EndDisabled();
  rects.remember("Undo");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && !undo_label.empty()) {
    ImGui::SetTooltip("Undo %s (Ctrl+Z)", undo_label.c_str());
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(redo_label.empty());
  if (ImGui::Button("Redo")) actions.push(act::Redo{});
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && !redo_label.empty()) {
    ImGui::SetTooltip("Redo %s (Ctrl+Shift+Z)", redo_label.c_str());
  }
}

}  // namespace innerscape::ui
