// A gentle default layout: exiles on an inner ring near the Self, their protectors around them.
#pragma once

#include <utility>
#include <vector>

#include "core/inner_system.h"

namespace innerscape::core {

inline constexpr float exile_ring_radius = 0.42f;
inline constexpr float protector_ring_radius = 0.82f;

// Where each part would sit, arranged. Protectors sit near the first exile they protect.
std::vector<std::pair<PartId, glm::vec2>> arranged_positions(const InnerSystem& system);

// A place for a new part that is not yet placed by hand: on the outer ring, clear of the others and
// of every relationship's line.
glm::vec2 free_spot(const InnerSystem& system);

// Whether a part of `radius` at `spot` would sit clear of every part and relationship line (with a
// part's width of air around it), so it covers nothing and no line seems to run through it.
bool is_open_spot(const InnerSystem& system, glm::vec2 spot, float radius);

// The first open spot on rings round the Self, nearest first, starting on the right: where a part
// chosen with the keyboard (which has no click to say where) goes.
glm::vec2 open_spot_near_self(const InnerSystem& system, float radius);

}  // namespace innerscape::core
