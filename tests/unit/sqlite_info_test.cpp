// The project's SQLite must be the SQLCipher build (encryption comes later), never plain libsqlite3.
#include <doctest/doctest.h>

#include "storage/sqlite_info.h"

TEST_CASE("the linked SQLite is SQLCipher, on SQLite 3.15 or newer, with FTS4") {
  const auto info = innerscape::storage::linked_sqlite_info();
  REQUIRE_FALSE(info.sqlite_version.empty());
  INFO("sqlite ", info.sqlite_version, ", cipher '", info.cipher_version, "'");
  CHECK_FALSE(info.cipher_version.empty());
  CHECK(info.sqlite_version >= std::string("3.15"));
  CHECK(info.has_fts4);
}
