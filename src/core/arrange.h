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

// A place for a new part that is not yet placed by hand: on the outer ring, clear of the others.
glm::vec2 free_spot(const InnerSystem& system);

}  // namespace innerscape::core
