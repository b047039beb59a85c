// core::Task: one piece of background work, polled without blocking, waited for when asked, its
// answer taken exactly once.
#include <doctest/doctest.h>

#include <atomic>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "core/task.h"

using namespace innerscape;

TEST_CASE("a task's answer is taken once: not before the work is done, at once when waited for") {
  core::Task<std::string> task;
  CHECK_FALSE(task.running());
  CHECK_FALSE(task.take().has_value());
  CHECK_FALSE(task.take(true).has_value());  // nothing started: nothing to wait for

  std::promise<void> go;
  std::shared_future<void> gate = go.get_future().share();
  std::atomic<int> woken{0};
  task.start([gate] {
    gate.wait();
    return std::string("done");
  }, [&woken] { ++woken; });
  CHECK(task.running());
  CHECK_FALSE(task.take().has_value());  // still working: a poll never blocks
  CHECK(task.running());
  CHECK(woken == 0);
  go.set_value();
  const std::optional<std::string> answer = task.take(true);
  REQUIRE(answer.has_value());
  CHECK(*answer == "done");
  CHECK(woken == 1);  // told once the answer was ready
  CHECK_FALSE(task.running());
  CHECK_FALSE(task.take(true).has_value());  // taken already
}

TEST_CASE("a task's work may own what cannot be copied (a passphrase), and may be started again") {
  core::Task<int> task;
  auto owned = std::make_unique<int>(41);
  task.start([owned = std::move(owned)] { return *owned + 1; });
  CHECK(task.take(true) == 42);
  task.start([] { return 7; });
  std::optional<int> polled;
  while (!(polled = task.take())) std::this_thread::yield();  // as the frame loop polls
  CHECK(*polled == 7);
  CHECK_FALSE(task.running());
}
