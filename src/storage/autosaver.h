// Saves the map in the background: the app hands over a copy after each change (at most a few times a
// second), a writer thread diffs it against what is on disk and commits the difference in one
// transaction. A frame never waits for the disk. A failed write (full disk, read-only folder) keeps
// the changes in memory and is tried again; nothing is dropped.
#pragma once

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "storage/database.h"
#include "storage/map_store.h"

namespace innerscape::storage {

class Autosaver {
 public:
  // Takes the open, migrated database and what it holds now. `on_attempt`, if given, is called on
  // the writer's thread after every write attempt (to wake the app so it can show the outcome).
  Autosaver(std::unique_ptr<Database> db, Snapshot on_disk, std::function<void()> on_attempt = {});
  ~Autosaver();  // flushes, then stops
  Autosaver(const Autosaver&) = delete;
  Autosaver& operator=(const Autosaver&) = delete;

  // The latest state to save; replaces one not yet written. Never blocks on the disk.
  void submit(Snapshot snapshot);

  // Waits until everything submitted is on disk, or the last attempt failed. Returns the error, if any.
  std::string flush();

  // The last write's failure (empty once a later write succeeds). Safe to call from any thread.
  std::string problem() const;
  // How many transactions have committed, for tests and the benchmark.
  long commits() const;

  // Runs `task` on the writer's thread with its database, between writes, and returns its result:
  // backups and checks use the same connection the saves do.
  std::string call(const std::function<std::string(Database&)>& task);

  // The journal as it is on disk, read after the store was opened without it (journal_loaded false):
  // from now on saves write the journal's changes too. Runs between writes, on the writer's thread.
  void install_journal(core::EntryList on_disk);

 private:
  void run();

  std::unique_ptr<Database> db_;
  Snapshot on_disk_;
  std::function<void()> on_attempt_;  // only the writer thread touches this and db_ after start

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::optional<Snapshot> pending_;
  std::uint64_t submitted_ = 0;  // how many states were handed over
  std::uint64_t pending_seq_ = 0;
  std::uint64_t attempted_ = 0;  // the newest submission a write was tried for
  const std::function<std::string(Database&)>* task_ = nullptr;
  std::string task_result_;
  bool writing_ = false;
  bool stop_ = false;
  std::string problem_;
  long commits_ = 0;
  std::thread thread_;
};

// How long after a failed write the writer tries again.
inline constexpr std::chrono::milliseconds autosave_retry{2000};

}  // namespace innerscape::storage
