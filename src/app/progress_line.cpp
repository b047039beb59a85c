// A line on a terminal that says what a long command is doing, rewritten in place with the seconds so far.
#include "app/progress_line.h"

#include <unistd.h>

namespace innerscape::app {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressLine::ProgressLine(std::ostream& out, bool shown) : out_(out), shown_(shown) {
  if (!shown_) return;
  ticker_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return done_; })) draw();
  });
}

ProgressLine::~ProgressLine() {
  if (!shown_) return;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  wake_.notify_one();
  ticker_.join();
  out_ << "\r\033[K" << std::flush;
}

void ProgressLine::step(const std::string& what) {
  if (!shown_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  what_ = what;
  draw();
}

void ProgressLine::draw() {
  if (what_.empty()) return;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count();
  out_ << "\r\033[K" << what_ << "… " << seconds << " s" << std::flush;
}

}  // namespace innerscape::app
