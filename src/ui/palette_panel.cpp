// The parts palette: the guide's archetypes by kind, and a blank part of each kind, ready to place.
#include "ui/palette_panel.h"

#include "ui/placement.h"
#include "ui/theme.h"

#include <imgui.h>
#include <imgui_internal.h>  // SetFocusID: a Selectable is not a tab stop in ImGui 1.86

#include <utility>

#include "core/archetypes.h"

namespace innerscape::ui {
namespace {

constexpr const char* kind_intro[core::part_kind_count] = {
    "Planners and guardians: they try to keep hurt from ever happening.",
    "Quick responders: when the hurt arrives, they rush to put it out.",
    "Younger parts who carry old pain, often kept out of sight.",
};

ImVec4 kind_tint(core::PartKind kind) {
  const std::uint32_t c = core::kind_color(kind);
  ImVec4 tint(static_cast<float>((c >> 16) & 0xFF) / 255.0f, static_cast<float>((c >> 8) & 0xFF) / 255.0f,
              static_cast<float>(c & 0xFF) / 255.0f, 1.0f);
  // On a light theme (dark ink) the bright kind colours would not read: they lean toward the ink.
  const ImVec4 ink = ImGui::GetStyle().Colors[ImGuiCol_Text];
  if (ink.x + ink.y + ink.z < 1.5f) {
    constexpr float k = 0.5f;
    tint = ImVec4(tint.x * (1.0f - k) + ink.x * k, tint.y * (1.0f - k) + ink.y * k, tint.z * (1.0f - k) + ink.z * k, 1.0f);
  }
  return tint;
}

// A click hides ImGui's keyboard cursor before the item reports it; Space or Enter leaves it shown.
bool chosen_with_keyboard() { return !ImGui::GetCurrentContext()->NavDisableHighlight; }

}  // namespace

void PalettePanel::draw(const char* title, const PaletteView& view, Actions& actions) {
  item_rects.clear();
  if (!open) return;
  const float em = ImGui::GetFontSize();
  // `focus`: N; opened otherwise, it leaves the keyboard with the map. It is asked again until the
  // keyboard has landed on the first entry (draw_content).
  const bool asked_focus = focus;
  if (!window(title, {Side::right, em * 17.0f}, ImGuiWindowFlags_NoFocusOnAppearing,
              [&] { draw_content(view, asked_focus, actions); }) &&
      asked_focus) {
    focus = true;  // waiting for room, or folded: the keyboard is still to come
  }
}

void PalettePanel::draw_content(const PaletteView& view, bool asked_focus, Actions& actions) {
  const float em = ImGui::GetFontSize();
  // A window reopening lays out its tabs in its first frame: the keyboard lands once they are there.
  const bool take_focus = asked_focus && !ImGui::IsWindowAppearing();
  if (asked_focus && !take_focus) focus = true;

  if (view.placing) {
    ImGui::TextColored(accent_text(), "Click in the space where it lives.");
    if (ImGui::SmallButton("Not now")) actions.push(act::CancelPlacing{});
    // The palette keeps the keyboard after a part is chosen: Esc lets go here, as on the map.
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
      actions.push(act::CancelPlacing{});
    }
    ImGui::Separator();
  } else {
    ImGui::TextWrapped("Choose a part, then click where it lives.");
  }

  if (ImGui::BeginTabBar("kinds")) {
    for (int k = 0; k < core::part_kind_count; ++k) {
      const auto kind = static_cast<core::PartKind>(k);
      const std::string tab(core::kind_plural(kind));
      ImGui::PushStyleColor(ImGuiCol_Text, kind_tint(kind));
      const bool selected = ImGui::BeginTabItem(tab.c_str());
      ImGui::PopStyleColor();
      item_rects.remember(tab.c_str());
      if (!selected) continue;
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", kind_intro[k]);
      ImGui::PopStyleColor();
      ImGui::Spacing();
      bool first = true;
      for (const core::Archetype& a : core::archetypes()) {
        if (a.kind != kind) continue;
        const std::string label(a.name);
        if (ImGui::Selectable(label.c_str())) {
          actions.push(act::StartPlacing{.part = core::part_from_archetype(a, {}), .by_keyboard = chosen_with_keyboard()});
        }
        if (take_focus && std::exchange(first, false)) {
          // The keyboard lands on the list, its cursor shown: arrows walk it, Enter or Space chooses.
          ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
          ImGui::GetCurrentContext()->NavDisableHighlight = false;
          ImGui::GetCurrentContext()->NavDisableMouseHover = true;
        }
        item_rects.remember(label.c_str());
        if (ImGui::IsItemHovered()) {
          ImGui::BeginTooltip();
          ImGui::PushTextWrapPos(em * 20.0f);
          ImGui::TextUnformatted(a.description.data(), a.description.data() + a.description.size());
          ImGui::PopTextWrapPos();
          ImGui::EndTooltip();
        }
      }
      const std::string blank = "A new " + std::string(core::kind_name(kind)) + ", named freely";
      if (ImGui::Selectable(blank.c_str())) {
        core::Part part = core::blank_part(kind, {});
        part.name.clear();  // named in place; an empty name becomes a gentle placeholder
        actions.push(act::StartPlacing{.part = part, .by_keyboard = chosen_with_keyboard()});
      }
      item_rects.remember(blank.c_str());
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace innerscape::ui
