// One piece of background work and its answer: started once, polled each frame, waited for when
// needed (a test, or the last save before closing). The app's reads, unlock, export and re-keying all
// go through it, so none of them hand-writes its own future.
#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <optional>
#include <type_traits>
#include <utility>

namespace innerscape::core {

template <class T>
class Task {
 public:
  // Runs `work` on a thread of its own. `on_done`, if given, is called on that thread once the answer
  // is ready (the app wakes its loop so). A task already running is not replaced: check running().
  template <class Work>
  void start(Work&& work, std::function<void()> on_done = {}) {
    static_assert(std::is_same_v<std::invoke_result_t<std::decay_t<Work>&>, T>, "the work returns the task's answer");
    future_ = std::async(std::launch::async, [work = std::forward<Work>(work), on_done = std::move(on_done)]() mutable {
      T answer = work();
      if (on_done) on_done();
      return answer;
    });
  }

  // Started, and its answer not yet taken.
  bool running() const { return future_.valid(); }

  // The answer, once: when it is ready, or (with `wait`) after waiting for it. Empty when nothing
  // is running, or (without `wait`) when the work is not done yet.
  std::optional<T> take(bool wait = false) {
    if (!future_.valid()) return std::nullopt;
    if (!wait && future_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    return future_.get();
  }

 private:
  std::future<T> future_;
};

}  // namespace innerscape::core
