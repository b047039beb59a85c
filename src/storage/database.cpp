// A small, safe face on SQLite (the SQLCipher build).
#include "storage/database.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>
#include <utility>

#include "storage/passphrase_lock.h"

namespace innerscape::storage {

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), error_(std::move(other.error_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    error_ = std::move(other.error_);
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  // An empty blob still binds as a zero-length BLOB, not NULL.
  sqlite3_bind_blob(stmt_, index, bytes.empty() ? "" : bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) error_ = sqlite3_errmsg(db_);
  return false;
}

bool Statement::run() {
  error_.clear();
  while (step()) {
  }
  const bool ok = error_.empty();
  reset();
  return ok;
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }
double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }
bool Statement::column_is_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }
std::string Statement::column_text(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  return text != nullptr ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))) : std::string();
}

std::string Statement::column_blob(int index) const {
  const void* data = sqlite3_column_blob(stmt_, index);
  return data != nullptr ? std::string(static_cast<const char*>(data), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)))
                         : std::string();
}

std::string use_key(sqlite3* handle, const Key& key) {
  std::string sql = "PRAGMA key = \"" + key.sql_literal() + "\";";
  const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, nullptr);
  wipe(sql);
  return rc == SQLITE_OK ? std::string() : std::string(sqlite3_errmsg(handle));
}

Fault classify_fault(int sqlite_code, int system_errno) {
  const int primary = sqlite_code & 0xff;
  if (primary == SQLITE_OK || primary == SQLITE_ROW || primary == SQLITE_DONE) return Fault::none;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return Fault::damaged;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Fault::busy;
  if (primary == SQLITE_FULL || system_errno == ENOSPC || system_errno == EDQUOT) return Fault::full;
  if (primary == SQLITE_READONLY || system_errno == EROFS) return Fault::read_only;
  if (primary == SQLITE_PERM || primary == SQLITE_AUTH || system_errno == EACCES || system_errno == EPERM) return Fault::permission;
  if (primary == SQLITE_CANTOPEN && system_errno == ENOENT) return Fault::missing;
  if (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || system_errno == EIO) return Fault::io;
  return Fault::other;
}

std::string fault_advice(Fault fault) {
  switch (fault) {
    case Fault::none:
    case Fault::damaged:
      return {};
    case Fault::busy:
      return "Another program is holding your map's file just now, and it stayed busy for several seconds. Nothing was "
             "changed. If a backup or sync program is running, let it finish, then try again.";
    case Fault::full:
      return "The disk that holds your map is full, so it could not be opened safely. Nothing was changed. Free some "
             "space, then try again.";
    case Fault::read_only:
      return "Your map's folder can be read but not written just now (the disk may be mounted read-only). Nothing was "
             "changed. Make it writable again, or copy the folder somewhere writable and open it with --data-dir.";
    case Fault::permission:
      return "Innerscape is not allowed to use your map's files. Nothing was changed. Check that you own the data "
             "folder and the files in it.";
    case Fault::io:
      return "The disk reported an error while your map was being read. Nothing was changed. The disk may be failing "
             "or disconnected: copy the data folder somewhere safe, then try again.";
    case Fault::missing:
      return "A file of your map was not there when it was needed. Nothing was changed. Please try again.";
    case Fault::other:
      return "Nothing was changed. Please try again in a moment.";
  }
  return {};
}

namespace {

// A path as a URI's path: everything but the plainest characters percent-encoded.
std::string uri_path(const std::filesystem::path& path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : path.native()) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<Database> Database::open(const std::filesystem::path& path, std::string& error, const Key* key) {
  return open(path, error, key, OpenOptions{});
}

std::unique_ptr<Database> Database::open(const std::filesystem::path& path, std::string& error, const Key* key,
                                         const OpenOptions& options) {
  std::unique_ptr<Database> db(new Database());
  db->path_ = path;
  const bool in_memory = path == ":memory:";
  const bool read_only = options.read_only && !in_memory;
  Fault ignored = Fault::none;
  Fault& fault = options.fault != nullptr ? *options.fault : ignored;
  fault = Fault::none;
  auto failed = [&](std::string message) -> std::unique_ptr<Database> {
    if (fault == Fault::none) fault = db->db_ != nullptr ? db->last_fault() : Fault::other;
    if (fault == Fault::none) fault = Fault::other;
    error = std::move(message);
    return nullptr;
  };
  int rc = SQLITE_OK;
  if (read_only) {
    // With no -wal beside it, everything is in the file itself: read it as it stands, so not even
    // SQLite's -wal and -shm companions are created. A -wal means a writer has (or had) it open.
    std::filesystem::path wal = path;
    wal += "-wal";
    std::error_code ec;
    const bool has_wal = std::filesystem::exists(wal, ec);
    if (!std::filesystem::exists(path, ec)) {
      fault = Fault::missing;
      error = "Could not open " + path.string() + ": there is no such file";
      return nullptr;
    }
    const std::string uri = "file:" + uri_path(path) + "?mode=ro" + (has_wal ? "" : "&immutable=1");
    rc = sqlite3_open_v2(uri.c_str(), &db->db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  } else {
    // Owner-only from the first byte: the file is created under a 077 umask.
    const mode_t old_mask = in_memory ? 0 : ::umask(077);
    rc = sqlite3_open_v2(path.c_str(), &db->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (!in_memory) ::umask(old_mask);
  }
  if (rc != SQLITE_OK) {
    if (db->db_ != nullptr) fault = classify_fault(sqlite3_extended_errcode(db->db_), sqlite3_system_errno(db->db_));
    return failed("Could not open " + path.string() + ": " + (db->db_ != nullptr ? sqlite3_errmsg(db->db_) : "out of memory"));
  }
  sqlite3_busy_timeout(db->db_, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db->db_, 1);
  if (!in_memory && !read_only) ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
  if (key != nullptr) {
    if (std::string e = use_key(db->db_, *key); !e.empty()) {
      return failed("Could not set the key for " + path.string() + ": " + e);
    }
  }
  // Reading the schema is the first thing that touches the file: a file that is not a database (or
  // not one this key opens) fails here, before anything is written.
  if (std::string e = db->exec("PRAGMA foreign_keys = ON; SELECT count(*) FROM sqlite_master;"); !e.empty()) {
    fault = db->last_fault();
    const bool not_a_db = sqlite3_errcode(db->db_) == SQLITE_NOTADB;
    return failed(key != nullptr && not_a_db ? path.string() + " does not open with this passphrase (or it is damaged): " + e
                  : fault == Fault::damaged     ? path.string() + " cannot be read as a database: " + e
                                                : "Could not read " + path.string() + ": " + e);
  }
  if (read_only) {
    db->exec("PRAGMA query_only = 1;");
  } else if (!in_memory) {
    if (std::string e = db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"); !e.empty()) {
      return failed("Could not prepare " + path.string() + ": " + e);
    }
  }
  return db;
}

Database::~Database() {
  if (db_ != nullptr) sqlite3_close(db_);
  if (!scratch_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(scratch_, ec);
  }
}

std::string Database::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return {};
  std::string out = message != nullptr ? message : sqlite3_errmsg(db_);
  sqlite3_free(message);
  return out;
}

Statement Database::prepare(std::string_view sql, std::string* error) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    if (error != nullptr) *error = sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return {};
  }
  return Statement(db_, stmt);
}

int Database::user_version() {
  Statement s = prepare("PRAGMA user_version");
  return s.valid() && s.step() ? static_cast<int>(s.column_int(0)) : -1;
}

std::string Database::set_user_version(int version) { return exec("PRAGMA user_version = " + std::to_string(version)); }

Fault Database::last_fault() { return classify_fault(sqlite3_extended_errcode(db_), sqlite3_system_errno(db_)); }

std::string Database::quick_check(Fault* fault) {
  Fault ignored = Fault::none;
  Fault& f = fault != nullptr ? *fault : ignored;
  f = Fault::none;
  Statement s = prepare("PRAGMA quick_check");
  if (!s.valid()) {
    f = last_fault();
    if (f == Fault::none) f = Fault::other;
    return sqlite3_errmsg(db_);
  }
  std::string out;
  while (s.step()) out += (out.empty() ? "" : "; ") + s.column_text(0);
  if (!s.error().empty()) {
    // The check could not finish: damage if SQLite says so, else whatever stopped it.
    f = last_fault();
    if (f == Fault::none) f = Fault::other;
    return s.error();
  }
  if (out != "ok") f = Fault::damaged;  // it ran, and found the file wanting
  return out;
}

Transaction::Transaction(Database& db) : db_(db) {
  error_ = db_.exec("BEGIN IMMEDIATE");
  open_ = error_.empty();
}

Transaction::~Transaction() {
  if (open_) db_.exec("ROLLBACK");
}

std::string Transaction::commit() {
  if (!open_) return error_.empty() ? "The transaction is not open." : error_;
  std::string e = db_.exec("COMMIT");
  if (e.empty()) open_ = false;
  return e;
}

}  // namespace innerscape::storage
