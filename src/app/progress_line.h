// A line on a terminal that says what a long command is doing (`innerscape import`), rewritten in
// place with the seconds so far, so years of journal never look like a hang. Quiet when not shown.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace innerscape::app {

// Whether stderr is a terminal a person watches (not a pipe, a file or a script's log).
bool stderr_is_terminal();

class ProgressLine {
 public:
  // Writes to `out` only when `shown`; otherwise every call does nothing.
  ProgressLine(std::ostream& out, bool shown);
  ~ProgressLine();  // clears the line, leaving the terminal as it was
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // What is being done now, e.g. "saving 100000 journal pages".
  void step(const std::string& what);

 private:
  void draw();  // under mutex_
  std::ostream& out_;
  bool shown_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string what_;
  bool done_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::thread ticker_;
};

}  // namespace innerscape::app
