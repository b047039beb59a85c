// Shows the drawing sheet: uploads the changed rectangles of ink and live coverage, composites in one quad.
#include "render/canvas_renderer.h"

#include <algorithm>
#include <cassert>
#include <vector>

#include <glad/gl.h>

namespace innerscape::render {
namespace {

constexpr GLint ink_unit = 0;
constexpr GLint live_unit = 1;

unsigned make_texture(glm::ivec2 size, GLint internal_format, GLenum format, int bytes_per_pixel) {
  unsigned id = 0;
  glGenTextures(1, &id);
  glBindTexture(GL_TEXTURE_2D, id);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);  // no mipmaps: one linear tap below 1:1
  // Cleared once when made (GL leaves new storage undefined): no ink, no live stroke.
  const std::vector<std::uint8_t> zeros(static_cast<std::size_t>(size.x) * size.y * bytes_per_pixel, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, internal_format, size.x, size.y, 0, format, GL_UNSIGNED_BYTE, zeros.data());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glBindTexture(GL_TEXTURE_2D, 0);
  return id;
}

// Sends `rect` of a top-row-first buffer `row_pixels` wide. Rows go up in GL's count as they go
// down the picture, so texture row 0 is the picture's top row and the shader reads it that way.
void upload_rect(unsigned texture, const std::uint8_t* data, int row_pixels, core::PixelRect rect, GLenum format) {
  glBindTexture(GL_TEXTURE_2D, texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, row_pixels);
  glPixelStorei(GL_UNPACK_SKIP_PIXELS, rect.x0);
  glPixelStorei(GL_UNPACK_SKIP_ROWS, rect.y0);
  glTexSubImage2D(GL_TEXTURE_2D, 0, rect.x0, rect.y0, rect.width(), rect.height(), format, GL_UNSIGNED_BYTE, data);
  // Back to GL's defaults, so other uploads are not surprised.
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glPixelStorei(GL_UNPACK_SKIP_PIXELS, 0);
  glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glBindTexture(GL_TEXTURE_2D, 0);
}

float channel(std::uint32_t rgb, int shift) { return static_cast<float>((rgb >> shift) & 0xFF); }

}  // namespace

CanvasRenderer::~CanvasRenderer() {
  if (ink_texture_ != 0) glDeleteTextures(1, &ink_texture_);
  if (live_texture_ != 0) glDeleteTextures(1, &live_texture_);
  if (vao_ != 0) glDeleteVertexArrays(1, &vao_);
}

std::string CanvasRenderer::init(const std::filesystem::path& shader_dir) {
  auto loaded = load_program(shader_dir, "canvas");
  program_ = std::move(loaded.program);
  if (program_.valid()) {
    glUseProgram(program_.id());
    glUniform1i(program_.uniform("u_ink"), ink_unit);
    glUniform1i(program_.uniform("u_live"), live_unit);
    glUseProgram(0);
  }
  // Core profile needs a bound vertex array even for a quad made from gl_VertexID.
  if (vao_ == 0) glGenVertexArrays(1, &vao_);
  ensure_textures(core::canvas_size);
  return loaded.log;
}

void CanvasRenderer::ensure_textures(glm::ivec2 size) {
  if (size == size_ && ink_texture_ != 0) return;
  filter_ = 0;  // new textures start linear: the filter is set again at the next draw
  if (ink_texture_ != 0) glDeleteTextures(1, &ink_texture_);
  if (live_texture_ != 0) glDeleteTextures(1, &live_texture_);
  size_ = size;
  ink_texture_ = make_texture(size, GL_RGBA8, GL_RGBA, 4);
  live_texture_ = make_texture(size, GL_R8, GL_RED, 1);
}

void CanvasRenderer::upload_ink(const core::Image& ink, core::PixelRect rect) {
  assert(ink.rgba.size() == static_cast<std::size_t>(ink.size.x) * ink.size.y * 4);
  if (ink.size.x <= 0 || ink.size.y <= 0) return;
  if (ink.size != size_ || ink_texture_ == 0) {
    ensure_textures(ink.size);
    rect = {0, 0, ink.size.x, ink.size.y};
  }
  rect = core::intersect(rect, {0, 0, ink.size.x, ink.size.y});
  if (rect.empty()) return;
  upload_rect(ink_texture_, ink.rgba.data(), ink.size.x, rect, GL_RGBA);
}

void CanvasRenderer::upload_live(const core::CoverageMask& coverage, core::PixelRect rect) {
  assert(coverage.values.size() == static_cast<std::size_t>(coverage.size.x) * coverage.size.y);
  if (coverage.size.x <= 0 || coverage.size.y <= 0) return;
  if (coverage.size != size_ || live_texture_ == 0) {
    ensure_textures(coverage.size);
    rect = {0, 0, coverage.size.x, coverage.size.y};
  }
  rect = core::intersect(rect, {0, 0, coverage.size.x, coverage.size.y});
  if (rect.empty()) return;
  upload_rect(live_texture_, coverage.values.data(), coverage.size.x, rect, GL_RED);
}

void CanvasRenderer::draw(const CanvasFrame& frame, int& draw_calls) {
  const glm::vec2 extent = frame.sheet_max - frame.sheet_min;
  if (!program_.valid() || ink_texture_ == 0 || extent.x <= 0.0f || extent.y <= 0.0f || frame.viewport.x <= 0 ||
      frame.viewport.y <= 0) {
    return;
  }
  // Sheet pixels per canvas pixel; at 1 or more each screen pixel takes the one texel under it.
  const float scale = std::min(extent.x / static_cast<float>(size_.x), extent.y / static_cast<float>(size_.y));
  const bool nearest = scale >= 0.999f;

  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  // The shadow is premultiplied black over what is there; the sheet itself is opaque.
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  glUseProgram(program_.id());
  glUniform2f(program_.uniform("u_viewport"), static_cast<float>(frame.viewport.x), static_cast<float>(frame.viewport.y));
  glUniform2f(program_.uniform("u_sheet_min"), frame.sheet_min.x, frame.sheet_min.y);
  glUniform2f(program_.uniform("u_sheet_max"), frame.sheet_max.x, frame.sheet_max.y);
  glUniform1f(program_.uniform("u_margin"), shadow_margin);
  glUniform3f(program_.uniform("u_paper"), channel(frame.paper, 16), channel(frame.paper, 8), channel(frame.paper, 0));
  // The eraser lays down nothing: src = 0, alpha included (as core::lay_down does).
  const bool erase = frame.live_erase;
  glUniform4f(program_.uniform("u_live_src"), erase ? 0.0f : channel(frame.live_color, 16), erase ? 0.0f : channel(frame.live_color, 8),
              erase ? 0.0f : channel(frame.live_color, 0), erase ? 0.0f : 255.0f);
  glUniform1f(program_.uniform("u_live_opacity"), std::clamp(frame.live_opacity, 0.0f, 1.0f));


  // Nearest from 1:1 up (exact texels, crisp when zoomed in), linear below; set only on a change.
  const int filter = nearest ? GL_NEAREST : GL_LINEAR;
  glActiveTexture(GL_TEXTURE0 + ink_unit);
  glBindTexture(GL_TEXTURE_2D, ink_texture_);
  if (filter != filter_) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
  }
  glActiveTexture(GL_TEXTURE0 + live_unit);
  glBindTexture(GL_TEXTURE_2D, live_texture_);
  if (filter != filter_) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
  }
  filter_ = filter;
  glActiveTexture(GL_TEXTURE0);

  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  ++draw_calls;

  glBindVertexArray(0);
  glActiveTexture(GL_TEXTURE0 + live_unit);
  glBindTexture(GL_TEXTURE_2D, 0);
  glActiveTexture(GL_TEXTURE0 + ink_unit);
  glBindTexture(GL_TEXTURE_2D, 0);
  glActiveTexture(GL_TEXTURE0);
  glUseProgram(0);
  glDisable(GL_BLEND);
}

}  // namespace innerscape::render
