// A picture as a plain 2D texture, for the overlay to show.
#include "render/image_texture.h"

#include <utility>

#include <glad/gl.h>

namespace innerscape::render {

ImageTexture& ImageTexture::operator=(ImageTexture&& other) noexcept {
  std::swap(texture_, other.texture_);
  std::swap(size_, other.size_);
  return *this;
}

ImageTexture::~ImageTexture() {
  if (texture_ != 0) glDeleteTextures(1, &texture_);
}

void ImageTexture::set(const core::Image& image) {
  if (image.size.x <= 0 || image.size.y <= 0) return;
  if (texture_ == 0) glGenTextures(1, &texture_);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (image.size != size_) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    // ImGui draws with the first row at the top, as the picture is kept: no flip needed.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.size.x, image.size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    size_ = image.size;
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, image.size.x, image.size.y, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  }
  glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace innerscape::render
