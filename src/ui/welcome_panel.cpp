// The first thing a person reads: what this space is, a gentle word on what it is not, and calm settings.
#include "ui/welcome_panel.h"

#include "ui/placement.h"

#include <algorithm>

#include <imgui.h>

#include "ui/fonts.h"
#include "ui/theme.h"

namespace innerscape::ui {

void WelcomePanel::draw(const char* title, const WelcomeView& view, Actions& actions) {
  item_rects.clear();
  if (!open) return;
  const float em = ImGui::GetFontSize();
  // It opens beside the map without taking the keyboard from it.
  window(title, {Side::left, em * 21.0f}, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing,
         [&] { draw_content(view, actions); });
}

void WelcomePanel::draw_content(const WelcomeView& view, Actions& actions) {

  push_heading_font();
  ImGui::TextUnformatted("Welcome in");
  pop_heading_font();
  ImGui::Spacing();
  ImGui::TextWrapped(
      "The light at the centre is your Self: the steady, kind and curious presence that is always "
      "there, even on days when worry hides it.");
  ImGui::TextWrapped(
      "Around it you will gather your parts: the Managers who plan and protect, the Firefighters "
      "who rush in when it hurts, and the Exiles who carry old pain. Every one of them is welcome.");
  if (view.demo) {
    ImGui::Spacing();
    ImGui::TextColored(accent_text(), "This is an example system.");
    ImGui::TextWrapped("Look around freely: nothing here is saved or mixed with your own map.");
  }

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped(
      "Innerscape is a companion for your own reflection, not therapy and not a therapist. If you "
      "are in crisis or may be unsafe, please reach out to your local emergency services now.");
  ImGui::TextWrapped("Everything you make here stays on this computer. Nothing is sent anywhere.");
  ImGui::PopStyleColor();
  if (view.first_run && view.offer_lock) {
    // Only a lock chosen before the first word is written keeps every word off the disk in
    // plaintext: words saved first and locked later can linger where no program can reach them.
    if (ImGui::SmallButton("Lock it with a passphrase first")) actions.push(act::TogglePrivacy{});
    item_rects.remember("Lock it with a passphrase first");
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip(
          "Nothing of yours has been written yet. With the lock on from the start, every word you add\n"
          "is encrypted before it reaches the disk. You can also lock it later, in Settings, Privacy.");
    }
  }

  ImGui::Spacing();
  bool motion = view.ambient_motion;
  if (ImGui::Checkbox("Let the scene move", &motion)) actions.push(act::AmbientMotion{motion});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off keeps everything still, for comfort.");
  if (motion) {
    bool always = view.ambient_always;
    if (ImGui::Checkbox("Keep moving while I rest", &always)) actions.push(act::AmbientAlways{always});
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("When off, the scene grows still after a while without input, which saves power.");
    }
  }

  ImGui::Spacing();
  if (view.first_run) {
    // A first map can start from the example, to see how a system looks, or from nothing at all.
    ImGui::TextWrapped("How would you like to begin?");
    if (ImGui::Button("With the example map")) {
      actions.push(act::DismissWelcome{});  // first: the old order, Begin's word kept before the example arrives
      actions.push(act::StartFromExample{});
    }
    item_rects.remember("With the example map");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ten parts of an example system to look at, change or remove: they become yours.");
    ImGui::SameLine();
    if (ImGui::Button("With an empty map")) actions.push(act::DismissWelcome{});
    item_rects.remember("With an empty map");
  } else if (ImGui::Button("Begin")) {
    actions.push(act::DismissWelcome{});
  }
  if (!view.first_run) ImGui::SameLine();  // under the two first-run choices, beside Begin
  if (ImGui::SmallButton("Keyboard shortcuts (F1)")) actions.push(act::ToggleShortcuts{});
}

}  // namespace innerscape::ui
