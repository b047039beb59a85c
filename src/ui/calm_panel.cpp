// Calm mode: the breath, the person's soothing words, and two gentle questions.
#include "ui/calm_panel.h"

#include "ui/placement.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/edits.h"
#include "ui/text_state.h"

namespace innerscape::ui {

void CalmPanel::draw(const core::InnerSystem& system, std::int64_t now, UiActions& actions) {
  item_rects.clear();
  if (!open) return;
  const float em = ImGui::GetFontSize();
  place_at_top(Side::left);
  ImGui::SetNextWindowSize(ImVec2(em * 20.0f, 0.0f), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Here, now", &open, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped("You are here, and you are safe enough to breathe. Follow the light in the middle: in as it grows, out as it softens.");
  if (!system.soothing.empty()) {
    ImGui::Spacing();
    for (const std::string& words : system.soothing) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.90f, 0.72f, 0.95f));
      ImGui::TextWrapped("%s", words.c_str());
      ImGui::PopStyleColor();
    }
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextWrapped("What part of me is feeling this right now?");
  ImGui::SetNextItemWidth(-1.0f);
  forget_stale_text_state("##which");
  ImGui::InputTextMultiline("##which", &which_part, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 2.6f));
  item_rects.remember("which part");
  ImGui::TextWrapped("What does it need, to feel safe?");
  forget_stale_text_state("##needs");
  ImGui::InputTextMultiline("##needs", &needs, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 2.6f));
  item_rects.remember("needs");
  ImGui::Spacing();
  ImGui::BeginDisabled(which_part.empty() && needs.empty());
  if (ImGui::Button("Keep this as a journal page")) {
    core::Entry page{.type = core::EntryType::trigger};
    if (!which_part.empty()) page.answers.set_text("what_happened", "In a hard moment, the part that felt it: " + which_part);
    if (!needs.empty()) page.answers.set_text("soothe_next_time", needs);
    actions.edits.push_back(core::add_entry(system, std::move(page), now));
    which_part.clear();
    needs.clear();
  }
  item_rects.remember("Keep this as a journal page");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("I feel steadier")) open = false;
  ImGui::End();
}

}  // namespace innerscape::ui
