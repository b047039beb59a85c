// The commands that only read (check, export), run as a person would: they touch nothing in the
// data folder, refuse a folder that is not there, and name a busy file or a missing keyinfo, exit 1.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <map>

#include "smoke/run_process.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/passphrase_lock.h"
#include "storage/store.h"
#include "test_tmp.h"

using innerscape::test::file_bytes;
using innerscape::test::run_innerscape;
using innerscape::test::small_map_folder;
namespace fs = std::filesystem;
namespace storage = innerscape::storage;

namespace {

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Every entry under `dir`, with the bytes and modification time of each file.
std::map<std::string, std::pair<std::string, fs::file_time_type>> state_of(const fs::path& dir) {
  std::map<std::string, std::pair<std::string, fs::file_time_type>> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = fs::relative(e.path(), dir).string();
    out[name] = e.is_regular_file() ? std::pair{file_bytes(e.path()), fs::last_write_time(e.path())} : std::pair{std::string("<dir>"), fs::file_time_type{}};
  }
  return out;
}


}  // namespace

TEST_CASE("check and export touch nothing: no migration written, no backup made or pruned, every byte and time as it was") {
  const auto root = innerscape::test::fresh_dir("cli_read_only");
  const auto dir = root / "data";
  fs::create_directories(storage::backups_dir(dir));
  {
    // As an earlier Innerscape left it: the schema before the last step, two parts in it.
    std::string error;
    auto db = storage::Database::open(dir / storage::database_file_name, error);
    REQUIRE(db != nullptr);
    REQUIRE(storage::migrate_to(*db, storage::latest_schema_version() - 1).empty());
    REQUIRE(db->exec("INSERT INTO parts (id, sort, name, kind, needs_to_hear, created_at, updated_at) VALUES "
                     "(1, 0, 'Little one', 'exile', '', 1, 1), (2, 1, 'Sunny', 'manager', 'You are enough.', 1, 1)").empty());
  }
  // More than seven backups, the newest over a day old: a writer would make one and prune.
  for (int day = 1; day <= 8; ++day) {
    fs::copy_file(dir / storage::database_file_name, storage::backups_dir(dir) / ("innerscape-2020010" + std::to_string(day) + "-000000.db"));
  }
  for (const auto& b : storage::list_backups(dir)) fs::last_write_time(b, fs::file_time_type::clock::now() - std::chrono::hours(48));
  const auto before = state_of(dir);

  const auto check = run_innerscape("--data-dir '" + dir.string() + "' check");
  CHECK(check.exit_code == 0);
  CHECK_MESSAGE(has(check.out, "2 parts"), (check.out + check.err));
  const auto json = run_innerscape("--data-dir '" + dir.string() + "' export --format json --out '" + (root / "out.json").string() + "'");
  CHECK(json.exit_code == 0);
  CHECK_MESSAGE(has(json.out, "Exported 2 parts"), (json.out + json.err));
  CHECK(has(file_bytes(root / "out.json"), "You are enough."));
  const auto md = run_innerscape("--data-dir '" + dir.string() + "' export --format md --out '" + (root / "notes").string() + "'");
  CHECK(md.exit_code == 0);

  CHECK(state_of(dir) == before);  // not a file added, removed, changed or touched
}

TEST_CASE("check and export refuse a data folder that is not there, or is a file, and create nothing") {
  const auto root = innerscape::test::fresh_dir("cli_no_folder");
  const auto missing = root / "mistyped";
  const auto exported = run_innerscape("--data-dir '" + missing.string() + "' export --format json --out '" + (root / "out.json").string() + "'");
  CHECK(exported.exit_code == 1);
  CHECK(has(exported.err, "There is no folder"));
  CHECK(!has(exported.out, "Exported"));
  CHECK(!fs::exists(missing));
  CHECK(!fs::exists(root / "out.json"));
  const auto checked = run_innerscape("--data-dir '" + missing.string() + "' check");
  CHECK(checked.exit_code == 1);
  CHECK(!fs::exists(missing));

  std::ofstream(root / "a-file") << "not a folder";
  const auto file_check = run_innerscape("--data-dir '" + (root / "a-file").string() + "' check");
  CHECK(file_check.exit_code == 1);
  CHECK(has(file_check.err, "is a file"));
  const auto file_export = run_innerscape("--data-dir '" + (root / "a-file").string() + "' export --format md --out '" + (root / "n").string() + "'");
  CHECK(file_export.exit_code == 1);
  CHECK(file_bytes(root / "a-file") == "not a folder");
}

TEST_CASE("export while another program holds the map: named busy, exit 1, nothing exported or set aside") {
  const auto root = innerscape::test::fresh_dir("cli_busy");
  const auto dir = small_map_folder(root);
  const auto before = file_bytes(dir / storage::database_file_name);
  sqlite3* holder = nullptr;
  REQUIRE(sqlite3_open((dir / storage::database_file_name).c_str(), &holder) == SQLITE_OK);
  REQUIRE(sqlite3_exec(holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE self_state SET glow = glow;", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  const auto exported = run_innerscape("--data-dir '" + dir.string() + "' export --format json --out '" + (root / "out.json").string() + "'");
  const auto imported = run_innerscape("--data-dir '" + dir.string() + "' import '" + (root / "map.json").string() + "'");
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  CHECK(exported.exit_code == 1);
  CHECK(has(exported.err, "Another program"));
  CHECK(!fs::exists(root / "out.json"));
  CHECK(imported.exit_code == 1);
  CHECK(has(imported.err, "Another program"));
  for (const auto& e : fs::directory_iterator(dir)) CHECK(!has(e.path().filename().string(), "corrupt"));
  CHECK(file_bytes(dir / storage::database_file_name) == before);
  // Let go, it exports the whole map.
  const auto again = run_innerscape("--data-dir '" + dir.string() + "' export --format json --out '" + (root / "out.json").string() + "'");
  CHECK(again.exit_code == 0);
  CHECK(has(again.out, "Exported 2 parts"));
}

TEST_CASE("a locked map whose keyinfo is missing: export and check say what is missing, exit 1, and nothing is replaced") {
  const auto root = innerscape::test::fresh_dir("cli_no_keyinfo");
  const auto dir = small_map_folder(root);
  {
    std::ofstream(root / "pass.txt") << "a quiet harbour";
  }
  REQUIRE(run_innerscape("--data-dir '" + dir.string() + "' lock --passphrase-file '" + (root / "pass.txt").string() + "'").exit_code == 0);
  fs::remove(dir / storage::keyinfo_file_name);
  const auto before = file_bytes(dir / storage::database_file_name);
  const auto exported = run_innerscape("--data-dir '" + dir.string() + "' export --format json --out '" + (root / "out.json").string() + "'");
  CHECK(exported.exit_code == 1);
  CHECK(has(exported.err, "innerscape.keyinfo"));
  const auto checked = run_innerscape("--data-dir '" + dir.string() + "' check");
  CHECK(checked.exit_code == 1);
  const auto imported = run_innerscape("--data-dir '" + dir.string() + "' import '" + (root / "map.json").string() + "'");
  CHECK(imported.exit_code == 1);
  CHECK(has(imported.err, "innerscape.keyinfo"));
  const auto unlocked = run_innerscape("--data-dir '" + dir.string() + "' unlock --passphrase-file '" + (root / "pass.txt").string() + "'");
  CHECK(unlocked.exit_code == 1);
  CHECK(has(unlocked.err, "innerscape.keyinfo"));
  for (const auto& e : fs::directory_iterator(dir)) CHECK(!has(e.path().filename().string(), "corrupt"));
  CHECK(file_bytes(dir / storage::database_file_name) == before);
}
