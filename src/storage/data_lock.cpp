// One writer at a time for a data folder, by the kernel's file lock.
#include "storage/data_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace innerscape::storage {

std::unique_ptr<DataLock> DataLock::acquire(const std::filesystem::path& data_dir, std::string& error) {
  const std::filesystem::path path = data_dir / lock_file_name;
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = "Could not open " + path.string() + " (" + std::strerror(errno) + "). Check that the data folder can be written to.";
    return nullptr;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    // Who holds it, as the holder wrote it: a process id, for the person to recognise.
    char holder[32] = {};
    const ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
    std::string who = n > 0 ? std::string(holder, static_cast<std::size_t>(n)) : std::string();
    while (!who.empty() && (who.back() == '\n' || who.back() == ' ')) who.pop_back();
    ::close(fd);
    error = "Innerscape is already open on the data folder " + data_dir.string() +
            (who.empty() ? std::string() : " (process " + who + ")") +
            ". Only one can change it at a time: use that window, or close it and try again. Nothing was changed.";
    return nullptr;
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0) {
    [[maybe_unused]] const ssize_t written = ::pwrite(fd, pid.data(), pid.size(), 0);
  }
  return std::unique_ptr<DataLock>(new DataLock(fd));
}

DataLock::~DataLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace innerscape::storage
