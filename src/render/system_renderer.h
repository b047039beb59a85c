// Draws the parts and the lines between them, each set in one instanced draw, whatever their number.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <glm/mat4x4.hpp>

#include "core/inner_system.h"
#include "core/scene_view.h"
#include "render/portrait_atlas.h"
#include "render/shader.h"

namespace innerscape::render {

// Level of detail (core::detail_radius_px): lines thin in step with the parts, by the radius of a
// part of size 1.
using core::detail_radius_px;

// What the system looks like this frame; read-only.
struct SystemFrame {
  const core::InnerSystem* system = nullptr;
  std::span<const glm::vec2> positions;  // where each part is shown (eased, or under a drag); empty: the model's
  std::span<const float> pulse;          // per part, 0 .. 1: a gentle pulse for recent triggers; empty: none
  core::PartId hovered = 0;
  core::PartId selected = 0;
  std::optional<std::size_t> hovered_relationship;
  const PortraitAtlas* portraits = nullptr;  // each part's `portrait` drawing, worn on its form; null: none
};

class SystemRenderer {
 public:
  SystemRenderer() = default;
  SystemRenderer(const SystemRenderer&) = delete;
  SystemRenderer& operator=(const SystemRenderer&) = delete;
  ~SystemRenderer();

  // Loads part.* and relation.*; returns their logs, empty when all is well.
  std::string init(const std::filesystem::path& shader_dir);

  // Both draw into the bound framebuffer, adding premultiplied light over what is there: they turn
  // that blending on themselves, and leave it on (SceneRenderer draws the Self on after the lines).
  void draw_relationships(const SystemFrame& frame, const glm::mat4& view_proj, float pixels_per_unit, float time_s,
                          int& draw_calls);
  // `light` scales the parts' glow (it follows the breath during a session; 1 otherwise). Parts
  // wearing portraits (frame.portraits) are drawn in the same single draw as the others.
  void draw_parts(const SystemFrame& frame, const glm::mat4& view_proj, float pixels_per_unit, float time_s, float float_amount,
                  float light, int& draw_calls);

 private:
  struct InstanceBuffer {
    unsigned vao = 0;
    unsigned vbo = 0;
    std::size_t capacity = 0;  // in floats
  };
  void upload(InstanceBuffer& buffer, const std::vector<float>& data);

  Program parts_;
  Program parts_with_portraits_;  // the same shader with the portrait sampling compiled in
  Program relations_;
  InstanceBuffer part_instances_;
  InstanceBuffer relation_instances_;
  std::vector<float> scratch_;  // reused each frame
  std::vector<std::pair<core::PartId, std::size_t>> index_by_id_;  // reused each frame: part id, index
};

}  // namespace innerscape::render
