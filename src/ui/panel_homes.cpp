// Where the open panels stand, side by side, so that none covers another.
#include "ui/panel_homes.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace innerscape::ui {

std::vector<HomePlace> arrange_homes(std::span<const HomeAsk> asks, float left, float right, float gap) {
  std::vector<HomePlace> places(asks.size());
  // The most recently opened first; among those opened together, the one asked first.
  std::vector<std::size_t> order(asks.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return asks[a].opened > asks[b].opened; });

  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::array<std::size_t, 3> held{none, none, none};  // by side: the ask shown there
  const float room = right - left;
  float least = 0.0f;  // the shown panels at their least widths, with the gaps between them
  int shown = 0;
  for (std::size_t i : order) {
    const HomeAsk& ask = asks[i];
    std::size_t& side = held[static_cast<std::size_t>(ask.side)];
    if (side != none) continue;  // a later panel holds this side
    const float with = least + std::min(ask.min_width, ask.width) + (shown > 0 ? gap : 0.0f);
    if (with > room && shown > 0) continue;  // no room beside the later ones (the latest always shows)
    side = i;
    least = with;
    ++shown;
  }

  // Widths: as asked when they fit; else each gives up the same share of what it could give.
  float wanted = 0.0f, can_give = 0.0f;
  for (std::size_t i : held) {
    if (i == none) continue;
    wanted += asks[i].width;
    can_give += asks[i].width - std::min(asks[i].min_width, asks[i].width);
  }
  wanted += static_cast<float>(std::max(shown - 1, 0)) * gap;
  const float give = wanted > room && can_give > 0.0f ? std::min((wanted - room) / can_give, 1.0f) : 0.0f;
  for (std::size_t i : held) {
    if (i == none) continue;
    const float min_width = std::min(asks[i].min_width, asks[i].width);
    places[i] = {.shown = true, .x = 0.0f, .width = std::min(asks[i].width - (asks[i].width - min_width) * give, room)};
  }

  const std::size_t l = held[static_cast<std::size_t>(Side::left)];
  const std::size_t c = held[static_cast<std::size_t>(Side::centre)];
  const std::size_t r = held[static_cast<std::size_t>(Side::right)];
  if (l != none) places[l].x = left;
  if (r != none) places[r].x = right - places[r].width;
  if (c != none) {
    const float from = l != none ? left + places[l].width + gap : left;
    const float to = r != none ? right - places[r].width - gap : right;
    const float middle = (left + right - places[c].width) * 0.5f;
    places[c].x = std::max(std::min(middle, to - places[c].width), from);
  }
  return places;
}

}  // namespace innerscape::ui
