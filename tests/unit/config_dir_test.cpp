// The config folder (the window layout): where it is by the XDG rules, and that it is made private.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "storage/config_dir.h"
#include "test_tmp.h"

using namespace innerscape::storage;
namespace fs = std::filesystem;

TEST_CASE("the config folder: XDG_CONFIG_HOME, then HOME, else none") {
  CHECK(resolve_config_dir({.xdg_config_home = "/xdg", .home = "/home/a"}) == "/xdg/innerscape");
  CHECK(resolve_config_dir({.xdg_config_home = "/xdg", .home = std::nullopt}) == "/xdg/innerscape");
  CHECK(resolve_config_dir({.xdg_config_home = std::nullopt, .home = "/home/a"}) == "/home/a/.config/innerscape");
  // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
  CHECK(resolve_config_dir({.xdg_config_home = "rel/dir", .home = "/home/a"}) == "/home/a/.config/innerscape");
  // Nothing set: no folder at all, never the working folder.
  CHECK(resolve_config_dir({}).empty());
  CHECK(resolve_config_dir({.xdg_config_home = "rel", .home = std::nullopt}).empty());
}

TEST_CASE("the config folder is created with its parents and is private (0700)") {
  const fs::path dir = innerscape::test::fresh_dir("config_dir_new") / "config" / "innerscape";
  ::umask(022);
  CHECK(ensure_config_dir(dir).empty());
  CHECK(fs::is_directory(dir));
  struct stat st {};
  REQUIRE(::stat(dir.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0700);
}

TEST_CASE("a file in the way, or no place at all, is said, not papered over") {
  const fs::path file = innerscape::test::fresh_dir("config_dir_file") / "taken";
  std::ofstream(file) << "not a folder";
  CHECK(ensure_config_dir(file).find("not a folder") != std::string::npos);
  CHECK(!ensure_config_dir({}).empty());
}
