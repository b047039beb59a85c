// Small files written so that a crash or a full disk leaves either the old file or the new one, whole.
#include "storage/synced_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <system_error>

#include "storage/private_files.h"

namespace innerscape::storage {

std::string sync_path(const std::filesystem::path& p, bool directory) {
  const int fd = ::open(p.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return "could not open " + p.string() + " to flush it";
  const int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? std::string() : "could not flush " + p.string() + " to the disk";
}

std::string write_synced(const std::filesystem::path& p, const std::string& text) {
  const int fd = open_private_file(p, O_TRUNC);
  if (fd < 0) return "could not write " + p.string();
  const bool ok = write_all(fd, text) && ::fsync(fd) == 0;
  ::close(fd);
  return ok ? std::string() : "could not write " + p.string() + " (is the disk full?)";
}

std::string replace_file_synced(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::path tmp = p;
  tmp += ".tmp";
  std::error_code ec;
  if (std::string e = write_synced(tmp, text); !e.empty()) {
    if (std::filesystem::is_regular_file(tmp, ec)) std::filesystem::remove(tmp, ec);  // a half-written one, not whatever was in the way
    return e;
  }
  std::filesystem::rename(tmp, p, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return "could not write " + p.string() + ": " + ec.message();
  }
  const std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
  return sync_path(dir, true);
}

}  // namespace innerscape::storage
