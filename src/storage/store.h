// Opening the person's own store in their data folder: the database, brought up to date and read,
// with a damaged file moved aside (never overwritten) and the person told plainly.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "storage/database.h"
#include "storage/map_store.h"
#include "storage/passphrase_lock.h"

namespace innerscape::storage {

inline constexpr const char* database_file_name = "innerscape.db";

struct OpenedStore {
  std::unique_ptr<Database> db;  // null when the store could not be opened at all (see error)
  LoadResult loaded;
  std::string notice;  // something the person should know (a damaged file was set aside)
  std::filesystem::path restorable_backup;  // after setting a damaged file aside: the newest sound backup, if any
  std::string error;   // why nothing could be opened; the app must not pretend to save
  bool backup_due = false;  // opened cleanly, with daily_backup false: the day's backup is the caller's
  bool locked = false;  // the store is locked and no key (or not its key) was given: see error; nothing was touched
};

// `with_journal` false reads everything but the journal (see load_snapshot): the app reads it after
// its first frame, with load_journal on a connection of its own.
// `daily_backup` false leaves the day's backup to the caller (rolling_backup, after the first frame),
// when `backup_due` says one should be made.
// `key`: a locked store (see passphrase_lock.h) opens only with its key (from unlock_store); without
// it, or with another, `locked` is set and nothing is read or changed. An unlocked store ignores it.
// Every connection to a locked store, the journal's and backups' included, needs the same key.
OpenedStore open_store(const std::filesystem::path& data_dir, bool with_journal = true, bool daily_backup = true,
                       const Key* key = nullptr);

// Replaces the (new, empty) database in `data_dir` with a copy of `backup`, which must be sound.
// The caller closes its own connection first. Empty on success; on failure nothing is removed.
// A locked store passes its key (its backups are encrypted with it).
std::string restore_backup(const std::filesystem::path& data_dir, const std::filesystem::path& backup, const Key* key = nullptr);

// Where a damaged database is moved: innerscape.db.corrupt-YYYYMMDD-HHMMSS beside it.
std::filesystem::path corrupt_path_for(const std::filesystem::path& db_path);

}  // namespace innerscape::storage
