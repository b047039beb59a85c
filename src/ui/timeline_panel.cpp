// The map over time: scrub back through the days, see that day's pages, mark and revisit
// milestones, and play the whole story as a time-lapse.
#include "ui/timeline_panel.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/calendar.h"
#include "core/edits.h"
#include "ui/entry_text.h"
#include "ui/placement.h"
#include "ui/text_state.h"

namespace innerscape::ui {
namespace {

// Small marks above the scrubber where the milestones are, so they can be seen at a glance.
void draw_milestone_marks(const core::InnerSystem& system, std::int64_t first_day, int days, ImVec2 min, ImVec2 max) {
  if (days <= 0) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float grab = ImGui::GetStyle().GrabMinSize;
  const float left = min.x + grab * 0.5f, right = max.x - grab * 0.5f;
  const ImU32 colour = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
  for (const core::Milestone& m : system.milestones) {
    const double at = static_cast<double>(core::local_day_start(m.at) - first_day) / core::day_s;
    if (at < 0.0 || at > days) continue;
    const float x = left + (right - left) * static_cast<float>(at / days);
    const float r = ImGui::GetFontSize() * 0.22f;
    draw->AddTriangleFilled(ImVec2(x, min.y - 1.0f), ImVec2(x - r, min.y - 1.0f - r * 1.6f), ImVec2(x + r, min.y - 1.0f - r * 1.6f),
                            colour);
  }
}

}  // namespace

void TimelinePanel::draw(const char* title, const TimelineView& view, Actions& actions) {
  if (!open || view.system == nullptr) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  // At the top, between the side panels: the map below stays in view while the days go by.
  const float asked = std::min(em * 28.0f, viewport->WorkSize.x - em * 4.0f);  // the panel's content, not counting padding
  if (!place_panel(title, Side::centre, asked + ImGui::GetStyle().WindowPadding.x * 2.0f)) return;
  item_rects.clear();
  bool still_open = true;
  if (!ImGui::Begin(title, &still_open, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    if (!still_open) actions.push(act::ToggleTimeline{});
    return;
  }
  if (!still_open) actions.push(act::ToggleTimeline{});
  const float width = ImGui::GetContentRegionAvail().x;  // narrower than asked on a crowded screen
  bottom_px = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y - viewport->WorkPos.y;
  if (!view.problem.empty()) {
    ImGui::TextWrapped("%s", view.problem.c_str());
    ImGui::End();
    return;
  }
  if (!view.ready) {
    ImGui::TextDisabled("Reading your map's past...");
    ImGui::End();
    return;
  }

  const std::int64_t first_day = core::local_day_start(std::min(view.first, view.today));
  const std::int64_t today_day = core::local_day_start(view.today);
  const int days = static_cast<int>(core::days_between(first_day, today_day));  // whole days, across clock changes too
  const double shown = view.shown.value_or(static_cast<double>(view.today));
  int day = view.shown ? static_cast<int>(std::clamp<std::int64_t>(core::days_between(first_day, core::local_day_start(static_cast<std::int64_t>(shown))), 0, days))
                       : days;

  draw_where_and_scrubber(view, actions, first_day, days, day, shown, width);
  draw_stepping(view, actions, first_day, days, day, em);
  draw_day_pages(view, actions, first_day, day);

  // Milestones: the moments the person marked, to go back to.
  ImGui::Spacing();
  if (!ImGui::CollapsingHeader("Milestones", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::End();
    return;
  }
  draw_milestones(view, actions, shown, width, em);
  draw_start_again(actions, days, em);
  ImGui::End();
}

void TimelinePanel::draw_where_and_scrubber(const TimelineView& view, Actions& actions, std::int64_t first_day, int days, int& day,
                                            double shown, float width) {
  // Where we are.
  const std::string when = view.shown ? local_day(static_cast<std::int64_t>(shown)) : std::string("Today");
  ImGui::Text("%s", when.c_str());
  if (view.shown) {
    ImGui::SameLine();
    ImGui::TextDisabled(view.playing ? "(playing)" : "(as it was; nothing here can be changed)");
  }

  // The scrubber, a day per step; the last step is today, live.
  if (days == 0) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextWrapped("Your map's story starts today. As you add parts, move them and check in, each day is kept here.");
    ImGui::PopTextWrapPos();
  } else {
    ImGui::SetNextItemWidth(width);
    const std::string label = when;
    if (ImGui::SliderInt("##day", &day, 0, days, label.c_str(), ImGuiSliderFlags_AlwaysClamp)) {
      if (day >= days) actions.push(act::ShowToday{});
      else actions.push(act::ShowTime{static_cast<double>(first_day + static_cast<std::int64_t>(day) * core::day_s + core::day_s - 1)});  // the day's end
      actions.push(act::PlayTimelapse{false});
    }
    item_rects.remember("day");
    draw_milestone_marks(*view.system, first_day, days, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag back to any day. The marks above are your milestones.");
  }
}

void TimelinePanel::draw_stepping(const TimelineView& view, Actions& actions, std::int64_t first_day, int days, int day, float em) {
  // Stepping and playing.
  ImGui::BeginDisabled(days == 0 || day == 0);
  if (ImGui::ArrowButton("earlier", ImGuiDir_Left)) {
    actions.push(act::ShowTime{static_cast<double>(first_day + static_cast<std::int64_t>(day - 1) * core::day_s + core::day_s - 1)});
    actions.push(act::PlayTimelapse{false});
  }
  ImGui::EndDisabled();
  item_rects.remember("earlier");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A day earlier");
  ImGui::SameLine();
  ImGui::BeginDisabled(!view.shown);
  if (ImGui::ArrowButton("later", ImGuiDir_Right)) {
    if (day + 1 >= days) actions.push(act::ShowToday{});
    else actions.push(act::ShowTime{static_cast<double>(first_day + static_cast<std::int64_t>(day + 1) * core::day_s + core::day_s - 1)});
    actions.push(act::PlayTimelapse{false});
  }
  item_rects.remember("later");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A day later");
  ImGui::SameLine();
  if (ImGui::Button("Today")) {
    actions.push(act::ShowToday{});
    actions.push(act::PlayTimelapse{false});
  }
  item_rects.remember("Today");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(days == 0);
  if (ImGui::Button(view.playing ? "Pause" : "Play the time-lapse")) actions.push(act::PlayTimelapse{!view.playing});
  ImGui::EndDisabled();
  item_rects.remember("Play");
  if (ImGui::IsItemHovered() && !view.playing) ImGui::SetTooltip("Watch your map change, from the first day to today");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 4.5f);
  const char* speeds[] = {"0.5x", "1x", "2x", "4x"};
  ImGui::Combo("Speed", &speed, speeds, IM_ARRAYSIZE(speeds));
}

void TimelinePanel::draw_day_pages(const TimelineView& view, Actions& actions, std::int64_t first_day, int day) {
  // That day's pages, beside the map as it was.
  const std::int64_t day_start = first_day + static_cast<std::int64_t>(day) * core::day_s;
  int pages = 0;
  for (const core::Entry& e : view.system->journal) {
    if (e.created_at < day_start || e.created_at >= day_start + core::day_s) continue;
    if (pages++ == 0) {
      ImGui::Spacing();
      ImGui::TextDisabled(view.shown ? "Written that day" : "Written today");
    }
    ImGui::PushID(static_cast<int>(e.id));
    const std::string line = std::string(core::entry_type_spec(e.type).name) + ": " + first_words(e);
    if (ImGui::Selectable(line.c_str())) actions.push(act::OpenEntry{e.id});
    ImGui::PopID();
    item_rects.remember(("page " + std::to_string(e.id)).c_str());
    if (pages >= 6) break;  // the journal holds the rest
  }
}

void TimelinePanel::draw_milestones(const TimelineView& view, Actions& actions, double shown, float width, float em) {
  int remove = -1;
  for (std::size_t i = 0; i < view.system->milestones.size(); ++i) {
    const core::Milestone& m = view.system->milestones[i];
    ImGui::PushID(static_cast<int>(i));
    const std::string line = local_day(m.at) + "  " + m.title;
    if (ImGui::Selectable(line.c_str(), false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(width - em * 2.0f, 0.0f))) {
      actions.push(act::ShowTime{static_cast<double>(m.at)});
      actions.push(act::PlayTimelapse{false});
    }
    item_rects.remember(("milestone " + std::to_string(i)).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to this moment");
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) remove = static_cast<int>(i);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Take this milestone away (Undo brings it back)");
    ImGui::PopID();
  }
  if (remove >= 0) actions.push(act::Edit{core::remove_milestone(*view.system, static_cast<std::size_t>(remove))});
  ImGui::SetNextItemWidth(width - em * 5.0f);
  forget_stale_text_state("##milestone");
  const bool entered = ImGui::InputTextWithHint("##milestone", "A moment to remember", &milestone_title, ImGuiInputTextFlags_EnterReturnsTrue);
  item_rects.remember("milestone title");
  ImGui::SameLine();
  const bool mark = ImGui::Button("Mark it");
  item_rects.remember("Mark it");
  if (mark || entered) {
    const auto at = view.shown ? static_cast<std::int64_t>(shown) : view.today;
    actions.push(act::Edit{core::add_milestone(*view.system, {.at = at, .title = milestone_title})});
    milestone_title.clear();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(view.shown ? "Mark the day shown" : "Mark today");
}

void TimelinePanel::draw_start_again(Actions& actions, int days, float em) {
  // Letting the earlier days go, only on purpose (and only when there are some).
  ImGui::Spacing();
  if (days > 0 && ImGui::SmallButton("Start the story again from today...")) ImGui::OpenPopup("Start the story again?");
  if (days > 0) item_rects.remember("Start again");
  if (ImGui::BeginPopupModal("Start the story again?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(em * 26.0f);
    ImGui::TextWrapped("The timeline and the time-lapse would begin from your map as it is today. How it looked on "
                       "the days before would no longer be kept, and this cannot be undone.");
    ImGui::TextWrapped("Your parts, journal, drawings and milestones stay just as they are. If you might want the "
                       "earlier days later, save a copy first (Settings, Privacy).");
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Start again from today")) {
      actions.push(act::ClearHistory{});
      ImGui::CloseCurrentPopup();
    }
    item_rects.remember("Start again from today");
    ImGui::SameLine();
    if (ImGui::Button("Keep my story") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace innerscape::ui
