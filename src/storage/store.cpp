// Opening the person's own store in their data folder.
#include "storage/store.h"

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <system_error>

#include "storage/data_lock.h"
#include "storage/migrations.h"

namespace innerscape::storage {
namespace fs = std::filesystem;

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

std::unique_ptr<Database> open_connection(const std::filesystem::path& data_dir, const Key* key, std::string& error) {
  return Database::open(data_dir / database_file_name, error, store_is_locked(data_dir) ? key : nullptr);
}

bool store_is_new(const std::filesystem::path& data_dir) {
  // Anything of Innerscape's in the folder or among its backups, torn or whole, means a map was begun.
  const auto holds_any = [](const fs::path& folder, bool& unreadable) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      const std::string name = entry.path().filename().string();
      // (The keyinfo's temporary name is what lock_new_store leaves if it is cut off: still no map.)
      if (name != lock_file_name && name != std::string(keyinfo_file_name) + ".tmp" && name.starts_with("innerscape")) return true;
    }
    unreadable = ec && ec != std::errc::no_such_file_or_directory;
    return false;
  };
  bool unreadable = false;
  return !holds_any(data_dir, unreadable) && !holds_any(backups_dir(data_dir), unreadable) && !unreadable;
}

bool looks_encrypted(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  char bytes[4096];
  in.read(bytes, sizeof bytes);
  const auto n = static_cast<std::size_t>(in.gcount());
  if (n < 1024) return false;  // SQLCipher writes whole pages, 1024 bytes at the least
  if (std::string_view(bytes, 16) == std::string_view("SQLite format 3\0", 16)) return false;
  // A cipher's bytes are spread evenly (close to 8 bits each); text, zeros or a pattern are not.
  std::size_t seen[256] = {};
  for (std::size_t i = 0; i < n; ++i) ++seen[static_cast<unsigned char>(bytes[i])];
  double bits = 0.0;
  for (const std::size_t c : seen) {
    if (c == 0) continue;
    const double p = static_cast<double>(c) / static_cast<double>(n);
    bits -= p * std::log2(p);
  }
  return bits > 7.0;
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

// The lock's part of opening: a locked store opens with its key or not at all, and a file that
// looks encrypted with no keyinfo beside it is never mistaken for damage. False (with `out` saying
// why) when the store must not be opened; else `key` is what the connection uses.
bool pass_the_lock(const fs::path& data_dir, const Key*& key, std::optional<KeyInfo>& lock, OpenedStore& out) {
  std::string error;
  lock = current_keyinfo(data_dir, error);
  if (!error.empty()) {
    out.error = error;
    out.locked = true;
    out.problem = StoreProblem::locked;
    return false;
  }
  if (lock && key == nullptr) {
    out.error = "Your map is locked with a passphrase, and none was given. Nothing was opened or changed.";
    out.locked = true;
    out.problem = StoreProblem::locked;
    return false;
  }
  if (lock && !key_matches(*lock, *key)) {
    out.error = "That passphrase does not open this map. Nothing was changed.";
    out.locked = true;
    out.problem = StoreProblem::locked;
    return false;
  }
  if (!lock) key = nullptr;
  const fs::path path = data_dir / database_file_name;
  if (!lock && looks_encrypted(path)) {
    out.problem = StoreProblem::missing_keyinfo;
    out.error = "Your map in " + data_dir.string() + " is locked with a passphrase, but its lock file, " + keyinfo_file_name +
                ", is not beside it, and the map cannot be read without that file. Nothing was changed. If you copied "
                "your map from another computer or folder, copy " + keyinfo_file_name + " from there into " +
                data_dir.string() + " as well, then open Innerscape again with your passphrase.";
    for (const auto& backup : list_backups(data_dir)) {
      std::error_code ec;
      if (fs::exists(backup_keyinfo_path(backup), ec)) {
        out.error += " A copy is kept with your backups: " + backup_keyinfo_path(backup).string() +
                     " (copy it to " + (data_dir / keyinfo_file_name).string() + ").";
        break;
      }
    }
    return false;
  }
  return true;
}

std::string fault_text(Fault fault, const std::string& details) {
  return "Your map could not be opened just now. " + fault_advice(fault) + " (" + details + ")";
}

// Reads the opened database into `out`; false, with the database let go and the reason in `out`,
// when it cannot be read.
bool read_opened(OpenedStore& out, bool with_journal) {
  out.loaded = load_snapshot(*out.db, with_journal);
  if (out.loaded.error.empty()) return true;
  out.error = out.loaded.error;
  out.problem = StoreProblem::other;
  out.db.reset();
  return false;
}

}  // namespace

OpenedStore open_store(const std::filesystem::path& data_dir, bool with_journal, bool daily_backup, const Key* key, int busy_wait_ms) {
  OpenedStore out;
  const std::filesystem::path path = data_dir / database_file_name;
  std::optional<KeyInfo> lock;
  if (!pass_the_lock(data_dir, key, lock, out)) return out;
  const OpenOptions options{.busy_timeout_ms = busy_wait_ms, .fault = &out.fault};
  std::string error;
  out.db = Database::open(path, error, key, options);
  if (out.db) {
    if (const std::string check = out.db->quick_check(&out.fault); check != "ok") error = "its integrity check failed (" + check + ")";
  }
  if (out.fault != Fault::none && out.fault != Fault::damaged) {
    // Busy, full, read-only, no permission, an I/O error: the file may be perfectly sound. Leave it be.
    out.db.reset();
    out.error = fault_text(out.fault, error);
    out.problem = StoreProblem::fault;
    return out;
  }
  std::error_code ec;
  if (out.fault == Fault::damaged && std::filesystem::exists(path, ec)) {
    out.db.reset();
    // The key was checked, so a locked file that will not open is damaged, unless the lock was
    // changed at this very moment (by the app, while a command reads): then it is left alone.
    std::string again_error;
    const std::optional<KeyInfo> again = current_keyinfo(data_dir, again_error);
    if (!again_error.empty() || lock.has_value() != again.has_value() || (lock && again->check != lock->check)) {
      out.error = "The lock on your map changed while it was being opened. Nothing was changed; please try again.";
      out.locked = true;
      out.problem = StoreProblem::locked;
      return out;
    }
    std::filesystem::path moved_to;
    if (const std::string e = set_aside(path, moved_to); !e.empty()) {
      out.error = "Your data file " + path.string() + " is damaged (" + error + "), and could not be moved aside (" + e +
                  "). Nothing was changed. Please copy the file somewhere safe.";
      out.problem = StoreProblem::unmovable;
      return out;
    }
    SetAside what{.moved_to = moved_to};
    // The newest sound backup takes its place (one holding something before one that holds nothing).
    for (const BackupInfo& backup : sound_backups(data_dir, key)) {
      if (restore_backup(data_dir, backup.file, key).empty()) {
        what.restored = backup;
        break;
      }
    }
    out.notice = "Your map's file was damaged, so it was set aside, untouched, as " + moved_to.string() + ". ";
    if (what.restored) {
      out.notice += "Your map was brought back from the backup of " + describe_backup(*what.restored) +
                    ". Changes made after that backup are not in it; the damaged file is kept, in case more can be rescued from it.";
    } else {
      out.notice += "No sound backup was found, so Innerscape has started a new, empty map. Nothing in the old file was "
                    "changed or deleted: keep it somewhere safe, as it may still be rescued.";
    }
    out.set_aside = std::move(what);
    out.fault = Fault::none;
    out.db = Database::open(path, error, key, options);
    if (out.db == nullptr) out.problem = out.fault == Fault::damaged ? StoreProblem::other : StoreProblem::fault;
  }
  if (!out.db) {
    out.error = error.empty() ? "Could not open " + path.string() : error;
    if (out.problem == StoreProblem::none) out.problem = StoreProblem::other;
    return out;
  }
  if (const std::string e = migrate(*out.db); !e.empty()) {
    out.error = e;
    out.problem = StoreProblem::other;
    out.db.reset();
    return out;
  }
  if (!read_opened(out, with_journal)) return out;
  // A day's backup, taken from a database that just opened and read cleanly (and not from a map that
  // stands in for a damaged one: that would push a good backup out).
  if (out.set_aside) return out;
  if (!daily_backup) {
    out.backup_due = true;
  } else if (const std::string e = rolling_backup(*out.db, data_dir, std::time(nullptr), key); !e.empty()) {
    out.notice += (out.notice.empty() ? "" : " ") + std::string("Today's backup could not be made: ") + e;
  }
  return out;
}

OpenedStore open_store_read_only(const std::filesystem::path& data_dir, const Key* key, bool with_journal, int busy_wait_ms) {
  OpenedStore out;
  std::error_code ec;
  if (!fs::exists(data_dir, ec)) {
    out.problem = StoreProblem::no_folder;
    out.error = "There is no folder at " + data_dir.string() + ", so there is no map there to read. Nothing was created. "
                "Check the folder's name (with --data-dir, the folder that holds innerscape.db).";
    return out;
  }
  if (!fs::is_directory(data_dir, ec)) {
    out.problem = StoreProblem::no_folder;
    out.error = data_dir.string() + " is a file, not a data folder. Nothing was changed. Give --data-dir the folder "
                "that holds innerscape.db.";
    return out;
  }
  const fs::path path = data_dir / database_file_name;
  if (!fs::exists(path, ec)) {
    out.problem = StoreProblem::no_map;
    out.error = "There is no map in " + data_dir.string() + " yet (no " + database_file_name + "). Nothing was created.";
    return out;
  }
  std::optional<KeyInfo> lock;
  if (!pass_the_lock(data_dir, key, lock, out)) return out;
  std::string error;
  out.db = Database::open(path, error, key, {.read_only = true, .busy_timeout_ms = busy_wait_ms, .fault = &out.fault});
  if (out.db) {
    if (const std::string check = out.db->quick_check(&out.fault); check != "ok") error = "its integrity check failed (" + check + ")";
  }
  if (out.fault == Fault::damaged) {
    out.db.reset();
    out.problem = StoreProblem::damaged;
    out.error = "Your map's file " + path.string() + " is damaged (" + error + "). Nothing was changed. Opening Innerscape "
                "sets it aside, untouched, and brings your map back from the newest sound backup.";
    return out;
  }
  if (out.fault != Fault::none || out.db == nullptr) {
    out.db.reset();
    if (out.fault == Fault::none) out.fault = Fault::other;
    out.problem = StoreProblem::fault;
    out.error = fault_text(out.fault, error);
    return out;
  }
  const int version = out.db->user_version();
  if (version > latest_schema_version()) {
    out.db.reset();
    out.problem = StoreProblem::other;
    out.error = "Your map was saved by a newer Innerscape than this one, which cannot read it. Nothing was changed. "
                "Use the newer Innerscape.";
    return out;
  }
  if (version < latest_schema_version()) {
    // Saved by an earlier Innerscape: brought up to date in a private copy, never in the file itself.
    std::string scratch = (fs::temp_directory_path(ec) / "innerscape-read-XXXXXX").string();
    if (::mkdtemp(scratch.data()) == nullptr) {
      out.db.reset();
      out.problem = StoreProblem::other;
      out.error = "Your map was saved by an earlier Innerscape, and no private scratch folder could be made to read it "
                  "without changing it. Nothing was changed. Open Innerscape once to bring it up to date.";
      return out;
    }
    const fs::path copy = fs::path(scratch) / database_file_name;
    std::string e = backup_to(*out.db, copy, key);
    out.db.reset();
    if (e.empty()) out.db = Database::open(copy, e, key);
    if (out.db != nullptr) {
      out.db->remove_when_closed(scratch);
      e = migrate(*out.db);
    } else {
      fs::remove_all(scratch, ec);
    }
    if (!e.empty()) {
      out.db.reset();
      out.problem = StoreProblem::other;
      out.error = "Your map was saved by an earlier Innerscape and could not be brought up to date to read it: " + e +
                  ". Nothing was changed.";
      return out;
    }
  }
  read_opened(out, with_journal);
  return out;
}

std::string restore_backup(const std::filesystem::path& data_dir, const std::filesystem::path& backup, const Key* key) {
  std::string error;
  if (!store_is_locked(data_dir)) key = nullptr;
  auto source = Database::open(backup, error, key, {.read_only = true});
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
