// --timelapse's pieces: the frames' names and moments, the folder they may go in, the hint to join
// them, and the framing over the whole story.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <glm/geometric.hpp>

#include "app/timelapse.h"
#include "core/demo_system.h"
#include "test_tmp.h"

using namespace innerscape;
using namespace innerscape::app;

TEST_CASE("frames are named frame-00001.png onwards, so a plain sort and ffmpeg's %05d both find them in order") {
  CHECK(frame_name(1) == "frame-00001.png");
  CHECK(frame_name(240) == "frame-00240.png");
  CHECK(frame_name(72000) == "frame-72000.png");  // 120 fps for 600 s, the longest
}

TEST_CASE("frame moments are even from the first day to today, and the last is exactly today") {
  const std::int64_t first = 1'700'000'000, today = first + 400 * 86400;
  CHECK(frame_time(first, today, 0, 240) == static_cast<double>(first));
  CHECK(frame_time(first, today, 239, 240) == static_cast<double>(today));
  const double step = frame_time(first, today, 1, 240) - frame_time(first, today, 0, 240);
  CHECK(step == doctest::Approx(400.0 * 86400.0 / 239.0));
  for (int i = 1; i < 240; ++i) CHECK(frame_time(first, today, i, 240) > frame_time(first, today, i - 1, 240));
  CHECK(frame_time(first, today, 0, 1) == static_cast<double>(today));  // one frame: today
  CHECK(frame_time(today, today, 0, 8) == static_cast<double>(today));  // a story that starts today
}

TEST_CASE("the folder for the frames: it must exist, be writable and hold no earlier frames; other files are fine") {
  const auto dir = test::fresh_dir("timelapse_dir");
  CHECK(check_frame_dir(dir).empty());

  const std::string missing = check_frame_dir(dir / "nope");
  CHECK(missing.find("does not exist") != std::string::npos);
  CHECK(missing.find("mkdir -p") != std::string::npos);

  std::ofstream(dir / "notes.txt") << "mine";
  std::ofstream(dir / "holiday.png") << "mine too";
  CHECK(check_frame_dir(dir).empty());  // a person's other files are left alone, and do not stop it
  CHECK(check_frame_dir(dir / "notes.txt").find("is a file, not a folder") != std::string::npos);

  std::ofstream(dir / "frame-00002.png") << "an earlier time-lapse";
  std::ofstream(dir / "frame-00001.png") << "an earlier time-lapse";
  const std::string held = check_frame_dir(dir);
  CHECK(held.find("already holds 2 frames (frame-00001.png ...)") != std::string::npos);
  CHECK(held.find("Nothing was written over") != std::string::npos);
  CHECK(held.find('\n') == std::string::npos);

  if (::geteuid() != 0) {  // root writes anywhere
    const auto closed = dir / "closed";
    std::filesystem::create_directory(closed);
    ::chmod(closed.c_str(), 0500);
    CHECK(check_frame_dir(closed).find("cannot write in") != std::string::npos);
    ::chmod(closed.c_str(), 0700);
  }
}

TEST_CASE("the hint to join the frames names the folder, the rate, and pads odd sizes for H.264") {
  const std::string plain = join_command("/tmp/story", 24, {1280, 720});
  CHECK(plain == "ffmpeg -framerate 24 -i /tmp/story/frame-%05d.png -c:v libx264 -pix_fmt yuv420p my-map-story.mp4");
  const std::string spaced = join_command("/tmp/my story's 100%", 4, {321, 180});
  CHECK(spaced.find("-i '/tmp/my story'\\''s 100%%/frame-%05d.png'") != std::string::npos);
  CHECK(spaced.find("pad=ceil(iw/2)*2:ceil(ih/2)*2") != std::string::npos);
}

TEST_CASE("the framing takes in every place a part has stood, not only today's map") {
  const core::InnerSystem demo = core::make_demo_system();
  const core::MapHistory history = core::make_demo_history(demo);
  const std::vector<glm::vec2> all = story_positions(history, demo);
  float farthest_today = 0.0f, farthest_ever = 0.0f;
  for (const core::Part& p : demo.parts) farthest_today = std::max(farthest_today, glm::length(p.position));
  for (const glm::vec2 p : all) farthest_ever = std::max(farthest_ever, glm::length(p));
  CHECK(all.size() > demo.parts.size());
  CHECK(farthest_ever > farthest_today * 1.3f);  // the exiles began far out
}
