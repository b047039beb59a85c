// Privacy: the passphrase lock and the idle lock.
#include "ui/lock_panel.h"

#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "storage/passphrase_lock.h"
#include "ui/placement.h"
#include "ui/quiet_text.h"
#include "ui/text_state.h"
#include "ui/theme.h"

namespace innerscape::ui {
namespace {

void passphrase_field(const char* label, const char* id, std::string& text, ItemRects& item_rects) {
  ImGui::TextUnformatted(label);
  ImGui::SetNextItemWidth(-1.0f);
  forget_stale_text_state(id);
  ImGui::InputText(id, &text, ImGuiInputTextFlags_Password);
  item_rects.remember(id + 2);  // without the "##"
}

const char* idle_name(int minutes) {
  switch (minutes) {
    case 0: return "Never";
    case 5: return "After 5 minutes";
    case 15: return "After 15 minutes";
    case 30: return "After 30 minutes";
    default: return "After an hour";
  }
}

}  // namespace

void LockPanel::clear_secrets() {
  storage::wipe(current);
  storage::wipe(next);
  storage::wipe(again);
}

void LockPanel::done(const std::string& problem) {
  message = problem;
  if (problem.empty()) {
    clear_secrets();
    understood = false;
  }
}

void LockPanel::draw(const LockView& view, Actions& actions) {
  item_rects.clear();
  if (!open) {
    if (!current.empty() || !next.empty() || !again.empty()) clear_secrets();
    return;
  }
  const float em = ImGui::GetFontSize();
  window("Privacy", {Side::left, em * 23.0f}, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize,
         [&] { draw_content(view, actions); });
}

void LockPanel::draw_content(const LockView& view, Actions& actions) {
  const float em = ImGui::GetFontSize();
  ImGui::TextWrapped("Everything you make here stays on this computer. Nothing is ever sent anywhere.");
  ImGui::Spacing();
  if (view.demo) {
    ImGui::TextWrapped("This is the example map: it has nothing of yours to lock.");
    return;
  }
  ImGui::BeginDisabled(view.busy);
  if (!view.locked) {
    ImGui::TextWrapped(
        "You can lock Innerscape with a passphrase. Your map, journal, drawings and backups are then "
        "kept encrypted on this computer, and asked for each time Innerscape opens.");
    ImGui::Spacing();
    ImGui::TextColored(accent_text(), "Please read this first");
    ImGui::TextWrapped(
        "There is no way back in without the passphrase. Nobody can reset it or recover your journal "
        "for you, not even Innerscape. Choose one you will remember, like a few words that mean "
        "something to you, and keep it somewhere safe.");
    ImGui::Spacing();
    if (!view.nothing_yet) {
      ImGui::TextWrapped("You may like to keep a copy of everything first (a readable file; keep it somewhere private):");
      ImGui::SetNextItemWidth(em * 14.0f);
      forget_stale_text_state("##export path");
      ImGui::InputText("##export path", &export_path);
      ImGui::SameLine();
      if (ImGui::Button("Save a copy")) actions.push(act::ExportCopy{export_path});
      item_rects.remember("Save a copy");
      ImGui::Spacing();
    }
    passphrase_field("A passphrase", "##new passphrase", next, item_rects);
    passphrase_field("The same again", "##again", again, item_rects);
    ImGui::Checkbox("I understand it cannot be recovered", &understood);
    item_rects.remember("understood");
    const bool long_enough = next.size() >= min_length;
    const bool same = next == again;
    if (!next.empty() && !long_enough) quiet_text("At least " + std::to_string(min_length) + " characters, please.");
    else if (!again.empty() && !same) quiet_text("The two are not the same yet.");
    ImGui::BeginDisabled(!long_enough || !same || !understood);
    if (ImGui::Button("Turn the lock on")) {
      actions.push(act::LockChange{LockChange{.current = {}, .next = next}});
      message.clear();
    }
    item_rects.remember("Turn the lock on");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ImGui::SetTooltip(
          "Your map and its backups are copied into encrypted files, and the old unencrypted ones are\n"
          "overwritten before they are removed. Some disks keep old copies no program can reach (SSDs,\n"
          "snapshots, earlier backups of your home folder): the README says more.");
    }
    ImGui::EndDisabled();
  } else {
    ImGui::TextWrapped("Innerscape is locked with your passphrase: everything is kept encrypted on this computer.");
    ImGui::Spacing();
    if (ImGui::Button("Lock now")) actions.push(act::LockNow{});
    item_rects.remember("Lock now");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 10.0f);
    if (ImGui::BeginCombo("##idle", idle_name(view.idle_lock_minutes))) {
      for (int minutes : idle_choices) {
        if (ImGui::Selectable(idle_name(minutes), minutes == view.idle_lock_minutes)) actions.push(act::IdleLockMinutes{minutes});
      }
      ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lock by itself when nobody has touched it for a while.");
    ImGui::Spacing();
    ImGui::Separator();
    passphrase_field("Your passphrase now", "##current", current, item_rects);
    ImGui::Spacing();
    passphrase_field("A new passphrase (to change it)", "##new passphrase", next, item_rects);
    passphrase_field("The new one again", "##again", again, item_rects);
    const bool can_change = !current.empty() && next.size() >= min_length && next == again;
    ImGui::BeginDisabled(!can_change);
    if (ImGui::Button("Change the passphrase")) {
      actions.push(act::LockChange{LockChange{.current = current, .next = next}});
      message.clear();
    }
    item_rects.remember("Change the passphrase");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(current.empty());
    if (ImGui::Button("Turn the lock off")) {
      actions.push(act::LockChange{LockChange{.current = current, .next = {}}});
      message.clear();
    }
    item_rects.remember("Turn the lock off");
    ImGui::EndDisabled();
    quiet_text("Turning it off keeps your files readable on this computer again.");
  }
  ImGui::EndDisabled();
  if (view.busy) ImGui::TextDisabled("Making the change safely...");
  if (!message.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("%s", message.c_str());
  }
}

}  // namespace innerscape::ui
