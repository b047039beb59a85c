// The person's own soothing words: add, reword, reorder, let go; one shown softly in calm moments.
#include "ui/soothing_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/edits.h"

namespace innerscape::ui {

void SoothingPanel::draw(const core::InnerSystem& system, UiActions& actions) {
  if (!open) return;
  if (!dirty) editing = system.soothing;  // follow undo and redo while nothing is being typed
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + em * 3.0f),
                          ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(em * 26.0f, 0.0f), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Soothing words", &open)) {
    ImGui::End();
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Words to come back to when the worry rises. Make them yours: change them, move them, add your own.");
  ImGui::PopStyleColor();

  bool commit = false;
  bool active = false;
  int move_up = -1, remove = -1;
  for (int i = 0; i < static_cast<int>(editing.size()); ++i) {
    ImGui::PushID(i);
    ImGui::SetNextItemWidth(-em * 5.0f);
    ImGui::InputText("##words", &editing[static_cast<std::size_t>(i)]);
    active = active || ImGui::IsItemActive();
    commit = commit || ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    ImGui::BeginDisabled(i == 0);
    if (ImGui::ArrowButton("up", ImGuiDir_Up)) move_up = i;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) remove = i;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Let these words go (Undo brings them back)");
    ImGui::PopID();
  }
  if (move_up > 0) {
    std::swap(editing[static_cast<std::size_t>(move_up)], editing[static_cast<std::size_t>(move_up - 1)]);
    commit = true;
  }
  if (remove >= 0) {
    editing.erase(editing.begin() + remove);
    commit = true;
  }
  if (ImGui::Button("Add words")) {
    editing.emplace_back();
    dirty = true;  // an empty line waits for its words; it is kept only once written
  }
  dirty = dirty || active;
  if (commit) {
    actions.edits.push_back(core::set_soothing(system, editing));
    dirty = false;
  }
  ImGui::End();
}

void draw_soothing_line(const std::vector<std::string>& words, long day) {
  if (words.empty()) return;
  const std::string& line = words[static_cast<std::size_t>((day % static_cast<long>(words.size()) + static_cast<long>(words.size())) %
                                                          static_cast<long>(words.size()))];
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  const ImVec2 size = ImGui::CalcTextSize(line.c_str());
  // At the top, in the open space above the map, clear of the panels and the labels.
  const ImVec2 at(viewport->WorkPos.x + (viewport->WorkSize.x - size.x) * 0.5f, viewport->WorkPos.y + em * 0.9f);
  ImGui::GetBackgroundDrawList()->AddText(at, ImGui::GetColorU32(ImVec4(1.0f, 0.93f, 0.80f, 0.55f)), line.c_str());
}

}  // namespace innerscape::ui
