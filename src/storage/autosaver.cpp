// Saves the map in the background, one transaction per batch of changes, retrying after failures.
#include "storage/autosaver.h"

namespace innerscape::storage {

Autosaver::Autosaver(std::unique_ptr<Database> db, Snapshot on_disk)
    : db_(std::move(db)), on_disk_(std::move(on_disk)), thread_([this] { run(); }) {}

Autosaver::~Autosaver() {
  flush();
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Autosaver::submit(Snapshot snapshot) {
  {
    std::lock_guard lock(mutex_);
    pending_ = std::move(snapshot);
  }
  wake_.notify_all();
}

std::string Autosaver::flush() {
  std::unique_lock lock(mutex_);
  // Done when nothing waits and nothing is being written, or when the last attempt failed (the
  // changes stay pending and are retried; the caller decides what to tell the person).
  idle_.wait(lock, [this] { return (!pending_ && !writing_) || (!problem_.empty() && !writing_); });
  return problem_;
}

std::string Autosaver::problem() const {
  std::lock_guard lock(mutex_);
  return problem_;
}

long Autosaver::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

void Autosaver::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!problem_.empty() && pending_ && !stop_) {
      wake_.wait_for(lock, autosave_retry);  // after a failure, wait a little before trying again
    } else {
      wake_.wait(lock, [this] { return pending_.has_value() || stop_; });
    }
    if (!pending_) {
      if (stop_) return;
      continue;
    }
    Snapshot next = std::move(*pending_);
    pending_.reset();
    writing_ = true;
    lock.unlock();

    const std::string error = save_changes(*db_, on_disk_, next);

    lock.lock();
    writing_ = false;
    if (error.empty()) {
      on_disk_ = std::move(next);
      problem_.clear();
      ++commits_;
    } else {
      problem_ = error;
      if (!pending_) pending_ = std::move(next);  // keep it: nothing is dropped
    }
    idle_.notify_all();
    if (stop_ && (!pending_ || !problem_.empty())) return;
  }
}

}  // namespace innerscape::storage
