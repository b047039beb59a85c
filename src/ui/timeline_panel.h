// The map over time: a scrubber from the first day to today, the journal pages of the day shown,
// milestones to mark and go back to, and the time-lapse with play, pause and speed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/inner_system.h"
#include "core/map_history.h"
#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

// How fast the time-lapse plays: the whole history in timelapse_base_s at 1x.
inline constexpr double timelapse_base_s = 20.0;
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

  void draw(const char* title, const TimelineView& view, UiActions& actions);
};

// What a time-lapse plays: from the first change to the last one and its easing in (or today, if
// that is sooner); after it nothing moves, so it is not played. `rate` is the map's seconds per
// second of the time-lapse at 1x (the whole story in timelapse_base_s), `ease_s` the map time each
// change takes to ease in.
struct TimelapseSpan {
  std::int64_t first = 0;
  double end = 0.0;
  double rate = 1.0;
  double ease_s = 0.0;
};
TimelapseSpan timelapse_span(const core::MapHistory& history, std::int64_t today);

}  // namespace innerscape::ui
