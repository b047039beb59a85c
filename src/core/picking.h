// Which part or line is under a point: the scene's hit tests, in world units.
#pragma once

#include <optional>
#include <vector>

#include <glm/vec2.hpp>

#include "core/inner_system.h"

namespace innerscape::core {

// Indices into system.parts, back to front: deeper parts first, so nearer ones cover them.
std::vector<std::size_t> draw_order(const InnerSystem& system);

// The front-most part whose form contains the point (with `slack` world units of grace), or 0.
PartId pick_part(const InnerSystem& system, glm::vec2 world, float slack = 0.0f);

// The index of the relationship whose line passes within `tolerance` of the point, if any.
std::optional<std::size_t> pick_relationship(const InnerSystem& system, glm::vec2 world, float tolerance);

// Whether the point is on the Self.
bool hits_self(glm::vec2 world);

// The shortest distance from p to the segment a-b.
float distance_to_segment(glm::vec2 p, glm::vec2 a, glm::vec2 b);

}  // namespace innerscape::core
