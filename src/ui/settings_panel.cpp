// Settings: display, motion, sound and privacy, each a short section of plain choices.
#include "ui/settings_panel.h"

#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/placement.h"
#include "ui/quiet_text.h"

namespace innerscape::ui {
namespace {

// One tab of the panel; its label is remembered as "tab NAME". Short tabs keep the panel on screen at any scale.
bool section(const char* name, ItemRects& item_rects) {
  const bool shown = ImGui::BeginTabItem(name);
  item_rects.remember((std::string("tab ") + name).c_str());
  if (shown) ImGui::Spacing();
  return shown;
}

}  // namespace

void SettingsPanel::draw(const core::Settings& settings, bool privacy_open, bool fullscreen, Actions& actions) {
  item_rects.clear();
  if (!open) return;
  const float em = ImGui::GetFontSize();
  window("Settings", {Side::right, em * 22.0f}, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize,
         [&] { draw_content(settings, privacy_open, fullscreen, actions); });
}

void SettingsPanel::draw_content(const core::Settings& settings, bool privacy_open, bool fullscreen, Actions& actions) {
  const float em = ImGui::GetFontSize();
  // Never taller than the work area, the screen above the dock: the last sections scroll into view.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  // A bigger scale grows the panel: it is brought back on screen, so nothing of it is out of reach.
  const ImVec2 pos = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  const float right = viewport->WorkPos.x + viewport->WorkSize.x - em * margin_em;
  if (pos.x + size.x > right) ImGui::SetWindowPos(ImVec2(std::max(viewport->WorkPos.x, right - size.x), pos.y));

  if (!ImGui::BeginTabBar("settings sections")) return;
  if (section("Display", item_rects)) {
    ImGui::TextUnformatted("Size of everything");
    for (int percent : scale_choices) {
      const std::string label = std::to_string(percent) + " %";
      if (percent != scale_choices[0] && percent != scale_choices[3]) ImGui::SameLine();  // two rows of three
      if (ImGui::RadioButton(label.c_str(), settings.ui_scale_percent == percent)) actions.push(act::UiScalePercent{percent});
      item_rects.remember(("scale " + std::to_string(percent)).c_str());
  }
  ImGui::TextUnformatted("Text size");
  if (!font_px_held) font_px_edit = settings.font_px;
  ImGui::SetNextItemWidth(em * 12.0f);
  // Applied when the slider is let go: each size means the letters are drawn again.
  ImGui::SliderInt("##font px", &font_px_edit, core::min_font_px, core::max_font_px, "%d px");
  font_px_held = ImGui::IsItemActive();
  if (ImGui::IsItemDeactivatedAfterEdit()) actions.push(act::FontPx{font_px_edit});
  item_rects.remember("font px");
  ImGui::SameLine();
  if (ImGui::Button("Usual size")) {
    actions.push(act::FontPx{core::default_font_px});
    actions.push(act::UiScalePercent{100});
  }
  item_rects.remember("Usual size");
  ImGui::TextUnformatted("Colours");
  if (ImGui::RadioButton("Calm dark", settings.theme == core::Theme::calm_dark)) actions.push(act::Theme{core::Theme::calm_dark});
  item_rects.remember("Calm dark");
  ImGui::SameLine();
  if (ImGui::RadioButton("Light", settings.theme == core::Theme::light)) actions.push(act::Theme{core::Theme::light});
  item_rects.remember("Light");
  quiet_text("The space itself stays the same night sky.");
  bool whole_screen = fullscreen;
  if (ImGui::Checkbox("Full screen", &whole_screen)) actions.push(act::ToggleFullscreen{});
  item_rects.remember("Full screen");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("F11 does this too");
  ImGui::EndTabItem();
  }

  if (section("Motion", item_rects)) {
    bool motion = settings.ambient_motion;
    if (ImGui::Checkbox("Let the scene move", &motion)) actions.push(act::AmbientMotion{motion});
    item_rects.remember("Let the scene move");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off keeps everything still, for comfort.");
    ImGui::BeginDisabled(!motion);
    bool always = settings.ambient_always;
    if (ImGui::Checkbox("Keep moving while I rest", &always)) actions.push(act::AmbientAlways{always});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("When off, the scene grows still after a while without input, which saves power.");
    ImGui::EndDisabled();
    ImGui::EndTabItem();
  }

  if (section("Sound", item_rects)) {
    bool tones = settings.tones;
    if (ImGui::Checkbox("Soft tones in the breathing guide", &tones)) actions.push(act::Tones{tones});
    item_rects.remember("tones");
    ImGui::BeginDisabled(!tones);
    int volume = settings.volume;
    ImGui::SetNextItemWidth(em * 12.0f);
    if (ImGui::SliderInt("##volume", &volume, 0, 100, "volume %d%%")) actions.push(act::Volume{volume});
    ImGui::EndDisabled();
    ImGui::EndTabItem();
  }

  if (section("Help", item_rects)) {
    ImGui::TextWrapped("Innerscape is a companion for your own practice. It is not therapy, and it cannot help in an emergency.");
    ImGui::Spacing();
    ImGui::TextWrapped("Someone to reach in a hard moment: a crisis line where you live, or a person you trust. Calm mode (F2) "
                       "shows it.");
    if (!crisis_held) crisis_edit = settings.crisis_contact;
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##crisis contact", "A name and a number", &crisis_edit);
    crisis_held = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivated() && crisis_edit != settings.crisis_contact) actions.push(act::CrisisContact{crisis_edit});
    item_rects.remember("crisis contact");
    ImGui::EndTabItem();
  }

  if (section("Privacy", item_rects)) {
    ImGui::TextWrapped("Everything you make here stays on this computer. Nothing is ever sent anywhere.");
    if (ImGui::Button(privacy_open ? "Hide privacy and the lock" : "Privacy and the lock")) actions.push(act::TogglePrivacy{});
    item_rects.remember("Privacy");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lock Innerscape with a passphrase, or change how soon it locks itself.");
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace innerscape::ui
