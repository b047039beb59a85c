// When the data file was damaged: what happened, and the other backups to choose instead.
#include "ui/restore_dialog.h"

#include <imgui.h>

namespace innerscape::ui {

void RestoreDialog::draw(Actions& actions) {
  item_rects.clear();
  if (told.empty()) return;
  constexpr const char* id = "Your map's file was damaged";
  if (pending) {
    ImGui::OpenPopup(id);
    pending = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0f, 0.0f));
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::TextWrapped("%s", told.c_str());
  if (!others.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("If another backup suits you better, you can bring your map back from it instead:");
    for (std::size_t i = 0; i < others.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      const bool chosen = ImGui::SmallButton("Use this one");
      item_rects.remember(("Use backup " + std::to_string(i + 1)).c_str());
      if (chosen) {
        actions.push(act::RestoreBackup{static_cast<int>(i) + 1});
        told.clear();
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      ImGui::TextWrapped("%s", others[i].c_str());
      ImGui::PopID();
    }
  }
  ImGui::Spacing();
  if (ImGui::Button("Keep this map")) {
    told.clear();
    ImGui::CloseCurrentPopup();
  }
  item_rects.remember("Keep this map");
  ImGui::EndPopup();
}

}  // namespace innerscape::ui
