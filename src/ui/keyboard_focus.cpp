// Who has the keyboard: a text field, a page or panel, or the view itself (the map, or the canvas).
#include "ui/keyboard_focus.h"

#include <imgui.h>
#include <imgui_internal.h>  // the focused window, its storage, and focusing nothing

#include "ui/text_state.h"

namespace innerscape::ui {
namespace {

// Kept in the window's own storage, so the mark lives and dies with the window.
ImGuiID view_key() { return ImHashStr("innerscape: part of the view"); }

}  // namespace

void belongs_to_view() { ImGui::GetStateStorage()->SetBool(view_key(), true); }

KeyFocus keyboard_focus() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (g == nullptr) return KeyFocus::view;
  // A field given the keyboard by ImGui's navigation (a part named right after choosing it with
  // Space) is active without WantTextInput in 1.86: an active text field counts as typing too.
  if (g->IO.WantTextInput || text_field_active()) return KeyFocus::field;
  const ImGuiWindow* focused = g->NavWindow;
  if (focused == nullptr || focused->RootWindow->StateStorage.GetBool(view_key())) return KeyFocus::view;
  return KeyFocus::panel;
}

bool keyboard_on_its_way() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (g == nullptr) return false;
  const bool focus_asked = g->NavMoveSubmitted && (g->NavMoveFlags & ImGuiNavMoveFlags_FocusApi) != 0;
  return focus_asked || g->NavNextActivateId != 0 || g->NavActivateInputId != 0;
}

void settle_keyboard_focus() {
  ImGuiContext* g = ImGui::GetCurrentContext();
  if (g == nullptr || g->NavWindow == nullptr || g->NavWindow->Active || g->OpenPopupStack.Size > 0) return;
  ImGuiWindow* root = g->NavWindow->RootWindow;
  ImGui::FocusWindow(root != nullptr && root->Active ? root : nullptr);
}

}  // namespace innerscape::ui
