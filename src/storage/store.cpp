// Opening the person's own store in their data folder.
#include "storage/store.h"

#include <ctime>
#include <system_error>

#include "storage/backup.h"
#include "storage/migrations.h"

namespace innerscape::storage {

std::filesystem::path corrupt_path_for(const std::filesystem::path& db_path) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  std::filesystem::path out = db_path;
  out += std::string(".corrupt-") + stamp;
  // Never overwrite an earlier one set aside in the same second.
  for (int n = 2; std::filesystem::exists(out); ++n) {
    out = db_path;
    out += std::string(".corrupt-") + stamp + "-" + std::to_string(n);
  }
  return out;
}

namespace {

// Moves the damaged file (and its WAL and shared-memory files) aside. Empty on success.
std::string set_aside(const std::filesystem::path& db_path, std::filesystem::path& moved_to) {
  moved_to = corrupt_path_for(db_path);
  std::error_code ec;
  std::filesystem::rename(db_path, moved_to, ec);
  if (ec) return ec.message();
  for (const char* suffix : {"-wal", "-shm"}) {
    std::filesystem::path side = db_path;
    side += suffix;
    if (std::filesystem::exists(side, ec)) {
      std::filesystem::path side_to = moved_to;
      side_to += suffix;
      std::filesystem::rename(side, side_to, ec);
    }
  }
  return {};
}

}  // namespace

OpenedStore open_store(const std::filesystem::path& data_dir, bool with_journal, bool daily_backup, const Key* key) {
  OpenedStore out;
  const std::filesystem::path path = data_dir / database_file_name;
  std::string error;
  // A locked store is opened with its key or not at all: a file that will not open without it is
  // not damaged, and must never be set aside as if it were.
  const std::optional<KeyInfo> lock = current_keyinfo(data_dir, error);
  if (!error.empty()) {
    out.error = error;
    out.locked = true;
    return out;
  }
  if (lock && key == nullptr) {
    out.error = "Your map is locked with a passphrase, and none was given. Nothing was opened or changed.";
    out.locked = true;
    return out;
  }
  if (lock && !key_matches(*lock, *key)) {
    out.error = "That passphrase does not open this map. Nothing was changed.";
    out.locked = true;
    return out;
  }
  if (!lock) key = nullptr;
  out.db = Database::open(path, error, key);
  std::string damage = error;
  if (out.db && damage.empty()) {
    const std::string check = out.db->quick_check();
    if (check != "ok") damage = "its integrity check failed (" + check + ")";
  }
  if (!damage.empty() && std::filesystem::exists(path)) {
    out.db.reset();
    // The key was checked, so a locked file that will not open is damaged, unless the lock was
    // changed at this very moment (by the app, while a command reads): then it is left alone.
    std::string again_error;
    const std::optional<KeyInfo> again = current_keyinfo(data_dir, again_error);
    if (!again_error.empty() || lock.has_value() != again.has_value() || (lock && again->check != lock->check)) {
      out.error = "The lock on your map changed while it was being opened. Nothing was changed; please try again.";
      out.locked = true;
      return out;
    }
    std::filesystem::path moved_to;
    if (const std::string e = set_aside(path, moved_to); !e.empty()) {
      out.error = "Your data file " + path.string() + " could not be read (" + damage +
                  "), and could not be moved aside (" + e + "). Nothing was changed. Please copy the file somewhere safe.";
      return out;
    }
    out.notice = "Your data file could not be read, so it was set aside, untouched, as " + moved_to.string() +
                 ". Innerscape has started a new, empty map. Nothing in the old file was changed or deleted.";
    for (const auto& backup : list_backups(data_dir)) {
      std::string backup_error;
      auto candidate = Database::open(backup, backup_error, key);
      if (candidate && candidate->quick_check() == "ok") {
        out.restorable_backup = backup;
        out.notice += " A sound backup from " + backup.filename().string() + " can be restored.";
        break;
      }
    }
    out.db = Database::open(path, error, key);
  }
  if (!out.db) {
    out.error = error.empty() ? "Could not open " + path.string() : error;
    return out;
  }
  if (const std::string e = migrate(*out.db); !e.empty()) {
    out.error = e;
    out.db.reset();
    return out;
  }
  out.loaded = load_snapshot(*out.db, with_journal);
  if (!out.loaded.error.empty()) {
    out.error = out.loaded.error;
    out.db.reset();
    return out;
  }
  // A day's backup, taken from a database that just opened and read cleanly (and not from the empty
  // map that stands in for a damaged one: that would push a good backup out).
  if (out.restorable_backup.empty() && !daily_backup) {
    out.backup_due = true;
  } else if (out.restorable_backup.empty()) {
    if (const std::string e = rolling_backup(*out.db, data_dir, std::time(nullptr), key); !e.empty()) {
      out.notice += (out.notice.empty() ? "" : " ") + std::string("Today's backup could not be made: ") + e;
    }
  }
  return out;
}

std::string restore_backup(const std::filesystem::path& data_dir, const std::filesystem::path& backup, const Key* key) {
  std::string error;
  if (!store_is_locked(data_dir)) key = nullptr;
  auto source = Database::open(backup, error, key);
  if (!source) return error;
  if (const std::string check = source->quick_check(); check != "ok") return "The backup is not sound either: " + check;
  // Copy into a new file beside the database, then swap it in whole.
  const std::filesystem::path path = data_dir / database_file_name;
  std::filesystem::path incoming = path;
  incoming += ".restoring";
  std::error_code ec;
  std::filesystem::remove(incoming, ec);
  if (const std::string e = backup_to(*source, incoming, key); !e.empty()) return e;
  for (const char* suffix : {"-wal", "-shm"}) {
    std::filesystem::path side = path;
    side += suffix;
    std::filesystem::remove(side, ec);
  }
  std::filesystem::rename(incoming, path, ec);
  if (ec) return "Could not put the backup in place: " + ec.message();
  return {};
}

}  // namespace innerscape::storage
