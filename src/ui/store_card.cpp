// The calm card shown while the map cannot be opened, with Try again.
#include "ui/store_card.h"

#include <imgui.h>

namespace innerscape::ui {

void StoreCard::draw(Actions& actions) {
  item_rects.clear();
  if (text.empty()) return;
  constexpr const char* id = "Your map is waiting";
  if (pending || !ImGui::IsPopupOpen(id)) {
    ImGui::OpenPopup(id);
    pending = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28.0f, 0.0f));
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::Spacing();
  if (ImGui::Button("Try again")) actions.push(act::RetryStore{});
  item_rects.remember("Try again");
  ImGui::EndPopup();
}

}  // namespace innerscape::ui
