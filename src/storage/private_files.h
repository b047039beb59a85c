// Files and folders that hold a person's words: owner-only from the first byte (0600 files in 0700
// folders, whatever the umask), and overwritten before they are removed when they must not linger.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace innerscape::storage {

// Creates `dir` and any missing folders above it owner-only (0700, as the XDG base directory rules ask
// of folders an app makes), then makes `dir` itself 0700 even if it was there already. Empty on
// success, else what went wrong.
std::string make_private_dir(const std::filesystem::path& dir);

// Opens `path` for writing, created 0600 (an existing file is made 0600 too). `flags` are added to
// O_WRONLY | O_CREAT | O_CLOEXEC (O_TRUNC, say). A file descriptor, or -1 with errno set.
int open_private_file(const std::filesystem::path& path, int flags);

// Writes every byte of `bytes` to `fd`, going on after an interrupted write: false if any could not be
// written (errno says why).
bool write_all(int fd, std::string_view bytes);

// Makes sure `path` exists and is 0600, creating it empty if need be: for files another library
// writes in place (Dear ImGui's imgui.ini keeps the mode of the file it overwrites). Empty on success.
std::string make_private_file(const std::filesystem::path& path);

// Writes `bytes` to `path` whole or not at all and private: into `path`.tmp (0600), flushed, renamed
// over `path`, the folder flushed. On failure `path` is as it was. Empty on success.
std::string write_private_file(const std::filesystem::path& path, std::string_view bytes);

// Overwrites every byte of the regular file `path` with zeros, flushes that to the disk, then
// removes the name. On most file systems this leaves none of the old bytes in the file's blocks;
// copy-on-write file systems, SSD wear levelling and journaled data can keep copies no program can
// reach (the README says so). A missing file is no error; empty on success.
std::string overwrite_and_remove(const std::filesystem::path& path);

// The same for a file already open (`fd`, opened for writing): its bytes are zeroed and flushed, the
// descriptor is left open. Empty on success.
std::string overwrite_open_file(int fd, const std::filesystem::path& shown_as);

}  // namespace innerscape::storage
