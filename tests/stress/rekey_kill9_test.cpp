// Killed while re-keying: a process that turns the lock on, changes the passphrase and turns it off,
// over and over, is killed with SIGKILL at random moments. Each time the store must open with one of
// the two passphrases (or none, when the lock was off), hold all of its data, and so must every backup.
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>

#include "core/demo_system.h"
#include "storage/backup.h"
#include "storage/passphrase_lock.h"
#include "storage/store.h"
#include "test_store.h"
#include "stress/kill_child.h"
#include "test_tmp.h"

using namespace innerscape;
namespace fs = std::filesystem;

namespace {

// Runs the re-keying child for `ms`, then kills it. Returns how many switches it finished.
long run_and_kill(const fs::path& dir, int ms, bool& killed) {
  long switched = 0;
  killed = test::run_and_kill(INNERSCAPE_REKEY_WRITER, dir, ms, [&switched](const std::string& line) {
    if (line.starts_with("switched ")) ++switched;
  });
  return switched;
}

// The key that opens the store as it stands (null when it is not locked). Exactly one passphrase fits.
std::optional<storage::Key> current_key(const fs::path& dir) {
  if (!storage::store_is_locked(dir)) return std::nullopt;
  storage::Unlocked a = storage::unlock_store(dir, "alpha");
  storage::Unlocked b = storage::unlock_store(dir, "beta");
  CHECK(a.key.has_value() != b.key.has_value());
  REQUIRE_MESSAGE((a.key || b.key), std::string(a.error + " / " + b.error));
  return a.key ? std::move(a.key) : std::move(b.key);
}

// `backups`: how many backups there must be, each opening with the key; 0 skips them (a reader
// between the switch and its tidying may still see backups with the old key, as .rekey copies wait).
void check_store(const fs::path& dir, const core::InnerSystem& expected, std::size_t backups) {
  const std::optional<storage::Key> key = current_key(dir);
  const storage::Key* k = key ? &*key : nullptr;
  storage::OpenedStore store = storage::open_store(dir, true, false, k);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  CHECK(store.notice.empty());  // nothing was found damaged
  CHECK(store.db->quick_check() == "ok");
  CHECK(store.loaded.snapshot.system.parts == expected.parts);
  CHECK(store.loaded.snapshot.system.relationships == expected.relationships);
  CHECK(store.loaded.snapshot.system.journal == expected.journal);
  if (backups == 0) return;
  const auto list = storage::list_backups(dir);
  CHECK(list.size() == backups);
  for (const auto& b : list) {
    std::string error;
    auto db = storage::Database::open(b, error, k);
    REQUIRE_MESSAGE(db != nullptr, error);
    CHECK(db->quick_check() == "ok");
    CHECK(storage::load_snapshot(*db).snapshot.system.parts == expected.parts);
  }
}

}  // namespace

TEST_CASE("kill -9 while re-keying, fifteen times: the store opens with one of the passphrases and nothing is lost") {
  const fs::path dir = test::fresh_dir("rekey_kill9");
  const core::InnerSystem expected = core::make_demo_system();
  test::write_store(dir, expected);
  // Two backups that both hold the map (the first one, made on the first start, is replaced).
  {
    storage::OpenedStore store = storage::open_store(dir, true, false);
    REQUIRE(store.error.empty());
    for (const auto& b : storage::list_backups(dir)) fs::remove(b);
    REQUIRE(storage::backup_to(*store.db, storage::backups_dir(dir) / "innerscape-20260101-000000.db").empty());
    REQUIRE(storage::backup_to(*store.db, storage::backups_dir(dir) / "innerscape-20260102-000000.db").empty());
  }
  REQUIRE(storage::set_lock(dir, nullptr, "alpha", storage::KdfCost::test_minimum).empty());

  std::mt19937 rng(20261129);
  long switches = 0;
  // Fifteen rounds at least, and more (up to sixty) on a machine so busy that the child got few
  // switches done: the kills must land in the middle of real work.
  for (int round = 0; round < 60 && (round < 15 || switches <= 10); ++round) {
    const int ms = std::uniform_int_distribution<int>(10, 400)(rng);
    bool killed = false;
    switches += run_and_kill(dir, ms, killed);
    INFO("round ", round, " killed after ", ms, " ms; switches so far: ", switches);
    CHECK(killed);  // it was still running: the kill cut it off mid-work
    // First as a reader would see it (nothing tidied yet), then as the app does after tidying.
    check_store(dir, expected, 0);
    REQUIRE(storage::finish_interrupted_switch(dir).empty());
    check_store(dir, expected, 2);
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      const std::string name = e.path().filename().string();
      CHECK_MESSAGE(name.find(".new") == std::string::npos, name);
      CHECK_MESSAGE(name.find(".rekey") == std::string::npos, name);
    }
  }
  CHECK(switches > 10);  // the child really switched, many times, between kills
}
