// PNG files in and out (stb_image / stb_image_write from Debian's libstb).
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/image.h"

namespace innerscape::storage {

// Writes the image; empty on success, else a message that says what to do.
std::string write_png(const std::filesystem::path& path, const core::Image& image);

// Reads a PNG as RGBA8. On failure the image is empty and `error` says why.
core::Image read_png(const std::filesystem::path& path, std::string* error = nullptr);

// The same in memory, for pictures kept inside the database (drawing thumbnails). Encoding gives
// no bytes for an empty image; decoding gives an empty image, and `error` says why, for bytes that
// are not a picture.
std::vector<std::uint8_t> encode_png(const core::Image& image);
core::Image decode_png(std::span<const std::uint8_t> bytes, std::string* error = nullptr);

}  // namespace innerscape::storage
