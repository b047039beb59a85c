// The F1 sheet: every keyboard shortcut in one calm table, drawn from the same table the keys use.
#include "ui/shortcuts_panel.h"

#include <imgui.h>

#include "ui/fonts.h"
#include "ui/shortcuts.h"

namespace innerscape::ui {

void ShortcutsPanel::draw(const char* title, Actions& actions) {
  if (!open) return;
  (void)actions;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(viewport->GetWorkCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(em * 30.0f, 0.0f), ImGuiCond_Appearing);
  ImGui::SetNextWindowSizeConstraints(ImVec2(em * 16.0f, em * 8.0f), ImVec2(viewport->WorkSize.x * 0.9f, viewport->WorkSize.y * 0.9f));
  window(title, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize, [&] { draw_content(); });
}

void ShortcutsPanel::draw_content() {
  push_heading_font();
  ImGui::TextUnformatted("Keyboard shortcuts");
  pop_heading_font();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted("Everything here works without a mouse. Tab and the arrow keys walk a panel; Space chooses.");
  ImGui::TextUnformatted("While you type, or while a page or panel has the keyboard, the single keys wait,");
  ImGui::TextUnformatted("so your words stay yours. A click on the map gives them back to it.");
  ImGui::PopStyleColor();
  ImGui::Spacing();
  if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX)) {
    ImGui::TableSetupColumn("Key");
    ImGui::TableSetupColumn("What it does", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const Shortcut& s : shortcuts()) {
      if (s.keys[0] == '\0') continue;  // folded into the row before (Ctrl+1 ... Ctrl+8)
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextColored(ImVec4(0.98f, 0.82f, 0.55f, 1.0f), "%s", s.keys);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.what);
    }
    ImGui::EndTable();
  }
  // Esc closes the sheet while it has the keyboard (the scene also hears it, and lets go gently).
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    open = false;
  }
}

}  // namespace innerscape::ui
