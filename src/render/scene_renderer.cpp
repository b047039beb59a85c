// Draws the inner space: the living background, the drifting motes, the glowing Self and the parts.
#include "render/scene_renderer.h"

#include <cmath>

#include <glad/gl.h>
#include <glm/common.hpp>
#include <glm/gtc/type_ptr.hpp>

namespace innerscape::render {
namespace {

constexpr int default_particle_count = 140;
constexpr std::uint32_t default_seed = 20261129u;
constexpr int floats_per_particle = 4;  // x, y, size, light
constexpr float self_quad_radius = 0.75f;  // world units; the halo is faint by then, and fades to nothing

void append_problem(std::string& problems, const std::string& log) {
  if (log.empty()) return;
  if (!problems.empty()) problems += "\n\n";
  problems += log;
}

}  // namespace

SceneRenderer::~SceneRenderer() {
  if (particle_vbo_ != 0) glDeleteBuffers(1, &particle_vbo_);
  if (particle_vao_ != 0) glDeleteVertexArrays(1, &particle_vao_);
  if (empty_vao_ != 0) glDeleteVertexArrays(1, &empty_vao_);
}

std::string SceneRenderer::init(const SceneRendererDesc& desc) {
  std::string problems;
  auto background = load_program(desc.shader_dir, "background");
  auto self = load_program(desc.shader_dir, "self");
  auto particles = load_program(desc.shader_dir, "particle");
  append_problem(problems, background.log);
  append_problem(problems, self.log);
  append_problem(problems, particles.log);
  background_ = std::move(background.program);
  self_ = std::move(self.program);
  particles_ = std::move(particles.program);
  append_problem(problems, system_.init(desc.shader_dir));
  background_divisor_ = desc.background_divisor > 0 ? desc.background_divisor : 4;

  // Core profile needs a bound vertex array even for draws that make their vertices from gl_VertexID.
  if (empty_vao_ == 0) glGenVertexArrays(1, &empty_vao_);

  const int count = desc.particle_count > 0 ? desc.particle_count : default_particle_count;
  field_ = core::make_particles(count, desc.seed != 0 ? desc.seed : default_seed, field_extent_);
  particle_upload_.assign(field_.size() * floats_per_particle, 0.0f);
  if (particle_vao_ == 0) {
    glGenVertexArrays(1, &particle_vao_);
    glGenBuffers(1, &particle_vbo_);
  }
  glBindVertexArray(particle_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, particle_vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(particle_upload_.size() * sizeof(float)), nullptr,
               GL_STREAM_DRAW);
  const auto stride = static_cast<GLsizei>(floats_per_particle * sizeof(float));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(2 * sizeof(float)));
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  return problems;
}

void SceneRenderer::render(const SceneFrame& frame) {
  stats_ = {};
  const core::SceneView& view = frame.view;
  const glm::vec2 half = core::visible_half_extent(view);
  const glm::mat4 view_proj = core::view_projection(view);
  const auto time = static_cast<float>(frame.scene_time_s);
  const float glow = frame.self.glow;

  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  // 1. The living background, opaque; without it, the plain night colour.
  if (!background_.valid() || !draw_background(frame, half)) {
    glClearColor(scene_clear_rgb[0], scene_clear_rgb[1], scene_clear_rgb[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
  }

  // Light adds up: premultiplied colour over what is there.
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  // 2. The motes, drifting through the world (positions from core, one upload, one draw).
  if (particles_.valid() && !field_.empty()) {
    for (std::size_t i = 0; i < field_.size(); ++i) {
      const glm::vec2 p = core::particle_position(field_[i], frame.scene_time_s, field_extent_);
      float* out = &particle_upload_[i * floats_per_particle];
      out[0] = p.x;
      out[1] = p.y;
      out[2] = field_[i].size;
      out[3] = core::particle_light(field_[i], frame.scene_time_s) * (frame.breath >= 0.0f ? 0.55f + 0.9f * frame.breath : 1.0f);
    }
    glBindBuffer(GL_ARRAY_BUFFER, particle_vbo_);
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(particle_upload_.size() * sizeof(float)),
                    particle_upload_.data());
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glEnable(GL_PROGRAM_POINT_SIZE);
    glUseProgram(particles_.id());
    glUniformMatrix4fv(particles_.uniform("u_view_proj"), 1, GL_FALSE, glm::value_ptr(view_proj));
    glUniform1f(particles_.uniform("u_pixels_per_unit"), core::pixels_per_unit(view));
    glBindVertexArray(particle_vao_);
    glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(field_.size()));
    ++stats_.draw_calls;
    glDisable(GL_PROGRAM_POINT_SIZE);
  }

  // 3. The lines between parts, under everything that glows.
  system_.draw_relationships(frame.system, view_proj, core::pixels_per_unit(view), time, stats_.draw_calls);

  // 4. The Self at the centre of the world.
  if (self_.valid()) {
    glUseProgram(self_.id());
    glUniformMatrix4fv(self_.uniform("u_view_proj"), 1, GL_FALSE, glm::value_ptr(view_proj));
    glUniform2f(self_.uniform("u_center"), 0.0f, 0.0f);
    glUniform1f(self_.uniform("u_radius"), self_quad_radius);
    glUniform1f(self_.uniform("u_glow"), glow);
    glUniform4f(self_.uniform("u_turns"), std::cos(time * 0.45f), std::sin(time * 0.45f), std::cos(time * 0.3f), std::sin(time * 0.3f));
    glBindVertexArray(empty_vao_);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    ++stats_.draw_calls;
  }

  // 5. The parts, deepest first. A part blended with the Self covers it, as blending feels.
  constexpr float float_amount = 0.008f;  // world units of gentle up-and-down drift
  system_.draw_parts(frame.system, view_proj, core::pixels_per_unit(view), time, float_amount * frame.ambient,
                     frame.breath >= 0.0f ? 0.8f + 0.4f * frame.breath : 1.0f, stats_.draw_calls);

  glBindVertexArray(0);
  glUseProgram(0);
  glDisable(GL_BLEND);
}

bool SceneRenderer::draw_background(const SceneFrame& frame, glm::vec2 half_extent) {
  const core::SceneView& view = frame.view;
  // Shaded at reduced size into its own target, then stretched over the frame: the clouds are
  // soft enough that nobody sees the difference, and a software renderer shades far fewer pixels.
  const glm::ivec2 small = glm::max((view.viewport + (background_divisor_ - 1)) / background_divisor_, glm::ivec2(1));
  const unsigned frame_target = bound_draw_framebuffer();  // before create(), which unbinds
  if (background_target_.size() != small && !background_target_.create(small)) {
    glBindFramebuffer(GL_FRAMEBUFFER, frame_target);
    return false;
  }

  background_target_.bind();
  glDisable(GL_BLEND);
  glUseProgram(background_.id());
  glUniform2f(background_.uniform("u_resolution"), static_cast<float>(small.x), static_cast<float>(small.y));
  glUniform2f(background_.uniform("u_center"), view.center.x, view.center.y);
  glUniform2f(background_.uniform("u_half_extent"), half_extent.x, half_extent.y);
  glUniform1f(background_.uniform("u_time"), static_cast<float>(frame.scene_time_s));
  glUniform1f(background_.uniform("u_glow"), frame.self.glow);
  glUniform3fv(background_.uniform("u_night"), 1, scene_clear_rgb);
  glBindVertexArray(empty_vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  ++stats_.draw_calls;

  background_target_.blit_to(frame_target, view.viewport);
  ++stats_.draw_calls;
  return true;
}

}  // namespace innerscape::render
