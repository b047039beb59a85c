// Killed at any moment: a writer adding parts through the real store is killed with SIGKILL at
// random points, many times over the same folder. Each time the database must open clean, hold
// every edit the writer was told was saved, and hold them without gaps.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <string>

#include "storage/store.h"
#include "test_tmp.h"

using namespace innerscape;

namespace {

// Runs the writer until `ms` have passed, then kills it. Returns the last edit it reported saved.
long run_and_kill(const std::filesystem::path& dir, int ms) {
  int out[2];
  REQUIRE(::pipe(out) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(INNERSCAPE_STORE_WRITER, INNERSCAPE_STORE_WRITER, dir.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  ::fcntl(out[0], F_SETFL, O_NONBLOCK);
  long last_saved = 0;
  std::string buffer;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    ::poll(&p, 1, 5);
    char chunk[256];
    const ssize_t n = ::read(out[0], chunk, sizeof chunk);
    if (n > 0) buffer.append(chunk, static_cast<std::size_t>(n));
    for (std::size_t nl; (nl = buffer.find('\n')) != std::string::npos; buffer.erase(0, nl + 1)) {
      const std::string line = buffer.substr(0, nl);
      if (line.starts_with("saved ")) last_saved = std::stol(line.substr(6));
    }
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(out[0]);
  CHECK(WIFSIGNALED(status));  // it was still running: the kill really cut it off mid-work
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
