// A migrated database in memory, for tests of what is stored: no file, nothing left behind.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "storage/database.h"
#include "core/inner_system.h"
#include "storage/map_store.h"
#include "storage/migrations.h"
#include "storage/passphrase_lock.h"
#include "storage/store.h"

namespace innerscape::test {

inline std::unique_ptr<storage::Database> memory_db() {
  std::string error;
  auto db = storage::Database::open(":memory:", error);
  REQUIRE_MESSAGE(db != nullptr, error);
  REQUIRE(storage::migrate(*db).empty());
  return db;
}

// With INNERSCAPE_TEST_LOCKED=1 the stores these helpers make and open are locked with a passphrase
// (cheap to derive, so the run stays quick): the same end-to-end tests then run on encrypted stores.
inline bool locked_run() {
  const char* v = std::getenv("INNERSCAPE_TEST_LOCKED");
  return v != nullptr && std::string(v) == "1";
}
inline constexpr const char* test_passphrase = "the same tests, behind a lock";

// In a locked run: the key of the store in `dir`, locking it first (and making it, if there is none
// yet). Otherwise null: the store is left as it is.
inline std::shared_ptr<const storage::Key> store_key(const std::filesystem::path& dir) {
  if (!locked_run()) return nullptr;
  if (!storage::store_is_locked(dir)) {
    if (!std::filesystem::exists(dir / storage::database_file_name)) {
      const storage::OpenedStore fresh = storage::open_store(dir, true, false);
      REQUIRE_MESSAGE(fresh.error.empty(), fresh.error);
    }
    const std::string problem = storage::set_lock(dir, nullptr, test_passphrase, storage::KdfCost::test_minimum);
    REQUIRE_MESSAGE(problem.empty(), problem);
  }
  storage::Unlocked unlocked = storage::unlock_store(dir, test_passphrase);
  REQUIRE_MESSAGE(unlocked.key.has_value(), unlocked.error);
  return std::make_shared<const storage::Key>(std::move(*unlocked.key));
}

// Opens the store in `dir` as the app does, keyed in a locked run.
inline storage::OpenedStore open_test_store(const std::filesystem::path& dir) {
  const auto key = store_key(dir);
  return storage::open_store(dir, true, true, key.get());
}

// Writes `system` into the store in `dir` as the app writes it (one transaction, search index too).
inline void write_store(const std::filesystem::path& dir, const core::InnerSystem& system) {
  storage::OpenedStore store = open_test_store(dir);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  storage::Snapshot full = store.loaded.snapshot;
  full.system = system;
  REQUIRE(storage::save_changes(*store.db, store.loaded.snapshot, full).empty());
}

}  // namespace innerscape::test
