// The binary's screenshot, end to end: a real PNG of the scene and overlay, and the data folder rules.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ctime>
#include <iterator>
#include <vector>

#include "smoke/run_process.h"
#include "storage/map_store.h"
#include "storage/png.h"
#include "storage/store.h"

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

  // The Self glows warm in the middle of the frame (framed between the welcome and the palette, so a
  // little off the exact centre): its brightest pixel there is warm.
  std::array<std::uint8_t, 4> centre{};
  for (int y = 260; y <= 460; y += 2) {
    for (int x = 540; x <= 740; x += 2) {
      const auto p = core::pixel(image, x, y);
      if (p[0] > centre[0]) centre = {p[0], p[1], p[2], p[3]};
    }
  }
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

TEST_CASE("a clean run says nothing on stderr: every shader compiled and the font was found") {
  const auto dir = fresh_dir("shot_quiet");
  const auto r = run_innerscape("--demo --frames 2 --screenshot '" + (dir / "q.png").string() + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}

TEST_CASE("a shader that does not compile is reported, and the app still draws the rest") {
  namespace fs = std::filesystem;
  const auto dir = fresh_dir("broken_shader");
  // A copy of the app whose self.frag is broken: shaders are found beside the binary.
  fs::copy_file(INNERSCAPE_BINARY, dir / "innerscape");
  fs::create_directories(dir / "shaders");
  for (const auto& entry : fs::directory_iterator(fs::path(INNERSCAPE_BINARY).parent_path() / "shaders")) {
    fs::copy_file(entry.path(), dir / "shaders" / entry.path().filename());
  }
  {
    std::ofstream broken(dir / "shaders" / "self.frag", std::ios::trunc);
    broken << "#version 330 core\nout vec4 c;\nvoid main() { c = vec4(oops); }\n";
  }
  const auto shot = dir / "b.png";
  const std::string cmd = "'" + (dir / "innerscape").string() + "' --demo --frames 3 --screenshot '" + shot.string() +
                          "' 2>'" + (dir / "err").string() + "'";
  const int status = std::system(cmd.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  std::ifstream err_in(dir / "err");
  const std::string err((std::istreambuf_iterator<char>(err_in)), std::istreambuf_iterator<char>());
  CHECK(err.find("self.frag did not compile") != std::string::npos);

  const core::Image image = storage::read_png(shot);
  REQUIRE(image.size == glm::ivec2(1280, 720));
  // No Self at the centre (its shader failed), but the background is still there.
  const auto centre = core::pixel(image, 640, 360);
  CHECK(centre[0] < 150);
  CHECK(centre[0] + centre[1] + centre[2] > 0);
}

TEST_CASE("installed with cmake --install, the app finds its shaders under share/innerscape") {
  const auto dir = fresh_dir("install");
  const auto prefix = dir / "prefix";
  const std::string install = "'" CMAKE_COMMAND "' --install '" INNERSCAPE_BUILD_DIR "' --prefix '" + prefix.string() +
                              "' >/dev/null";
  REQUIRE(std::system(install.c_str()) == 0);
  CHECK(std::filesystem::exists(prefix / "bin" / "innerscape"));
  CHECK(std::filesystem::exists(prefix / "share" / "innerscape" / "shaders" / "self.frag"));

  // The desktop's own files, by the app's id, and both validators content with them (errors fail;
  // appstreamcli's pedantic notes, such as the upper-case letter in the id, and hints pass).
  const auto share = prefix / "share";
  const auto desktop = share / "applications" / "io.github.innerscape.Innerscape.desktop";
  const auto metainfo = share / "metainfo" / "io.github.innerscape.Innerscape.metainfo.xml";
  CHECK(std::filesystem::exists(desktop));
  CHECK(std::filesystem::exists(metainfo));
  CHECK(std::filesystem::exists(share / "icons" / "hicolor" / "scalable" / "apps" / "io.github.innerscape.Innerscape.svg"));
  const std::string validate_desktop = "desktop-file-validate '" + desktop.string() + "' >'" + (dir / "desktop.log").string() + "' 2>&1";
  CHECK_MESSAGE(std::system(validate_desktop.c_str()) == 0, "desktop-file-validate failed; see ", (dir / "desktop.log").string());
  const std::string validate_metainfo =
      "appstreamcli validate --no-net '" + metainfo.string() + "' >'" + (dir / "metainfo.log").string() + "' 2>&1";
  CHECK_MESSAGE(std::system(validate_metainfo.c_str()) == 0, "appstreamcli validate failed; see ", (dir / "metainfo.log").string());
  const auto shot = dir / "i.png";
  const std::string run = "cd / && '" + (prefix / "bin" / "innerscape").string() + "' --demo --frames 2 --screenshot '" +
                          shot.string() + "' 2>'" + (dir / "err").string() + "'";
  CHECK(std::system(run.c_str()) == 0);
  CHECK(std::filesystem::file_size(dir / "err") == 0);
  CHECK(storage::read_png(shot).size == glm::ivec2(1280, 720));
}

TEST_CASE("the open app keeps its window layout in $XDG_CONFIG_HOME/innerscape (0700); a screenshot keeps none") {
  const auto dir = fresh_dir("layout");
  std::filesystem::create_directories(dir / "cwd");
  const std::string env = "cd '" + (dir / "cwd").string() + "' && XDG_CONFIG_HOME='" + (dir / "config").string() + "' ";

  // A screenshot (like --bench, --demo and the tests) must draw the same every time: no layout read or written.
  const std::string shot = env + "'" INNERSCAPE_BINARY "' --demo --frames 2 --screenshot '" + (dir / "s.png").string() + "'";
  CHECK(std::system(shot.c_str()) == 0);
  CHECK(!std::filesystem::exists(dir / "config"));
  CHECK(!std::filesystem::exists(dir / "cwd" / "imgui.ini"));

  // The app as a person opens it; SIGTERM closes it the way closing the window does (SDL makes it a quit).
  const std::string app = env + "timeout -k 20 -s TERM 5 '" INNERSCAPE_BINARY "' --data-dir '" + (dir / "data").string() + "' 2>'" +
                          (dir / "err").string() + "'";
  [[maybe_unused]] const int ended = std::system(app.c_str());  // 124: timeout ended it
  const auto ini = dir / "config" / "innerscape" / "imgui.ini";
  CHECK(std::filesystem::exists(ini));
  CHECK(std::filesystem::file_size(ini) > 0);
  struct stat st {};
  REQUIRE(::stat((dir / "config" / "innerscape").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0700);
  CHECK(!std::filesystem::exists(dir / "cwd" / "imgui.ini"));
}

namespace {

// Every frame-*.png in `dir`, in order.
std::vector<core::Image> read_frames(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path());
  std::sort(names.begin(), names.end());
  std::vector<core::Image> frames;
  for (const auto& name : names) frames.push_back(storage::read_png(name));
  return frames;
}

// Pixels that differ in the top-left `area` of two pictures (all of them when not given).
long differing_pixels(const core::Image& a, const core::Image& b, glm::ivec2 area = glm::ivec2(1 << 30)) {
  REQUIRE(a.size == b.size);
  area = glm::min(area, a.size);
  long n = 0;
  for (int y = 0; y < area.y; ++y) {
    for (int x = 0; x < area.x; ++x) {
      const auto p = core::pixel(a, x, y), q = core::pixel(b, x, y);
      if (p[0] != q[0] || p[1] != q[1] || p[2] != q[2]) ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("--timelapse draws the demo's story as numbered frames that change, and says how to join them") {
  const auto dir = fresh_dir("timelapse_demo");
  const auto r = run_innerscape("--demo --timelapse '" + dir.string() + "' --fps 4 --seconds 2 --size 320x180");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("ffmpeg -framerate 4 -i " + (dir / "frame-%05d.png").string()) != std::string::npos);
  CHECK(std::filesystem::exists(dir / "frame-00001.png"));
  CHECK(std::filesystem::exists(dir / "frame-00008.png"));
  const std::vector<core::Image> frames = read_frames(dir);
  REQUIRE(frames.size() == 8);  // 4 a second for 2 seconds, and nothing else
  for (const core::Image& f : frames) CHECK(f.size == glm::ivec2(320, 180));
  // The story moves: the first frame is not the last, and most frames differ from the one before
  // (the demo's year ends some months before today, so the last frames may hold still).
  CHECK(differing_pixels(frames.front(), frames.back()) > 2000);
  int changed = 0;
  for (std::size_t i = 1; i < frames.size(); ++i) changed += differing_pixels(frames[i - 1], frames[i]) > 200 ? 1 : 0;
  CHECK(changed >= 3);
}

TEST_CASE("the last frame of a time-lapse is today's map, as --screenshot draws it") {
  const auto root = fresh_dir("timelapse_today");
  const auto data = root / "data";
  const auto frames = root / "frames";
  std::filesystem::create_directories(frames);
  {
    // Two months of a small map, saved day by day as the app saves them: parts arrive, trust grows,
    // the Self brightens, a relationship is drawn. Nothing moves, so the story's framing is today's.
    std::filesystem::create_directories(data);
    std::filesystem::permissions(data, std::filesystem::perms::owner_all);
    storage::OpenedStore store = storage::open_store(data);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    storage::Snapshot saved = store.loaded.snapshot;
    storage::Snapshot day = saved;
    day.settings.welcome_seen = true;  // no welcome panel over the screenshot's scene
    day.settings.soothing_seeded = true;
    const std::int64_t start = static_cast<std::int64_t>(std::time(nullptr)) - 60 * 86400;
    auto save = [&](int d) {
      day.at = start + d * 86400;
      REQUIRE(storage::save_changes(*store.db, saved, day).empty());
      saved = day;
    };
    auto part = [&](core::PartId id, core::PartKind kind, glm::vec2 at, const char* name) {
      core::Part p{.id = id, .name = name, .kind = kind, .position = at, .trust = 20};
      day.system.parts.push_back(p);
      day.system.next_id = id + 1;
    };
    day.system.self.glow = 0.35f;
    part(1, core::PartKind::manager, {0.55f, 0.25f}, "Planner");
    part(2, core::PartKind::firefighter, {-0.5f, 0.35f}, "Scroller");
    save(0);
    part(3, core::PartKind::exile, {0.05f, -0.55f}, "Little one");
    day.system.self.glow = 0.55f;
    save(20);
    day.system.parts[0].trust = 70;
    day.system.relationships.push_back({.from = 1, .to = 3, .kind = core::RelationKind::protects});
    save(40);
    day.system.self.glow = 0.85f;
    day.system.parts[1].size = 0.7f;
    save(55);
  }
  const std::string at = "--data-dir '" + data.string() + "' ";  // 1280x720: the panels leave the scene room
  const auto lapse = run_innerscape(at + "--timelapse '" + frames.string() + "' --fps 2 --seconds 2");
  INFO(lapse.err);
  REQUIRE(lapse.exit_code == 0);
  const auto shot = run_innerscape(at + "--screenshot '" + (root / "today.png").string() + "'");
  REQUIRE(shot.exit_code == 0);
  const std::vector<core::Image> story = read_frames(frames);
  REQUIRE(story.size() == 4);
  const core::Image today = storage::read_png(root / "today.png");
  // The scene area: above the dock and left of the Parts palette, which the screenshot draws and the
  // time-lapse leaves out (the day's caption sits low on the left, under it). Pixel for pixel: the
  // same map, view and moment of the scene.
  constexpr glm::ivec2 scene_area{950, 590};
  CHECK(differing_pixels(story.back(), today, scene_area) == 0);
  CHECK(differing_pixels(story.front(), today, scene_area) > 2000);  // the first day was another map
  CHECK(differing_pixels(story.back(), today) > 2000);               // the panels and the day's caption
}

TEST_CASE("--screenshot --day draws the map as it was that day, with the timeline open on it") {
  const auto dir = fresh_dir("shot_day");
  const auto past = run_innerscape("--demo --size 640x360 --day 2025-05-01 --screenshot '" + (dir / "may.png").string() + "'");
  INFO(past.err);
  REQUIRE(past.exit_code == 0);
  REQUIRE(run_innerscape("--demo --size 640x360 --screenshot '" + (dir / "now.png").string() + "'").exit_code == 0);
  const core::Image may = storage::read_png(dir / "may.png"), now = storage::read_png(dir / "now.png");
  REQUIRE(may.size == glm::ivec2(640, 360));
  CHECK(differing_pixels(may, now) > 5000);
}
