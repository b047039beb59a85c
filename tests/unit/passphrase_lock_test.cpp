// The passphrase lock: keys, the keyinfo file, and a locked store that keeps everything (and shows
// nothing in plaintext on disk) through lock, change, unlock, backups and restore.
#include <doctest/doctest.h>

#include <sys/resource.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/demo_system.h"
#include "storage/autosaver.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/map_store.h"
#include "storage/passphrase_lock.h"
#include "storage/store.h"
#include "test_store.h"
#include "test_tmp.h"

using namespace innerscape;
namespace fs = std::filesystem;

namespace {

constexpr storage::KdfCost cheap = storage::KdfCost::test_minimum;

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Words from the demo map that must never be readable on disk while the map is locked: part names,
// what a part needs to hear, journal sentences, and a single word the search index keeps on its own.
const std::vector<std::string>& secrets() {
  static const std::vector<std::string> words = {"Little one by the window", "The invisible girl", "You do not have to earn your place",
                                                 "sat unanswered all evening", "unanswered", "Weather-watcher"};
  return words;
}

void check_no_secrets(const fs::path& file) {
  const std::string bytes = bytes_of(file);
  INFO(file.string());
  REQUIRE(!bytes.empty());
  for (const auto& s : secrets()) CHECK_MESSAGE(!has(bytes, s), s);
}

storage::Key key_of(const fs::path& dir, std::string_view passphrase) {
  storage::Unlocked u = storage::unlock_store(dir, passphrase);
  REQUIRE_MESSAGE(u.key.has_value(), u.error);
  return std::move(*u.key);
}

// The demo map, written as the app writes it, with its first backup.
core::InnerSystem make_store(const fs::path& dir) {
  const core::InnerSystem demo = core::make_demo_system();
  test::write_store(dir, demo);
  return demo;
}

void check_holds(const fs::path& dir, const storage::Key* key, const core::InnerSystem& expected) {
  storage::OpenedStore store = storage::open_store(dir, true, false, key);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  CHECK(store.notice.empty());
  CHECK(store.db->quick_check() == "ok");
  const core::InnerSystem& got = store.loaded.snapshot.system;
  CHECK(got.parts == expected.parts);
  CHECK(got.relationships == expected.relationships);
  CHECK(got.journal == expected.journal);
  CHECK(got.drawings.size() == expected.drawings.size());
  // The search index lives inside the (encrypted) database and still finds pages.
  CHECK(!storage::search_entries(*store.db, "unanswered").empty());
}

// No half-done switch left behind.
void check_tidy(const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    CHECK_MESSAGE(!has(name, ".new"), name);
    CHECK_MESSAGE(!has(name, ".rekey"), name);
  }
}

}  // namespace

TEST_CASE("derive_key: the same passphrase and salt give the same key; another salt or passphrase another") {
  const storage::KdfParams a = storage::new_kdf_params(cheap);
  storage::KdfParams b = a;
  b.salt[0] ^= 1;
  std::string error;
  const auto k1 = storage::derive_key("a quiet harbour", a, error);
  const auto k2 = storage::derive_key("a quiet harbour", a, error);
  const auto k3 = storage::derive_key("a quiet harbour", b, error);
  const auto k4 = storage::derive_key("a quiet harbour.", a, error);
  REQUIRE(k1);
  REQUIRE(k2);
  REQUIRE(k3);
  REQUIRE(k4);
  CHECK(std::equal(k1->data(), k1->data() + storage::Key::size, k2->data()));
  CHECK(!std::equal(k1->data(), k1->data() + storage::Key::size, k3->data()));
  CHECK(!std::equal(k1->data(), k1->data() + storage::Key::size, k4->data()));
  CHECK(k1->sql_literal().size() == 67);  // x'<64 hex>'
  CHECK(!storage::derive_key("", a, error));
  CHECK(!error.empty());
  // Two new parameter sets never share a salt.
  CHECK(storage::new_kdf_params(cheap).salt != a.salt);
}

TEST_CASE("a moved key leaves zeros behind") {
  std::string error;
  auto key = storage::derive_key("pass", storage::new_kdf_params(cheap), error);
  REQUIRE(key);
  storage::Key moved = std::move(*key);
  CHECK(std::all_of(key->data(), key->data() + storage::Key::size, [](unsigned char c) { return c == 0; }));
  CHECK(!std::all_of(moved.data(), moved.data() + storage::Key::size, [](unsigned char c) { return c == 0; }));
}

TEST_CASE("new locks use libsodium's MODERATE Argon2id limits unless a test asks for less") {
  const storage::KdfParams p = storage::new_kdf_params();
  CHECK(p.opslimit == 3);              // crypto_pwhash_OPSLIMIT_MODERATE
  CHECK(p.memlimit == 268435456);      // crypto_pwhash_MEMLIMIT_MODERATE (256 MiB)
  CHECK(p.alg == 2);                   // crypto_pwhash_ALG_ARGON2ID13
  CHECK(storage::new_kdf_params(cheap).opslimit < p.opslimit);
}

TEST_CASE("keyinfo: round trip, no secret in it, and nonsense refused") {
  std::string error;
  storage::KeyInfo info;
  info.kdf = storage::new_kdf_params(cheap);
  const auto key = storage::derive_key("hidden words", info.kdf, error);
  REQUIRE(key);
  info.check = storage::key_check(*key);
  const std::string text = storage::keyinfo_to_json(info);
  CHECK(!has(text, "hidden words"));
  CHECK(!has(text, key->sql_literal().substr(2, 64)));
  storage::KeyInfo back;
  REQUIRE(storage::keyinfo_from_json(text, back).empty());
  CHECK(back.kdf.salt == info.kdf.salt);
  CHECK(back.kdf.opslimit == info.kdf.opslimit);
  CHECK(back.kdf.memlimit == info.kdf.memlimit);
  CHECK(back.kdf.alg == info.kdf.alg);
  CHECK(back.check == info.check);
  CHECK(storage::key_matches(back, *key));
  const auto other = storage::derive_key("hidden words!", info.kdf, error);
  CHECK(!storage::key_matches(back, *other));

  auto refused = [&](const std::string& from, const std::string& to) {
    std::string changed = text;
    const auto at = changed.find(from);
    REQUIRE(at != std::string::npos);
    changed.replace(at, from.size(), to);
    storage::KeyInfo out;
    return !storage::keyinfo_from_json(changed, out).empty();
  };
  CHECK(refused("\"opslimit\": " + std::to_string(info.kdf.opslimit), "\"opslimit\": 0"));
  CHECK(refused("\"opslimit\": " + std::to_string(info.kdf.opslimit), "\"opslimit\": 100000"));
  CHECK(refused("\"opslimit\": " + std::to_string(info.kdf.opslimit), "\"opslimit\": -3"));
  CHECK(refused("\"memlimit\": " + std::to_string(info.kdf.memlimit), "\"memlimit\": 12"));
  CHECK(refused("\"memlimit\": " + std::to_string(info.kdf.memlimit), "\"memlimit\": 99999999999999"));
  CHECK(refused("\"memlimit\": " + std::to_string(info.kdf.memlimit), "\"memlimit\": \"lots\""));
  CHECK(refused("argon2id13", "argon2i13"));
  CHECK(refused("\"version\": 1", "\"version\": 2"));
  CHECK(refused("\"salt\": \"", "\"salt\": \"00"));
  CHECK(refused("\"salt\": \"", "\"salt\": \"zz"));
  CHECK(refused("\"check\": \"", "\"check\": \"0"));
  CHECK(refused("innerscape-keyinfo", "something-else"));
  storage::KeyInfo out;
  CHECK(!storage::keyinfo_from_json("not json at all", out).empty());
  CHECK(!storage::keyinfo_from_json("", out).empty());
}

TEST_CASE("a locked store: round trips, search, and the autosaver, all through the key") {
  const fs::path dir = test::fresh_dir("lock_round_trip");
  core::InnerSystem expected = make_store(dir);
  CHECK(!storage::store_is_locked(dir));
  REQUIRE(storage::set_lock(dir, nullptr, "sea glass", cheap).empty());
  CHECK(storage::store_is_locked(dir));
  CHECK(fs::exists(dir / storage::keyinfo_file_name));
  check_tidy(dir);
  const storage::Key key = key_of(dir, "sea glass");
  check_holds(dir, &key, expected);

  // Edits saved through the autosaver on a keyed connection come back.
  {
    storage::OpenedStore store = storage::open_store(dir, true, false, &key);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    storage::Snapshot state = store.loaded.snapshot;
    storage::Autosaver saver(std::move(store.db), state);
    state.system.parts[0].name = "Renamed while locked";
    saver.submit(state);
    REQUIRE(saver.flush().empty());
    expected.parts[0].name = "Renamed while locked";
  }
  check_holds(dir, &key, expected);
  // The journal's own connection (as the app reads it) opens with the key too.
  std::string error;
  auto reader = storage::Database::open(dir / storage::database_file_name, error, &key);
  REQUIRE_MESSAGE(reader != nullptr, error);
  CHECK(storage::load_journal(*reader, error).size() == expected.journal.size());
}

TEST_CASE("with the lock on, the database, its -wal and the backups hold none of the words in plaintext") {
  const fs::path plain_dir = test::fresh_dir("lock_plaintext_control");
  const fs::path dir = test::fresh_dir("lock_plaintext");
  // The control: unlocked, the words are there to find (so this test can fail).
  make_store(plain_dir);
  {
    const std::string plain = bytes_of(plain_dir / storage::database_file_name) + bytes_of(plain_dir / "innerscape.db-wal");
    for (const auto& s : secrets()) CHECK_MESSAGE(has(plain, s), s);
  }

  make_store(dir);
  REQUIRE(storage::set_lock(dir, nullptr, "sea glass", cheap).empty());
  const storage::Key key = key_of(dir, "sea glass");
  storage::OpenedStore store = storage::open_store(dir, true, true, &key);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  // A new backup made while locked, and an edit that sits in the WAL (the connection stays open).
  const auto newest = storage::list_backups(dir).front();
  fs::last_write_time(newest, fs::last_write_time(newest) - std::chrono::hours(25));
  REQUIRE(storage::rolling_backup(*store.db, dir, std::time(nullptr) + storage::backup_interval_s, &key).empty());
  storage::Snapshot changed = store.loaded.snapshot;
  changed.system.parts[1].notes = "The invisible girl wrote: sat unanswered all evening, again.";
  REQUIRE(storage::save_changes(*store.db, store.loaded.snapshot, changed).empty());

  const fs::path wal = dir / "innerscape.db-wal";
  REQUIRE(fs::exists(wal));
  REQUIRE(fs::file_size(wal) > 0);
  check_no_secrets(dir / storage::database_file_name);
  check_no_secrets(wal);
  const auto backups = storage::list_backups(dir);
  REQUIRE(backups.size() >= 2);
  for (const auto& b : backups) check_no_secrets(b);
  check_no_secrets(dir / storage::keyinfo_file_name);
  // Nothing else beside the database holds them either.
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename() != storage::keyinfo_file_name && fs::file_size(e.path()) > 0) check_no_secrets(e.path());
  }
  // Every backup opens with the key; the one made while locked holds the map.
  for (const auto& b : backups) {
    std::string error;
    auto db = storage::Database::open(b, error, &key);
    REQUIRE_MESSAGE(db != nullptr, error);
    CHECK(db->quick_check() == "ok");
    if (b == backups.front()) CHECK(storage::load_snapshot(*db).snapshot.system.parts.size() == store.loaded.snapshot.system.parts.size());
  }
}

TEST_CASE("a wrong passphrase is refused plainly and changes nothing, byte for byte") {
  const fs::path dir = test::fresh_dir("lock_wrong");
  make_store(dir);
  REQUIRE(storage::set_lock(dir, nullptr, "sea glass", cheap).empty());
  const fs::path db_file = dir / storage::database_file_name;
  const fs::path backup = storage::list_backups(dir).front();
  const std::string before = bytes_of(db_file);
  const std::string backup_before = bytes_of(backup);
  const std::string keyinfo_before = bytes_of(dir / storage::keyinfo_file_name);

  const storage::Unlocked wrong = storage::unlock_store(dir, "sea-glass");
  CHECK(!wrong.key);
  CHECK(wrong.wrong_passphrase);
  CHECK(has(wrong.error, "does not open"));
  CHECK(has(wrong.error, "Nothing was changed"));

  // A wrong key handed to open_store, or none at all: refused, not mistaken for a damaged file.
  std::string error;
  storage::KeyInfo info;
  REQUIRE(storage::keyinfo_from_json(keyinfo_before, info).empty());
  const auto wrong_key = storage::derive_key("sea-glass", info.kdf, error);
  REQUIRE(wrong_key);
  storage::OpenedStore refused = storage::open_store(dir, true, true, &*wrong_key);
  CHECK(refused.locked);
  CHECK(refused.db == nullptr);
  storage::OpenedStore no_key = storage::open_store(dir);
  CHECK(no_key.locked);
  CHECK(has(no_key.error, "locked"));
  // Under the keyinfo check, the database itself refuses the wrong key before writing anything.
  CHECK(storage::Database::open(db_file, error, &*wrong_key) == nullptr);
  CHECK(has(error, "does not open"));
  CHECK(storage::Database::open(db_file, error) == nullptr);
  // Changing or removing the lock with the wrong key is refused too.
  CHECK(!storage::set_lock(dir, &*wrong_key, "new", cheap).empty());
  CHECK(!storage::set_lock(dir, &*wrong_key, std::nullopt, cheap).empty());
  CHECK(!storage::set_lock(dir, nullptr, "new", cheap).empty());

  CHECK(bytes_of(db_file) == before);
  CHECK(bytes_of(backup) == backup_before);
  CHECK(bytes_of(dir / storage::keyinfo_file_name) == keyinfo_before);
  CHECK(!fs::exists(dir / "innerscape.db-wal"));
  for (const auto& e : fs::directory_iterator(dir)) CHECK(!has(e.path().filename().string(), "corrupt"));
}

TEST_CASE("on, change, off: every step keeps all the data, and every backup opens with the current passphrase") {
  const fs::path dir = test::fresh_dir("lock_cycle");
  const core::InnerSystem expected = make_store(dir);
  // A few days of backups, all holding the map.
  {
    storage::OpenedStore store = storage::open_store(dir, true, false);
    REQUIRE(store.error.empty());
    for (int i = 1; i <= 2; ++i) {
      const auto newest = storage::list_backups(dir).front();
      fs::last_write_time(newest, fs::last_write_time(newest) - std::chrono::hours(25));
      REQUIRE(storage::rolling_backup(*store.db, dir, std::time(nullptr) + i * storage::backup_interval_s).empty());
    }
  }
  const std::size_t backup_count = storage::list_backups(dir).size();
  REQUIRE(backup_count == 3);
  auto check_backups = [&](const storage::Key* key) {
    const auto backups = storage::list_backups(dir);
    CHECK(backups.size() == backup_count);
    for (const auto& b : backups) {
      std::string error;
      auto db = storage::Database::open(b, error, key);
      REQUIRE_MESSAGE(db != nullptr, error);
      CHECK(db->quick_check() == "ok");
    }
  };

  REQUIRE(storage::set_lock(dir, nullptr, "first words", cheap).empty());
  const storage::Key first = key_of(dir, "first words");
  check_holds(dir, &first, expected);
  check_backups(&first);
  check_tidy(dir);

  REQUIRE(storage::set_lock(dir, &first, "second words", cheap).empty());
  CHECK(storage::unlock_store(dir, "first words").wrong_passphrase);
  const storage::Key second = key_of(dir, "second words");
  check_holds(dir, &second, expected);
  check_backups(&second);
  check_tidy(dir);
  std::string error;
  CHECK(storage::Database::open(storage::list_backups(dir).front(), error, &first) == nullptr);  // old key: no way in

  REQUIRE(storage::set_lock(dir, &second, std::nullopt, cheap).empty());
  CHECK(!storage::store_is_locked(dir));
  CHECK(!fs::exists(dir / storage::keyinfo_file_name));
  check_holds(dir, nullptr, expected);
  check_backups(nullptr);
  check_tidy(dir);
  // Unlocked again, the words are readable on disk, as before the lock.
  CHECK(has(bytes_of(dir / storage::database_file_name), "Little one by the window"));
}

TEST_CASE("a damaged locked database is set aside (still encrypted) and its backup restores with the key") {
  const fs::path dir = test::fresh_dir("lock_restore");
  const core::InnerSystem expected = make_store(dir);
  // The first backup was made before anything was written: make one that holds the map.
  {
    storage::OpenedStore store = storage::open_store(dir, true, false);
    REQUIRE(store.error.empty());
    const auto newest = storage::list_backups(dir).front();
    fs::last_write_time(newest, fs::last_write_time(newest) - std::chrono::hours(25));
    REQUIRE(storage::rolling_backup(*store.db, dir, std::time(nullptr) + storage::backup_interval_s).empty());
  }
  REQUIRE(storage::set_lock(dir, nullptr, "sea glass", cheap).empty());
  const storage::Key key = key_of(dir, "sea glass");
  const fs::path db_file = dir / storage::database_file_name;
  {
    // Damage past the first page: the key opens the file, the pages do not hold.
    std::string bytes = bytes_of(db_file);
    REQUIRE(bytes.size() > 8192);
    std::fill(bytes.begin() + 4096, bytes.end(), 'x');
    std::ofstream(db_file, std::ios::binary | std::ios::trunc) << bytes;
  }
  fs::path restorable;
  {
    storage::OpenedStore store = storage::open_store(dir, true, false, &key);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    CHECK(has(store.notice, "set aside"));
    REQUIRE(store.set_aside.has_value());
    REQUIRE(store.set_aside->restored.has_value());  // brought back at once, with the key
    CHECK(store.loaded.snapshot.system.parts == expected.parts);
    restorable = store.set_aside->restored->file;
  }
  for (const auto& e : fs::directory_iterator(dir)) {
    if (has(e.path().filename().string(), ".corrupt-") && !has(e.path().filename().string(), "-wal")) check_no_secrets(e.path());
  }
  CHECK(storage::plaintext_leftovers(dir).empty());  // what was set aside is encrypted
  REQUIRE(storage::restore_backup(dir, restorable, &key).empty());
  check_holds(dir, &key, expected);
  check_no_secrets(db_file);
}

TEST_CASE("damaged files set aside before the lock are named as still in plaintext, and kept") {
  const fs::path dir = test::fresh_dir("lock_leftovers");
  make_store(dir);
  const fs::path old_corrupt = dir / "innerscape.db.corrupt-20260101-000000";
  fs::copy_file(dir / storage::database_file_name, old_corrupt);
  CHECK(storage::plaintext_leftovers(dir).empty());  // not locked: nothing to warn about
  REQUIRE(storage::set_lock(dir, nullptr, "sea glass", cheap).empty());
  const auto leftovers = storage::plaintext_leftovers(dir);
  REQUIRE(leftovers.size() == 1);
  CHECK(leftovers.front() == old_corrupt);
  CHECK(fs::exists(old_corrupt));
}

TEST_CASE("a switch cut off before its rename is undone; one cut off after it is finished") {
  const fs::path dir = test::fresh_dir("lock_half");
  const core::InnerSystem expected = make_store(dir);
  REQUIRE(storage::set_lock(dir, nullptr, "old words", cheap).empty());
  const fs::path db_file = dir / storage::database_file_name;
  const std::string locked_db = bytes_of(db_file);
  const std::string locked_info = bytes_of(dir / storage::keyinfo_file_name);

  // Before the rename: a copy and a pending keyinfo lie beside the store. The old store holds.
  std::ofstream(dir / "innerscape.db.new", std::ios::binary) << "half a copy";
  std::ofstream(dir / "innerscape.keyinfo.new", std::ios::binary) << "{\"format\": \"innerscape-keyinfo\", \"version\": 1, \"lock\": \"off\"}";
  CHECK(storage::store_is_locked(dir));
  REQUIRE(storage::finish_interrupted_switch(dir).empty());
  check_tidy(dir);
  CHECK(bytes_of(db_file) == locked_db);
  CHECK(bytes_of(dir / storage::keyinfo_file_name) == locked_info);
  const storage::Key old_key = key_of(dir, "old words");
  check_holds(dir, &old_key, expected);

  // After the rename: the database is the new (here: unlocked) one, the keyinfo still pending.
  {
    std::string error;
    auto db = storage::Database::open(db_file, error, &old_key);
    REQUIRE(db != nullptr);
    REQUIRE(db->exec("PRAGMA wal_checkpoint(TRUNCATE)").empty());
    REQUIRE(db->exec("ATTACH DATABASE '" + (dir / "plain.db").string() + "' AS p KEY ''; SELECT sqlcipher_export('p'); PRAGMA p.user_version = " +
                     std::to_string(db->user_version()) + "; DETACH DATABASE p;")
                .empty());
  }
  fs::rename(dir / "plain.db", db_file);
  std::ofstream(dir / "innerscape.keyinfo.new", std::ios::binary) << "{\"format\": \"innerscape-keyinfo\", \"version\": 1, \"lock\": \"off\"}";
  CHECK(!storage::store_is_locked(dir));  // what took effect counts, even before it is tidied
  REQUIRE(storage::finish_interrupted_switch(dir).empty());
  check_tidy(dir);
  CHECK(!fs::exists(dir / storage::keyinfo_file_name));
  check_holds(dir, nullptr, expected);
}

namespace {

// Whether any of the words is in the file's bytes.
bool holds_a_secret(const fs::path& file, const std::string& extra = {}) {
  const std::string bytes = bytes_of(file);
  if (!extra.empty() && has(bytes, extra)) return true;
  return std::any_of(secrets().begin(), secrets().end(), [&](const std::string& s) { return has(bytes, s); });
}

// A second name for `file` in `peek` (the same bytes on the disk): after `file` is renamed over or
// removed, it still shows what became of the old bytes, as a raw look at the disk would.
fs::path peek_at(const fs::path& file, const fs::path& peek, const std::string& as) {
  const fs::path link = peek / as;
  fs::create_hard_link(file, link);
  return link;
}

// The demo map, and a second backup that holds it (the first was made of the empty map it began as).
core::InnerSystem make_store_and_backup(const fs::path& dir) {
  const core::InnerSystem demo = make_store(dir);
  storage::OpenedStore store = storage::open_store(dir, true, false);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  const auto newest = storage::list_backups(dir).front();
  fs::last_write_time(newest, fs::last_write_time(newest) - std::chrono::hours(25));
  REQUIRE(storage::rolling_backup(*store.db, dir, std::time(nullptr) + storage::backup_interval_s).empty());
  REQUIRE(storage::list_backups(dir).size() == 2);
  return demo;
}

}  // namespace

TEST_CASE("turning the lock on overwrites the old plaintext database and backups: their old bytes hold none of the words") {
  const fs::path dir = test::fresh_dir("lock_overwrite");
  const fs::path peek = test::fresh_dir("lock_overwrite_peek");
  make_store_and_backup(dir);
  const auto backups = storage::list_backups(dir);
  REQUIRE(backups.size() == 2);
  std::vector<fs::path> old_files = {peek_at(dir / storage::database_file_name, peek, "db")};
  for (std::size_t i = 0; i < backups.size(); ++i) old_files.push_back(peek_at(backups[i], peek, "backup-" + std::to_string(i)));
  // The control: before, the database and the newest backup hold the words in plaintext.
  REQUIRE(holds_a_secret(old_files[0]));
  REQUIRE(holds_a_secret(old_files[1]));

  REQUIRE(storage::set_lock(dir, nullptr, "sea glass", cheap).empty());
  for (const auto& f : old_files) CHECK_MESSAGE(!holds_a_secret(f), f.string());
  // And nothing left in the data folder, backups included, holds them either.
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) CHECK_MESSAGE(!holds_a_secret(e.path()), e.path().string());
    CHECK_MESSAGE(!e.path().filename().string().ends_with(".overwrite"), e.path().string());
  }
  const storage::Key key = key_of(dir, "sea glass");
  check_holds(dir, &key, core::make_demo_system());
}

TEST_CASE("the app's last words in the WAL: kept on close for the lock, then overwritten with the old store") {
  const fs::path dir = test::fresh_dir("lock_overwrite_wal");
  const fs::path peek = test::fresh_dir("lock_overwrite_wal_peek");
  make_store(dir);
  const std::string word = "Marigold harbour, said only once";
  fs::path wal_peek;
  {
    storage::OpenedStore store = storage::open_store(dir, true, false);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    storage::Snapshot changed = store.loaded.snapshot;
    changed.system.parts[0].notes = word;
    REQUIRE(storage::save_changes(*store.db, store.loaded.snapshot, changed).empty());
    const fs::path wal = dir / "innerscape.db-wal";
    REQUIRE(fs::exists(wal));
    REQUIRE(has(bytes_of(wal), word));
    wal_peek = peek_at(wal, peek, "wal");
    REQUIRE(storage::keep_wal_on_close(*store.db).empty());
  }
  // Closed as the app closes before the lock goes on: the WAL is still there to be overwritten.
  REQUIRE(fs::exists(dir / "innerscape.db-wal"));
  const auto wal_size = fs::file_size(wal_peek);
  REQUIRE(storage::set_lock(dir, nullptr, "sea glass", cheap).empty());
  CHECK(!holds_a_secret(wal_peek, word));
  // Overwritten where it lay, not truncated: a truncated WAL hands its blocks back to the file system
  // with the words still in them, where no later write need ever cover them.
  const std::string left = bytes_of(wal_peek);
  CHECK(left.size() == wal_size);
  CHECK(left.find_first_not_of('\0') == std::string::npos);
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) CHECK_MESSAGE(!holds_a_secret(e.path(), word), e.path().string());
  }
  // The word itself made it into the locked store.
  const storage::Key key = key_of(dir, "sea glass");
  storage::OpenedStore store = storage::open_store(dir, true, false, &key);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  CHECK(store.loaded.snapshot.system.parts[0].notes == word);
}

TEST_CASE("a lock switch stopped between its renames and the overwriting: the old file is overwritten at the next start, the live one kept") {
  const fs::path dir = test::fresh_dir("lock_overwrite_half");
  const fs::path peek = test::fresh_dir("lock_overwrite_half_peek");
  const core::InnerSystem expected = make_store_and_backup(dir);
  const fs::path db_file = dir / storage::database_file_name;
  // Cut off before the rename: the second name is the live database itself, which must stay whole.
  fs::create_hard_link(db_file, dir / "innerscape.db.overwrite");
  // Cut off after a backup's rename: its second name is an old plaintext file, no longer in use.
  const fs::path backup = storage::list_backups(dir).front();
  fs::copy_file(backup, fs::path(backup.string() + ".overwrite"));
  const fs::path old_backup = peek_at(fs::path(backup.string() + ".overwrite"), peek, "old-backup");
  REQUIRE(holds_a_secret(old_backup));

  REQUIRE(storage::finish_interrupted_switch(dir).empty());
  CHECK(!fs::exists(dir / "innerscape.db.overwrite"));
  CHECK(!fs::exists(fs::path(backup.string() + ".overwrite")));
  CHECK(!holds_a_secret(old_backup));
  CHECK(holds_a_secret(backup));  // the backup in use is untouched (not locked here: plaintext)
  check_holds(dir, nullptr, expected);
}

TEST_CASE("a key lives in locked memory, and a moved-from key holds nothing") {
  std::string error;
  auto key = storage::derive_key("pass", storage::new_kdf_params(cheap), error);
  REQUIRE(key);
  // A system that allows a process almost no locked memory (RLIMIT_MEMLOCK under 1 MiB; Linux has
  // given 8 MiB since 5.16) may refuse: the key still works then, and this says so rather than fail.
  rlimit memlock{};
  REQUIRE(::getrlimit(RLIMIT_MEMLOCK, &memlock) == 0);
  const bool room = memlock.rlim_cur == RLIM_INFINITY || memlock.rlim_cur >= (1u << 20);
  if (room) {
    CHECK(key->memory_locked());
  } else {
    WARN_MESSAGE(key->memory_locked(), "RLIMIT_MEMLOCK is only " << memlock.rlim_cur << " bytes");
  }
  storage::Key moved = std::move(*key);
  if (room) CHECK(moved.memory_locked());
  CHECK(!key->memory_locked());
  CHECK(std::all_of(key->data(), key->data() + storage::Key::size, [](unsigned char c) { return c == 0; }));
  storage::Key blank;
  if (room) CHECK(blank.memory_locked());
  CHECK(std::all_of(blank.data(), blank.data() + storage::Key::size, [](unsigned char c) { return c == 0; }));
}

TEST_CASE("a map locked before it exists is encrypted from its first byte; a folder with a map is not touched") {
  const fs::path dir = test::fresh_dir("lock_new_store");
  std::optional<storage::Key> key;
  REQUIRE(storage::lock_new_store(dir, "first light", cheap, key).empty());
  REQUIRE(key.has_value());
  CHECK(storage::store_is_locked(dir));
  CHECK(!fs::exists(dir / storage::database_file_name));  // only the keyinfo so far
  CHECK(!fs::exists(dir / (std::string(storage::keyinfo_file_name) + ".tmp")));
  CHECK(storage::unlock_store(dir, "first light").key.has_value());
  CHECK(storage::unlock_store(dir, "last light").wrong_passphrase);

  // The store made with the key holds the words, and the disk holds none of them in plaintext.
  const core::InnerSystem demo = core::make_demo_system();
  {
    storage::OpenedStore store = storage::open_store(dir, true, false, &*key);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    CHECK(store.loaded.snapshot.system.parts.empty());
    storage::Snapshot state = store.loaded.snapshot;
    state.system = demo;
    REQUIRE(storage::save_changes(*store.db, store.loaded.snapshot, state).empty());
  }
  CHECK(storage::looks_encrypted(dir / storage::database_file_name));
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename() != storage::keyinfo_file_name && fs::file_size(e.path()) > 0) check_no_secrets(e.path());
  }
  check_holds(dir, &*key, demo);
  CHECK(storage::open_store(dir, true, false).locked);

  // Once a map is there, lock_new_store refuses and writes nothing.
  const fs::path plain = test::fresh_dir("lock_new_store_refused");
  make_store(plain);
  const std::string before = bytes_of(plain / storage::database_file_name);
  std::optional<storage::Key> other;
  CHECK(has(storage::lock_new_store(plain, "first light", cheap, other), "already a map"));
  CHECK(!other.has_value());
  CHECK(!storage::store_is_locked(plain));
  CHECK(bytes_of(plain / storage::database_file_name) == before);
}
