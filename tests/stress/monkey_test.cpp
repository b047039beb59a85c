// The monkey (stress/monkey.cpp) on a real store: thousands of random inputs, a SIGKILL mid-way, a
// restart on the same store, more inputs and a clean close. After the kill and at the end the store
// passes `innerscape check` and holds exactly a state the app handed to it, no older than the last
// one a save confirmed: no committed word (part names, kept pages, soothing lines) is lost.
// The seed is fixed; INNERSCAPE_MONKEY_SEED=N runs another (it is printed, to run a failure again).
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "smoke/run_process.h"
#include "storage/store.h"
#include "stress/monkey_log.h"
#include "test_tmp.h"

using namespace innerscape;

namespace {

std::uint64_t monkey_seed() {
  const char* v = std::getenv("INNERSCAPE_MONKEY_SEED");
  return v != nullptr && *v != '\0' ? std::stoull(v) : 20260117;
}

// Starts the monkey over `data`, its home folder `home` (a picture or copy it saves lands there).
pid_t start_monkey(std::uint64_t seed, long events, const std::filesystem::path& data, const std::filesystem::path& log,
                   const std::filesystem::path& home) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::setenv("HOME", home.c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (home / ".config").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (home / ".local/share").c_str(), 1);
    const std::string seed_text = std::to_string(seed), events_text = std::to_string(events);
    ::execl(INNERSCAPE_MONKEY, INNERSCAPE_MONKEY, "--seed", seed_text.c_str(), "--events", events_text.c_str(), "--save-every", "100",
            "--data", data.c_str(), "--log", log.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

std::string describe(int status) {
  if (WIFEXITED(status)) return "exited with " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "stopped";
}

// The words of `a` that `b` lacks or holds differently, for a failure's message.
std::string differences(const test::Words& a, const test::Words& b) {
  std::ostringstream out;
  int shown = 0;
  for (const auto& [key, text] : a) {
    const auto it = b.find(key);
    if (it != b.end() && it->second == text) continue;
    if (++shown > 12) {
      out << "  ...\n";
      break;
    }
    out << "  " << key << ": \"" << text << "\" -> " << (it == b.end() ? std::string("missing") : "\"" + it->second + "\"") << "\n";
  }
  return out.str();
}

// The store after a run: sound by `innerscape check`, opened clean, and holding exactly one of the
// states the monkey handed over, no older than the newest one a save confirmed. Returns its words.
test::Words check_store(const std::filesystem::path& data, const test::MonkeyLog& log, bool ended_by_itself) {
  const test::ProcessResult check = test::run_innerscape("--data-dir '" + data.string() + "' check");
  INFO("innerscape check said: ", check.out, check.err);
  CHECK(check.exit_code == 0);

  storage::OpenedStore store = storage::open_store(data, true, false);
  REQUIRE_MESSAGE(store.error.empty(), store.error);
  CHECK_MESSAGE(store.notice.empty(), store.notice);  // nothing was found damaged
  CHECK(store.db->quick_check() == "ok");
  const test::Words on_disk = test::words_of(store.loaded.snapshot);

  REQUIRE_MESSAGE(log.problem.empty(), log.problem);
  REQUIRE_MESSAGE(log.any_saved, "the monkey never confirmed a save");
  long found = -2;
  for (long n = static_cast<long>(log.states.size()) - 1; n >= log.saved && found == -2; --n) {
    if (log.state(n) == on_disk) found = n;
  }
  if (ended_by_itself) {
    CHECK_MESSAGE(on_disk == log.latest(), "after a clean close the store must hold the last state; it differs:\n",
                  differences(log.latest(), on_disk));
  }
  CHECK_MESSAGE(found >= log.saved, "the store holds no state the app handed it since its last confirmed save (state ", log.saved,
                " of ", log.states.size(), "). Saved but not on disk:\n", differences(log.state(log.saved), on_disk),
                "On disk but never handed over (against the newest state):\n", differences(on_disk, log.latest()));
  MESSAGE("the store holds state ", found, " of ", log.states.size(), " (", on_disk.size(), " words); the last confirmed save was state ",
          log.saved);
  return on_disk;
}

long count(const test::MonkeyLog& log, const std::string& what) {
  return log.counts.contains(what) ? log.counts.at(what).get<long>() : 0;
}

}  // namespace

TEST_CASE("a monkey's random inputs, a kill -9 and a restart: the store is sound and keeps every committed word") {
  const std::uint64_t seed = monkey_seed();
  MESSAGE("monkey seed ", seed, " (INNERSCAPE_MONKEY_SEED=", seed, " runs it again)");
  const auto dir = test::fresh_dir("monkey");
  const auto data = dir / "data";
  const auto home = dir / "home";
  std::filesystem::create_directories(home);

  // 1. Inputs until a few saves are confirmed, then a kill at a random moment after.
  std::mt19937 rng(static_cast<std::mt19937::result_type>(seed));
  const int saves_before_kill = std::uniform_int_distribution<int>(6, 9)(rng);  // about 600 to 900 inputs
  const int ms_after = std::uniform_int_distribution<int>(0, 1500)(rng);
  const pid_t first = start_monkey(seed, 1'000'000, data, dir / "first.log", home);
  const auto started = std::chrono::steady_clock::now();
  int status = 0;
  bool ended = false;
  while (!ended) {
    if (::waitpid(first, &status, WNOHANG) == first) {
      ended = true;
      break;
    }
    const test::MonkeyLog so_far = test::read_monkey_log(dir / "first.log");
    const long saves = count(so_far, "saves");
    if (saves >= saves_before_kill || std::chrono::steady_clock::now() - started > std::chrono::minutes(3)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  REQUIRE_MESSAGE(!ended, "the monkey stopped before it was killed: it ", describe(status), " (its report is above)");
  std::this_thread::sleep_for(std::chrono::milliseconds(ms_after));
  ::kill(first, SIGKILL);
  REQUIRE(::waitpid(first, &status, 0) == first);
  REQUIRE_MESSAGE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL), "the monkey ", describe(status), " before the kill (its report is above)");
  const test::MonkeyLog first_log = test::read_monkey_log(dir / "first.log");
  MESSAGE("killed after ", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), " s, ",
          count(first_log, "inputs"), " inputs by its last save");
  const test::Words after_kill = check_store(data, first_log, false);

  // 2. Started again on the same store: it shows what the store holds, takes more inputs, and closes.
  const pid_t second = start_monkey(seed + 1, 1000, data, dir / "second.log", home);
  REQUIRE(::waitpid(second, &status, 0) == second);
  REQUIRE_MESSAGE((WIFEXITED(status) && WEXITSTATUS(status) == 0), "the restarted monkey ", describe(status), " (its report is above)");
  const test::MonkeyLog second_log = test::read_monkey_log(dir / "second.log");
  CHECK_MESSAGE(second_log.opened == after_kill, "the app opened other words than the store holds:\n", differences(after_kill, second_log.opened));
  CHECK(second_log.done);
  check_store(data, second_log, true);

  // It really went where words are written and undone, so a bug there has a chance to show.
  for (const test::MonkeyLog* log : {&first_log, &second_log}) {
    INFO("what the monkey did: ", log->counts.dump());
    CHECK(count(*log, "inputs") >= 500);
    CHECK(count(*log, "quick tap") > 0);
  }
  const auto both = [&](const std::string& what) { return count(first_log, what) + count(second_log, what); };
  INFO("first run: ", first_log.counts.dump(), "\nsecond run: ", second_log.counts.dump());
  CHECK(both("typed in Soothing words") > 0);
  CHECK(both("typed in entry_editor") > 0);
  CHECK(both("undo in Soothing words") + both("undo in entry_editor") + both("undo in About this part") > 0);
}
