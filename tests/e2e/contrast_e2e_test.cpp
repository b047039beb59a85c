// End to end, on the real rendered pixels: every control on a panel stands out 3:1 from the panel around
// it (WCAG 2.1, 1.4.11 non-text contrast), even where the world behind the panel is at its brightest.
// The example map is drawn with a journal page open and the Self's light right behind the page's
// list of checkboxes; for each theme the picture is read back, and the edges of each checkbox and of
// a text field are measured against the panel pixels just outside them.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <string>

#include <SDL.h>

#include <imgui.h>

#include "app/session.h"
#include "core/image.h"
#include "core/journal.h"
#include "e2e/driver.h"
#include "storage/png.h"
#include "test_tmp.h"

using namespace innerscape;
using test::Driver;

namespace {

// WCAG 2.1 relative luminance of an 8-bit sRGB pixel, and the contrast ratio of two.
double luminance(const std::array<std::uint8_t, 4>& p) {
  auto linear = [](std::uint8_t v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(p[0]) + 0.7152 * linear(p[1]) + 0.0722 * linear(p[2]);
}
double contrast(const std::array<std::uint8_t, 4>& a, const std::array<std::uint8_t, 4>& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Edge {
  double ratio;       // the strongest contrast along the edge's band against the panel outside it
  double behind_lum;  // the panel's luminance there: how much of the world shows through
};

// How a control's edge stands out, at the middle of one side of its frame `r` (pixels: min x, min y,
// max x, max y): the pixels across the edge (the frame's border and the first of its inside) against
// the panel pixel `out` pixels outside it. The strongest is what the eye follows as the edge.
Edge edge(const core::Image& image, const glm::vec4& r, int side) {
  const int x0 = static_cast<int>(std::lround(r.x)), y0 = static_cast<int>(std::lround(r.y));
  const int x1 = static_cast<int>(std::lround(r.z)) - 1, y1 = static_cast<int>(std::lround(r.w)) - 1;
  const int mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
  constexpr int out = 3;  // inside the panel's own padding, between the rows: nothing else is drawn there
  std::array<std::uint8_t, 4> outside{};
  double best = 1.0;
  auto across = [&](int x, int y) { best = std::max(best, contrast(core::pixel(image, x, y), outside)); };
  switch (side) {
    case 0:  // left
      outside = core::pixel(image, x0 - out, my);
      for (int x = x0 - 1; x <= x0 + 2; ++x) across(x, my);
      break;
    case 1:  // top
      outside = core::pixel(image, mx, y0 - out);
      for (int y = y0 - 1; y <= y0 + 2; ++y) across(mx, y);
      break;
    default:  // bottom
      outside = core::pixel(image, mx, y1 + out);
      for (int y = y1 - 2; y <= y1 + 1; ++y) across(mx, y);
      break;
  }
  return {best, luminance(outside)};
}

core::Image picture(Driver& d, const std::string& name) {
  const auto file = test::fresh_dir("e2e_contrast_" + name) / "picture.png";
  REQUIRE(d.session->save_picture(file, {1280, 720}).empty());
  std::string error;
  core::Image image = storage::read_png(file, &error);
  REQUIRE_MESSAGE(!image.rgba.empty(), error);
  return image;
}

}  // namespace

TEST_CASE("each checkbox and text field on a page stands out 3:1 from its panel, over the Self's light, in both themes") {
  for (core::Theme theme : {core::Theme::calm_dark, core::Theme::light}) {
    CAPTURE(core::theme_key(theme));
    std::string error;
    Driver d(app::Session::open(
        {.size = {1280, 720}, .hidden = false, .vsync = false, .demo = true, .shader_dir = INNERSCAPE_SHADER_DIR}, error));
    d.session->act({ui::act::Theme{theme}});
    d.session->act({ui::act::NewEntry{core::EntryType::trigger}});  // "Which parts are here?" opens with it
    d.frames(4);
    const ui::ItemRects& rects = d.session->overlay().entry_editor.item_rects;
    const float box = ImGui::GetFrameHeight();  // a checkbox's square, at the left of its item

    // The brightest thing in the world, the Self, right behind the middle of the list of checkboxes.
    std::vector<glm::vec4> boxes;
    for (const auto& [label, r] : rects.rects) {
      if (label.starts_with("part:")) boxes.push_back(glm::vec4(r.x, r.y, r.x + box, r.y + box));
    }
    REQUIRE(boxes.size() >= 6);
    const glm::vec4 middle = boxes[boxes.size() / 2];
    core::SceneView view = d.session->scene().view;
    view.center -= core::screen_to_world(view, glm::vec2(middle.x, middle.y) + glm::vec2(box * 0.5f));
    d.session->set_view(view);
    d.frames(2);
    const glm::vec2 self = core::world_to_screen(d.session->scene().view, {0.0f, 0.0f});
    CHECK(std::abs(self.x - (middle.x + box * 0.5f)) < 2.0f);
    CHECK(std::abs(self.y - (middle.y + box * 0.5f)) < 2.0f);

    // Each edge of each checkbox's square (left, top, bottom; its label is on the right).
    const core::Image image = picture(d, std::string(core::theme_key(theme)));
    double brightest_behind = 0.0, darkest_behind = 1.0;
    for (const glm::vec4& frame : boxes) {
      for (int side = 0; side < 3; ++side) {
        const Edge e = edge(image, frame, side);
        CAPTURE(frame.y);
        CAPTURE(side);
        CHECK(e.ratio >= 3.0);
        brightest_behind = std::max(brightest_behind, e.behind_lum);
        darkest_behind = std::min(darkest_behind, e.behind_lum);
      }
    }
    // The light did show through the panel there: the measure was taken at the hardest place.
    if (theme == core::Theme::calm_dark) CHECK(brightest_behind > darkest_behind * 1.5);

    // "What happened?", below the list: the page scrolled until it is in view.
    glm::vec4 field{}, keep{};
    for (int tries = 0; tries < 8; ++tries) {
      REQUIRE(rects.rect_of("what_happened", field));
      REQUIRE(rects.rect_of("Keep this entry", keep));
      if (field.w + 8.0f < keep.y) break;
      d.wheel({middle.x + box * 2.0f, middle.y}, -2);
    }
    REQUIRE(field.w + 8.0f < keep.y);
    const core::Image scrolled = picture(d, std::string(core::theme_key(theme)) + "_field");
    for (int side = 0; side < 3; ++side) {
      CAPTURE(side);
      CHECK(edge(scrolled, field, side).ratio >= 3.0);
    }
  }
}
