// Calm mode: the breath, the person's soothing words, and two gentle questions.
#include "ui/calm_panel.h"

#include "ui/panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/edits.h"
#include "ui/wrapped_field.h"

namespace innerscape::ui {

void CalmPanel::draw(const core::InnerSystem& system, std::string_view crisis_contact, std::int64_t now, Actions& actions) {
  item_rects.clear();
  if (!open) return;
  const bool was_open = open;
  const float em = ImGui::GetFontSize();
  window("Here, now", {Side::left, em * 20.0f}, ImGuiWindowFlags_AlwaysAutoResize,
         [&] { draw_content(system, crisis_contact, now, actions); });
  if (was_open && !open) actions.push(act::EndCalm{});  // I feel steadier, or the window's own close
}

void CalmPanel::draw_content(const core::InnerSystem& system, std::string_view crisis_contact, std::int64_t now, Actions& actions) {
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
  wrapped_text_field("##which", &which_part, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 2.6f));
  item_rects.remember("which part");
  ImGui::TextWrapped("What does it need, to feel safe?");
  wrapped_text_field("##needs", &needs, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 2.6f));
  item_rects.remember("needs");
  ImGui::Spacing();
  ImGui::BeginDisabled(which_part.empty() && needs.empty());
  if (ImGui::Button("Keep this as a journal page")) {
    core::Entry page{.type = core::EntryType::trigger};
    if (!which_part.empty()) page.answers.set_text("what_happened", "In a hard moment, the part that felt it: " + which_part);
    if (!needs.empty()) page.answers.set_text("soothe_next_time", needs);
    actions.push(act::Edit{core::add_entry(system, std::move(page), now)});
    which_part.clear();
    needs.clear();
  }
  item_rects.remember("Keep this as a journal page");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("I feel steadier")) open = false;
  item_rects.remember("I feel steadier");

  // Where help is, for a moment that is more than a breath can hold.
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("If you might not be safe, please reach out to a person now: your local emergency number, or a crisis "
                     "line where you live. Innerscape keeps you company in practice; it is not therapy or emergency care.");
  if (crisis_contact.empty()) ImGui::TextWrapped("You can keep a number here for hard moments: Settings, Help.");
  ImGui::PopStyleColor();
  if (!crisis_contact.empty()) {
    ImGui::TextWrapped("Your contact for hard moments: %.*s", static_cast<int>(crisis_contact.size()), crisis_contact.data());
    item_rects.remember("crisis contact");
  }
}

}  // namespace innerscape::ui
