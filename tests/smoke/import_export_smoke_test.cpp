// The binary's import and export at their edges: an import into a map with no parts only adds; an
// export never writes into the data folder, however --out is spelled; a file that cannot be read,
// holds a zero byte or would drive the terminal is refused plainly, and nothing changes.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "smoke/run_process.h"
#include "storage/map_store.h"
#include "storage/printable.h"
#include "storage/store.h"
#include "test_tmp.h"

namespace storage = innerscape::storage;
using innerscape::test::file_bytes;
using innerscape::test::run_innerscape;

namespace {

// Every file in the data folder and its bytes: "nothing was touched" is that this does not change.
std::map<std::string, std::string> folder_bytes(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) out[entry.path().lexically_relative(dir).string()] = file_bytes(entry.path());
  }
  return out;
}

std::string in(const std::filesystem::path& dir) { return "--data-dir '" + dir.string() + "' "; }

// A data folder holding a small map, imported through the binary.
std::filesystem::path small_map(const std::filesystem::path& root) {
  std::ofstream(root / "map.json") << R"({"format": "innerscape", "version": 1,
      "parts": [{"id": "1", "name": "Little one", "kind": "exile"}, {"id": "2", "name": "Sunny", "kind": "manager"}],
      "relationships": [{"from": "2", "to": "1", "kind": "protects"}]})";
  const auto dir = root / "data";
  REQUIRE(run_innerscape(in(dir) + "import '" + (root / "map.json").string() + "'").exit_code == 0);
  return dir;
}

}  // namespace

TEST_CASE("import into a map with no parts, pages or drawings keeps its soothing words, milestones and settings") {
  const auto root = innerscape::test::fresh_dir("import_keeps");
  const auto dir = root / "data";
  std::filesystem::create_directories(dir);
  {
    storage::OpenedStore store = storage::open_store(dir);
    REQUIRE(store.error.empty());
    storage::Snapshot mine = store.loaded.snapshot;
    mine.system.soothing = {"Breathe; you are here.", "This feeling will pass."};
    mine.system.milestones = {{.at = 1767225600, .title = "First kind word to myself"}};
    mine.settings.theme = innerscape::core::Theme::light;
    mine.settings.font_px = 22;
    mine.settings.idle_lock_minutes = 45;
    mine.settings.welcome_seen = true;
    REQUIRE(storage::save_changes(*store.db, store.loaded.snapshot, mine).empty());
  }
  std::ofstream(root / "one.json") << R"({"format": "innerscape", "version": 1,
      "parts": [{"id": "1", "name": "Little one", "kind": "exile"}]})";
  const auto r = run_innerscape(in(dir) + "import '" + (root / "one.json").string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  storage::OpenedStore after = storage::open_store(dir, true, false);
  REQUIRE(after.error.empty());
  const storage::Snapshot& s = after.loaded.snapshot;
  CHECK(s.system.parts.size() == 1);
  CHECK(s.system.soothing == std::vector<std::string>{"Breathe; you are here.", "This feeling will pass."});
  REQUIRE(s.system.milestones.size() == 1);
  CHECK(s.system.milestones[0].title == "First kind word to myself");
  CHECK(s.settings.theme == innerscape::core::Theme::light);
  CHECK(s.settings.font_px == 22);
  CHECK(s.settings.idle_lock_minutes == 45);
  CHECK(s.settings.welcome_seen);
}

TEST_CASE("export refuses any --out inside the data folder, however it is spelled, and touches nothing") {
  const auto root = innerscape::test::fresh_dir("export_into_data");
  const auto dir = small_map(root);
  const auto before = folder_bytes(dir);
  REQUIRE(before.count("innerscape.db") == 1);
  std::filesystem::create_directory_symlink(dir, root / "link");
  std::filesystem::create_directories(root / "notes");
  std::filesystem::create_directory_symlink(dir, root / "notes" / "parts");

  const std::vector<std::string> refused = {
      "--format json --out '" + (dir / "innerscape.db").string() + "'",
      "--format json --out '" + (dir / "innerscape.keyinfo").string() + "'",
      "--format json --out '" + (dir / "backups" / "map.json").string() + "'",
      "--format json --out '" + (root / "data" / ".." / "data" / "map.json").string() + "'",
      "--format json --out '" + (root / "link" / "innerscape.db").string() + "'",
      "--format md --out '" + dir.string() + "'",
      "--format md --out '" + (dir / "notes").string() + "'",
      "--format md --out '" + (root / "notes").string() + "'",  // its parts/ leads into the data folder
  };
  for (const std::string& args : refused) {
    INFO(args);
    const auto r = run_innerscape(in(dir) + "export " + args);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("export refused") != std::string::npos);
    CHECK(r.err.find("is inside your data folder") != std::string::npos);
    CHECK(r.err.find("Nothing was written") != std::string::npos);
    CHECK(r.out.empty());
    CHECK(folder_bytes(dir) == before);
  }
  // A relative --out, from inside the data folder.
  const auto relative = run_innerscape("--data-dir '" + dir.string() + "' export --format json --out innerscape.db", "cd '" + dir.string() + "' &&");
  CHECK(relative.exit_code == 1);
  CHECK(relative.err.find("is inside your data folder") != std::string::npos);
  CHECK(folder_bytes(dir) == before);

  // Beside the folder, with a name that begins the same: an export as ever.
  const auto beside = run_innerscape(in(dir) + "export --format json --out '" + (root / "data-copy.json").string() + "'");
  CHECK(beside.exit_code == 0);
  CHECK(std::filesystem::exists(root / "data-copy.json"));
}

TEST_CASE("an import file that cannot be read, holds a zero byte or would drive the terminal is refused plainly") {
  const auto root = innerscape::test::fresh_dir("import_refusals");
  const auto dir = small_map(root);
  const auto before = folder_bytes(dir);
  const auto refused = [&](const std::string& file, const std::string& says) {
    INFO(file);
    const auto r = run_innerscape(in(dir) + "import '" + file + "'");
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(says) != std::string::npos);
    CHECK(r.err.find("not valid JSON") == std::string::npos);
    CHECK(r.err.find("Nothing was changed") != std::string::npos);
    CHECK(storage::printable(r.err.substr(0, r.err.size() - 1)) == r.err.substr(0, r.err.size() - 1));  // one line, nothing raw
    CHECK(folder_bytes(dir) == before);
  };
  refused((root / "missing.json").string(), "there is no file at");
  refused(root.string(), "is a folder, not a file");
  refused("/proc/self/mem", "cannot be read: Input/output error");

  const std::string valid = file_bytes(root / "map.json");
  std::ofstream(root / "zero.json", std::ios::binary) << valid << std::string(1, '\0') << "garbage";
  refused((root / "zero.json").string(), "zero byte");
  std::ofstream(root / "tail.json", std::ios::binary) << valid << "garbage";
  refused((root / "tail.json").string(), "goes on after its JSON ends");
  std::ofstream(root / "pwned.json") << R"({"format": "innerscape", "version": 1, "parts": [
      {"id": "\u001b]0;pwned\u0007\u001b[2J", "name": "a", "kind": "exile"},
      {"id": "\u001b]0;pwned\u0007\u001b[2J", "name": "b", "kind": "exile"}]})";
  refused((root / "pwned.json").string(), R"("\u001b]0;pwned\u0007\u001b[2J" is used by an earlier part too)");
  std::ofstream(root / "view.json") << R"({"format": "innerscape", "version": 1, "view": 42})";
  refused((root / "view.json").string(), "view: expected an object");
}
