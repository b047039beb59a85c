// A picture as a plain 2D texture, for the overlay to show (the gallery's thumbnails).
#pragma once

#include <cstdint>

#include "core/image.h"

namespace innerscape::render {

class ImageTexture {
 public:
  ImageTexture() = default;
  ImageTexture(const ImageTexture&) = delete;
  ImageTexture& operator=(const ImageTexture&) = delete;
  ImageTexture(ImageTexture&& other) noexcept : texture_(other.texture_), size_(other.size_) { other.texture_ = 0; }
  ImageTexture& operator=(ImageTexture&& other) noexcept;
  ~ImageTexture();

  // Uploads the picture (RGBA8, top row first), remaking the texture when the size changes.
  void set(const core::Image& image);
  unsigned id() const { return texture_; }
  // For ImGui::Image: the texture id as ImGui's ImTextureID (a pointer-sized handle).
  void* imgui_id() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(texture_)); }

 private:
  unsigned texture_ = 0;
  glm::ivec2 size_{0};
};

}  // namespace innerscape::render
