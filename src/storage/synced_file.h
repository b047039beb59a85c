// Small files written so that a crash or a full disk leaves either the old file or the new one, whole.
#pragma once

#include <filesystem>
#include <string>

namespace innerscape::storage {

// Flushes a file or folder to the disk. Empty on success.
std::string sync_path(const std::filesystem::path& p, bool directory);

// Writes a small private file (0600) and flushes it. Empty on success.
std::string write_synced(const std::filesystem::path& p, const std::string& text);

// Replaces `p` with `text` whole or not at all: written to `p`.tmp beside it (0600), flushed, renamed
// over `p`, and the folder flushed. On failure `p` is as it was. Empty on success, else what went wrong.
std::string replace_file_synced(const std::filesystem::path& p, const std::string& text);

}  // namespace innerscape::storage
