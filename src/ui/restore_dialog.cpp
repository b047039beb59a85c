// When the data file could not be read: a calm, plain choice between the newest sound backup and a new map.
#include "ui/restore_dialog.h"

#include <imgui.h>

namespace innerscape::ui {

void RestoreDialog::draw(UiActions& actions) {
  item_rects.clear();
  if (backup_name.empty()) return;
  constexpr const char* id = "Your data file could not be read";
  if (pending) {
    ImGui::OpenPopup(id);
    pending = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28.0f, 0.0f));
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::TextWrapped(
      "Your data file was damaged, so it has been set aside, untouched. Nothing in it was changed or "
      "deleted.");
  ImGui::TextWrapped("There is a sound backup, %s. Would you like to bring your map back from it?", backup_name.c_str());
  ImGui::Spacing();
  if (ImGui::Button("Restore the backup")) {
    actions.restore_backup = true;
    backup_name.clear();
    ImGui::CloseCurrentPopup();
  }
  item_rects.remember("Restore the backup");
  ImGui::SameLine();
  if (ImGui::Button("Start with an empty map")) {
    backup_name.clear();
    ImGui::CloseCurrentPopup();
  }
  item_rects.remember("Start with an empty map");
  ImGui::EndPopup();
}

}  // namespace innerscape::ui
