// Rolling backups of the database, made with SQLite's online backup API, checked before they count.
#include "storage/backup.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/wording.h"
#include "storage/passphrase_lock.h"
#include "storage/private_files.h"
#include "storage/synced_file.h"

namespace innerscape::storage {
namespace fs = std::filesystem;
namespace {

constexpr const char* prefix = "innerscape-";
constexpr const char* suffix = ".db";
constexpr const char* partial_suffix = ".partial";  // a backup being written: never listed, never restored
constexpr const char* keyinfo_suffix = ".keyinfo";

std::string stamp(std::time_t t) {
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &tm);
  return text;
}

// innerscape-YYYYMMDD-HHMMSS.db back to a time (local, as it was written); 0 if the name is another.
std::time_t time_of(const fs::path& backup) {
  const std::string name = backup.filename().string();
  std::tm tm{};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(name.c_str(), "innerscape-%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6) return 0;
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

fs::path with_suffix(const fs::path& p, const char* more) {
  fs::path out = p;
  out += more;
  return out;
}

void remove_with_sides(const fs::path& p) {
  std::error_code ec;
  fs::remove(p, ec);
  for (const char* side : {"-journal", "-wal", "-shm"}) fs::remove(with_suffix(p, side), ec);
}

bool is_backup_name(const std::string& name) { return name.starts_with(prefix) && name.ends_with(suffix); }

// A backup with a rollback journal beside it was cut off while it was being written (by an Innerscape
// from before backups were written under a temporary name): rolled back, it is empty or worse.
bool is_torn(const fs::path& backup) {
  std::error_code ec;
  return fs::exists(with_suffix(backup, "-journal"), ec);
}

// How many rows a table holds; -1 when it cannot be read (a table an older schema lacks, say).
std::int64_t count_rows(Database& db, const char* table) {
  Statement s = db.prepare(std::string("SELECT count(*) FROM ") + table);
  return s.valid() && s.step() ? s.column_int(0) : -1;
}

struct Counts {
  std::int64_t parts = -1;
  std::int64_t pages = -1;
  std::int64_t db_pages = -1;
  bool operator==(const Counts&) const = default;
};

Counts counts_of(Database& db) {
  Counts c{.parts = count_rows(db, "parts"), .pages = count_rows(db, "entries")};
  Statement s = db.prepare("PRAGMA page_count");
  if (s.valid() && s.step()) c.db_pages = s.column_int(0);
  return c;
}

std::string read_all(const fs::path& p, bool& exists) {
  std::error_code ec;
  exists = fs::is_regular_file(p, ec);
  if (!exists) return {};
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

fs::path backups_dir(const fs::path& data_dir) { return data_dir / "backups"; }

fs::path backup_keyinfo_path(const fs::path& backup) {
  fs::path out = backup;
  out.replace_extension(keyinfo_suffix);
  return out;
}

std::vector<fs::path> list_backups(const fs::path& data_dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(backups_dir(data_dir), ec)) {
    if (is_backup_name(entry.path().filename().string()) && !is_torn(entry.path())) out.push_back(entry.path());
  }
  // Names carry the time, so name order is time order.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.filename() > b.filename(); });
  return out;
}

std::vector<BackupInfo> sound_backups(const fs::path& data_dir, const Key* key) {
  std::vector<BackupInfo> out;
  for (const auto& file : list_backups(data_dir)) {
    std::string error;
    auto db = Database::open(file, error, key, {.read_only = true});
    if (db == nullptr || db->quick_check() != "ok") continue;
    out.push_back({.file = file, .made_at = time_of(file), .parts = std::max<std::int64_t>(0, count_rows(*db, "parts")),
                   .pages = std::max<std::int64_t>(0, count_rows(*db, "entries"))});
  }
  // The fullest recent first: a backup that holds nothing (made on a first day, say) is offered only
  // after every one that holds something.
  std::stable_sort(out.begin(), out.end(), [](const BackupInfo& a, const BackupInfo& b) {
    if (a.holds_something() != b.holds_something()) return a.holds_something();
    return a.made_at > b.made_at;
  });
  return out;
}

std::string describe_backup(const BackupInfo& info) {
  std::tm tm{};
  localtime_r(&info.made_at, &tm);
  char when[64];
  std::strftime(when, sizeof when, "%d %b %Y, %H:%M", &tm);
  std::string text = when;
  if (text.starts_with("0")) text.erase(0, 1);
  return text + ": " + core::counted(info.parts, "part", "parts") + ", " + core::counted(info.pages, "journal page", "journal pages");
}

std::string backup_to(Database& db, const fs::path& dest, const Key* key) {
  const fs::path tmp = with_suffix(dest, partial_suffix);
  remove_with_sides(tmp);
  std::string error;
  // The source's counts and the copy come from one read transaction, so they describe one moment.
  const bool reading = db.exec("BEGIN").empty();
  const Counts source = counts_of(db);
  const mode_t old_mask = ::umask(077);
  sqlite3* out = nullptr;
  const int rc = sqlite3_open_v2(tmp.c_str(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  ::umask(old_mask);
  if (rc != SQLITE_OK) {
    error = out != nullptr ? sqlite3_errmsg(out) : "out of memory";
    sqlite3_close(out);
    if (reading) db.exec("COMMIT");
    remove_with_sides(tmp);
    return "Could not create the backup " + dest.string() + ": " + error;
  }
  if (key != nullptr) error = use_key(out, *key);
  if (error.empty()) {
    sqlite3_backup* backup = sqlite3_backup_init(out, "main", db.handle(), "main");
    if (backup == nullptr) {
      error = sqlite3_errmsg(out);
    } else {
      sqlite3_backup_step(backup, -1);
      if (sqlite3_backup_finish(backup) != SQLITE_OK) error = sqlite3_errmsg(out);
    }
  }
  if (reading) db.exec("COMMIT");
  if (sqlite3_close(out) != SQLITE_OK && error.empty()) error = "it could not be closed";
  ::chmod(tmp.c_str(), S_IRUSR | S_IWUSR);
  if (error.empty()) error = sync_path(tmp, false);
  if (error.empty()) {
    // It counts only once it reads back whole, holding what the source held.
    auto copy = Database::open(tmp, error, key, {.read_only = true});
    if (copy == nullptr) {
      error = "it does not read back (" + error + ")";
    } else if (const std::string check = copy->quick_check(); check != "ok") {
      error = "it does not read back whole (" + check + ")";
    } else if (counts_of(*copy) != source) {
      error = "it does not hold what the map holds";
    }
  }
  if (error.empty()) {
    std::error_code ec;
    fs::rename(tmp, dest, ec);
    if (ec) error = "it could not be put in place (" + ec.message() + ")";
  }
  if (!error.empty()) {
    remove_with_sides(tmp);  // never leave a half backup that could look whole
    return "The backup could not be written: " + error;
  }
  const fs::path dir = dest.has_parent_path() ? dest.parent_path() : fs::path(".");
  if (const std::string e = sync_path(dir, true); !e.empty()) return "The backup could not be written: " + e;
  return {};
}

void tidy_backups(const fs::path& data_dir) {
  std::error_code ec;
  std::vector<fs::path> gone;
  for (const auto& entry : fs::directory_iterator(backups_dir(data_dir), ec)) {
    const fs::path& p = entry.path();
    const std::string name = p.filename().string();
    if (name.find(partial_suffix) != std::string::npos) {
      gone.push_back(p);
    } else if (is_backup_name(name) && is_torn(p)) {
      gone.push_back(p);
      gone.push_back(with_suffix(p, "-journal"));
    } else if (name.starts_with(prefix) && (name.ends_with(keyinfo_suffix) || name.ends_with(".keyinfo.tmp"))) {
      fs::path db = p;
      if (name.ends_with(".tmp")) db.replace_extension();
      db.replace_extension(suffix);
      if (name.ends_with(".tmp") || !fs::exists(db, ec) || is_torn(db)) gone.push_back(p);
    }
  }
  // A torn copy of an unlocked store holds the person's words in plain text: overwritten, not only unlinked.
  for (const auto& p : gone) {
    if (fs::exists(p, ec)) overwrite_and_remove(p);
  }
}

std::string sync_backup_keyinfos(const fs::path& data_dir) {
  std::error_code ec;
  if (fs::exists(with_suffix(data_dir / keyinfo_file_name, ".new"), ec)) return {};  // a lock switch is under way: its own to finish
  const bool locked = store_is_locked(data_dir);
  bool exists = false;
  const std::string keyinfo = locked ? read_all(data_dir / keyinfo_file_name, exists) : std::string();
  if (locked && !exists) return {};
  std::string problem;
  for (const auto& backup : list_backups(data_dir)) {
    const fs::path copy = backup_keyinfo_path(backup);
    bool has_copy = false;
    const std::string current = read_all(copy, has_copy);
    if (!exists) {
      if (has_copy) fs::remove(copy, ec);
    } else if (!has_copy || current != keyinfo) {
      if (const std::string e = replace_file_synced(copy, keyinfo); !e.empty() && problem.empty()) problem = e;
    }
  }
  return problem;
}

std::string rolling_backup(Database& db, const fs::path& data_dir, std::time_t now, const Key* key) {
  const auto dir = backups_dir(data_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  ::chmod(dir.c_str(), S_IRWXU);
  tidy_backups(data_dir);
  auto existing = list_backups(data_dir);
  bool due = existing.empty();
  if (!due) {
    struct stat st {};
    due = ::stat(existing.front().c_str(), &st) != 0 || now - st.st_mtime >= backup_interval_s;
  }
  std::string problem;
  if (due) {
    const auto dest = dir / (std::string(prefix) + stamp(now) + suffix);
    if (std::string e = backup_to(db, dest, key); !e.empty()) return e;
    existing = list_backups(data_dir);
  }
  for (std::size_t i = backups_kept; i < existing.size(); ++i) {
    fs::remove(existing[i], ec);
    fs::remove(backup_keyinfo_path(existing[i]), ec);
  }
  // Each backup keeps the keyinfo it needs beside it: without it, a locked backup could never be read.
  return sync_backup_keyinfos(data_dir);
}

}  // namespace innerscape::storage
