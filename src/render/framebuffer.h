// An offscreen colour target: screenshots, tests and benchmarks render here and read it back.
#pragma once

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "core/image.h"

namespace innerscape::render {

class Framebuffer {
 public:
  Framebuffer() = default;
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;
  Framebuffer(Framebuffer&& other) noexcept;
  Framebuffer& operator=(Framebuffer&& other) noexcept;
  ~Framebuffer();

  // An RGBA8 target of the given size; false if the driver refuses it.
  bool create(glm::ivec2 size);
  bool valid() const { return fbo_ != 0; }
  glm::ivec2 size() const { return size_; }

  // Makes this the draw target and sets the viewport to cover it.
  void bind() const;

  // Stretches this target over the whole of the framebuffer `target_fbo` (0: the window's),
  // filtered linearly. Leaves `target_fbo` bound for drawing.
  void blit_to(unsigned target_fbo, glm::ivec2 target_size) const;

  // The pixels, top row first (as images are stored), 8 bits a channel.
  core::Image read_pixels() const;

 private:
  void release();
  unsigned fbo_ = 0;
  unsigned color_ = 0;
  glm::ivec2 size_{0};
};

// The framebuffer currently bound for drawing (0 is the window's), to restore after an offscreen pass.
unsigned bound_draw_framebuffer();

// Back to the window's own framebuffer, with the viewport set to the given size.
void bind_window_framebuffer(glm::ivec2 size);

// Back to a framebuffer remembered with bound_draw_framebuffer(), with the viewport set to size.
void bind_framebuffer(unsigned fbo, glm::ivec2 size);

// Clears whatever is bound to one colour (each channel 0..1).
void clear(glm::vec4 rgba);

// Clears a rectangle (origin at the bottom left, as GL counts) of whatever is bound.
void clear_rect(glm::ivec2 origin, glm::ivec2 size, glm::vec4 rgba);

// Waits until the GPU has finished everything asked of it (benchmarks count that work).
void finish();

}  // namespace innerscape::render
