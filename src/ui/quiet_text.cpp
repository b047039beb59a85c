// A quiet line that wraps at the panel's width.
#include "ui/quiet_text.h"

#include <imgui.h>

namespace innerscape::ui {

void quiet_text(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

}  // namespace innerscape::ui
