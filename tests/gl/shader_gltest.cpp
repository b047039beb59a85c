// Shaders: a good program draws, a broken one reports its log and leaves the app running.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/archetypes.h"
#include "core/edits.h"
#include "core/ink.h"
#include "gl/gl_context.h"
#include "render/framebuffer.h"
#include "render/portrait_atlas.h"
#include "render/scene_renderer.h"
#include "render/shader.h"
#include "test_tmp.h"

using namespace innerscape;

namespace {
constexpr const char* fullscreen_vs = R"(#version 330 core
void main() {
  vec2 c = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(c * 2.0 - 1.0, 0.0, 1.0);
})";
constexpr const char* solid_fs = R"(#version 330 core
out vec4 color;
void main() { color = vec4(0.2, 0.4, 0.6, 1.0); })";

// A copy of the project's shaders with `after` in part.frag followed by a line that is not GLSL.
std::filesystem::path shaders_with_broken_part(const std::string& folder, const std::string& after) {
  const auto dir = test::fresh_dir(folder);
  for (const auto& entry : std::filesystem::directory_iterator(INNERSCAPE_SHADER_DIR)) {
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
  }
  std::ifstream in(dir / "part.frag");
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::size_t at = text.find(after);
  REQUIRE(at != std::string::npos);
  text.insert(at + after.size(), "this is not glsl;\n");
  std::ofstream(dir / "part.frag", std::ios::trunc) << text;
  return dir;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("a program that compiles is valid and has no log") {
  test::gl_window();
  const render::ProgramResult r = render::compile_program("solid", fullscreen_vs, solid_fs);
  CHECK(r.program.valid());
  CHECK(r.log.empty());
  CHECK(r.program.uniform("no_such_uniform") == -1);
}

TEST_CASE("a fragment shader with an error gives its log, named, and no program") {
  test::gl_window();
  const render::ProgramResult r =
      render::compile_program("broken", fullscreen_vs, "#version 330 core\nvoid main() { this is not glsl; }\n");
  CHECK_FALSE(r.program.valid());
  INFO(r.log);
  CHECK(r.log.find("broken.frag did not compile") != std::string::npos);
  CHECK(r.log.size() > std::string("broken.frag did not compile:\n").size());  // the driver's own words follow
}

TEST_CASE("a missing shader file is named in the message") {
  test::gl_window();
  const render::ProgramResult r = render::load_program("/nonexistent-innerscape", "ghost");
  CHECK_FALSE(r.program.valid());
  CHECK(r.log.find("ghost.vert") != std::string::npos);
}

TEST_CASE("a scene with no shaders still starts, says what failed, and clears to its night colour") {
  test::gl_window();
  render::SceneRenderer renderer;
  const std::string problems = renderer.init({.shader_dir = "/nonexistent-innerscape"});
  CHECK(problems.find("background.vert") != std::string::npos);
  CHECK(problems.find("self.vert") != std::string::npos);

  render::Framebuffer fb;
  REQUIRE(fb.create({16, 16}));
  fb.bind();
  renderer.render({.view = {.viewport = {16, 16}}});
  const auto p = core::pixel(fb.read_pixels(), 8, 8);
  // GL converts float to 8-bit unorm by rounding to nearest, so the expected bytes are exact.
  const auto to8 = [](float v) { return static_cast<std::uint8_t>(v * 255.0f + 0.5f); };
  CHECK(p == std::array<std::uint8_t, 4>{to8(render::scene_clear_rgb[0]), to8(render::scene_clear_rgb[1]),
                                         to8(render::scene_clear_rgb[2]), 255});
  CHECK(renderer.last_stats().draw_calls == 0);
}

TEST_CASE("a portrait variant that does not compile is reported, and parts still draw, without portraits") {
  test::gl_window();
  // Broken only where PORTRAITS is defined: the plain part shader compiles.
  const auto dir = shaders_with_broken_part("broken_portraits", "#ifdef PORTRAITS\n");
  render::SceneRenderer renderer;
  const std::string problems = renderer.init({.shader_dir = dir});
  INFO(problems);
  CHECK(problems.find("With portraits (#define PORTRAITS 1): part.frag did not compile") != std::string::npos);
  CHECK(count(problems, "did not compile") == 1);

  core::InnerSystem s;
  REQUIRE(core::apply_edit(s, core::add_part(s, core::blank_part(core::PartKind::exile, {0.5f, 0.0f}), 0)));
  s.parts[0].portrait = 42;
  render::PortraitAtlas atlas;
  atlas.set(42, core::make_image(glm::ivec2(core::portrait_size)));
  render::Framebuffer fb;
  REQUIRE(fb.create({64, 36}));
  fb.bind();
  renderer.render({.view = {.viewport = {64, 36}}, .self = s.self, .system = {.system = &s, .portraits = &atlas}});
  CHECK(renderer.last_stats().draw_calls == 5);  // background, its stretch, motes, Self, the parts in their plain form
}

TEST_CASE("an error the portrait variant shares with the plain part shader is said once, at the file's own line") {
  test::gl_window();
  const auto dir = shaders_with_broken_part("broken_part", "void main() {\n");
  render::SceneRenderer renderer;
  const std::string problems = renderer.init({.shader_dir = dir});
  INFO(problems);
  CHECK(count(problems, "part.frag did not compile") == 1);
  CHECK(problems.find("With portraits") == std::string::npos);
}
