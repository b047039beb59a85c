// settings.json in the config folder: the comfort settings round-trip, a damaged file is said and left
// alone, and a write is whole or not at all.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "storage/settings_file.h"
#include "test_tmp.h"

using namespace innerscape;
namespace fs = std::filesystem;

namespace {

std::string bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

core::Settings comfortable() {
  return {.ambient_motion = false, .ambient_always = true, .tones = false, .volume = 55, .ui_scale_percent = 200, .font_px = 22,
          .theme = core::Theme::light};
}

}  // namespace

TEST_CASE("settings.json: the comfort settings round-trip; the map's own state is neither written nor read") {
  const fs::path file = test::fresh_dir("settings_file_round") / storage::settings_file_name;
  CHECK(storage::read_settings_file(file).comfort == std::nullopt);  // none yet: no problem either
  CHECK(storage::read_settings_file(file).problem.empty());

  core::Settings s = comfortable();
  s.welcome_seen = true;
  s.soothing_seeded = true;
  s.idle_lock_minutes = 5;
  REQUIRE(storage::write_settings_file(file, s).empty());
  const std::string text = bytes(file);
  CHECK(text.find("\"ui_scale_percent\": 200") != std::string::npos);
  CHECK(text.find("welcome_seen") == std::string::npos);
  CHECK(text.find("idle_lock_minutes") == std::string::npos);

  const storage::SettingsFile back = storage::read_settings_file(file);
  REQUIRE(back.comfort.has_value());
  CHECK(back.problem.empty());
  CHECK(*back.comfort == comfortable());  // the comfort, and the defaults for the rest

  // Map state someone wrote into the file by hand is not taken from it.
  std::ofstream(file) << R"({"font_px": 14, "welcome_seen": true, "idle_lock_minutes": 0})";
  const storage::SettingsFile hand = storage::read_settings_file(file);
  REQUIRE(hand.comfort.has_value());
  CHECK(hand.comfort->font_px == 14);
  CHECK_FALSE(hand.comfort->welcome_seen);
  CHECK(hand.comfort->idle_lock_minutes == core::Settings{}.idle_lock_minutes);
}

TEST_CASE("settings.json: a damaged or unreadable file is said plainly, read as nothing and left as it is") {
  const fs::path dir = test::fresh_dir("settings_file_damaged");
  const fs::path file = dir / storage::settings_file_name;
  for (const std::string& damaged : {std::string(R"({"ui_scale_percent": 20)"), std::string(R"({"ui_scale_percent": 900})"),
                                     std::string(R"({"theme": "neon"})"), std::string("[1, 2]"), std::string("\x01\x02garbage")}) {
    CAPTURE(damaged);
    std::ofstream(file, std::ios::trunc) << damaged;
    const storage::SettingsFile read = storage::read_settings_file(file);
    CHECK_FALSE(read.comfort.has_value());
    CHECK(read.problem.find(file.string()) != std::string::npos);
    CHECK(read.problem.find("usual size") != std::string::npos);
    CHECK(bytes(file) == damaged);
  }
  std::ofstream(file, std::ios::trunc) << R"({"ui_scale_percent": 900})";
  CHECK(storage::read_settings_file(file).problem.find("settings.ui_scale_percent: expected a whole number from 75 to 200") !=
        std::string::npos);
  fs::remove(file);
  fs::create_directory(file);  // a folder where the file should be
  CHECK(storage::read_settings_file(file).problem.find("not a file") != std::string::npos);
}

TEST_CASE("settings.json is written whole or not at all, for the person alone (0600)") {
  const fs::path dir = test::fresh_dir("settings_file_atomic");
  const fs::path file = dir / storage::settings_file_name;
  ::umask(022);
  REQUIRE(storage::write_settings_file(file, comfortable()).empty());
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  CHECK_FALSE(fs::exists(dir / "settings.json.tmp"));  // nothing left beside it

  // A write that cannot finish (here its temporary file cannot be made) leaves the old file whole.
  const std::string before = bytes(file);
  fs::create_directory(dir / "settings.json.tmp");
  core::Settings other = comfortable();
  other.font_px = 12;
  const std::string problem = storage::write_settings_file(file, other);
  CHECK_FALSE(problem.empty());
  CHECK(problem.find("settings.json.tmp") != std::string::npos);
  CHECK(bytes(file) == before);
  CHECK(storage::read_settings_file(file).comfort == comfortable());

  // With the way clear, the new settings replace the old in one step.
  fs::remove(dir / "settings.json.tmp");
  REQUIRE(storage::write_settings_file(file, other).empty());
  CHECK(storage::read_settings_file(file).comfort->font_px == 12);
}
