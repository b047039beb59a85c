// Killed at any moment: a writer adding parts through the real store is killed with SIGKILL at
// random points, many times over the same folder. Each time the database must open clean, hold
// every edit the writer was told was saved, and hold them without gaps.
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>

#include "storage/store.h"
#include "stress/kill_child.h"
#include "test_tmp.h"

using namespace innerscape;

namespace {

// Runs the writer until `ms` have passed, then kills it. Returns the last edit it reported saved.
long run_and_kill(const std::filesystem::path& dir, int ms) {
  long last_saved = 0;
  const bool killed = test::run_and_kill(INNERSCAPE_STORE_WRITER, dir, ms, [&last_saved](const std::string& line) {
    if (line.starts_with("saved ")) last_saved = std::stol(line.substr(6));
  });
  CHECK(killed);  // it was still running: the kill really cut it off mid-work
  return last_saved;
}

}  // namespace

TEST_CASE("kill -9 at random moments, twenty times: nothing saved is lost, the database opens clean") {
  const auto dir = test::fresh_dir("kill9");
  std::mt19937 rng(20261129);
  long confirmed = 0;
  for (int round = 0; round < 20; ++round) {
    const int ms = std::uniform_int_distribution<int>(40, 400)(rng);
    confirmed = std::max(confirmed, run_and_kill(dir, ms));

    storage::OpenedStore store = storage::open_store(dir);
    INFO("round ", round, " after ", ms, " ms; confirmed saved: ", confirmed);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    CHECK(store.notice.empty());  // no damage was found
    CHECK(store.db->quick_check() == "ok");
    const auto& parts = store.loaded.snapshot.system.parts;
    CHECK(static_cast<long>(parts.size()) >= confirmed);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      REQUIRE(parts[i].name == "edit " + std::to_string(i + 1));  // in order, no gaps, nothing half-written
    }
    confirmed = static_cast<long>(parts.size());
  }
  CHECK(confirmed > 20);  // the writer really got work done between kills
}
