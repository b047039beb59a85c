// Where the open panels stand, side by side, so that none covers another: a pure function of what is
// open, at what width, and since when. Each side of the screen (left, centre, right) holds one panel;
// a panel opened later takes its side from an earlier one, which waits, open, until the side is free
// again. When the screen is too narrow for all of them (a large UI size), they narrow down to a least
// width, and then the panels opened earliest wait first.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace innerscape::ui {

enum class Side : std::uint8_t { left, centre, right };

struct HomeAsk {
  Side side = Side::left;
  float width = 0.0f;      // pixels, as the panel would like
  float min_width = 0.0f;  // the least it reads well at
  std::uint64_t opened = 0;  // when it opened (a frame number): the later, the more it is wanted now
};

struct HomePlace {
  bool shown = false;  // false: the panel waits for room
  float x = 0.0f;      // its left edge
  float width = 0.0f;
};

// One place per ask, in the same order, between `left` and `right` with `gap` between panels.
// The centre panel stands in the middle of the screen when it can, else in the middle of the room
// the side panels leave it.
std::vector<HomePlace> arrange_homes(std::span<const HomeAsk> asks, float left, float right, float gap);

}  // namespace innerscape::ui
