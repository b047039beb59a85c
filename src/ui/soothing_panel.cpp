// The person's own soothing words: add, reword, reorder, let go; one shown softly in calm moments.
#include "ui/soothing_panel.h"

#include <algorithm>
#include <string>
#include <utility>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/edits.h"
#include "ui/placement.h"
#include "ui/text_fit.h"
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

void SoothingPanel::draw(const core::InnerSystem& system, Actions& actions) {
  if (!open) return;
  if (!dirty || line_ids.size() != editing.size()) follow(system.soothing);  // follow undo and redo while nothing is being typed
  const float em = ImGui::GetFontSize();
  item_rects.clear();
  // On the left, where the welcome was: a page being written keeps the middle.
  window("Soothing words", {Side::left, em * 24.0f}, 0, [&] { draw_content(system, actions); });
}

void SoothingPanel::draw_content(const core::InnerSystem& system, Actions& actions) {
  const float em = ImGui::GetFontSize();
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
    actions.push(act::Edit{core::set_soothing(system, editing)});
    dirty = false;
  }
}

void draw_soothing_line(const std::vector<std::string>& words, long day, ScreenSpace& space) {
  if (words.empty()) return;
  const std::string& line = words[static_cast<std::size_t>((day % static_cast<long>(words.size()) + static_cast<long>(words.size())) %
                                                          static_cast<long>(words.size()))];
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  // At the top, in the open space above the map, between the panels: in the middle of the widest
  // gap they leave, shortened to fit it; where no gap is wide enough, not today.
  const float top = viewport->WorkPos.y + em * 0.9f;
  const float height = ImGui::GetTextLineHeight();
  std::vector<std::pair<float, float>> taken;
  for (const ScreenRect& p : space.panels) {
    if (p.rect.y < top + height && top < p.rect.w) taken.emplace_back(p.rect.x, p.rect.z);
  }
  std::sort(taken.begin(), taken.end());
  const float gap = em * margin_em;
  float from = viewport->WorkPos.x + gap, best_from = 0.0f, best_to = 0.0f;
  for (const auto& [a, b] : taken) {
    if (a - gap - from > best_to - best_from) best_from = from, best_to = a - gap;
    from = std::max(from, b + gap);
  }
  const float right = viewport->WorkPos.x + viewport->WorkSize.x - gap;
  if (right - from > best_to - best_from) best_from = from, best_to = right;
  if (best_to - best_from < em * 8.0f) return;
  const std::string shown = fit_text(line, best_to - best_from);
  const ImVec2 size = ImGui::CalcTextSize(shown.c_str());
  const ImVec2 at((best_from + best_to - size.x) * 0.5f, top);
  const glm::vec4 rect(at.x, at.y, at.x + size.x, at.y + size.y);
  if (!space.free(rect, glm::vec4(viewport->Pos.x, viewport->Pos.y, viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y))) return;
  ImGui::GetBackgroundDrawList()->AddText(at, ImGui::GetColorU32(ImVec4(1.0f, 0.93f, 0.80f, 0.55f)), shown.c_str());
  space.add(shown, rect);
}

}  // namespace innerscape::ui
