// Keeps Dear ImGui 1.86's one text-editing state honest: no field inherits another text's undo steps.
#include "ui/text_state.h"

#include <imgui.h>
#include <imgui_internal.h>  // the text-editing state and the active item live in the context

namespace innerscape::ui {

void forget_stale_text_state(const char* label) {
  ImGuiContext& g = *GImGui;
  const ImGuiID id = ImGui::GetID(label);
  // An id of 0 makes the next activation initialise afresh (ImGui recycles only a state with its id).
  if (g.InputTextState.ID == id && g.ActiveId != id) g.InputTextState.ID = 0;
}

bool text_field_active() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  return g != nullptr && g->ActiveId != 0 && g->ActiveId == g->InputTextState.ID;
}

void end_text_edit() {
  if (text_field_active()) ImGui::ClearActiveID();
}

}  // namespace innerscape::ui
