// The comparator the GL tests rely on, tested on its own (no GL): the same picture passes, a wrong
// reference fails (one channel shifted a little everywhere, or one pixel far off), a mismatch leaves
// the render and a difference image and names them, and updating on purpose writes the reference.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "gl/reference_image.h"
#include "storage/png.h"
#include "test_tmp.h"

using namespace innerscape;

namespace {

// A small picture with something in it: a gradient in red and green, blue in one corner.
core::Image gradient() {
  core::Image image = core::make_image({16, 12});
  for (int y = 0; y < image.size.y; ++y) {
    for (int x = 0; x < image.size.x; ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * image.size.x + x) * 4;
      image.rgba[i] = static_cast<std::uint8_t>(x * 16);
      image.rgba[i + 1] = static_cast<std::uint8_t>(y * 20);
      image.rgba[i + 2] = x < 4 && y < 4 ? 200 : 10;
      image.rgba[i + 3] = 255;
    }
  }
  return image;
}

core::Image shifted(core::Image image, std::size_t channel, int by) {
  for (std::size_t i = channel; i < image.rgba.size(); i += 4) {
    image.rgba[i] = static_cast<std::uint8_t>(std::clamp(int(image.rgba[i]) + by, 0, 255));
  }
  return image;
}

// The loosest thresholds a render test here allows (the scene's, for its motes: scene_renderer_gltest).
constexpr test::Thresholds loosest{.max = 64, .mean = 0.75};

}  // namespace

TEST_CASE("the same picture is no difference, and passes even exact thresholds") {
  const core::Image a = gradient();
  const test::ImageDelta d = test::image_delta(a, a);
  CHECK(d.same_size);
  CHECK(d.max == std::array<int, 4>{0, 0, 0, 0});
  CHECK(d.mean == std::array<double, 4>{0.0, 0.0, 0.0, 0.0});
  CHECK(test::within(d, {}));
}

TEST_CASE("one channel shifted by 2 everywhere fails the mean, even under the loosest max") {
  const core::Image a = gradient();
  const core::Image wrong = shifted(a, 1, 2);
  const test::ImageDelta d = test::image_delta(a, wrong);
  CHECK(d.max == std::array<int, 4>{0, 2, 0, 0});
  CHECK(d.mean[1] == 2.0);
  CHECK(d.mean[0] == 0.0);
  CHECK_FALSE(test::within(d, loosest));
  CHECK(test::within(d, {.max = 2, .mean = 2.0}));  // the thresholds are what decides
}

TEST_CASE("one pixel far off fails the max, though the mean hardly moves") {
  const core::Image a = gradient();
  core::Image wrong = a;
  wrong.rgba[(5 * 16 + 7) * 4 + 2] = 255;  // blue at (7, 5): 10 becomes 255
  const test::ImageDelta d = test::image_delta(a, wrong);
  CHECK(d.max[2] == 245);
  CHECK(d.mean[2] < 1.3);
  CHECK_FALSE(test::within(d, loosest));
  CHECK(test::within(d, {.max = 245, .mean = 1.3}));
}

TEST_CASE("pictures of different sizes differ, whatever the thresholds") {
  const core::Image a = gradient();
  const core::Image other = core::make_image({12, 16});
  const test::ImageDelta d = test::image_delta(a, other);
  CHECK_FALSE(d.same_size);
  CHECK_FALSE(test::within(d, {.max = 255, .mean = 255.0}));
}

TEST_CASE("a real reference with one channel shifted fails, and the render and the difference are kept and named") {
  // The scene's own reference stands in for a render; a copy with its green shifted by 3 stands in
  // for a reference gone wrong.
  std::string error;
  const core::Image render = storage::read_png(test::reference_desc().reference_dir / "scene_self.png", &error);
  INFO(error);
  REQUIRE_FALSE(render.rgba.empty());
  const auto dir = test::fresh_dir("reference_image_test");
  const test::ReferenceDesc desc{.reference_dir = dir / "reference", .failure_dir = dir / "failures"};
  std::filesystem::create_directories(desc.reference_dir);
  REQUIRE(storage::write_png(desc.reference_dir / "wrong.png", shifted(render, 1, 3)).empty());

  const test::ReferenceCheck check = test::compare_with_reference(render, "wrong", loosest, desc);
  INFO(check.message);
  CHECK_FALSE(check.ok);
  const auto actual = desc.failure_dir / "wrong.actual.png";
  const auto difference = desc.failure_dir / "wrong.difference.png";
  CHECK(check.message.find(actual.string()) != std::string::npos);
  CHECK(check.message.find(difference.string()) != std::string::npos);
  CHECK(check.message.find("INNERSCAPE_UPDATE_REFERENCES=1") != std::string::npos);
  CHECK(storage::read_png(actual).rgba == render.rgba);
  // Where green was shifted by 3 (not clipped at 255), the difference shows 3 x 16 in green alone.
  const core::Image diff = storage::read_png(difference);
  REQUIRE(diff.size == render.size);
  CHECK(core::pixel(diff, 0, 0) == std::array<std::uint8_t, 4>{0, 48, 0, 255});

  // The unshifted reference passes exactly.
  REQUIRE(storage::write_png(desc.reference_dir / "right.png", render).empty());
  CHECK(test::compare_with_reference(render, "right", {}, desc).ok);
}

TEST_CASE("a missing reference fails and says how to make one; updating on purpose writes it") {
  const auto dir = test::fresh_dir("reference_image_update");
  test::ReferenceDesc desc{.reference_dir = dir / "reference", .failure_dir = dir / "failures"};
  const core::Image a = gradient();
  const test::ReferenceCheck missing = test::compare_with_reference(a, "new", {}, desc);
  CHECK_FALSE(missing.ok);
  CHECK(missing.message.find("INNERSCAPE_UPDATE_REFERENCES=1") != std::string::npos);

  desc.update = true;
  const test::ReferenceCheck written = test::compare_with_reference(a, "new", {}, desc);
  INFO(written.message);
  CHECK(written.ok);
  CHECK(storage::read_png(desc.reference_dir / "new.png").rgba == a.rgba);
  desc.update = false;
  CHECK(test::compare_with_reference(a, "new", {}, desc).ok);
  CHECK_FALSE(test::compare_with_reference(shifted(a, 0, -1), "new", {}, desc).ok);  // exact means exact
}
