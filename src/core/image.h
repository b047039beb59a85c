// An RGBA8 picture in memory, top row first: what screenshots, thumbnails and tests pass around.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <glm/vec2.hpp>

namespace innerscape::core {

struct Image {
  glm::ivec2 size{0};
  std::vector<std::uint8_t> rgba;  // size.x * size.y * 4 bytes
};

inline Image make_image(glm::ivec2 size) {
  Image image{size, {}};
  if (size.x > 0 && size.y > 0) image.rgba.assign(static_cast<std::size_t>(size.x) * size.y * 4, 0);
  return image;
}

// The pixel at (x, y), counted from the top left.
inline std::array<std::uint8_t, 4> pixel(const Image& image, int x, int y) {
  const std::size_t i = (static_cast<std::size_t>(y) * image.size.x + x) * 4;
  return {image.rgba[i], image.rgba[i + 1], image.rgba[i + 2], image.rgba[i + 3]};
}

}  // namespace innerscape::core
