// Shows the drawing sheet: the ink painted by core/ink.h, the stroke being drawn over it, the paper
// under both, in one quad. Painting happens on the CPU; this only uploads what changed and composites.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <glm/vec2.hpp>

#include "core/image.h"
#include "core/ink.h"
#include "render/shader.h"

namespace innerscape::render {

// What the sheet looks like this frame; read-only.
struct CanvasFrame {
  glm::ivec2 viewport{0};            // the bound framebuffer's size, in pixels
  glm::vec2 sheet_min{0.0f};         // the sheet's top-left corner in window pixels (top-left origin)
  glm::vec2 sheet_max{0.0f};         // its bottom-right corner; zoom and pan are only this rectangle
  std::uint32_t paper = core::default_paper;  // 0xRRGGBB, under the ink
  std::uint32_t live_color = 0;      // 0xRRGGBB of the stroke being drawn
  float live_opacity = 1.0f;         // 0 .. 1, the live stroke's opacity
  bool live_erase = false;           // the live stroke is the eraser: it shows the ink it takes away
};

// Owns an RGBA8 ink texture and an R8 live-coverage texture, both the canvas's size, top row first.
// Composites exactly as core::lay_down then core::flatten do, rounding to 8 bits at the same steps,
// so at 1:1 the sheet on screen is byte for byte the picture the drawing will be saved as.
class CanvasRenderer {
 public:
  CanvasRenderer() = default;
  CanvasRenderer(const CanvasRenderer&) = delete;
  CanvasRenderer& operator=(const CanvasRenderer&) = delete;
  ~CanvasRenderer();

  // Loads canvas.* and makes both textures (clear: no ink, no live stroke) the size of
  // core::canvas_size. Returns the shader log, empty when all is well; with a failed shader,
  // draw() draws nothing and the app keeps running.
  std::string init(const std::filesystem::path& shader_dir);

  // Copies `rect` of the ink (premultiplied RGBA8, as core::InkCanvas keeps it) to the texture;
  // only those pixels travel. Data of another size than the textures remakes both at that size,
  // cleared, and is uploaded whole (the other one then needs uploading again).
  void upload_ink(const core::Image& ink, core::PixelRect rect);
  // The same for the live stroke's coverage (core::LiveStroke::coverage(), with the rect add()
  // returned); after finish() or cancel(), upload the rect from take_cleared() so the preview goes.
  void upload_live(const core::CoverageMask& coverage, core::PixelRect rect);

  // Draws the sheet, with a soft shadow in a small margin around it, into the bound framebuffer
  // (whose size is frame.viewport) in one draw call. Sampling is nearest when the sheet is at least
  // the canvas's size on screen (exact at 1:1, crisp pixels when zoomed in) and one bilinear tap
  // below it (fine down to half size; smaller, thin lines may shimmer: there are no mipmaps).
  // Leaves blending disabled, as SceneRenderer does.
  void draw(const CanvasFrame& frame, int& draw_calls);

  // How far the shadow reaches beyond the sheet's edge, in window pixels.
  static constexpr float shadow_margin = 14.0f;

 private:
  void ensure_textures(glm::ivec2 size);

  Program program_;
  unsigned vao_ = 0;
  unsigned ink_texture_ = 0;
  unsigned live_texture_ = 0;
  glm::ivec2 size_{0};
  int filter_ = 0;  // the textures' filter now (GL_NEAREST or GL_LINEAR); 0 before the first draw
};

}  // namespace innerscape::render
