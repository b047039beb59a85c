// One hidden window with a GL 3.3 core context per GL test process. Tests fail (never skip) without it.
#include "gl/gl_context.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include <doctest/doctest.h>

namespace innerscape::test {

platform::Window& gl_window() {
  static std::unique_ptr<platform::Window> window;  // test fixture: one context for the process
  if (!window) {
    std::string error;
    window = platform::Window::create({.title = "innerscape gl test", .size = {64, 64}, .hidden = true,
                                       .vsync = false, .imgui = false},
                                      error);
    if (!window) {
      FAIL("no OpenGL 3.3 core context: " << error << " (GL tests run under xvfb-run; see scripts/test)");
      std::abort();  // not reached: FAIL throws
    }
  }
  return *window;
}

SceneFixture::SceneFixture() {
  gl_window();
  const std::string problems = renderer.init({.shader_dir = INNERSCAPE_SHADER_DIR});
  INFO(problems);
  REQUIRE(problems.empty());
}

bool near(const std::array<std::uint8_t, 4>& pixel, std::array<int, 4> expected, int tolerance) {
  for (int i = 0; i < 4; ++i) {
    if (std::abs(static_cast<int>(pixel[static_cast<std::size_t>(i)]) - expected[static_cast<std::size_t>(i)]) >
        tolerance) {
      return false;
    }
  }
  return true;
}

}  // namespace innerscape::test
