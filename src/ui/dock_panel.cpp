// A small, quiet bar in the corner: undo and redo, arranging, a picture of the map, and the view.
#include "ui/dock_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/undo_buttons.h"

namespace innerscape::ui {

void DockPanel::draw(const char* title, const DockView& view, UiActions& actions) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + em * 1.2f, viewport->WorkPos.y + viewport->WorkSize.y - em * 1.2f),
                          ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.55f);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                     ImGuiWindowFlags_NoMove;
  item_rects.clear();
  if (!ImGui::Begin(title, nullptr, flags)) {
    ImGui::End();
    return;
  }
  // Calm first: the quickest way to the breath, in a hard moment.
  if (ImGui::Button("Calm")) actions.calm = true;
  item_rects.remember("Calm");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Breathe, soothing words, two gentle questions (F2)");
  ImGui::SameLine();
  undo_redo_buttons(view.undo_label, view.redo_label, actions, item_rects);
  ImGui::SameLine();
  if (ImGui::Button("Arrange")) actions.arrange = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Exiles close to the Self, their protectors around them");
  ImGui::SameLine();
  if (ImGui::Button("Show everything")) actions.frame_all = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Frame the Self and all the parts (Home)");
  ImGui::SameLine();
  if (ImGui::Button("Save a picture")) {
    if (picture_path.empty()) picture_path = view.default_picture_path;
    ImGui::OpenPopup("save_picture");
  }
  item_rects.remember("Save a picture");
  ImGui::SameLine();
  if (ImGui::Button(view.journal_open ? "Hide journal" : "Journal")) actions.toggle_journal = true;
  item_rects.remember("Journal");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+J; search with Ctrl+F");
  ImGui::SameLine();
  if (ImGui::Button("Breathe")) actions.toggle_breathing = true;
  item_rects.remember("Breathe");
  ImGui::SameLine();
  if (ImGui::Button("Draw")) actions.toggle_canvas = true;
  item_rects.remember("Draw");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A canvas for drawing your parts, or anything at all");
  ImGui::SameLine();
  if (ImGui::Button("Soothing words")) actions.toggle_soothing = true;
  ImGui::SameLine();
  if (ImGui::Button(view.palette_open ? "Hide parts" : "Parts")) actions.toggle_palette = true;
  ImGui::SameLine();
  if (ImGui::Button(view.welcome_open ? "Hide welcome" : "Welcome")) actions.toggle_welcome = true;
  ImGui::SameLine();
  if (ImGui::Button("Privacy")) actions.toggle_privacy = true;
  item_rects.remember("Privacy");
  ImGui::SameLine();
  if (ImGui::Button(view.fullscreen ? "Leave full screen" : "Full screen")) actions.toggle_fullscreen = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("F11");

  if (ImGui::BeginPopup("save_picture")) {
    ImGui::TextUnformatted("Save the map as a PNG picture:");
    ImGui::SetNextItemWidth(em * 24.0f);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter =
        ImGui::InputText("##path", &picture_path, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::Button("Save") || enter) {
      actions.save_picture = picture_path;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  ImGui::End();
}

}  // namespace innerscape::ui
