// The person's own soothing words: add, reword, reorder, let go; one shown softly in calm moments.
#include "ui/soothing_panel.h"

#include <string>
#include <utility>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/edits.h"
#include "ui/text_state.h"

namespace innerscape::ui {

void SoothingPanel::follow(const std::vector<std::string>& words) {
  std::vector<int> ids(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool same = i < editing.size() && i < line_ids.size() && editing[i] == words[i];
    ids[i] = same ? line_ids[i] : next_line_id++;
  }
  editing = words;
  line_ids = std::move(ids);
}

void SoothingPanel::draw(const core::InnerSystem& system, UiActions& actions) {
  if (!open) return;
  if (!dirty || line_ids.size() != editing.size()) follow(system.soothing);  // follow undo and redo while nothing is being typed
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + em * 3.0f),
                          ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.0f));
  // The height follows the lines as they come and go (0 fits it), so Add words never slips out of view.
  ImGui::SetNextWindowSize(ImVec2(width > 0.0f ? width : em * 26.0f, 0.0f), ImGuiCond_Always);
  item_rects.clear();
  if (!ImGui::Begin("Soothing words", &open)) {
    ImGui::End();
    return;
  }
  width = ImGui::GetWindowWidth();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Words to come back to when the worry rises. Make them yours: change them, move them, add your own.");
  ImGui::PopStyleColor();

  bool commit = false;
  bool active = false;
  int move_up = -1, remove = -1;
  for (int i = 0; i < static_cast<int>(editing.size()); ++i) {
    ImGui::PushID(line_ids[static_cast<std::size_t>(i)]);
    ImGui::SetNextItemWidth(-em * 5.0f);
    if (focus_new_line && i + 1 == static_cast<int>(editing.size())) {
      ImGui::SetKeyboardFocusHere();
      focus_new_line = false;
    }
    forget_stale_text_state("##words");
    ImGui::InputText("##words", &editing[static_cast<std::size_t>(i)]);
    item_rects.remember(("line " + std::to_string(i)).c_str());
    active = active || ImGui::IsItemActive();
    commit = commit || ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    ImGui::BeginDisabled(i == 0);
    if (ImGui::ArrowButton("up", ImGuiDir_Up)) move_up = i;
    item_rects.remember(("up " + std::to_string(i)).c_str());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) remove = i;
    item_rects.remember(("let go " + std::to_string(i)).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Let these words go (Undo brings them back)");
    ImGui::PopID();
  }
  if (move_up > 0) {
    const auto up = static_cast<std::size_t>(move_up);
    std::swap(editing[up], editing[up - 1]);
    std::swap(line_ids[up], line_ids[up - 1]);
    commit = true;
  }
  if (remove >= 0) {
    editing.erase(editing.begin() + remove);
    line_ids.erase(line_ids.begin() + remove);
    commit = true;
  }
  if (ImGui::Button("Add words")) {
    editing.emplace_back();
    line_ids.push_back(next_line_id++);
    focus_new_line = true;
    dirty = true;  // an empty line waits for its words; it is kept only once written
  }
  item_rects.remember("Add words");
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
