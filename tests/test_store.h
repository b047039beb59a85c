// A migrated database in memory, for tests of what is stored: no file, nothing left behind.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "storage/database.h"
#include "storage/migrations.h"

namespace innerscape::test {

inline std::unique_ptr<storage::Database> memory_db() {
  std::string error;
  auto db = storage::Database::open(":memory:", error);
  REQUIRE_MESSAGE(db != nullptr, error);
  REQUIRE(storage::migrate(*db).empty());
  return db;
}

}  // namespace innerscape::test
