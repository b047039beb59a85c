// One hidden window with a GL 3.3 core context per GL test process. Tests fail (never skip) without it.
#pragma once

#include <array>
#include <cstdint>

#include "platform/window.h"
#include "render/scene_renderer.h"

namespace innerscape::test {

// Creates the context on first use; a failure is a test failure with SDL's reason.
platform::Window& gl_window();

// A scene renderer with the project's own shaders, for tests that shade the scene. Fails the test
// (with the driver's log) if any shader does not compile.
struct SceneFixture {
  render::SceneRenderer renderer;
  SceneFixture();
};

// A pixel matches within a tolerance on each of r, g, b, a.
bool near(const std::array<std::uint8_t, 4>& pixel, std::array<int, 4> expected, int tolerance);

}  // namespace innerscape::test
