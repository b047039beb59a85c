// Rolling backups of the database, made with SQLite's online backup API.
#include "storage/backup.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <system_error>

namespace innerscape::storage {
namespace {

constexpr const char* prefix = "innerscape-";
constexpr const char* suffix = ".db";

std::string stamp(std::time_t t) {
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &tm);
  return text;
}

}  // namespace

std::filesystem::path backups_dir(const std::filesystem::path& data_dir) { return data_dir / "backups"; }

std::vector<std::filesystem::path> list_backups(const std::filesystem::path& data_dir) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(backups_dir(data_dir), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && name.ends_with(suffix)) out.push_back(entry.path());
  }
  // Names carry the time, so name order is time order.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.filename() > b.filename(); });
  return out;
}

std::string backup_to(Database& db, const std::filesystem::path& dest, const Key* key) {
  std::string error;
  const mode_t old_mask = ::umask(077);
  sqlite3* out = nullptr;
  const int rc = sqlite3_open_v2(dest.c_str(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  ::umask(old_mask);
  if (rc != SQLITE_OK) {
    error = out != nullptr ? sqlite3_errmsg(out) : "out of memory";
    sqlite3_close(out);
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
  sqlite3_close(out);
  ::chmod(dest.c_str(), S_IRUSR | S_IWUSR);
  if (!error.empty()) {
    std::error_code ec;
    std::filesystem::remove(dest, ec);  // never leave a half backup that looks whole
    return "The backup could not be written: " + error;
  }
  return {};
}

std::string rolling_backup(Database& db, const std::filesystem::path& data_dir, std::time_t now, const Key* key) {
  const auto dir = backups_dir(data_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  ::chmod(dir.c_str(), S_IRWXU);
  auto existing = list_backups(data_dir);
  bool due = existing.empty();
  if (!due) {
    struct stat st {};
    due = ::stat(existing.front().c_str(), &st) != 0 || now - st.st_mtime >= backup_interval_s;
  }
  if (due) {
    const auto dest = dir / (std::string(prefix) + stamp(now) + suffix);
    if (std::string e = backup_to(db, dest, key); !e.empty()) return e;
    existing = list_backups(data_dir);
  }
  for (std::size_t i = backups_kept; i < existing.size(); ++i) std::filesystem::remove(existing[i], ec);
  return {};
}

}  // namespace innerscape::storage
