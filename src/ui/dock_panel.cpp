// A small, quiet bar in the corner: undo and redo, arranging, a picture of the map, and the view.
#include "ui/dock_panel.h"

#include "ui/keyboard_focus.h"
#include "ui/placement.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/text_state.h"
#include "ui/undo_buttons.h"

namespace innerscape::ui {
namespace {

// The dock is one row while it fits the screen; at a large UI scale it wraps, so no button is ever
// out of reach (Settings is how the scale is made smaller again).
void next_in_row(const char* next_label, int buttons = 1) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float right = viewport->WorkPos.x + viewport->WorkSize.x - ImGui::GetFontSize() * 1.2f - style.WindowPadding.x;
  const float width = ImGui::CalcTextSize(next_label, nullptr, true).x +
                      static_cast<float>(buttons) * style.FramePadding.x * 2.0f + static_cast<float>(buttons - 1) * style.ItemSpacing.x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

}  // namespace

void DockPanel::draw(const char* title, const DockView& view, Actions& actions) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  // The whole screen, not the work area: the work area ends above the dock.
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + em * margin_em, viewport->Pos.y + viewport->Size.y - em * margin_em),
                          ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowBgAlpha(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w * 0.67f);  // quieter than a panel: 0.55 in the dark theme
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                     ImGuiWindowFlags_NoMove;
  item_rects.clear();
  if (!ImGui::Begin(title, nullptr, flags)) {
    ImGui::End();
    return;
  }
  belongs_to_view();  // the map's own buttons: after a click here the map keeps its keys
  // Calm first: the quickest way to the breath, in a hard moment.
  if (ImGui::Button("Calm")) actions.push(act::Calm{});
  item_rects.remember("Calm");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Breathe, soothing words, two gentle questions (F2)");
  next_in_row("UndoRedo", 2);
  undo_redo_buttons(view.undo_label, view.redo_label, actions, item_rects);
  next_in_row("Arrange");
  if (ImGui::Button("Arrange")) actions.push(act::Arrange{});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Exiles close to the Self, their protectors around them");
  next_in_row("Show everything");
  if (ImGui::Button("Show everything")) actions.push(act::FrameAll{});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Frame the Self and all the parts (Home)");
  next_in_row("Save a picture");
  if (ImGui::Button("Save a picture")) {
    if (picture_path.empty()) picture_path = view.default_picture_path;
    ImGui::OpenPopup("save_picture");
  }
  item_rects.remember("Save a picture");
  next_in_row(view.journal_open ? "Hide journal" : "Journal");
  if (ImGui::Button(view.journal_open ? "Hide journal" : "Journal")) actions.push(act::ToggleJournal{});
  item_rects.remember("Journal");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+J; search with Ctrl+F");
  next_in_row("Breathe");
  if (ImGui::Button("Breathe")) actions.push(act::ToggleBreathing{});
  item_rects.remember("Breathe");
  next_in_row("Draw");
  if (ImGui::Button("Draw")) actions.push(act::ToggleCanvas{});
  item_rects.remember("Draw");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A canvas for drawing your parts, or anything at all");
  next_in_row("Over time");
  if (ImGui::Button("Over time")) actions.push(act::ToggleTimeline{});
  item_rects.remember("Over time");
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(view.timeline_open ? "Close the timeline and come back to today (Ctrl+T)"
                                         : "Your map on any day so far, and a time-lapse of how it changed (Ctrl+T)");
  }
  next_in_row("Soothing words");
  if (ImGui::Button("Soothing words")) actions.push(act::ToggleSoothing{});
  item_rects.remember("Soothing words");
  next_in_row(view.palette_open ? "Hide parts" : "Parts");
  if (ImGui::Button(view.palette_open ? "Hide parts" : "Parts")) actions.push(act::TogglePalette{});
  next_in_row(view.welcome_open ? "Hide welcome" : "Welcome");
  if (ImGui::Button(view.welcome_open ? "Hide welcome" : "Welcome")) actions.push(act::ToggleWelcome{});
  next_in_row("Settings");
  if (ImGui::Button("Settings")) actions.push(act::ToggleSettings{});
  item_rects.remember("Settings");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Size, colours, full screen, motion, sound and privacy");

  if (ImGui::BeginPopup("save_picture")) {
    ImGui::TextUnformatted("Save the map as a PNG picture:");
    ImGui::SetNextItemWidth(em * 24.0f);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    forget_stale_text_state("##path");
    const bool enter =
        ImGui::InputText("##path", &picture_path, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::Button("Save") || enter) {
      actions.push(act::SavePicture{picture_path});
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  reserve_bottom(ImGui::GetWindowHeight() + em * margin_em);  // panels keep above it
  ImGui::End();
}

}  // namespace innerscape::ui
