// Draws the parts and the lines between them, each set in one instanced draw, whatever their number.
#include "render/system_renderer.h"

#include <glm/common.hpp>
#include <glm/gtx/compatibility.hpp>

#include <algorithm>
#include <utility>

#include <glad/gl.h>
#include <glm/gtc/type_ptr.hpp>

#include "core/picking.h"

namespace innerscape::render {
namespace {

constexpr int part_floats = 16;      // see part.vert: four vec4 per instance
constexpr int relation_floats = 8;   // see relation.vert: two vec4 per instance

void set_instance_layout(int vec4_count) {
  const auto stride = static_cast<GLsizei>(vec4_count * 4 * sizeof(float));
  for (int i = 0; i < vec4_count; ++i) {
    const auto index = static_cast<GLuint>(i);
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, 4, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(static_cast<std::size_t>(i) * 4 * sizeof(float)));
    glVertexAttribDivisor(index, 1);
  }
}

glm::vec3 rgb(std::uint32_t packed) {
  return {static_cast<float>((packed >> 16) & 0xFF) / 255.0f, static_cast<float>((packed >> 8) & 0xFF) / 255.0f,
          static_cast<float>(packed & 0xFF) / 255.0f};
}

// Light adds up: premultiplied colour over what is there (as SceneRenderer blends everything that
// glows). Set by each draw, so the parts and lines draw the same into any target.
void blend_light() {
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

glm::vec2 shown_position(const SystemFrame& frame, std::size_t index) {
  return index < frame.positions.size() ? frame.positions[index] : frame.system->parts[index].position;
}

}  // namespace

SystemRenderer::~SystemRenderer() {
  for (InstanceBuffer* b : {&part_instances_, &relation_instances_}) {
    if (b->vbo != 0) glDeleteBuffers(1, &b->vbo);
    if (b->vao != 0) glDeleteVertexArrays(1, &b->vao);
  }
}

std::string SystemRenderer::init(const std::filesystem::path& shader_dir) {
  auto parts = load_program(shader_dir, "part");
  // Sampling portraits costs every pixel of every part on a software renderer, even behind a branch
  // not taken: it is compiled in only for the frames where some part wears one.
  auto parts_with_portraits = load_program(shader_dir, "part", "#define PORTRAITS 1\n");
  auto relations = load_program(shader_dir, "relation");
  std::string problems;
  const auto report = [&problems](const std::string& log) {
    if (log.empty()) return;
    problems += (problems.empty() ? "" : "\n\n") + log;
  };
  report(parts.log);
  // The variant has its own failures (the portrait sampling); one the plain shader shares is said once.
  if (!parts_with_portraits.log.empty() && parts_with_portraits.log != parts.log) report("With portraits (#define PORTRAITS 1): " + parts_with_portraits.log);
  report(relations.log);
  parts_ = std::move(parts.program);
  parts_with_portraits_ = std::move(parts_with_portraits.program);
  relations_ = std::move(relations.program);

  for (auto [buffer, vec4s] : {std::pair{&part_instances_, part_floats / 4}, std::pair{&relation_instances_, relation_floats / 4}}) {
    if (buffer->vao != 0) continue;
    glGenVertexArrays(1, &buffer->vao);
    glGenBuffers(1, &buffer->vbo);
    glBindVertexArray(buffer->vao);
    glBindBuffer(GL_ARRAY_BUFFER, buffer->vbo);
    set_instance_layout(vec4s);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
  }
  return problems;
}

void SystemRenderer::upload(InstanceBuffer& buffer, const std::vector<float>& data) {
  glBindBuffer(GL_ARRAY_BUFFER, buffer.vbo);
  const auto bytes = static_cast<GLsizeiptr>(data.size() * sizeof(float));
  if (data.size() > buffer.capacity) {
    buffer.capacity = data.size() * 2;  // grow with room, so a growing map does not reallocate every frame
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(buffer.capacity * sizeof(float)), nullptr, GL_STREAM_DRAW);
  }
  glBufferSubData(GL_ARRAY_BUFFER, 0, bytes, data.data());
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void SystemRenderer::draw_relationships(const SystemFrame& frame, const glm::mat4& view_proj, float pixels_per_unit,
                                        float time_s, int& draw_calls) {
  if (!relations_.valid() || frame.system == nullptr || frame.system->relationships.empty()) return;
  const core::InnerSystem& system = *frame.system;
  // Each line looks up both its parts: by a sorted table, not a walk through every part each time
  // (with 1000 parts and 2000 lines that walk was millions of steps a frame).
  index_by_id_.clear();
  for (std::size_t i = 0; i < system.parts.size(); ++i) index_by_id_.emplace_back(system.parts[i].id, i);
  std::sort(index_by_id_.begin(), index_by_id_.end());
  const auto index_of = [&](core::PartId id) {
    const auto it = std::lower_bound(index_by_id_.begin(), index_by_id_.end(), std::pair{id, std::size_t{0}});
    return it != index_by_id_.end() && it->first == id ? it->second : system.parts.size();
  };
  scratch_.clear();
  for (std::size_t i = 0; i < system.relationships.size(); ++i) {
    const core::Relationship& r = system.relationships[i];
    const std::size_t a = index_of(r.from);
    const std::size_t b = index_of(r.to);
    if (a >= system.parts.size() || b >= system.parts.size()) continue;
    const glm::vec2 pa = shown_position(frame, a);
    const glm::vec2 pb = shown_position(frame, b);
    const bool marked = frame.hovered_relationship == i || frame.selected == r.from || frame.selected == r.to;
    scratch_.insert(scratch_.end(), {pa.x, pa.y, pb.x, pb.y, core::part_radius(system.parts[a]),
                                     core::part_radius(system.parts[b]), static_cast<float>(r.kind), marked ? 1.0f : 0.0f});
  }
  if (scratch_.empty()) return;
  upload(relation_instances_, scratch_);
  blend_light();
  glUseProgram(relations_.id());
  glUniformMatrix4fv(relations_.uniform("u_view_proj"), 1, GL_FALSE, glm::value_ptr(view_proj));
  glUniform1f(relations_.uniform("u_time"), time_s);
  // Lines keep a readable width on screen at every zoom: about 14 px wide, within limits in world units.
  // When parts are shown only a few pixels across (a crowded system seen whole) the lines thin with
  // them, as the parts lose their glow (the same level of detail).
  const float detail = glm::smoothstep(detail_radius_px[0], detail_radius_px[1], core::part_base_radius * pixels_per_unit);
  const float half_width = glm::clamp(glm::mix(3.5f, 7.0f, detail) / pixels_per_unit, 0.004f, 0.05f);
  glUniform1f(relations_.uniform("u_half_width"), half_width);
  glBindVertexArray(relation_instances_.vao);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(scratch_.size() / relation_floats));
  ++draw_calls;
}

void SystemRenderer::draw_parts(const SystemFrame& frame, const glm::mat4& view_proj, float pixels_per_unit, float time_s,
                                float float_amount, float light,
                                int& draw_calls) {
  if (!parts_.valid() || frame.system == nullptr || frame.system->parts.empty()) return;
  const core::InnerSystem& system = *frame.system;
  scratch_.clear();
  bool any_portrait = false;
  for (std::size_t index : core::draw_order(system)) {
    const core::Part& part = system.parts[index];
    const glm::vec2 p = shown_position(frame, index);
    const glm::vec3 c = rgb(core::display_color(part));
    const float alpha = 1.0f - 0.5f * part.depth;  // deeper parts are fainter
    const float mark = part.id == frame.selected ? 2.0f : part.id == frame.hovered ? 1.0f : 0.0f;
    const float phase = static_cast<float>(part.id % 97) * 0.61f;  // each part floats on its own beat
    const float pulse = index < frame.pulse.size() ? frame.pulse[index] : 0.0f;
    const int layer = frame.portraits != nullptr && part.portrait != 0 ? frame.portraits->layer_of(part.portrait) : -1;
    any_portrait = any_portrait || layer >= 0;
    scratch_.insert(scratch_.end(), {p.x, p.y, core::part_radius(part), static_cast<float>(part.kind), c.r, c.g, c.b,
                                     alpha, static_cast<float>(part.trust) / 100.0f, mark, phase, pulse,
                                     static_cast<float>(layer), 0.0f, 0.0f, 0.0f});
  }
  upload(part_instances_, scratch_);
  blend_light();
  const Program& program = any_portrait && parts_with_portraits_.valid() ? parts_with_portraits_ : parts_;
  glUseProgram(program.id());
  glUniformMatrix4fv(program.uniform("u_view_proj"), 1, GL_FALSE, glm::value_ptr(view_proj));
  glUniform1f(program.uniform("u_time"), time_s);
  glUniform1f(program.uniform("u_float_amount"), float_amount);
  glUniform1f(program.uniform("u_light"), light);
  glUniform1f(program.uniform("u_px_per_unit"), pixels_per_unit);
  glUniform2f(program.uniform("u_detail_px"), detail_radius_px[0], detail_radius_px[1]);
  glUniform1i(program.uniform("u_portraits"), 0);
  // Without an atlas no instance asks for a layer, so the unit may stay empty.
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D_ARRAY, frame.portraits != nullptr ? frame.portraits->texture() : 0);
  glBindVertexArray(part_instances_.vao);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(scratch_.size() / part_floats));
  ++draw_calls;
  glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
}

}  // namespace innerscape::render
