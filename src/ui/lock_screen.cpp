// The lock screen: a calm card over the dimmed, blurred scene.
#include "ui/lock_screen.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "storage/passphrase_lock.h"
#include "ui/fonts.h"
#include "ui/quiet_text.h"
#include "ui/text_state.h"

namespace innerscape::ui {

void LockScreen::show() {
  shown = true;
  busy = false;
  failures = 0;
  retry_at_s = 0.0;
  message.clear();
  storage::wipe(passphrase);
}

double LockScreen::wait_after(int failures) {
  if (failures <= 0) return 0.0;
  return std::min(30.0, std::pow(2.0, static_cast<double>(std::min(failures, 16) - 1)));
}

void LockScreen::refused(double now_s, const std::string& why) {
  busy = false;
  ++failures;
  retry_at_s = now_s + wait_after(failures);
  message = why;
}

void LockScreen::opened() {
  shown = false;
  busy = false;
  failures = 0;
  message.clear();
  storage::wipe(passphrase);
}

void LockScreen::draw(double now_s, Actions& actions) {
  item_rects.clear();
  if (!shown) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  // Dim what is behind; the scene itself is already drawn blurred.
  ImGui::GetBackgroundDrawList()->AddRectFilled(viewport->Pos,
                                                ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y),
                                                IM_COL32(6, 8, 18, 165));
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(em * 24.0f, viewport->Size.x - em * 2.0f), 0.0f));
  ImGui::SetNextWindowFocus();
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_AlwaysAutoResize;
  if (!ImGui::Begin("Innerscape is locked", nullptr, flags)) {
    ImGui::End();
    return;
  }
  push_heading_font();
  ImGui::TextUnformatted("Innerscape is locked");
  pop_heading_font();
  ImGui::Spacing();
  ImGui::TextWrapped("Your map and journal are kept private. Type your passphrase to come back in.");
  ImGui::Spacing();

  const double wait = retry_at_s - now_s;
  const bool can_try = !busy && wait <= 0.0;
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::IsWindowAppearing() || (can_try && !ImGui::IsAnyItemActive())) ImGui::SetKeyboardFocusHere();
  ImGui::BeginDisabled(!can_try);
  forget_stale_text_state("##passphrase");
  const bool entered = ImGui::InputTextWithHint("##passphrase", "Passphrase", &passphrase,
                                                ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  item_rects.remember("passphrase");
  const bool clicked = ImGui::Button("Open");
  item_rects.remember("Open");
  ImGui::EndDisabled();
  if ((entered || clicked) && can_try && !passphrase.empty()) {
    busy = true;
    message.clear();
    actions.push(act::Unlock{passphrase});
    storage::wipe(passphrase);
  }

  if (busy) {
    ImGui::SameLine();
    ImGui::TextDisabled("Opening...");
  } else if (!message.empty() || wait > 0.0) {
    ImGui::Spacing();
    if (!message.empty()) ImGui::TextWrapped("%s", message.c_str());
    if (wait > 0.0) {
      quiet_text("You can try again in " + std::to_string(static_cast<int>(std::ceil(wait))) + " s. Take a breath; there is no hurry.");
    }
  }
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Without the passphrase nobody can open it, not even Innerscape: there is no way around it.");
  ImGui::PopStyleColor();
  ImGui::End();
}

}  // namespace innerscape::ui
