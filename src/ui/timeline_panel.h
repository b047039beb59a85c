// The map over time: a scrubber from the first day to today, the journal pages of the day shown,
// milestones to mark and go back to, and the time-lapse with play, pause and speed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/inner_system.h"
#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

// The speeds the panel offers, times the 1x of core::timelapse_base_s.
inline constexpr double timelapse_speeds[] = {0.5, 1.0, 2.0, 4.0};

struct TimelineView {
  const core::InnerSystem* system = nullptr;  // today's map: its milestones and journal
  std::int64_t first = 0;       // when the history begins (today, when it has nothing yet)
  std::int64_t today = 0;       // now, seconds since 1970
  std::optional<double> shown;  // the moment shown; none: today, live
  bool ready = false;           // the history has been read
  bool playing = false;
  std::string problem;          // why the history could not be read
};

struct TimelinePanel {
  bool open = false;
  int speed = 1;  // into timelapse_speeds
  std::string milestone_title;
  ItemRects item_rects;  // where each entry was drawn last frame, by label
  float bottom_px = 0.0f;  // where the panel ended last frame, from the top of the screen (0: not drawn yet)

  void draw(const char* title, const TimelineView& view, Actions& actions);

 private:
  // The parts of draw, top to bottom. day is the day shown, counted from first_day; the scrubber may move it.
  void draw_where_and_scrubber(const TimelineView& view, Actions& actions, std::int64_t first_day, int days, int& day,
                               double shown, float width);
  void draw_stepping(const TimelineView& view, Actions& actions, std::int64_t first_day, int days, int day, float em);
  void draw_day_pages(const TimelineView& view, Actions& actions, std::int64_t first_day, int day);
  void draw_milestones(const TimelineView& view, Actions& actions, double shown, float width, float em);
  void draw_start_again(Actions& actions, int days, float em);
};

}  // namespace innerscape::ui
