// A small, safe face on SQLite (the SQLCipher build): open, run, prepare, bind, step, and transactions
// that roll back unless committed. Errors come back as text a person or a log can act on.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace innerscape::storage {

class Key;

// What kind of trouble stopped an operation. Only `damaged` says the file itself is bad; the rest
// pass (busy), or are the computer's (a full disk, a read-only folder, no permission, an I/O error),
// and a file met with them is sound and must be left exactly as it is.
enum class Fault { none, damaged, busy, full, read_only, permission, io, missing, other };

// The fault SQLite's result code and the system's errno describe (errno wins where it is plainer:
// SQLite reports a read-only mount and a full disk under several codes).
Fault classify_fault(int sqlite_code, int system_errno);

// A sentence for a person: what the fault is and what to do about it ("" for none or damaged).
std::string fault_advice(Fault fault);

// How a file is opened.
struct OpenOptions {
  // Never writes a byte: no WAL switch, no chmod, no journal rolled back. With no -wal beside it the
  // file is read as it stands (SQLite's immutable mode, which creates nothing); with one, the WAL is
  // read through the shared-memory index that is already there.
  bool read_only = false;
  int busy_timeout_ms = 2000;  // how long to wait for another connection's lock before giving up
  Fault* fault = nullptr;      // receives the kind of trouble, when open fails
};

class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  bool valid() const { return stmt_ != nullptr; }

  // Binding is by 1-based index, as in SQL's ?1, ?2...
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_null(int index);
  Statement& bind_blob(int index, std::string_view bytes);  // kept byte for byte, typed BLOB
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Steps once: true while a row is ready. A failure is kept in error().
  bool step();
  // Runs to completion (for statements that return no rows); false on failure.
  bool run();
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  std::string column_blob(int index) const;  // the bytes of a BLOB (or of whatever is there)
  bool column_is_null(int index) const;

  const std::string& error() const { return error_; }

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
};

class Database {
 public:
  // Opens (creating if needed) a database file, or ":memory:". File databases get WAL, foreign keys
  // on, and owner-only permissions (0600). Returns null with a message on failure.
  // With a `key` the file is encrypted (SQLCipher, raw key): the key is checked by reading the schema
  // before anything is written, so a wrong key leaves the file exactly as it was.
  static std::unique_ptr<Database> open(const std::filesystem::path& path, std::string& error, const Key* key = nullptr);
  static std::unique_ptr<Database> open(const std::filesystem::path& path, std::string& error, const Key* key,
                                        const OpenOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements with no results. Empty on success, else SQLite's message.
  std::string exec(std::string_view sql);
  Statement prepare(std::string_view sql, std::string* error = nullptr);

  int user_version();
  std::string set_user_version(int version);

  // "ok" when the file is sound, else SQLite's findings. `fault` (if given) tells a check that found
  // damage (`damaged`) from one that could not run (busy, an I/O error...).
  std::string quick_check(Fault* fault = nullptr);

  // The kind of the last error on this connection.
  Fault last_fault();

  sqlite3* handle() { return db_; }
  const std::filesystem::path& path() const { return path_; }

  // A private scratch folder (a read-only opening's migrated copy) removed, with all in it, once
  // this connection closes.
  void remove_when_closed(std::filesystem::path folder) { scratch_ = std::move(folder); }

 private:
  Database() = default;
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  std::filesystem::path scratch_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const std::string& error() const { return error_; }  // why BEGIN failed, if it did
  std::string commit();

 private:
  Database& db_;
  bool open_ = false;
  std::string error_;
};

// Keys a raw connection just opened (before it reads anything). Empty on success.
std::string use_key(sqlite3* handle, const Key& key);

}  // namespace innerscape::storage
