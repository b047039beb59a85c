// PNG files: what is written reads back the same, and failures say what to do.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "storage/png.h"
#include "test_tmp.h"

using namespace innerscape;
namespace fs = std::filesystem;

TEST_CASE("an image written as PNG reads back byte for byte") {
  core::Image image = core::make_image({7, 5});
  for (std::size_t i = 0; i < image.rgba.size(); ++i) image.rgba[i] = static_cast<std::uint8_t>(i * 37 % 256);
  const fs::path file = test::fresh_dir("png") / "round.png";
  REQUIRE(storage::write_png(file, image).empty());
  std::string error;
  const core::Image back = storage::read_png(file, &error);
  CHECK(error.empty());
  CHECK(back.size == image.size);
  CHECK(back.rgba == image.rgba);
}

TEST_CASE("writing into a missing folder, or an empty image, is refused with a reason") {
  core::Image image = core::make_image({2, 2});
  const std::string missing = storage::write_png("/nonexistent-innerscape/dir/x.png", image);
  CHECK(missing.find("does not exist") != std::string::npos);
  CHECK(storage::write_png(test::fresh_dir("png_empty") / "e.png", core::Image{}).find("empty") != std::string::npos);
}

TEST_CASE("reading something that is not a PNG fails cleanly") {
  std::string error;
  const core::Image none = storage::read_png("/nonexistent-innerscape/nothing.png", &error);
  CHECK(none.rgba.empty());
  CHECK(error.find("Cannot read") != std::string::npos);
}

TEST_CASE("an image encoded as PNG in memory decodes back byte for byte") {
  core::Image image = core::make_image({240, 180});
  for (std::size_t i = 0; i < image.rgba.size(); ++i) image.rgba[i] = static_cast<std::uint8_t>(i * 13 % 251);
  const std::vector<std::uint8_t> png = storage::encode_png(image);
  REQUIRE(png.size() > 8);
  CHECK(png[0] == 0x89);
  CHECK(png[1] == 'P');
  std::string error;
  const core::Image back = storage::decode_png(png, &error);
  CHECK(error.empty());
  CHECK(back.size == image.size);
  CHECK(back.rgba == image.rgba);
}

TEST_CASE("encoding nothing gives no bytes; decoding bytes that are not a PNG gives an empty image and a reason") {
  CHECK(storage::encode_png(core::Image{}).empty());
  const std::vector<std::uint8_t> junk = {0, 1, 2, 3, 4, 5, 6, 7};
  std::string error;
  CHECK(storage::decode_png(junk, &error).rgba.empty());
  CHECK(error.find("Cannot read the picture") != std::string::npos);
  error.clear();
  CHECK(storage::decode_png({}, &error).size == glm::ivec2(0));
  CHECK_FALSE(error.empty());
}
