// Keeps Dear ImGui 1.86's one text-editing state honest: no field inherits another text's undo steps.
#include "ui/text_state.h"

#include <imgui.h>
#include <imgui_internal.h>  // the text-editing state and the active item live in the context

namespace innerscape::ui {

void forget_stale_text_state(const char* label) {
  ImGuiContext& g = *GImGui;
  const ImGuiID id = ImGui::GetID(label);
  ImGuiInputTextState& state = g.InputTextState;
  // An id of 0 makes the next activation initialise afresh (ImGui recycles only a state with its id).
  if (state.ID == id && g.ActiveId != id) state.ID = 0;
  // Esc in a field: ImGui 1.86 puts back the words the field held when it was clicked, dropping all
  // that was typed since. A person's words are never dropped: the words now become the ones Esc
  // goes back to, so Esc only ends the edit.
  if (state.ID == id && g.ActiveId == id && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    const int bytes = ImTextCountUtf8BytesFromStr(state.TextW.Data, state.TextW.Data + state.CurLenW) + 1;
    state.InitialTextA.resize(bytes);
    ImTextStrToUtf8(state.InitialTextA.Data, bytes, state.TextW.Data, state.TextW.Data + state.CurLenW);
  }
}

bool text_field_active() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  return g != nullptr && g->ActiveId != 0 && g->ActiveId == g->InputTextState.ID;
}

void end_text_edit() {
  if (text_field_active()) ImGui::ClearActiveID();
}

}  // namespace innerscape::ui
