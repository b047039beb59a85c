// Saves the map in the background, one transaction per batch of changes, retrying after failures.
#include "storage/autosaver.h"

#include <algorithm>

namespace innerscape::storage {

Autosaver::Autosaver(std::unique_ptr<Database> db, Snapshot on_disk, std::function<void()> on_attempt)
    : db_(std::move(db)), on_disk_(std::move(on_disk)), on_attempt_(std::move(on_attempt)), thread_([this] { run(); }) {}

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
    pending_seq_ = ++submitted_;
  }
  wake_.notify_all();
}

std::string Autosaver::flush() {
  std::unique_lock lock(mutex_);
  // Done when everything handed over is written, or when a write of the newest state was tried and
  // failed (the changes stay pending and are retried; the caller decides what to tell the person).
  const std::uint64_t target = submitted_;
  idle_.wait(lock, [this, target] { return !writing_ && (!pending_ || attempted_ >= target); });
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

std::string Autosaver::call(const std::function<std::string(Database&)>& task) {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return task_ == nullptr; });
  task_ = &task;
  wake_.notify_all();
  idle_.wait(lock, [this, &task] { return task_ != &task; });
  return std::move(task_result_);
}

void Autosaver::install_journal(core::EntryList on_disk) {
  // A task runs only between writes, and only the writer thread touches on_disk_.
  call([this, &on_disk](Database&) {
    on_disk_.system.journal = std::move(on_disk);
    on_disk_.journal_loaded = true;
    return std::string();
  });
}

void Autosaver::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!problem_.empty() && pending_ && !stop_ && task_ == nullptr) {
      wake_.wait_for(lock, autosave_retry);  // after a failure, wait a little before trying again
    } else {
      wake_.wait(lock, [this] { return pending_.has_value() || stop_ || task_ != nullptr; });
    }
    if (task_ != nullptr) {
      const auto* task = task_;
      writing_ = true;
      lock.unlock();
      std::string result = (*task)(*db_);
      lock.lock();
      writing_ = false;
      task_result_ = std::move(result);
      task_ = nullptr;
      idle_.notify_all();
      continue;
    }
    if (!pending_) {
      if (stop_) return;
      continue;
    }
    Snapshot next = std::move(*pending_);
    const std::uint64_t seq = pending_seq_;
    pending_.reset();
    writing_ = true;
    lock.unlock();

    const std::string error = save_changes(*db_, on_disk_, next);

    lock.lock();
    writing_ = false;
    attempted_ = std::max(attempted_, seq);
    if (error.empty()) {
      // A state handed over before the journal was read left the journal's rows alone: what is on
      // disk for the journal is still what was installed.
      if (!next.journal_loaded && on_disk_.journal_loaded) {
        next.system.journal = std::move(on_disk_.system.journal);
        next.journal_loaded = true;
      }
      on_disk_ = std::move(next);
      problem_.clear();
      ++commits_;
    } else {
      problem_ = error;
      if (!pending_) {
        pending_ = std::move(next);  // keep it: nothing is dropped
        pending_seq_ = seq;
      }
    }
    idle_.notify_all();
    if (on_attempt_) {
      lock.unlock();
      on_attempt_();
      lock.lock();
    }
    if (stop_ && (!pending_ || !problem_.empty())) return;
  }
}

}  // namespace innerscape::storage
