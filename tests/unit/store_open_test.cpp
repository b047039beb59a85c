// Opening a store when things go wrong: only real damage sets a file aside (and then the newest
// sound backup comes back in its place); a busy file, a full disk, a read-only folder and an I/O
// error are named and change nothing; a backup cut short never counts; an encrypted map without its
// keyinfo is never replaced; the read-only opening touches nothing.
#include <doctest/doctest.h>

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <thread>

#include "core/demo_system.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/map_store.h"
#include "storage/migrations.h"
#include "storage/passphrase_lock.h"
#include "storage/store.h"
#include "test_store.h"
#include "test_tmp.h"

using namespace innerscape;
namespace fs = std::filesystem;

namespace {

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Every file under `dir` (recursively), with its bytes and its modification time.
std::map<std::string, std::pair<std::string, fs::file_time_type>> files_under(const fs::path& dir) {
  std::map<std::string, std::pair<std::string, fs::file_time_type>> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = {bytes_of(e.path()), fs::last_write_time(e.path())};
  }
  return out;
}

int count_set_aside(const fs::path& dir) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string().starts_with("innerscape.db.corrupt-") ? 1 : 0;
  return n;
}

// The demo map, saved and closed (cleanly: no -wal left), with a full backup made of it, dated `stamp`.
core::InnerSystem make_full_store(const fs::path& dir, const std::string& stamp = "20200101-000000") {
  const core::InnerSystem demo = core::make_demo_system();
  test::write_store(dir, demo);
  storage::OpenedStore store = storage::open_store(dir, true, false);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  REQUIRE(storage::backup_to(*store.db, storage::backups_dir(dir) / ("innerscape-" + stamp + ".db")).empty());
  return demo;
}

void damage(const fs::path& dir) {
  std::ofstream(dir / storage::database_file_name, std::ios::binary | std::ios::trunc) << std::string(9000, '#');
}

// --- A VFS that injects the computer's faults: a full disk, a read-only folder, an I/O error -----
// (The tests may run as root, where chmod blocks nothing: the faults are injected under SQLite.)

enum class Inject { none, full, read_only, io };
Inject g_inject = Inject::none;
int g_errno = 0;
sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;

struct WrappedFile {
  sqlite3_file base;
  sqlite3_file* real;
};
sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<WrappedFile*>(f)->real; }

int fail(int code, int err) {
  g_errno = err;
  return code;
}

int w_close(sqlite3_file* f) { return real_of(f)->pMethods->xClose(real_of(f)); }
int w_read(sqlite3_file* f, void* p, int n, sqlite3_int64 at) {
  if (g_inject == Inject::io) return fail(SQLITE_IOERR_READ, EIO);
  return real_of(f)->pMethods->xRead(real_of(f), p, n, at);
}
int w_write(sqlite3_file* f, const void* p, int n, sqlite3_int64 at) {
  if (g_inject == Inject::full) return fail(SQLITE_FULL, ENOSPC);
  if (g_inject == Inject::read_only) return fail(SQLITE_READONLY, EROFS);
  return real_of(f)->pMethods->xWrite(real_of(f), p, n, at);
}
int w_truncate(sqlite3_file* f, sqlite3_int64 size) { return real_of(f)->pMethods->xTruncate(real_of(f), size); }
int w_sync(sqlite3_file* f, int flags) { return real_of(f)->pMethods->xSync(real_of(f), flags); }
int w_size(sqlite3_file* f, sqlite3_int64* size) { return real_of(f)->pMethods->xFileSize(real_of(f), size); }
int w_lock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xLock(real_of(f), level); }
int w_unlock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xUnlock(real_of(f), level); }
int w_reserved(sqlite3_file* f, int* out) { return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out); }
int w_control(sqlite3_file* f, int op, void* arg) { return real_of(f)->pMethods->xFileControl(real_of(f), op, arg); }
int w_sector(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int w_device(sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); }
int w_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  if (g_inject == Inject::full) return fail(SQLITE_IOERR_SHMSIZE, ENOSPC);
  if (g_inject == Inject::read_only) return fail(SQLITE_READONLY_CANTLOCK, EROFS);
  return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
}
int w_shm_lock(sqlite3_file* f, int offset, int n, int flags) { return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags); }
void w_shm_barrier(sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
int w_shm_unmap(sqlite3_file* f, int del) { return real_of(f)->pMethods->xShmUnmap(real_of(f), del); }
int w_fetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) {
  if (g_inject == Inject::io) {
    *out = nullptr;  // no memory map: reads go through xRead, which fails
    return SQLITE_OK;
  }
  return real_of(f)->pMethods->xFetch(real_of(f), at, n, out);
}
int w_unfetch(sqlite3_file* f, sqlite3_int64 at, void* p) { return real_of(f)->pMethods->xUnfetch(real_of(f), at, p); }

int w_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* w = reinterpret_cast<WrappedFile*>(f);
  w->base.pMethods = nullptr;
  w->real = reinterpret_cast<sqlite3_file*>(w + 1);
  const bool side = (flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)) != 0;
  if (side && g_inject == Inject::full) return fail(SQLITE_CANTOPEN, ENOSPC);
  if (side && g_inject == Inject::read_only) return fail(SQLITE_CANTOPEN, EROFS);
  if (g_inject == Inject::read_only && (flags & SQLITE_OPEN_READWRITE) != 0) {
    flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
  }
  const int rc = g_real->xOpen(g_real, name, w->real, flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  if (g_methods.xClose == nullptr) {
    g_methods = {std::min(w->real->pMethods->iVersion, 3), w_close, w_read, w_write, w_truncate, w_sync, w_size, w_lock, w_unlock,
                 w_reserved, w_control, w_sector, w_device, w_shm_map, w_shm_lock, w_shm_barrier, w_shm_unmap, w_fetch, w_unfetch};
  }
  w->base.pMethods = &g_methods;
  return SQLITE_OK;
}

int w_last_error(sqlite3_vfs*, int, char*) { return g_errno; }

// Puts the faulty VFS under every new connection for the life of the guard; `inject` picks the fault.
struct FaultyDisk {
  FaultyDisk() {
    g_real = sqlite3_vfs_find(nullptr);
    g_vfs = *g_real;
    g_vfs.zName = "innerscape_faulty_disk";
    g_vfs.szOsFile = static_cast<int>(sizeof(WrappedFile)) + g_real->szOsFile;
    g_vfs.xOpen = w_open;
    g_vfs.xGetLastError = w_last_error;
    g_vfs.pAppData = nullptr;
    REQUIRE(sqlite3_vfs_register(&g_vfs, 1) == SQLITE_OK);
  }
  ~FaultyDisk() {
    g_inject = Inject::none;
    sqlite3_vfs_unregister(&g_vfs);
    sqlite3_vfs_register(g_real, 1);
  }
};

// Another program holding the database's lock: an exclusive transaction in exclusive locking mode,
// which keeps every other connection out until it ends.
struct LockHolder {
  sqlite3* db = nullptr;
  explicit LockHolder(const fs::path& file) {
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE self_state SET glow = glow;", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
  }
  void release() {
    if (db == nullptr) return;
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    db = nullptr;
  }
  ~LockHolder() { release(); }
};

}  // namespace

TEST_CASE("faults are told apart: only corrupt and not-a-database are damage") {
  using storage::Fault;
  CHECK(storage::classify_fault(SQLITE_CORRUPT, 0) == Fault::damaged);
  CHECK(storage::classify_fault(SQLITE_NOTADB, 0) == Fault::damaged);
  CHECK(storage::classify_fault(SQLITE_BUSY, 0) == Fault::busy);
  CHECK(storage::classify_fault(SQLITE_BUSY_SNAPSHOT, 0) == Fault::busy);
  CHECK(storage::classify_fault(SQLITE_FULL, 0) == Fault::full);
  CHECK(storage::classify_fault(SQLITE_CANTOPEN, ENOSPC) == Fault::full);
  CHECK(storage::classify_fault(SQLITE_IOERR_WRITE, ENOSPC) == Fault::full);
  CHECK(storage::classify_fault(SQLITE_READONLY, 0) == Fault::read_only);
  CHECK(storage::classify_fault(SQLITE_CANTOPEN, EROFS) == Fault::read_only);
  CHECK(storage::classify_fault(SQLITE_CANTOPEN, EACCES) == Fault::permission);
  CHECK(storage::classify_fault(SQLITE_PERM, 0) == Fault::permission);
  CHECK(storage::classify_fault(SQLITE_IOERR_READ, EIO) == Fault::io);
  CHECK(storage::classify_fault(SQLITE_CORRUPT, ENOSPC) == Fault::damaged);
  for (Fault f : {Fault::busy, Fault::full, Fault::read_only, Fault::permission, Fault::io}) {
    CHECK(has(storage::fault_advice(f), "Nothing was changed"));
  }
}

TEST_CASE("a map another program holds is waited for; still held, it is named busy and nothing changes") {
  const fs::path dir = test::fresh_dir("open_busy");
  const core::InnerSystem demo = make_full_store(dir);
  const auto before = files_under(dir);
  {
    LockHolder holder(dir / storage::database_file_name);
    const auto start = std::chrono::steady_clock::now();
    storage::OpenedStore store = storage::open_store(dir, true, true, nullptr, 600);
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(500));  // it waited
    CHECK(store.db == nullptr);
    CHECK(store.problem == storage::StoreProblem::fault);
    CHECK(store.fault == storage::Fault::busy);
    CHECK(has(store.error, "Another program"));
    CHECK(has(store.error, "Nothing was changed"));
    CHECK(!store.set_aside);
    CHECK(count_set_aside(dir) == 0);
    // Read-only, the same.
    storage::OpenedStore reader = storage::open_store_read_only(dir, nullptr, true, 300);
    CHECK(reader.fault == storage::Fault::busy);
    CHECK(count_set_aside(dir) == 0);
  }
  CHECK(bytes_of(dir / storage::database_file_name) == before.at(storage::database_file_name).first);
  {
    // Let go within the wait: the map opens, whole.
    auto holder = std::make_unique<LockHolder>(dir / storage::database_file_name);
    std::thread let_go([&holder] {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      holder->release();
    });
    storage::OpenedStore store = storage::open_store(dir, true, false);
    let_go.join();
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    CHECK(store.loaded.snapshot.system.parts == demo.parts);
  }
  CHECK(count_set_aside(dir) == 0);
}

TEST_CASE("a full disk, a read-only folder and an I/O error are named for what they are, and change nothing") {
  const fs::path dir = test::fresh_dir("open_faults");
  const core::InnerSystem demo = make_full_store(dir);
  const auto before = files_under(dir);
  struct Case {
    Inject inject;
    storage::Fault fault;
    const char* words;
  };
  for (const Case& c : {Case{Inject::full, storage::Fault::full, "disk that holds your map is full"},
                        Case{Inject::read_only, storage::Fault::read_only, "read but not written"},
                        Case{Inject::io, storage::Fault::io, "disk reported an error"}}) {
    CAPTURE(c.words);
    {
      FaultyDisk disk;
      g_inject = c.inject;
      storage::OpenedStore store = storage::open_store(dir);
      g_inject = Inject::none;
      CHECK(store.db == nullptr);
      CHECK(store.problem == storage::StoreProblem::fault);
      CHECK(store.fault == c.fault);
      CHECK_MESSAGE(has(store.error, c.words), store.error);
      CHECK(!store.set_aside);
      // Reading needs no writing: on a full disk or a read-only folder the read-only opening reads
      // the map as it stands; an I/O error stops it, named the same way.
      g_inject = c.inject;
      storage::OpenedStore reader = storage::open_store_read_only(dir);
      g_inject = Inject::none;
      if (c.inject == Inject::io) {
        CHECK(reader.db == nullptr);
        CHECK(reader.fault == c.fault);
        CHECK(has(reader.error, c.words));
      } else {
        REQUIRE_MESSAGE(reader.error.empty(), reader.error);
        CHECK(reader.loaded.snapshot.system.parts == demo.parts);
      }
    }
    CHECK(count_set_aside(dir) == 0);
    CHECK(files_under(dir) == before);  // not a byte, not a time
  }
  // The fault gone, the map is all there.
  storage::OpenedStore store = storage::open_store(dir, true, false);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  CHECK(store.loaded.snapshot.system.parts == demo.parts);
}

TEST_CASE("real damage: the file is set aside and the newest sound backup comes back in its place, said plainly") {
  const fs::path dir = test::fresh_dir("open_damaged_restores");
  const core::InnerSystem demo = make_full_store(dir, "20200101-000000");
  damage(dir);
  storage::OpenedStore store = storage::open_store(dir);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  REQUIRE(store.set_aside.has_value());
  REQUIRE(store.set_aside->restored.has_value());
  CHECK(store.set_aside->restored->file.filename() == "innerscape-20200101-000000.db");
  CHECK(store.loaded.snapshot.system.parts == demo.parts);  // not an empty map
  CHECK(count_set_aside(dir) == 1);
  CHECK(bytes_of(store.set_aside->moved_to) == std::string(9000, '#'));
  // Said plainly: what was set aside, what came back, from when, how many parts and pages.
  CHECK(has(store.notice, store.set_aside->moved_to.string()));
  CHECK(has(store.notice, "brought back from the backup of 1 Jan 2020, 00:00"));
  CHECK(has(store.notice, std::to_string(demo.parts.size()) + " parts"));
  CHECK(has(store.notice, std::to_string(demo.journal.size()) + " journal page"));
  CHECK(!store.backup_due);  // the restored map does not push a backup out
}

TEST_CASE("damage with no backup: a new map starts, and the person is told so") {
  const fs::path dir = test::fresh_dir("open_damaged_no_backup");
  damage(dir);
  storage::OpenedStore store = storage::open_store(dir);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  REQUIRE(store.set_aside.has_value());
  CHECK(!store.set_aside->restored);
  CHECK(has(store.notice, "No sound backup was found"));
}

TEST_CASE("a backup cut short never counts as today's, never counts toward the seven, is never offered, and is cleaned up") {
  const fs::path dir = test::fresh_dir("torn_backup");
  const core::InnerSystem demo = make_full_store(dir, "20200101-000000");
  for (const auto& b : storage::list_backups(dir)) {
    if (b.filename() != "innerscape-20200101-000000.db") fs::remove(b);
  }
  const fs::path full = storage::backups_dir(dir) / "innerscape-20200101-000000.db";
  fs::last_write_time(full, fs::file_time_type::clock::now() - std::chrono::hours(48));
  // What an Innerscape killed mid-backup left: a backup that rolls back to an empty database, with its
  // -journal beside it; and one killed while writing under the temporary name.
  const fs::path torn = storage::backups_dir(dir) / "innerscape-20990101-000000.db";
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(torn.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA journal_mode = DELETE; CREATE TABLE parts (id INTEGER); CREATE TABLE entries (id INTEGER);",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  std::ofstream(storage::backups_dir(dir) / "innerscape-20990101-000000.db-journal", std::ios::binary) << std::string(4096, '\0');
  std::ofstream(storage::backups_dir(dir) / "innerscape-20990102-000000.db.partial", std::ios::binary) << std::string(4096, 'p');
  std::ofstream(storage::backups_dir(dir) / "innerscape-20990102-000000.db.partial-journal", std::ios::binary) << "j";

  // Never listed, never offered.
  CHECK(storage::list_backups(dir) == std::vector<fs::path>{full});
  const auto offered = storage::sound_backups(dir);
  REQUIRE(offered.size() == 1);
  CHECK(offered.front().file == full);

  // After damage, the full backup comes back, not the torn one.
  damage(dir);
  {
    storage::OpenedStore store = storage::open_store(dir, true, false);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    REQUIRE(store.set_aside.has_value());
    REQUIRE(store.set_aside->restored.has_value());
    CHECK(store.set_aside->restored->file == full);
    CHECK(store.loaded.snapshot.system.parts == demo.parts);
  }
  // Not today's backup: a new one is made, and what was cut short is gone.
  {
    storage::OpenedStore store = storage::open_store(dir, true, false);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    CHECK(storage::rolling_backup(*store.db, dir, std::time(nullptr)).empty());
  }
  const auto kept = storage::list_backups(dir);
  CHECK(kept.size() == 2);
  CHECK(!fs::exists(torn));
  CHECK(!fs::exists(storage::backups_dir(dir) / "innerscape-20990101-000000.db-journal"));
  CHECK(!fs::exists(storage::backups_dir(dir) / "innerscape-20990102-000000.db.partial"));
  CHECK(!fs::exists(storage::backups_dir(dir) / "innerscape-20990102-000000.db.partial-journal"));
  for (const auto& e : fs::directory_iterator(storage::backups_dir(dir))) CHECK(!has(e.path().filename().string(), "partial"));
}

TEST_CASE("a torn backup is not one of the seven kept") {
  const fs::path dir = test::fresh_dir("torn_not_kept");
  make_full_store(dir);
  for (const auto& b : storage::list_backups(dir)) fs::remove(b);
  storage::OpenedStore store = storage::open_store(dir, true, false);
  REQUIRE(store.error.empty());
  for (int day = 1; day <= 7; ++day) {
    REQUIRE(storage::backup_to(*store.db, storage::backups_dir(dir) / ("innerscape-2020010" + std::to_string(day) + "-000000.db")).empty());
  }
  // The newest of all is torn.
  const fs::path torn = storage::backups_dir(dir) / "innerscape-20990101-000000.db";
  fs::copy_file(storage::backups_dir(dir) / "innerscape-20200107-000000.db", torn);
  std::ofstream(storage::backups_dir(dir) / "innerscape-20990101-000000.db-journal") << "torn";
  CHECK(storage::list_backups(dir).size() == 7);
  const auto newest = storage::list_backups(dir).front();
  fs::last_write_time(newest, fs::file_time_type::clock::now() - std::chrono::hours(25));
  CHECK(storage::rolling_backup(*store.db, dir, std::time(nullptr)).empty());
  const auto kept = storage::list_backups(dir);
  CHECK(kept.size() == 7);
  CHECK(std::find(kept.begin(), kept.end(), storage::backups_dir(dir) / "innerscape-20200102-000000.db") != kept.end());  // only the oldest went
  CHECK(!fs::exists(torn));
}

TEST_CASE("a backup is written under a temporary name, checked, then renamed: nothing else is left") {
  const fs::path dir = test::fresh_dir("backup_checked");
  make_full_store(dir, "20200101-000000");
  for (const auto& e : fs::directory_iterator(storage::backups_dir(dir))) {
    const std::string name = e.path().filename().string();
    CHECK_MESSAGE((name.ends_with(".db") && !has(name, "partial")), name);
  }
  // Restore lists them with date and counts, the fullest recent first: an empty newer one goes after.
  const fs::path other = test::fresh_dir("backup_checked_empty");
  {
    storage::OpenedStore empty = storage::open_store(other, true, false);
    REQUIRE(empty.error.empty());
    REQUIRE(storage::backup_to(*empty.db, storage::backups_dir(dir) / "innerscape-20990101-000000.db").empty());
  }
  const auto offered = storage::sound_backups(dir);
  REQUIRE(offered.size() == 3);  // the full one, the newer empty one, and the first start's (empty too)
  CHECK(offered[0].file.filename() == "innerscape-20200101-000000.db");
  CHECK(offered[0].parts == static_cast<std::int64_t>(core::make_demo_system().parts.size()));
  CHECK(offered[1].file.filename() == "innerscape-20990101-000000.db");
  CHECK(!offered[1].holds_something());
  CHECK(!offered[2].holds_something());
  CHECK(has(storage::describe_backup(offered.front()), "1 Jan 2020, 00:00: "));
}

TEST_CASE("a backup that cannot be finished (the disk full) leaves nothing behind, and the older ones stay") {
  const fs::path dir = test::fresh_dir("backup_full_disk");
  make_full_store(dir, "20200101-000000");
  const auto before = storage::list_backups(dir);
  storage::OpenedStore store = storage::open_store(dir, true, false);
  REQUIRE(store.error.empty());
  std::string problem;
  {
    FaultyDisk disk;
    g_inject = Inject::full;
    problem = storage::backup_to(*store.db, storage::backups_dir(dir) / "innerscape-20990101-000000.db");
    g_inject = Inject::none;
  }
  CHECK(has(problem, "could not be written"));
  CHECK(storage::list_backups(dir) == before);
  for (const auto& e : fs::directory_iterator(storage::backups_dir(dir))) {
    CHECK_MESSAGE(!has(e.path().filename().string(), "20990101"), e.path().string());
  }
}

TEST_CASE("an encrypted map without its keyinfo is never set aside or replaced, and the message says what is missing") {
  const fs::path dir = test::fresh_dir("missing_keyinfo");
  test::write_store(dir, core::make_demo_system());
  REQUIRE(storage::set_lock(dir, nullptr, "kept apart", storage::KdfCost::test_minimum).empty());
  // The keyinfo is kept beside each backup too, the same bytes.
  const auto backups = storage::list_backups(dir);
  REQUIRE(!backups.empty());
  for (const auto& b : backups) {
    CHECK(bytes_of(storage::backup_keyinfo_path(b)) == bytes_of(dir / storage::keyinfo_file_name));
  }
  fs::remove(dir / storage::keyinfo_file_name);
  const auto before = files_under(dir);
  REQUIRE(storage::looks_encrypted(dir / storage::database_file_name));
  storage::OpenedStore store = storage::open_store(dir);
  CHECK(store.db == nullptr);
  CHECK(store.problem == storage::StoreProblem::missing_keyinfo);
  CHECK(has(store.error, "innerscape.keyinfo"));
  CHECK(has(store.error, "Nothing was changed"));
  CHECK(has(store.error, storage::backup_keyinfo_path(backups.front()).string()));
  storage::OpenedStore reader = storage::open_store_read_only(dir);
  CHECK(reader.problem == storage::StoreProblem::missing_keyinfo);
  CHECK(count_set_aside(dir) == 0);
  CHECK(files_under(dir) == before);
  // Brought back from beside a backup, the map opens again with the passphrase.
  fs::copy_file(storage::backup_keyinfo_path(backups.front()), dir / storage::keyinfo_file_name);
  storage::Unlocked unlocked = storage::unlock_store(dir, "kept apart");
  REQUIRE(unlocked.key.has_value());
  storage::OpenedStore again = storage::open_store(dir, true, false, &*unlocked.key);
  REQUIRE_MESSAGE(again.error.empty(), again.error);
  CHECK(again.loaded.snapshot.system.parts == core::make_demo_system().parts);
  // Turned off, the backups' keyinfo copies go too.
  again.db.reset();
  REQUIRE(storage::set_lock(dir, &*unlocked.key, std::nullopt, storage::KdfCost::test_minimum).empty());
  for (const auto& b : storage::list_backups(dir)) CHECK(!fs::exists(storage::backup_keyinfo_path(b)));
}

TEST_CASE("damage is still damage: a plain file of garbage is not taken for an encrypted one") {
  const fs::path dir = test::fresh_dir("garbage_not_encrypted");
  damage(dir);
  CHECK(!storage::looks_encrypted(dir / storage::database_file_name));
}

TEST_CASE("the read-only opening touches nothing: an older schema is read in a private copy, no backup is made") {
  const fs::path dir = test::fresh_dir("read_only_open");
  const core::InnerSystem demo = core::make_demo_system();
  {
    // As an earlier Innerscape left it: the schema before the map's history, the map in it.
    std::string error;
    auto db = storage::Database::open(dir / storage::database_file_name, error);
    REQUIRE(db != nullptr);
    REQUIRE(storage::migrate_to(*db, storage::history_schema_version - 1).empty());
    auto insert = db->prepare("INSERT INTO parts (id, sort, name, kind, created_at, updated_at) VALUES (1, 0, 'Little one', 'exile', 1, 1)");
    REQUIRE_MESSAGE(insert.run(), insert.error());
  }
  fs::create_directories(storage::backups_dir(dir));
  const auto before = files_under(dir);
  std::vector<std::string> names_before;
  for (const auto& e : fs::recursive_directory_iterator(dir)) names_before.push_back(e.path().string());
  storage::OpenedStore store = storage::open_store_read_only(dir);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  REQUIRE(store.loaded.snapshot.system.parts.size() == 1);
  CHECK(store.loaded.snapshot.system.parts.front().name == "Little one");
  store.db.reset();
  CHECK(files_under(dir) == before);
  std::vector<std::string> names_after;
  for (const auto& e : fs::recursive_directory_iterator(dir)) names_after.push_back(e.path().string());
  CHECK(names_after == names_before);
  std::string error;
  auto db = storage::Database::open(dir / storage::database_file_name, error, nullptr, {.read_only = true});
  REQUIRE(db != nullptr);
  CHECK(db->user_version() == storage::history_schema_version - 1);  // still as the earlier app left it
}

TEST_CASE("the read-only opening refuses a missing folder, a file for a folder, and a folder with no map") {
  const fs::path root = test::fresh_dir("read_only_refusals");
  storage::OpenedStore missing = storage::open_store_read_only(root / "no-such-folder");
  CHECK(missing.problem == storage::StoreProblem::no_folder);
  CHECK(has(missing.error, "There is no folder"));
  CHECK(!fs::exists(root / "no-such-folder"));
  std::ofstream(root / "a-file") << "x";
  storage::OpenedStore file = storage::open_store_read_only(root / "a-file");
  CHECK(file.problem == storage::StoreProblem::no_folder);
  CHECK(has(file.error, "is a file"));
  fs::create_directories(root / "empty");
  storage::OpenedStore empty = storage::open_store_read_only(root / "empty");
  CHECK(empty.problem == storage::StoreProblem::no_map);
  CHECK(fs::is_empty(root / "empty"));
}

TEST_CASE("a folder is new until anything of a map is in it: a database, a keyinfo, a backup, even a torn one") {
  const fs::path root = test::fresh_dir("store_is_new");
  CHECK(storage::store_is_new(root / "not-made-yet"));
  const fs::path dir = root / "data";
  fs::create_directories(dir);
  CHECK(storage::store_is_new(dir));
  std::ofstream(dir / "innerscape.lock") << "";  // the folder's own lock says nothing about a map
  std::ofstream(dir / "notes.txt") << "the person's own file";
  CHECK(storage::store_is_new(dir));
  for (const std::string name : {"innerscape.db", "innerscape.keyinfo", "innerscape.db.corrupt-20200101-000000",
                                 "innerscape.db-wal"}) {
    std::ofstream(dir / name) << "x";
    CHECK_MESSAGE(!storage::store_is_new(dir), name);
    fs::remove(dir / name);
  }
  CHECK(storage::store_is_new(dir));
  fs::create_directories(storage::backups_dir(dir));
  CHECK(storage::store_is_new(dir));
  std::ofstream(storage::backups_dir(dir) / "innerscape-20200101-000000.db.partial") << "torn";
  CHECK(!storage::store_is_new(dir));
  fs::remove_all(storage::backups_dir(dir));
  test::write_store(dir, core::make_demo_system());
  CHECK(!storage::store_is_new(dir));
}
