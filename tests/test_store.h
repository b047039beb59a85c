// A migrated database in memory, for tests of what is stored: no file, nothing left behind.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "storage/database.h"
#include "core/inner_system.h"
#include "storage/map_store.h"
#include "storage/migrations.h"
#include "storage/store.h"

namespace innerscape::test {

inline std::unique_ptr<storage::Database> memory_db() {
  std::string error;
  auto db = storage::Database::open(":memory:", error);
  REQUIRE_MESSAGE(db != nullptr, error);
  REQUIRE(storage::migrate(*db).empty());
  return db;
}

// Writes `system` into the store in `dir` as the app writes it (one transaction, search index too).
inline void write_store(const std::filesystem::path& dir, const core::InnerSystem& system) {
  storage::OpenedStore store = storage::open_store(dir);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  storage::Snapshot full = store.loaded.snapshot;
  full.system = system;
  REQUIRE(storage::save_changes(*store.db, store.loaded.snapshot, full).empty());
}

}  // namespace innerscape::test
