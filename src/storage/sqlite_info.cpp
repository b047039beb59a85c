// Which SQLite the app is linked against. The project's SQLite is the SQLCipher build, and must stay so.
#include "storage/sqlite_info.h"

#include <sqlite3.h>

namespace innerscape::storage {
namespace {

std::string first_text(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    if (const unsigned char* text = sqlite3_column_text(stmt, 0)) out = reinterpret_cast<const char*>(text);
  }
  sqlite3_finalize(stmt);
  return out;
}

}  // namespace

SqliteInfo linked_sqlite_info() {
  SqliteInfo info;
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    sqlite3_close(db);
    return info;
  }
  info.sqlite_version = first_text(db, "SELECT sqlite_version()");
  // Only SQLCipher knows this pragma; plain SQLite answers with no row.
  info.cipher_version = first_text(db, "PRAGMA cipher_version");
  info.has_fts4 = sqlite3_exec(db, "CREATE VIRTUAL TABLE probe USING fts4(body)", nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return info;
}

}  // namespace innerscape::storage
