// A real full disk, not a simulated one: the data folder on a 3 MB tmpfs filled to the last byte, as
// a person's small partition can be. Opening, saving, the day's backup and the read-only opening of
// `check` and `export` must name the fault and lose nothing; once space is freed, every word is there.
// Mounting needs root (or CAP_SYS_ADMIN); where it is refused the test says so and CTest counts it
// as skipped, never as passed (tests/CMakeLists.txt: SKIP_REGULAR_EXPRESSION).
#include <doctest/doctest.h>

#include <sys/mount.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/demo_system.h"
#include "storage/autosaver.h"
#include "storage/backup.h"
#include "storage/map_store.h"
#include "storage/store.h"
#include "test_store.h"
#include "test_tmp.h"

using namespace innerscape;
namespace fs = std::filesystem;

namespace {

// A small tmpfs at `at` for the life of the object.
class SmallDisk {
 public:
  explicit SmallDisk(const fs::path& at) : at_(at) {
    fs::create_directories(at_);
    mounted_ = ::mount("tmpfs", at_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=3m,mode=0700") == 0;
    if (!mounted_) why_ = std::strerror(errno);
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(at_.c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  bool mounted() const { return mounted_; }
  const std::string& why() const { return why_; }

 private:
  fs::path at_;
  bool mounted_ = false;
  std::string why_;
};

// Writes `file` until the disk refuses another byte. Returns how many bytes went in.
std::uintmax_t fill(const fs::path& file) {
  std::FILE* out = std::fopen(file.c_str(), "wb");
  REQUIRE(out != nullptr);
  std::vector<char> block(4096, 'x');
  std::uintmax_t written = 0;
  for (;;) {
    const std::size_t n = std::fwrite(block.data(), 1, block.size(), out);
    written += n;
    if (n < block.size() || std::fflush(out) != 0) break;
  }
  std::fclose(out);
  // The last blocks of a nearly full tmpfs: one byte at a time, so not even a page is left.
  for (std::FILE* tail = std::fopen(file.c_str(), "ab"); tail != nullptr; tail = nullptr) {
    while (std::fputc('x', tail) != EOF && std::fflush(tail) == 0) ++written;
    std::fclose(tail);
  }
  return written;
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("a real full disk: opening, saving, the day's backup and reading name the fault and lose nothing") {
  const fs::path root = test::fresh_dir("full_disk");
  SmallDisk disk(root / "mnt");
  if (!disk.mounted()) {
    MESSAGE("SKIPPED: a tmpfs could not be mounted here (" << disk.why() << "); the injected faults of store_open_test still run");
    return;
  }
  const fs::path dir = root / "mnt" / "data";
  fs::create_directories(dir);

  // A map with a day's backup, as the app leaves it.
  core::InnerSystem demo = core::make_demo_system();
  test::write_store(dir, demo);
  {
    storage::OpenedStore store = storage::open_store(dir, true, true);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
  }
  REQUIRE(storage::list_backups(dir).size() == 1);
  const fs::path filler = root / "mnt" / "filler";
  CHECK(fill(filler) > 0);

  // Opening on the full disk: either it opens (reading needs no space), or the fault is named as a
  // full disk. Never damage, never an empty map.
  {
    storage::OpenedStore store = storage::open_store(dir, true, false);
    CHECK(!store.set_aside);
    if (store.db == nullptr) {
      CHECK(store.problem == storage::StoreProblem::fault);
      CHECK(store.fault == storage::Fault::full);
      CHECK_MESSAGE(has(store.error, "full"), store.error);
    } else {
      CHECK(store.loaded.snapshot.system.parts == demo.parts);
      // A save on the full disk fails, says so, and keeps the change to try again.
      storage::Snapshot on_disk = store.loaded.snapshot;
      storage::Snapshot changed = on_disk;
      changed.system.parts.front().notes = std::string(200000, 'w') + " kept through a full disk";
      storage::Autosaver saver(std::move(store.db), on_disk);
      saver.submit(changed);
      const std::string problem = saver.flush();
      CHECK_MESSAGE(!problem.empty(), "a 200 kB note was saved on a full 3 MB disk?");
      CHECK(!saver.problem().empty());
      // Space again: the same saver writes it on its next try, and nothing was dropped meanwhile.
      fs::remove(filler);
      saver.submit(changed);
      CHECK_MESSAGE(saver.flush().empty(), saver.problem());
      demo.parts.front().notes = changed.system.parts.front().notes;
      CHECK(fill(filler) > 0);
    }
  }
  // The saver closed on a full disk, so its -wal and -shm stayed behind: reading the map now needs a
  // few pages of shared memory the disk cannot give. `check` and `export` say so, and change nothing.
  const auto backups_before = storage::list_backups(dir);
  if (fs::exists(dir / "innerscape.db-shm")) {
    storage::OpenedStore reader = storage::open_store_read_only(dir);
    if (reader.db == nullptr) {
      CHECK(reader.problem == storage::StoreProblem::fault);
      CHECK(reader.fault == storage::Fault::full);
      CHECK_MESSAGE(has(reader.error, "disk that holds your map is full"), reader.error);
    } else {
      CHECK(reader.loaded.snapshot.system.parts == demo.parts);
    }
  }
  // Closed cleanly with space (no -wal, no -shm), then full again: the read-only opening of `check`
  // and `export` reads the whole map, and the day's backup is refused with nothing half-written left.
  fs::remove(filler);
  {
    storage::OpenedStore store = storage::open_store(dir, true, false);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
  }
  CHECK(!fs::exists(dir / "innerscape.db-wal"));
  CHECK(fill(filler) > 0);
  {
    storage::OpenedStore reader = storage::open_store_read_only(dir);
    REQUIRE_MESSAGE(reader.error.empty(), reader.error);
    CHECK(reader.loaded.snapshot.system.parts == demo.parts);
    const std::string problem = storage::rolling_backup(*reader.db, dir, std::time(nullptr) + 2 * storage::backup_interval_s);
    CHECK_MESSAGE(!problem.empty(), "a backup of the whole map fitted on a full disk?");
    for (const auto& e : fs::directory_iterator(storage::backups_dir(dir))) CHECK_MESSAGE(!has(e.path().string(), ".partial"), e.path());
    CHECK(storage::list_backups(dir) == backups_before);
    CHECK(storage::sound_backups(dir).size() == backups_before.size());
  }
  // Space again: everything is there, and nothing was set aside.
  fs::remove(filler);
  storage::OpenedStore store = storage::open_store(dir, true, false);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  CHECK(store.loaded.snapshot.system.parts == demo.parts);
  for (const auto& e : fs::directory_iterator(dir)) CHECK_MESSAGE(!has(e.path().filename().string(), "corrupt"), e.path());
}
