// The binary's screenshot, end to end: a real PNG of the scene and overlay, and the data folder rules.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>

#include "smoke/run_process.h"
#include "storage/png.h"

using namespace innerscape;
using test::fresh_dir;
using test::run_innerscape;

TEST_CASE("--screenshot writes a 1280x720 PNG of a living scene, not one flat colour") {
  const auto dir = fresh_dir("shot_default");
  const auto file = dir / "s.png";
  const auto r = run_innerscape("--demo --screenshot '" + file.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string error;
  const core::Image image = storage::read_png(file, &error);
  REQUIRE(error.empty());
  CHECK(image.size == glm::ivec2(1280, 720));

  // Many different colours: background, glow, motes and text.
  std::vector<std::uint32_t> colours;
  for (int y = 0; y < 720; y += 7) {
    for (int x = 0; x < 1280; x += 7) {
      const auto p = core::pixel(image, x, y);
      colours.push_back((std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2]);
    }
  }
  std::sort(colours.begin(), colours.end());
  const auto distinct = std::unique(colours.begin(), colours.end()) - colours.begin();
  CHECK(distinct > 200);

  // The Self glows warm at the centre of the frame.
  const auto centre = core::pixel(image, 640, 360);
  CHECK(centre[0] > 200);
  CHECK(centre[0] > centre[2] + 30);
}

TEST_CASE("--size sets the picture's size") {
  const auto dir = fresh_dir("shot_size");
  const auto r = run_innerscape("--demo --frames 3 --size 320x200 --screenshot '" + (dir / "small.png").string() + "'");
  REQUIRE(r.exit_code == 0);
  CHECK(storage::read_png(dir / "small.png").size == glm::ivec2(320, 200));
}

TEST_CASE("a screenshot into a folder that does not exist fails with a reason and exit 1") {
  const auto r = run_innerscape("--demo --frames 1 --screenshot /nonexistent-innerscape/x.png");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("does not exist") != std::string::npos);
}

TEST_CASE("the person's data folder is created private; a demo never touches it") {
  const auto dir = fresh_dir("data_rules");
  const auto own = dir / "own-data";
  const auto r = run_innerscape("--frames 1 --data-dir '" + own.string() + "' --screenshot '" + (dir / "a.png").string() + "'");
  REQUIRE(r.exit_code == 0);
  struct stat st {};
  REQUIRE(::stat(own.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);

  const auto xdg = dir / "xdg";
  const auto d = run_innerscape("--demo --frames 1 --screenshot '" + (dir / "b.png").string() + "'",
                                "XDG_DATA_HOME='" + xdg.string() + "'");
  REQUIRE(d.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(xdg / "innerscape"));
}
