// The offscreen target: clear colours come back exact in 8 bits, and rows come back top first.
#include <doctest/doctest.h>

#include "core/image.h"
#include "gl/gl_context.h"
#include "render/framebuffer.h"
#include "render/gl_loader.h"

using namespace innerscape;

TEST_CASE("the context is OpenGL 3.3 core or newer") {
  test::gl_window();
  const render::GlInfo info = render::gl_info();
  INFO("renderer: ", info.renderer, ", version: ", info.version);
  CHECK_FALSE(info.renderer.empty());
  CHECK(info.version >= std::string("3.3"));
}

TEST_CASE("a clear colour reads back exactly in 8 bits, everywhere") {
  test::gl_window();
  render::Framebuffer fb;
  REQUIRE(fb.create({32, 16}));
  fb.bind();
  // n/255 values convert to 8 bits without rounding, so the match is exact.
  render::clear({51.0f / 255.0f, 102.0f / 255.0f, 153.0f / 255.0f, 1.0f});
  const core::Image image = fb.read_pixels();
  REQUIRE(image.size == glm::ivec2(32, 16));
  for (int y = 0; y < 16; ++y) {
    for (int x = 0; x < 32; ++x) {
      const auto p = core::pixel(image, x, y);
      REQUIRE(p == std::array<std::uint8_t, 4>{51, 102, 153, 255});
    }
  }
  CHECK(render::gl_error().empty());
}

TEST_CASE("read_pixels returns the top row first, as image files do") {
  test::gl_window();
  render::Framebuffer fb;
  REQUIRE(fb.create({8, 8}));
  fb.bind();
  render::clear({0.0f, 0.0f, 1.0f, 1.0f});
  // Paint the top half red through GL's bottom-up scissor box.
  glm::ivec2 size = fb.size();
  render::clear_rect({0, size.y / 2}, {size.x, size.y / 2}, {1.0f, 0.0f, 0.0f, 1.0f});
  const core::Image image = fb.read_pixels();
  CHECK(core::pixel(image, 3, 0) == std::array<std::uint8_t, 4>{255, 0, 0, 255});
  CHECK(core::pixel(image, 3, 3) == std::array<std::uint8_t, 4>{255, 0, 0, 255});
  CHECK(core::pixel(image, 3, 4) == std::array<std::uint8_t, 4>{0, 0, 255, 255});
  CHECK(core::pixel(image, 3, 7) == std::array<std::uint8_t, 4>{0, 0, 255, 255});
}

TEST_CASE("an impossible size is refused, not crashed on") {
  test::gl_window();
  render::Framebuffer fb;
  CHECK_FALSE(fb.create({0, 10}));
  CHECK_FALSE(fb.valid());
  CHECK(fb.read_pixels().rgba.empty());
}
