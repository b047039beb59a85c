// One writer at a time for a data folder: the app while it is open, and `innerscape import`. Two
// writers would each think their own view of the map is the truth; the second one is told plainly
// and changes nothing. The lock is the kernel's (flock), so it goes with the process, even one that
// crashed or was killed: there is never a stale lock to clear by hand.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace innerscape::storage {

inline constexpr const char* lock_file_name = "innerscape.lock";

class DataLock {
 public:
  // Takes the folder's lock, or returns null with `error` saying who holds it and what to do.
  static std::unique_ptr<DataLock> acquire(const std::filesystem::path& data_dir, std::string& error);
  ~DataLock();
  DataLock(const DataLock&) = delete;
  DataLock& operator=(const DataLock&) = delete;

 private:
  explicit DataLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace innerscape::storage
