// Every file Innerscape writes that holds a person's words is theirs alone: 0600 files in 0700
// folders, whatever the umask, exports and pictures included.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "core/demo_system.h"
#include "core/image.h"
#include "core/settings.h"
#include "storage/backup.h"
#include "storage/config_dir.h"
#include "storage/data_dir.h"
#include "storage/json_format.h"
#include "storage/markdown_export.h"
#include "storage/png.h"
#include "storage/private_files.h"
#include "storage/settings_file.h"
#include "storage/store.h"
#include "storage/synced_file.h"
#include "test_tmp.h"

using namespace innerscape;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE_MESSAGE(::stat(p.c_str(), &st) == 0, p.string());
  return st.st_mode & 0777;
}

// The common umask: without care, files come out 0644 and folders 0755.
struct Umask022 {
  mode_t old = ::umask(022);
  ~Umask022() { ::umask(old); }
};

// Every file under `dir` is 0600 and every folder 0700 (`dir` itself included).
void check_private_tree(const fs::path& dir) {
  CHECK_MESSAGE(mode_of(dir) == 0700, dir.string());
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_directory()) {
      CHECK_MESSAGE(mode_of(e.path()) == 0700, e.path().string());
    } else {
      CHECK_MESSAGE(mode_of(e.path()) == 0600, e.path().string());
      ++files;
    }
  }
  CHECK(files > 0);
}

core::Image small_picture() {
  core::Image image = core::make_image({4, 3});
  for (auto& byte : image.rgba) byte = 200;
  return image;
}

}  // namespace

TEST_CASE("make_private_dir: the folder and every folder it makes on the way are 0700; an existing one is made 0700") {
  const Umask022 umask;
  const fs::path root = test::fresh_dir("private_dirs");
  REQUIRE(storage::make_private_dir(root / "a" / "b" / "c").empty());
  CHECK(mode_of(root / "a") == 0700);
  CHECK(mode_of(root / "a" / "b") == 0700);
  CHECK(mode_of(root / "a" / "b" / "c") == 0700);
  fs::create_directory(root / "open");
  fs::permissions(root / "open", fs::perms(0755));
  REQUIRE(storage::make_private_dir(root / "open").empty());
  CHECK(mode_of(root / "open") == 0700);
  std::ofstream(root / "file") << "x";
  CHECK(!storage::make_private_dir(root / "file").empty());
}

TEST_CASE("the Markdown export: its folders 0700, its notes and drawings 0600") {
  const Umask022 umask;
  const fs::path out = test::fresh_dir("private_markdown") / "my map";
  storage::Snapshot snapshot;
  snapshot.system = core::make_demo_system();
  core::Drawing drawing;
  drawing.id = 1;
  drawing.title = "A quiet place";
  snapshot.system.drawings.push_back(drawing);
  REQUIRE(storage::export_markdown(snapshot, out) == "");
  REQUIRE(fs::exists(out / "README.md"));
  REQUIRE(fs::exists(out / "drawings" / storage::drawing_file_name(drawing)));
  check_private_tree(out);
}

TEST_CASE("pictures (drawings saved as PNG, screenshots) are 0600, even over an older 0644 file") {
  const Umask022 umask;
  const fs::path dir = test::fresh_dir("private_png");
  REQUIRE(storage::write_png(dir / "new.png", small_picture()).empty());
  CHECK(mode_of(dir / "new.png") == 0600);
  std::ofstream(dir / "old.png") << "an older picture";
  fs::permissions(dir / "old.png", fs::perms(0644));
  REQUIRE(storage::write_png(dir / "old.png", small_picture()).empty());
  CHECK(mode_of(dir / "old.png") == 0600);
  CHECK(storage::read_png(dir / "old.png").size == glm::ivec2(4, 3));
}

TEST_CASE("the JSON export, the settings file and small synced files are 0600, even over an older 0644 file") {
  const Umask022 umask;
  const fs::path dir = test::fresh_dir("private_json");
  storage::Snapshot snapshot;
  snapshot.system = core::make_demo_system();
  REQUIRE(storage::write_json_file(snapshot, dir / "copy.json", std::time(nullptr)).empty());
  CHECK(mode_of(dir / "copy.json") == 0600);
  REQUIRE(storage::write_settings_file(dir / "settings.json", core::Settings{}).empty());
  CHECK(mode_of(dir / "settings.json") == 0600);
  std::ofstream(dir / "note") << "older";
  fs::permissions(dir / "note", fs::perms(0644));
  REQUIRE(storage::write_synced(dir / "note", "newer").empty());
  CHECK(mode_of(dir / "note") == 0600);
}

TEST_CASE("the data folder, the config folder, the database and its backups are private, the folders above them too") {
  const Umask022 umask;
  const fs::path root = test::fresh_dir("private_store");
  const fs::path data = root / "share" / "innerscape";
  REQUIRE(storage::ensure_private_dir(data).empty());
  CHECK(mode_of(root / "share") == 0700);
  const fs::path config = root / "config" / "innerscape";
  REQUIRE(storage::ensure_config_dir(config).empty());
  CHECK(mode_of(root / "config") == 0700);
  storage::OpenedStore store = storage::open_store(data, true, false);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  REQUIRE(storage::rolling_backup(*store.db, data, std::time(nullptr)).empty());
  store.db.reset();
  check_private_tree(data);
  CHECK(mode_of(config) == 0700);
}

TEST_CASE("make_private_file makes a file another library writes in place 0600 (imgui.ini), keeping what it holds") {
  const Umask022 umask;
  const fs::path dir = test::fresh_dir("private_file");
  REQUIRE(storage::make_private_file(dir / "imgui.ini").empty());
  CHECK(mode_of(dir / "imgui.ini") == 0600);
  CHECK(fs::file_size(dir / "imgui.ini") == 0);
  std::ofstream(dir / "older.ini") << "[Window][Journal]\n";
  fs::permissions(dir / "older.ini", fs::perms(0644));
  REQUIRE(storage::make_private_file(dir / "older.ini").empty());
  CHECK(mode_of(dir / "older.ini") == 0600);
  CHECK(fs::file_size(dir / "older.ini") > 0);
}

TEST_CASE("overwrite_and_remove: the bytes are zeros before the name goes") {
  const fs::path dir = test::fresh_dir("private_overwrite");
  std::ofstream(dir / "words") << std::string(100000, 'w');
  fs::create_hard_link(dir / "words", dir / "peek");
  REQUIRE(storage::overwrite_and_remove(dir / "words").empty());
  CHECK(!fs::exists(dir / "words"));
  std::ifstream in(dir / "peek", std::ios::binary);
  const std::string left((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(left.size() == 100000);
  CHECK(left.find_first_not_of('\0') == std::string::npos);
  CHECK(storage::overwrite_and_remove(dir / "never there").empty());
}
