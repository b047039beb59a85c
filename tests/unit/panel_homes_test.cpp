// Where the open panels stand: side by side, never over one another, the latest always shown, the
// earliest waiting first when the screen is too narrow.
#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "ui/panel_homes.h"

using namespace innerscape;
using ui::HomeAsk;
using ui::Side;

TEST_CASE("three panels that fit stand at their sides as asked, the middle one in the middle of the screen") {
  const std::vector<HomeAsk> asks = {{Side::left, 300, 200, 1}, {Side::centre, 400, 250, 2}, {Side::right, 280, 200, 3}};
  const auto places = ui::arrange_homes(asks, 20, 1260, 20);
  REQUIRE(places.size() == 3);
  for (const auto& p : places) CHECK(p.shown);
  CHECK(places[0].x == 20);
  CHECK(places[0].width == 300);
  CHECK(places[2].x == 1260 - 280);
  CHECK(places[1].x == doctest::Approx(640 - 200));
}

TEST_CASE("a panel opened later takes its side; the earlier one waits, and comes back when it closes") {
  const std::vector<HomeAsk> both = {{Side::left, 300, 200, 5}, {Side::left, 280, 200, 9}};
  const auto places = ui::arrange_homes(both, 0, 1000, 20);
  CHECK_FALSE(places[0].shown);
  CHECK(places[1].shown);
  const auto alone = ui::arrange_homes(std::vector<HomeAsk>{both[0]}, 0, 1000, 20);
  CHECK(alone[0].shown);
}

TEST_CASE("on a narrow screen the panels narrow down together; narrower still, the earliest opened waits") {
  const std::vector<HomeAsk> asks = {{Side::left, 400, 250, 1}, {Side::centre, 500, 300, 2}, {Side::right, 400, 250, 3}};
  const auto narrowed = ui::arrange_homes(asks, 0, 1000, 20);  // 1340 asked, 800 at least
  for (const auto& p : narrowed) CHECK(p.shown);
  CHECK(narrowed[0].width + narrowed[1].width + narrowed[2].width + 40 == doctest::Approx(1000));
  CHECK(narrowed[0].width >= 250);
  CHECK(narrowed[1].x >= narrowed[0].x + narrowed[0].width + 20 - 0.01f);
  CHECK(narrowed[2].x >= narrowed[1].x + narrowed[1].width + 20 - 0.01f);
  const auto crowded = ui::arrange_homes(asks, 0, 700, 20);  // room for two at their least
  CHECK_FALSE(crowded[0].shown);
  CHECK(crowded[1].shown);
  CHECK(crowded[2].shown);
  // The centre one moves aside, into the room the right one leaves it.
  CHECK(crowded[1].x + crowded[1].width + 20 <= crowded[2].x + 0.01f);
  // Alone and still too wide, the latest is shown all the same, as wide as the screen allows.
  const auto tiny = ui::arrange_homes(std::vector<HomeAsk>{{Side::right, 400, 300, 1}}, 0, 250, 20);
  CHECK(tiny[0].shown);
  CHECK(tiny[0].width == 250);
}

TEST_CASE("whatever is open, the shown panels never overlap, stay on screen, one to a side, the latest always among them") {
  std::mt19937 rng(17);
  for (int round = 0; round < 5000; ++round) {
    std::vector<HomeAsk> asks(std::uniform_int_distribution<std::size_t>(1, 6)(rng));
    for (HomeAsk& a : asks) {
      a.side = static_cast<Side>(std::uniform_int_distribution<int>(0, 2)(rng));
      a.width = std::uniform_real_distribution<float>(150, 600)(rng);
      a.min_width = a.width * std::uniform_real_distribution<float>(0.4f, 1.0f)(rng);
      a.opened = std::uniform_int_distribution<std::uint64_t>(0, 8)(rng);
    }
    const float right = std::uniform_real_distribution<float>(300, 2000)(rng);
    const auto places = ui::arrange_homes(asks, 0, right, 16);
    std::uint64_t latest = 0;
    for (const HomeAsk& a : asks) latest = std::max(latest, a.opened);
    bool latest_shown = false;
    int per_side[3] = {0, 0, 0};
    for (std::size_t i = 0; i < asks.size(); ++i) {
      if (!places[i].shown) continue;
      latest_shown = latest_shown || asks[i].opened == latest;
      ++per_side[static_cast<int>(asks[i].side)];
      CHECK(places[i].x >= -0.01f);
      CHECK(places[i].x + places[i].width <= right + 0.01f);
      for (std::size_t j = i + 1; j < asks.size(); ++j) {
        if (!places[j].shown) continue;
        const bool apart = places[i].x + places[i].width <= places[j].x + 0.01f || places[j].x + places[j].width <= places[i].x + 0.01f;
        CHECK(apart);
      }
    }
    CHECK(latest_shown);
    for (int n : per_side) CHECK(n <= 1);
  }
}
