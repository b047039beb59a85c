// Naming a part right where it was placed: a small text field under it, focused, Enter to keep.
#include "ui/name_field.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/edits.h"
#include "ui/text_state.h"

namespace innerscape::ui {

void NameField::open(const core::Part& p, bool placed) {
  part = p.id;
  text = p.name == core::placeholder_name(p.kind) ? std::string() : p.name;
  focus = true;
  just_placed = placed;
}

void NameField::draw(const core::InnerSystem& system, glm::vec2 at, std::int64_t now, Actions& actions) {
  if (part == 0) return;
  if (core::find_part(system, part) == nullptr) {  // undone or deleted meanwhile
    part = 0;
    return;
  }
  const float em = ImGui::GetFontSize();
  const float width = em * 12.0f;
  ImGui::SetNextWindowPos(ImVec2(at.x, at.y), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove;
  if (focus) ImGui::SetNextWindowFocus();  // a part chosen with the keyboard: the palette still holds it
  ImGui::Begin("##name_in_place", nullptr, flags);
  ImGui::TextDisabled("What would you like to call it?");
  if (focus) {
    ImGui::SetKeyboardFocusHere();
    focus = false;
  }
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::PushID(static_cast<int>(part));  // each part's name is a field of its own
  forget_stale_text_state("##name");
  const bool enter = ImGui::InputText("##name", &text, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  const bool left = ImGui::IsItemDeactivated();
  ImGui::PopID();
  // Enter keeps the name; so does clicking elsewhere, so nothing typed is lost. Esc lets go: a part
  // placed a moment ago is not kept after all, and a part being renamed keeps the name it had.
  const bool escaped = left && !enter && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (escaped && just_placed) {
    actions.push(act::TakeBackPart{part});
    part = 0;
  } else if (escaped) {
    part = 0;
  } else if (enter || left) {
    actions.push(act::Edit{core::rename_part(system, part, text, now)});
    part = 0;
  }
  ImGui::End();
}

}  // namespace innerscape::ui
