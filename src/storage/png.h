// PNG files in and out (stb_image / stb_image_write from Debian's libstb).
#pragma once

#include <filesystem>
#include <string>

#include "core/image.h"

namespace innerscape::storage {

// Writes the image; empty on success, else a message that says what to do.
std::string write_png(const std::filesystem::path& path, const core::Image& image);

// Reads a PNG as RGBA8. On failure the image is empty and `error` says why.
core::Image read_png(const std::filesystem::path& path, std::string* error = nullptr);

}  // namespace innerscape::storage
