// Files and folders that hold a person's words: created owner-only, and overwritten before they go.
#include "storage/private_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <vector>

#include "storage/synced_file.h"

namespace innerscape::storage {

namespace fs = std::filesystem;

std::string make_private_dir(const fs::path& dir) {
  if (dir.empty()) return "no folder was given";
  std::error_code ec;
  // The missing folders, outermost first, each made 0700 as it is created.
  std::vector<fs::path> missing;
  for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  std::reverse(missing.begin(), missing.end());
  for (const fs::path& p : missing) {
    if (::mkdir(p.c_str(), S_IRWXU) != 0 && errno != EEXIST) {
      return "could not create " + p.string() + ": " + std::strerror(errno);
    }
    ::chmod(p.c_str(), S_IRWXU);  // mkdir's mode passes through the umask; this one does not
  }
  if (!fs::is_directory(dir, ec)) return dir.string() + " exists but is not a folder";
  if (::chmod(dir.c_str(), S_IRWXU) != 0) return "could not make " + dir.string() + " private: " + std::strerror(errno);
  return {};
}

int open_private_file(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | flags, S_IRUSR | S_IWUSR);
  if (fd < 0) return -1;
  // O_CREAT's mode only applies to a new file, and passes through the umask: make sure either way.
  if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return -1;
  }
  return fd;
}

bool write_all(int fd, std::string_view bytes) {
  for (std::size_t at = 0; at < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + at, bytes.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    at += static_cast<std::size_t>(n);
  }
  return true;
}

std::string make_private_file(const fs::path& path) {
  const int fd = open_private_file(path, 0);
  if (fd < 0) return "could not make " + path.string() + " private: " + std::strerror(errno);
  ::close(fd);
  return {};
}

std::string write_private_file(const fs::path& path, std::string_view bytes) {
  return replace_file_synced(path, std::string(bytes));
}

std::string overwrite_open_file(int fd, const fs::path& shown_as) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return "could not read the size of " + shown_as.string() + ": " + std::strerror(errno);
  if (!S_ISREG(st.st_mode)) return shown_as.string() + " is not a plain file";
  static const std::array<char, 64 * 1024> zeros{};
  off_t at = 0;
  while (at < st.st_size) {
    const auto n = static_cast<std::size_t>(std::min<off_t>(st.st_size - at, static_cast<off_t>(zeros.size())));
    const ssize_t wrote = ::pwrite(fd, zeros.data(), n, at);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return "could not overwrite " + shown_as.string() + ": " + std::strerror(errno);
    at += wrote;
  }
  if (::fsync(fd) != 0) return "could not flush the overwritten " + shown_as.string() + ": " + std::strerror(errno);
  return {};
}

std::string overwrite_and_remove(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return errno == ENOENT ? std::string() : "could not look at " + path.string() + ": " + std::strerror(errno);
  std::string problem;
  if (S_ISREG(st.st_mode)) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
      problem = "could not open " + path.string() + " to overwrite it: " + std::strerror(errno);
    } else {
      problem = overwrite_open_file(fd, path);
      ::close(fd);
    }
  }
  std::error_code ec;
  fs::remove(path, ec);  // removed even when overwriting failed: never kept longer than before
  if (ec && problem.empty()) problem = "could not remove " + path.string() + ": " + ec.message();
  return problem;
}

}  // namespace innerscape::storage
