// The database's schema, as numbered steps. Each step runs in its own transaction and moves
// PRAGMA user_version on by one, so any earlier database can be brought up to date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace innerscape::storage {

// The schema that began keeping the map's history: reaching it, the map so far becomes its start.
inline constexpr int history_schema_version = 8;

// Step i (0-based) takes a database from version i to version i + 1.
const std::vector<std::string_view>& migration_steps();
int latest_schema_version();

// Brings the database up to the latest version. Empty on success, else what failed; a failed step
// leaves the database at the version before it. A database newer than this app is refused.
std::string migrate(Database& db);

// Applies steps until `version` only: for tests that need a database as an older app left it.
std::string migrate_to(Database& db, int version);

}  // namespace innerscape::storage
