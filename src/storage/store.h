// Opening the person's own store in their data folder: the database, brought up to date and read.
// Only real damage sets a file aside (never overwritten), and then the map comes back from the newest
// sound backup and the person is told plainly; a passing fault (busy, a full disk, a read-only folder,
// no permission, an I/O error) is named for what it is and changes nothing.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "storage/backup.h"
#include "storage/database.h"
#include "storage/map_store.h"
#include "storage/passphrase_lock.h"

namespace innerscape::storage {

inline constexpr const char* database_file_name = "innerscape.db";

// How long opening waits for another program's lock on the file before saying it is busy.
inline constexpr int store_busy_wait_ms = 5000;

// Why a store did not open (OpenedStore::error says it in words).
enum class StoreProblem {
  none,
  locked,           // locked, and no key or not its key was given; nothing was touched
  missing_keyinfo,  // the file looks encrypted but innerscape.keyinfo is not beside it; nothing was touched
  fault,            // busy, full, read-only, permission, I/O: see OpenedStore::fault; nothing was touched
  damaged,          // (read-only opening) the file is damaged; nothing was touched
  unmovable,        // damaged, and it could not be set aside; nothing was touched
  no_folder,        // (read-only opening) the data folder is missing, or is a file
  no_map,           // (read-only opening) the folder holds no map yet
  other,
};

// After damage: what was set aside, and the backup the map came back from.
struct SetAside {
  std::filesystem::path moved_to;      // the damaged file, untouched, under its new name
  std::optional<BackupInfo> restored;  // none: no sound backup was found, and a new, empty map began
};

struct OpenedStore {
  std::unique_ptr<Database> db;  // null when the store could not be opened at all (see error)
  LoadResult loaded;
  std::string notice;  // something the person should know (a damaged file was set aside, and what came back)
  std::string error;   // why nothing could be opened; the app must not pretend to save
  StoreProblem problem = StoreProblem::none;
  Fault fault = Fault::none;          // with StoreProblem::fault: which
  std::optional<SetAside> set_aside;  // the file was damaged: what happened to it
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
// `busy_wait_ms`: how long another program's lock is waited out before the store is called busy.
// For the holder of the folder's DataLock: it creates, migrates, backs up and sets aside.
OpenedStore open_store(const std::filesystem::path& data_dir, bool with_journal = true, bool daily_backup = true,
                       const Key* key = nullptr, int busy_wait_ms = store_busy_wait_ms);

// Opens the store to read it and touches nothing: nothing is created, migrated (an older schema is
// brought up to date in a private copy that is removed when `db` closes), backed up or set aside.
// A data folder that is missing (or is a file), or holds no map, is an error.
OpenedStore open_store_read_only(const std::filesystem::path& data_dir, const Key* key = nullptr, bool with_journal = true,
                                 int busy_wait_ms = store_busy_wait_ms);

// One more connection to the store in `data_dir`, beside the one that saves: the journal's first
// read, the map's history, an export. Keyed with `key` when the store is locked (an unlocked store
// ignores it). Null, with `error` set, when it cannot be opened.
std::unique_ptr<Database> open_connection(const std::filesystem::path& data_dir, const Key* key, std::string& error);

// Replaces the database in `data_dir` with a copy of `backup`, which must be sound. The caller
// closes its own connection first. Empty on success; on failure nothing is removed.
// A locked store passes its key (its backups are encrypted with it).
std::string restore_backup(const std::filesystem::path& data_dir, const std::filesystem::path& backup, const Key* key = nullptr);

// Where a damaged database is moved: innerscape.db.corrupt-YYYYMMDD-HHMMSS beside it.
std::filesystem::path corrupt_path_for(const std::filesystem::path& db_path);

// Whether the data folder holds no map at all yet: no database, no keyinfo, nothing a switch of the
// lock left behind and no backup (the folder's lock file does not count). The app then writes
// nothing until there is something to keep, so the passphrase lock can be chosen before any word
// reaches the disk. A folder that cannot be listed is not called new.
bool store_is_new(const std::filesystem::path& data_dir);

// Whether a file looks like an encrypted (SQLCipher) database: not a plain SQLite header, and bytes
// as even as a cipher's. A file like that is never taken for damage when its keyinfo is missing.
bool looks_encrypted(const std::filesystem::path& file);

}  // namespace innerscape::storage
