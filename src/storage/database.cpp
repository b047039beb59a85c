// A small, safe face on SQLite (the SQLCipher build).
#include "storage/database.h"

#include <sqlite3.h>
#include <sys/stat.h>

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

std::unique_ptr<Database> Database::open(const std::filesystem::path& path, std::string& error, const Key* key) {
  std::unique_ptr<Database> db(new Database());
  db->path_ = path;
  const bool in_memory = path == ":memory:";
  // Owner-only from the first byte: the file is created under a 077 umask.
  const mode_t old_mask = in_memory ? 0 : ::umask(077);
  const int rc = sqlite3_open_v2(path.c_str(), &db->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (!in_memory) ::umask(old_mask);
  if (rc != SQLITE_OK) {
    error = "Could not open " + path.string() + ": " + (db->db_ != nullptr ? sqlite3_errmsg(db->db_) : "out of memory");
    return nullptr;
  }
  sqlite3_busy_timeout(db->db_, 2000);
  sqlite3_extended_result_codes(db->db_, 1);
  if (!in_memory) ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
  if (key != nullptr) {
    if (std::string e = use_key(db->db_, *key); !e.empty()) {
      error = "Could not set the key for " + path.string() + ": " + e;
      return nullptr;
    }
  }
  // Reading the schema is the first thing that touches the file: a file that is not a database (or
  // not one this key opens) fails here, before anything is written.
  if (std::string e = db->exec("PRAGMA foreign_keys = ON; SELECT count(*) FROM sqlite_master;"); !e.empty()) {
    const bool not_a_db = sqlite3_errcode(db->db_) == SQLITE_NOTADB;
    error = key != nullptr && not_a_db ? path.string() + " does not open with this passphrase (or it is damaged): " + e
                                       : path.string() + " cannot be read as a database: " + e;
    return nullptr;
  }
  if (!in_memory) {
    if (std::string e = db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"); !e.empty()) {
      error = "Could not prepare " + path.string() + ": " + e;
      return nullptr;
    }
  }
  return db;
}

Database::~Database() {
  if (db_ != nullptr) sqlite3_close(db_);
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

std::string Database::quick_check() {
  Statement s = prepare("PRAGMA quick_check");
  if (!s.valid()) return sqlite3_errmsg(db_);
  std::string out;
  while (s.step()) out += (out.empty() ? "" : "; ") + s.column_text(0);
  if (!s.error().empty()) return s.error();
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
