// An offscreen colour target: screenshots, tests and benchmarks render here and read it back.
#include "render/framebuffer.h"

#include <cstring>
#include <utility>

#include <glad/gl.h>

namespace innerscape::render {

Framebuffer::Framebuffer(Framebuffer&& other) noexcept
    : fbo_(std::exchange(other.fbo_, 0)), color_(std::exchange(other.color_, 0)), size_(other.size_) {}

Framebuffer& Framebuffer::operator=(Framebuffer&& other) noexcept {
  if (this != &other) {
    release();
    fbo_ = std::exchange(other.fbo_, 0);
    color_ = std::exchange(other.color_, 0);
    size_ = other.size_;
  }
  return *this;
}

Framebuffer::~Framebuffer() { release(); }

void Framebuffer::release() {
  if (color_ != 0) glDeleteTextures(1, &color_);
  if (fbo_ != 0) glDeleteFramebuffers(1, &fbo_);
  color_ = 0;
  fbo_ = 0;
}

bool Framebuffer::create(glm::ivec2 size) {
  release();
  if (size.x <= 0 || size.y <= 0) return false;
  size_ = size;
  glGenTextures(1, &color_);
  glBindTexture(GL_TEXTURE_2D, color_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.x, size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);

  glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_, 0);
  const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (!complete) release();
  return complete;
}

void Framebuffer::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, size_.x, size_.y);
}

void Framebuffer::blit_to(unsigned target_fbo, glm::ivec2 target_size) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target_fbo);
  glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, target_size.x, target_size.y, GL_COLOR_BUFFER_BIT, GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, target_fbo);
  glViewport(0, 0, target_size.x, target_size.y);
}

unsigned bound_draw_framebuffer() {
  GLint fbo = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo);
  return static_cast<unsigned>(fbo);
}

core::Image Framebuffer::read_pixels() const {
  core::Image image = core::make_image(size_);
  if (!valid()) return image;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, size_.x, size_.y, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  // GL counts rows from the bottom; images count from the top.
  const std::size_t row = static_cast<std::size_t>(size_.x) * 4;
  for (int y = 0; y < size_.y / 2; ++y) {
    std::swap_ranges(image.rgba.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)),
                     image.rgba.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y + 1)),
                     image.rgba.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(size_.y - 1 - y)));
  }
  return image;
}

void bind_window_framebuffer(glm::ivec2 size) { bind_framebuffer(0, size); }

void bind_framebuffer(unsigned fbo, glm::ivec2 size) {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glViewport(0, 0, size.x, size.y);
}

void clear(glm::vec4 rgba) {
  glClearColor(rgba.r, rgba.g, rgba.b, rgba.a);
  glClear(GL_COLOR_BUFFER_BIT);
}

void clear_rect(glm::ivec2 origin, glm::ivec2 size, glm::vec4 rgba) {
  glEnable(GL_SCISSOR_TEST);
  glScissor(origin.x, origin.y, size.x, size.y);
  clear(rgba);
  glDisable(GL_SCISSOR_TEST);
}

void finish() { glFinish(); }

}  // namespace innerscape::render
