// Rolling backups of the database, made with SQLite's online backup API: one at start-up when the
// newest is older than a day, the last seven kept, each file private (0600). A backup is written
// under a temporary name, flushed, checked and only then renamed into place, so a backup cut short
// never looks whole; a locked store's keyinfo is kept beside each one, so each stays readable.
#pragma once

#include <cstdint>
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

// Whole backups, newest first. Torn ones (left under their temporary name, or with a -journal
// beside them by a backup that was cut short) are never listed.
std::vector<std::filesystem::path> list_backups(const std::filesystem::path& data_dir);

// A backup as a person chooses between them.
struct BackupInfo {
  std::filesystem::path file;
  std::time_t made_at = 0;   // when it was made (from its name)
  std::int64_t parts = 0;
  std::int64_t pages = 0;    // journal pages
  bool holds_something() const { return parts > 0 || pages > 0; }
};

// The backups that open (read-only: nothing is written to them) and pass SQLite's quick_check,
// with what they hold: those holding something first, newest first within each. A locked store
// passes its key.
std::vector<BackupInfo> sound_backups(const std::filesystem::path& data_dir, const Key* key = nullptr);

// "3 Dec 2026, 14:05: 12 parts, 40 journal pages"
std::string describe_backup(const BackupInfo& info);

// Where a backup's copy of innerscape.keyinfo is kept: innerscape-<time>.keyinfo beside it.
std::filesystem::path backup_keyinfo_path(const std::filesystem::path& backup);

// Copies the live database to `dest` consistently, even while it is in use: written to a temporary
// name beside it, flushed, checked (it opens, passes quick_check, and holds as many parts, journal
// pages and database pages as the source did), then renamed into place. Empty on success; on
// failure nothing is left at `dest` or the temporary name.
// A locked store passes its key: the copy is encrypted with it, like the database (SQLite's backup
// copies pages as they are, so both ends must use the same key).
std::string backup_to(Database& db, const std::filesystem::path& dest, const Key* key = nullptr);

// Removes what backups cut short left behind (temporary names, a backup with its -journal beside
// it) and keyinfo copies whose backup is gone. Only for the holder of the folder's DataLock.
void tidy_backups(const std::filesystem::path& data_dir);

// Makes each backup's keyinfo copy the same as the store's innerscape.keyinfo, or removes them when
// the store is not locked. Empty on success. Only for the holder of the folder's DataLock.
std::string sync_backup_keyinfos(const std::filesystem::path& data_dir);

// Tidies, then makes a backup when the newest is older than a day (or there is none), then keeps
// only the newest seven. Returns what went wrong, if anything; the map is unaffected either way.
std::string rolling_backup(Database& db, const std::filesystem::path& data_dir, std::time_t now, const Key* key = nullptr);

}  // namespace innerscape::storage
