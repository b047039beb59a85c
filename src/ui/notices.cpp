// Every notice, drawn at its level's place with its level's look (ui/notices.h).
#include "ui/notices.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/keyboard_focus.h"
#include "ui/panel.h"
#include "ui/placement.h"

namespace innerscape::ui {

namespace {

// Short notes and cards sit in a strip of their own, above the dock: they cover nothing, and the
// panels keep above them.
constexpr ImGuiWindowFlags strip_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                                         ImGuiWindowFlags_NoMove;

void draw_note(Notice& n, std::uint64_t revision, Actions& actions) {
  const float em = ImGui::GetFontSize();
  place_above_bottom(em * 26.0f);  // just above the dock, in a strip the panels keep above
  n.item_rects.clear();
  if (ImGui::Begin("##notice", nullptr, strip_flags)) {
    belongs_to_view();
    ImGui::TextWrapped("%s", n.text.c_str());
    if (n.undo_revision != 0 && n.undo_revision == revision && n.text == n.undo_text) {
      if (ImGui::SmallButton("Undo")) {
        actions.push(act::Undo{});
        n.text.clear();
      }
      n.item_rects.remember("Undo");
      ImGui::SameLine();
    }
    if (ImGui::SmallButton("Thank you")) n.text.clear();
    n.item_rects.remember("Thank you");
    reserve_bottom(ImGui::GetWindowHeight() + em * 0.6f);
  }
  ImGui::End();
}

void draw_progress(const Notice& n) {
  const float em = ImGui::GetFontSize();
  place_above_bottom(em * 22.0f);
  if (ImGui::Begin("##progress", nullptr, strip_flags | ImGuiWindowFlags_NoNav)) {
    ImGui::TextUnformatted(n.text.c_str());
    if (n.fraction >= 0.0f) {
      ImGui::ProgressBar(std::clamp(n.fraction, 0.0f, 1.0f), ImVec2(-1.0f, 0.0f));
    } else {
      // A soft glow sliding to and fro: something is happening, with no promise of how long.
      const float t = static_cast<float>(ImGui::GetTime());
      const float phase = 0.5f + 0.5f * std::sin(t * 2.0f);
      ImGui::ProgressBar(0.0f, ImVec2(-1.0f, 0.0f), "");
      const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
      const float width = (max.x - min.x) * 0.3f;
      const float x = min.x + (max.x - min.x - width) * phase;
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, min.y), ImVec2(x + width, max.y), ImGui::GetColorU32(ImGuiCol_PlotHistogram),
                                                ImGui::GetStyle().FrameRounding);
    }
    reserve_bottom(ImGui::GetWindowHeight() + em * 0.6f);
  }
  ImGui::End();
}

// A panel on the right, as the others are (ui/panel.h), with the details in a box of their own.
void draw_problem(Notice& n) {
  const float em = ImGui::GetFontSize();
  Panel panel{.open = n.open};
  panel.window(n.title.c_str(), {Side::right, em * 26.0f}, 0, [&] {
    ImGui::TextWrapped(
        "Part of the scene could not be drawn, so it is left out. Your data is safe and the app keeps "
        "working. The details below help whoever fixes it:");
    ImGui::BeginChild("details", ImVec2(0.0f, em * 9.0f), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::TextUnformatted(n.text.c_str());
    ImGui::EndChild();
  });
  n.open = panel.open;
}

// A banner in a strip of its own at the top: the panels keep below it.
void draw_warning(const Notice& n) {
  const float em = ImGui::GetFontSize();
  place_below_top(em * 30.0f);
  // Its own warm dark colours in both themes, so its words read on it (the light theme's ink would not).
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.30f, 0.16f, 0.10f, 0.95f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.98f, 0.94f, 0.88f, 1.0f));
  if (ImGui::Begin("##save_banner", nullptr, strip_flags)) {
    ImGui::TextWrapped(
        "Your latest changes are not on the disk yet. They are safe in memory, and Innerscape keeps "
        "trying. If the disk is full, freeing some space is enough; please keep Innerscape open until "
        "this note goes away.");
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.90f, 0.80f, 0.72f, 1.0f));
    ImGui::TextWrapped("%s", n.text.c_str());
    ImGui::PopStyleColor();
    reserve_top(ImGui::GetWindowHeight() + em * margin_em);
  }
  ImGui::End();
  ImGui::PopStyleColor(2);
}

// A modal window in the middle of the screen, `width_em` wide; true while it is open (EndPopup after).
// `keep_open`: opened again whenever it is not (nothing may happen behind it).
bool begin_modal(Notice& n, float width_em, bool keep_open) {
  const char* id = n.title.c_str();
  if (n.pending || (keep_open && !ImGui::IsPopupOpen(id))) {
    ImGui::OpenPopup(id);
    n.pending = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * width_em, 0.0f));
  return ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
}

void draw_choice(Notice& n, Actions& actions) {
  if (!begin_modal(n, 30.0f, false)) return;
  ImGui::TextWrapped("%s", n.text.c_str());
  if (!n.choices.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("If another backup suits you better, you can bring your map back from it instead:");
    for (std::size_t i = 0; i < n.choices.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      const bool chosen = ImGui::SmallButton("Use this one");
      n.item_rects.remember(("Use backup " + std::to_string(i + 1)).c_str());
      if (chosen) {
        actions.push(act::RestoreBackup{static_cast<int>(i) + 1});
        n.text.clear();
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      ImGui::TextWrapped("%s", n.choices[i].c_str());
      ImGui::PopID();
    }
  }
  ImGui::Spacing();
  if (ImGui::Button("Keep this map")) {
    n.text.clear();
    ImGui::CloseCurrentPopup();
  }
  n.item_rects.remember("Keep this map");
  ImGui::EndPopup();
}

void draw_waiting(Notice& n, Actions& actions) {
  if (!begin_modal(n, 28.0f, true)) return;
  ImGui::TextWrapped("%s", n.text.c_str());
  ImGui::Spacing();
  if (ImGui::Button("Try again")) actions.push(act::RetryStore{});
  n.item_rects.remember("Try again");
  ImGui::EndPopup();
}

}  // namespace

Notice disk_warning(std::string problem) { return {.level = Level::warning, .text = std::move(problem)}; }

Notice progress(std::string what, float fraction) { return {.level = Level::progress, .text = std::move(what), .fraction = fraction}; }

void draw_notice(Notice& notice, Actions& actions, std::uint64_t revision) {
  // The modal windows forget their buttons even when there is nothing to say.
  if (notice.level == Level::choice || notice.level == Level::waiting) notice.item_rects.clear();
  if (notice.text.empty()) return;
  switch (notice.level) {
    case Level::note: draw_note(notice, revision, actions); break;
    case Level::progress: draw_progress(notice); break;
    case Level::problem: if (notice.open) draw_problem(notice); break;
    case Level::warning: draw_warning(notice); break;
    case Level::choice: draw_choice(notice, actions); break;
    case Level::waiting: draw_waiting(notice, actions); break;
  }
}

}  // namespace innerscape::ui
