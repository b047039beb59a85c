// PNG files in and out (stb_image / stb_image_write from Debian's libstb).
#include "storage/png.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <system_error>

#include <stb_image.h>
#include <stb_image_write.h>

#include "storage/private_files.h"

namespace innerscape::storage {

std::string write_png(const std::filesystem::path& path, const core::Image& image) {
  if (image.size.x <= 0 || image.size.y <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.size.x) * image.size.y * 4) {
    return "There is no picture to save (the image is empty).";
  }
  const auto parent = path.parent_path();
  std::error_code ec;
  if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
    return "Cannot save " + path.string() + ": the folder " + parent.string() + " does not exist.";
  }
  // Encoded in memory, then written owner-only (0600): a drawing is as private as the words.
  const std::vector<std::uint8_t> bytes = encode_png(image);
  const int fd = bytes.empty() ? -1 : open_private_file(path, O_TRUNC);
  bool ok = fd >= 0 && write_all(fd, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) return "Cannot write " + path.string() + ". Check the folder is writable and the disk has room.";
  return {};
}

core::Image read_png(const std::filesystem::path& path, std::string* error) {
  int w = 0;
  int h = 0;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &channels, 4);
  if (data == nullptr) {
    if (error != nullptr) *error = "Cannot read " + path.string() + " as an image: " + stbi_failure_reason() + ".";
    return {};
  }
  core::Image image = core::make_image({w, h});
  std::memcpy(image.rgba.data(), data, image.rgba.size());
  stbi_image_free(data);
  return image;
}

std::vector<std::uint8_t> encode_png(const core::Image& image) {
  std::vector<std::uint8_t> out;
  if (image.size.x <= 0 || image.size.y <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.size.x) * image.size.y * 4) {
    return out;
  }
  auto append = [](void* context, void* data, int size) {
    auto* bytes = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* begin = static_cast<const std::uint8_t*>(data);
    bytes->insert(bytes->end(), begin, begin + size);
  };
  if (stbi_write_png_to_func(append, &out, image.size.x, image.size.y, 4, image.rgba.data(), image.size.x * 4) == 0) {
    out.clear();
  }
  return out;
}

core::Image decode_png(std::span<const std::uint8_t> bytes, std::string* error) {
  if (bytes.empty() || bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    if (error != nullptr) *error = "There is no picture in these bytes.";
    return {};
  }
  int w = 0;
  int h = 0;
  int channels = 0;
  unsigned char* data = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 4);
  if (data == nullptr) {
    if (error != nullptr) *error = std::string("Cannot read the picture: ") + stbi_failure_reason() + ".";
    return {};
  }
  core::Image image = core::make_image({w, h});
  std::memcpy(image.rgba.data(), data, image.rgba.size());
  stbi_image_free(data);
  return image;
}

}  // namespace innerscape::storage
