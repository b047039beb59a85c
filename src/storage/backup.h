// Rolling backups of the database, made with SQLite's online backup API: one at start-up when the
// newest is older than a day, the last seven kept, each file private (0600).
#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/database.h"

namespace innerscape::storage {

inline constexpr int backups_kept = 7;
inline constexpr std::time_t backup_interval_s = 24 * 60 * 60;

// The backups folder inside the data folder.
std::filesystem::path backups_dir(const std::filesystem::path& data_dir);

// Backups, newest first.
std::vector<std::filesystem::path> list_backups(const std::filesystem::path& data_dir);

// Copies the live database to `dest` consistently, even while it is in use. Empty on success.
// A locked store passes its key: the copy is encrypted with it, like the database (SQLite's backup
// copies pages as they are, so both ends must use the same key).
std::string backup_to(Database& db, const std::filesystem::path& dest, const Key* key = nullptr);

// Makes a backup when the newest is older than a day (or there is none), then keeps only the
// newest seven. Returns what went wrong, if anything; the map is unaffected either way.
std::string rolling_backup(Database& db, const std::filesystem::path& data_dir, std::time_t now, const Key* key = nullptr);

}  // namespace innerscape::storage
