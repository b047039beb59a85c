// Which SQLite the app is linked against. The project's SQLite is the SQLCipher build, and must stay so.
#pragma once

#include <string>

namespace innerscape::storage {

struct SqliteInfo {
  std::string sqlite_version;  // e.g. "3.15.2"
  std::string cipher_version;  // e.g. "3.4.1"; empty when the linked library is plain SQLite
  bool has_fts4 = false;
};

// Opens an in-memory database and asks it. Returns an empty sqlite_version if even that fails.
SqliteInfo linked_sqlite_info();

}  // namespace innerscape::storage
