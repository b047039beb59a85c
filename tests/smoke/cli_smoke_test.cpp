// The binary's command line, end to end: help, version, and refusals that exit 2 with a reason.
#include <doctest/doctest.h>

#include "core/demo_system.h"
#include "smoke/run_process.h"
#include "storage/json_format.h"
#include "storage/data_lock.h"
#include "storage/passphrase_lock.h"
#include "storage/store.h"
#include "test_tmp.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>

using innerscape::test::file_bytes;
using innerscape::test::run_innerscape;
using innerscape::test::small_map_folder;

TEST_CASE("--version prints the name and an X.Y.Z version") {
  const auto r = run_innerscape("--version");
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("innerscape ", 0) == 0);
  CHECK(r.out == "innerscape " INNERSCAPE_VERSION "\n");
}

TEST_CASE("--help shows every flag and command the parser accepts, one line each, and where files live") {
  const auto r = run_innerscape("--help");
  CHECK(r.exit_code == 0);
  // Each begins its own line of the help (the list mirrors parse_cli's branches).
  for (const char* entry : {"--demo", "--data-dir DIR", "--canvas", "--passphrase-file FILE", "--new-passphrase-file FILE",
                            "--screenshot FILE.png", "--size WxH", "--frames N", "--breathe PATTERN", "--at SECONDS", "--bench",
                            "--json", "--only SCENARIO", "--timelapse DIR", "--fps N", "--seconds S", "--day YYYY-MM-DD", "-h, --help", "-V, --version", "check", "export --format json --out FILE",
                            "export --format md --out FOLDER", "import FILE.json", "lock", "lock --new-passphrase-file FILE",
                            "unlock"}) {
    CHECK_MESSAGE(r.out.find("\n  " + std::string(entry) + " ") != std::string::npos, entry);
  }
  CHECK(r.out.find("$XDG_DATA_HOME/innerscape") != std::string::npos);
  CHECK(r.out.find("$XDG_CONFIG_HOME/innerscape") != std::string::npos);
  std::size_t start = 0;
  while (start < r.out.size()) {
    const std::size_t end = r.out.find('\n', start);
    CHECK_MESSAGE(end - start <= 100, r.out.substr(start, end - start));  // fits a terminal
    start = end + 1;
  }
}

TEST_CASE("a wrong flag gives a one-line reason plus the usage, and exits 2") {
  const auto r = run_innerscape("--no-such-flag");
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("innerscape: unknown option '--no-such-flag'.\n", 0) == 0);
  CHECK(r.err.find("Usage: innerscape") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("an incomplete flag exits 2 and says what it needs") {
  const auto r = run_innerscape("--screenshot");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--screenshot needs a file name") != std::string::npos);
  const auto s = run_innerscape("--screenshot x.png --size 5x5");
  CHECK(s.exit_code == 2);
  CHECK(s.err.find("is not a size") != std::string::npos);
}

TEST_CASE("check says a sound store is sound, and a damaged one is not, changing nothing") {
  const auto root = innerscape::test::fresh_dir("check_cmd");
  const auto dir = root / "data";
  std::filesystem::create_directories(dir);
  const auto empty = run_innerscape("--data-dir '" + dir.string() + "' check");
  CHECK(empty.exit_code == 0);
  CHECK(empty.out.find("nothing to check") != std::string::npos);

  // A picture of a folder with no map yet makes no map: a first run writes nothing.
  const auto shot = run_innerscape("--frames 1 --data-dir '" + dir.string() + "' --screenshot '" + (root / "s.png").string() + "'");
  REQUIRE(shot.exit_code == 0);
  CHECK(run_innerscape("--data-dir '" + dir.string() + "' check").out.find("nothing to check") != std::string::npos);

  REQUIRE(innerscape::test::small_map_folder(root) == dir);
  const auto sound = run_innerscape("--data-dir '" + dir.string() + "' check");
  CHECK(sound.exit_code == 0);
  CHECK(sound.out.find("sound") != std::string::npos);

  { std::ofstream(dir / "innerscape.db", std::ios::binary | std::ios::trunc) << std::string(5000, 'z'); }
  const auto damaged = run_innerscape("--data-dir '" + dir.string() + "' check");
  CHECK(damaged.exit_code == 1);
  CHECK(damaged.out.find("has a problem") != std::string::npos);
  std::ifstream in(dir / "innerscape.db", std::ios::binary);
  const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(after == std::string(5000, 'z'));  // check changed nothing
}

TEST_CASE("export, import into an empty folder, export again: identical; a bad import changes nothing") {
  const auto root = innerscape::test::fresh_dir("export_import");
  const auto a = root / "a";
  const auto b = root / "b";
  // Fill folder a from a hand-written file (the demo-like map), through the real binary.
  {
    std::ofstream f(root / "start.json");
    f << R"({"format": "innerscape", "version": 1,
      "parts": [{"id": "1", "name": "Little one", "kind": "exile", "age": 6},
                {"id": "2", "name": "Sunny", "kind": "manager", "needs_to_hear": "You are enough."}],
      "relationships": [{"from": "2", "to": "1", "kind": "protects"}]})";
  }
  REQUIRE(run_innerscape("--data-dir '" + a.string() + "' import '" + (root / "start.json").string() + "'").exit_code == 0);
  const auto first = run_innerscape("--data-dir '" + a.string() + "' export --format json --out '" + (root / "one.json").string() + "'");
  REQUIRE(first.exit_code == 0);
  REQUIRE(run_innerscape("--data-dir '" + b.string() + "' import '" + (root / "one.json").string() + "'").exit_code == 0);
  REQUIRE(run_innerscape("--data-dir '" + b.string() + "' export --format json --out '" + (root / "two.json").string() + "'").exit_code == 0);
  auto without_time = [](const std::filesystem::path& p) {
    std::ifstream in(p);
    std::string text, line;
    while (std::getline(in, line)) {
      if (line.find("exported_at") == std::string::npos) text += line + "\n";
    }
    return text;
  };
  CHECK(without_time(root / "one.json") == without_time(root / "two.json"));
  CHECK(without_time(root / "one.json").find("You are enough.") != std::string::npos);

  {
    std::ofstream f(root / "bad.json");
    f << R"({"format": "innerscape", "version": 1, "parts": [{"id": "x", "name": "New", "kind": "exile"}],
            "relationships": [{"from": "x", "to": "nobody", "kind": "allied"}]})";
  }
  const auto bad = run_innerscape("--data-dir '" + b.string() + "' import '" + (root / "bad.json").string() + "'");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("relationships[0].to: no part has the id \"nobody\"") != std::string::npos);
  CHECK(bad.err.find("Nothing was changed") != std::string::npos);
  REQUIRE(run_innerscape("--data-dir '" + b.string() + "' export --format json --out '" + (root / "three.json").string() + "'").exit_code == 0);
  CHECK(without_time(root / "three.json") == without_time(root / "two.json"));

  const auto md = run_innerscape("--data-dir '" + b.string() + "' export --format md --out '" + (root / "notes").string() + "'");
  CHECK(md.exit_code == 0);
  CHECK(std::filesystem::exists(root / "notes" / "README.md"));
  CHECK(std::filesystem::exists(root / "notes" / "parts" / "sunny-2.md"));
}

TEST_CASE("a long import at a terminal says on stderr what it is doing; piped, it stays quiet") {
  const auto root = innerscape::test::fresh_dir("import_progress");
  const auto big = root / "big.json";
  REQUIRE(innerscape::storage::write_json_file({.system = innerscape::core::make_long_journal(3000, 1767225600)}, big, 0).empty());

  const auto piped = run_innerscape("--data-dir '" + (root / "a").string() + "' import '" + big.string() + "'");
  CHECK(piped.exit_code == 0);
  CHECK(piped.err.empty());  // a script's log gets the one line at the end, on stdout
  CHECK(piped.out.find("Imported") != std::string::npos);

  // `script` gives the command a terminal, as a person's would be.
  const auto seen = root / "terminal.txt";
  const std::string command = "script -qec \"'" INNERSCAPE_BINARY "' --data-dir '" + (root / "b").string() + "' import '" + big.string() +
                              "'\" /dev/null > '" + seen.string() + "' 2>&1 </dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream in(seen, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("Reading big.json") != std::string::npos);
  CHECK(text.find("Checking everything in big.json") != std::string::npos);
  CHECK(text.find("journal pages") != std::string::npos);
  CHECK(text.find("\r\033[K") != std::string::npos);  // rewritten in place, and cleared at the end
  CHECK(text.find("Imported") != std::string::npos);
}

TEST_CASE("while the app has a data folder open, import and a second app are refused and change nothing") {
  const auto root = innerscape::test::fresh_dir("data_lock");
  const auto dir = root / "data";
  {
    std::ofstream f(root / "map.json");
    f << R"({"format": "innerscape", "version": 1, "parts": [{"id": "1", "name": "Sunny", "kind": "manager"}]})";
  }
  REQUIRE(run_innerscape("--data-dir '" + dir.string() + "' import '" + (root / "map.json").string() + "'").exit_code == 0);
  std::string error;
  auto held = innerscape::storage::DataLock::acquire(dir, error);  // as an open app holds it
  REQUIRE_MESSAGE(held != nullptr, error);

  const auto import = run_innerscape("--data-dir '" + dir.string() + "' import '" + (root / "map.json").string() + "'");
  CHECK(import.exit_code == 1);
  CHECK(import.err.find("already open") != std::string::npos);
  CHECK(import.err.find("Nothing was changed") != std::string::npos);
  const auto second = run_innerscape("--data-dir '" + dir.string() + "' --screenshot '" + (root / "s.png").string() + "'");
  CHECK(second.exit_code == 1);
  CHECK(second.err.find("already open") != std::string::npos);
  // Reading is fine while it is open.
  CHECK(run_innerscape("--data-dir '" + dir.string() + "' check").exit_code == 0);

  held.reset();  // the app closed (or crashed: the kernel lets go either way)
  CHECK(run_innerscape("--data-dir '" + dir.string() + "' import '" + (root / "map.json").string() + "'").exit_code == 0);
}

TEST_CASE("lock from the command line: MODERATE key derivation, a plain warning, and the map reads with the passphrase") {
  const auto root = innerscape::test::fresh_dir("cli_lock_on");
  const auto dir = small_map_folder(root);
  std::ofstream(root / "pass") << "a long walk by the sea\n";
  const auto lock = run_innerscape("--data-dir '" + dir.string() + "' lock --passphrase-file '" + (root / "pass").string() + "'");
  REQUIRE_MESSAGE(lock.exit_code == 0, lock.err);
  CHECK(lock.out.find("There is no way back in without the passphrase") != std::string::npos);
  // The production cost, as written beside the database (no secret in it).
  const std::string keyinfo = file_bytes(dir / innerscape::storage::keyinfo_file_name);
  const auto j = nlohmann::json::parse(keyinfo);
  const auto moderate = innerscape::storage::new_kdf_params();
  CHECK(j["opslimit"] == moderate.opslimit);
  CHECK(j["memlimit"] == moderate.memlimit);
  CHECK(j["algorithm"] == "argon2id13");
  CHECK(keyinfo.find("a long walk") == std::string::npos);
  CHECK(file_bytes(dir / "innerscape.db").find("You are enough.") == std::string::npos);

  const auto check = run_innerscape("--data-dir '" + dir.string() + "' check --passphrase-file '" + (root / "pass").string() + "'");
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("(2 parts, 1 relationship)") != std::string::npos);
}

TEST_CASE("lock on a folder with no map yet writes only the keyinfo: the map is made encrypted from its first byte") {
  const auto root = innerscape::test::fresh_dir("cli_lock_new");
  const auto dir = root / "new-map";
  std::ofstream(root / "pass") << "before the first word\n";
  const auto lock = run_innerscape("--data-dir '" + dir.string() + "' lock --passphrase-file '" + (root / "pass").string() + "'");
  REQUIRE_MESSAGE(lock.exit_code == 0, lock.err);
  CHECK(lock.out.find("locked before anything was written") != std::string::npos);
  CHECK(std::filesystem::exists(dir / innerscape::storage::keyinfo_file_name));
  CHECK(!std::filesystem::exists(dir / "innerscape.db"));
  // The app opens it with the passphrase and makes the map, encrypted from its first page.
  const auto shot = run_innerscape("--data-dir '" + dir.string() + "' --passphrase-file '" + (root / "pass").string() +
                                   "' --size 320x200 --frames 2 --screenshot '" + (root / "shot.png").string() + "'");
  REQUIRE_MESSAGE(shot.exit_code == 0, shot.err);
  REQUIRE(std::filesystem::exists(dir / "innerscape.db"));
  CHECK(file_bytes(dir / "innerscape.db").rfind("SQLite format 3", 0) == std::string::npos);
  const auto check = run_innerscape("--data-dir '" + dir.string() + "' check --passphrase-file '" + (root / "pass").string() + "'");
  CHECK_MESSAGE(check.exit_code == 0, check.err);
  CHECK(check.out.find("Your data is sound") != std::string::npos);
}

TEST_CASE("a locked map: check, export, import, screenshot and unlock with --passphrase-file; a wrong one changes nothing") {
  namespace storage = innerscape::storage;
  const auto root = innerscape::test::fresh_dir("cli_locked");
  const auto dir = small_map_folder(root);
  // Locked cheaply here, so the suite stays fast; commands use what the keyinfo says.
  REQUIRE(storage::set_lock(dir, nullptr, "harbour lights", storage::KdfCost::test_minimum).empty());
  std::ofstream(root / "right") << "harbour lights\n";
  std::ofstream(root / "wrong") << "harbour light\n";
  std::ofstream(root / "empty") << "\n";
  const std::string at = "--data-dir '" + dir.string() + "' ";
  const std::string right = " --passphrase-file '" + (root / "right").string() + "'";
  const std::string wrong = " --passphrase-file '" + (root / "wrong").string() + "'";

  const std::string db_before = file_bytes(dir / "innerscape.db");
  const auto no_pass = run_innerscape(at + "check");
  CHECK(no_pass.exit_code == 1);
  CHECK(no_pass.err.find("locked with a passphrase") != std::string::npos);
  CHECK(no_pass.err.find("--passphrase-file") != std::string::npos);
  for (const std::string& command : {std::string("check"), "export --format json --out '" + (root / "x.json").string() + "'",
                                     "import '" + (root / "map.json").string() + "'", std::string("unlock"),
                                     "lock --new-passphrase-file '" + (root / "right").string() + "'"}) {
    const auto refused = run_innerscape(at + command + wrong);
    INFO(command);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("That passphrase does not open this map. Nothing was changed.") != std::string::npos);
  }
  const auto empty = run_innerscape(at + "check --passphrase-file '" + (root / "empty").string() + "'");
  CHECK(empty.exit_code == 1);
  CHECK(empty.err.find("empty") != std::string::npos);
  const auto shot_wrong = run_innerscape("--frames 1 " + at + "--screenshot '" + (root / "s.png").string() + "'" + wrong);
  CHECK(shot_wrong.exit_code == 1);
  CHECK(shot_wrong.err.find("does not open this map") != std::string::npos);
  CHECK(!std::filesystem::exists(root / "s.png"));
  // A time-lapse has no lock screen to type on: without the passphrase it says how to give it, and draws nothing.
  const auto frames = root / "frames";
  std::filesystem::create_directories(frames);
  const std::string lapse = "--timelapse '" + frames.string() + "' --fps 1 --seconds 2 --size 64x36";
  const auto lapse_without = run_innerscape(at + lapse);
  CHECK(lapse_without.exit_code == 1);
  CHECK(lapse_without.err.find("locked with a passphrase") != std::string::npos);
  CHECK(lapse_without.err.find("--passphrase-file") != std::string::npos);
  CHECK(std::filesystem::is_empty(frames));
  // Without a passphrase the app shows its lock screen, and reads nothing of the map.
  const auto shot_without = run_innerscape("--frames 1 " + at + "--screenshot '" + (root / "locked.png").string() + "'");
  CHECK_MESSAGE(shot_without.exit_code == 0, shot_without.err);
  CHECK(std::filesystem::exists(root / "locked.png"));
  CHECK(file_bytes(dir / "innerscape.db") == db_before);  // byte for byte
  CHECK(!std::filesystem::exists(root / "x.json"));

  const auto check = run_innerscape(at + "check" + right);
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("sound") != std::string::npos);
  const auto exported = run_innerscape(at + "export --format json --out '" + (root / "x.json").string() + "'" + right);
  CHECK(exported.exit_code == 0);
  CHECK(exported.out.find("not encrypted") != std::string::npos);
  CHECK(file_bytes(root / "x.json").find("You are enough.") != std::string::npos);
  CHECK(run_innerscape(at + "import '" + (root / "map.json").string() + "'" + right).exit_code == 0);
  const auto shot = run_innerscape("--frames 1 " + at + "--screenshot '" + (root / "s.png").string() + "'" + right);
  CHECK_MESSAGE(shot.exit_code == 0, shot.err);
  CHECK(std::filesystem::exists(root / "s.png"));
  CHECK(file_bytes(dir / "innerscape.db").find("You are enough.") == std::string::npos);
  const auto lapse_right = run_innerscape(at + lapse + right);
  CHECK_MESSAGE(lapse_right.exit_code == 0, lapse_right.err);
  CHECK(std::filesystem::exists(frames / "frame-00002.png"));
  CHECK(lapse_right.out.find("not encrypted, though your map is locked") != std::string::npos);

  const auto relock = run_innerscape(at + "lock" + right);
  CHECK(relock.exit_code == 1);
  CHECK(relock.err.find("--new-passphrase-file") != std::string::npos);
  const auto unlock = run_innerscape(at + "unlock" + right);
  REQUIRE_MESSAGE(unlock.exit_code == 0, unlock.err);
  CHECK(!std::filesystem::exists(dir / storage::keyinfo_file_name));
  const auto after = run_innerscape(at + "check");
  CHECK(after.exit_code == 0);
  CHECK(after.out.find("(4 parts, 2 relationships)") != std::string::npos);
  CHECK(run_innerscape(at + "unlock").out.find("not locked") != std::string::npos);
}

TEST_CASE("--timelapse refuses a folder that is missing, a file, or holds earlier frames, says what to do, and touches nothing") {
  const auto root = innerscape::test::fresh_dir("timelapse_refused");
  const std::string quick = "--demo --fps 2 --seconds 1 --size 64x36 --timelapse ";

  const auto missing = run_innerscape(quick + "'" + (root / "nope").string() + "'");
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("does not exist. Make it first (mkdir -p") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(root / "nope"));

  std::ofstream(root / "a-file") << "mine";
  const auto file = run_innerscape(quick + "'" + (root / "a-file").string() + "'");
  CHECK(file.exit_code == 1);
  CHECK(file.err.find("is a file, not a folder") != std::string::npos);
  CHECK(file_bytes(root / "a-file") == "mine");

  // A folder with a person's files and an earlier time-lapse: nothing of it is written over, nothing added.
  const auto used = root / "used";
  std::filesystem::create_directories(used);
  std::ofstream(used / "frame-00001.png") << "last year's story";
  std::ofstream(used / "notes.txt") << "mine";
  const auto held = run_innerscape(quick + "'" + used.string() + "'");
  CHECK(held.exit_code == 1);
  CHECK(held.err.find("already holds 1 frame (frame-00001.png)") != std::string::npos);
  CHECK(held.err.find("move them away, or choose an empty folder") != std::string::npos);
  CHECK(file_bytes(used / "frame-00001.png") == "last year's story");
  CHECK(file_bytes(used / "notes.txt") == "mine");
  CHECK(std::distance(std::filesystem::directory_iterator(used), std::filesystem::directory_iterator()) == 2);

  const auto bad_fps = run_innerscape(quick + "'" + root.string() + "' --fps 500");
  CHECK(bad_fps.exit_code == 2);
  CHECK(bad_fps.err.find("--fps '500' is not a whole number of frames a second from 1 to 120.") != std::string::npos);
  CHECK(bad_fps.err.find("Usage: innerscape") != std::string::npos);
}
