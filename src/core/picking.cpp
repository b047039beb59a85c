// Which part or line is under a point: the scene's hit tests, in world units.
#include "core/picking.h"

#include <algorithm>
#include <numeric>

#include <glm/geometric.hpp>

namespace innerscape::core {

std::vector<std::size_t> draw_order(const InnerSystem& system) {
  std::vector<std::size_t> order(system.parts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return system.parts[a].depth > system.parts[b].depth; });
  return order;
}

PartId pick_part(const InnerSystem& system, glm::vec2 world, float slack) {
  const auto order = draw_order(system);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const Part& part = system.parts[*it];
    if (glm::length(world - part.position) <= part_radius(part) + slack) return part.id;
  }
  return 0;
}

float distance_to_segment(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + t * ab));
}

std::optional<std::size_t> pick_relationship(const InnerSystem& system, glm::vec2 world, float tolerance) {
  std::optional<std::size_t> best;
  float best_distance = tolerance;
  for (std::size_t i = 0; i < system.relationships.size(); ++i) {
    const Part* a = find_part(system, system.relationships[i].from);
    const Part* b = find_part(system, system.relationships[i].to);
    if (a == nullptr || b == nullptr) continue;
    const float d = distance_to_segment(world, a->position, b->position);
    if (d <= best_distance) {
      best_distance = d;
      best = i;
    }
  }
  return best;
}

bool hits_self(glm::vec2 world) { return glm::length(world) <= self_radius; }

}  // namespace innerscape::core
