// Gentle motion toward a goal: parts glide to where an edit put them, the camera to a new framing.
// Exponential easing: it never overshoots, and it arrives, exactly, in well under a second.
#pragma once

#include <unordered_map>
#include <vector>

#include <glm/vec2.hpp>

#include "core/inner_system.h"
#include "core/scene_view.h"

namespace innerscape::core {

inline constexpr float glide_rate = 9.0f;        // per second: 90% of the way in about a quarter second
inline constexpr float glide_snap = 0.0005f;     // world units: closer than this is there

// Moves `from` toward `to` for dt seconds; lands exactly on `to` once close.
glm::vec2 ease_toward(glm::vec2 from, glm::vec2 to, double dt_s, float rate = glide_rate);
SceneView ease_view(const SceneView& from, const SceneView& to, double dt_s, float rate = glide_rate);
bool same_view(const SceneView& a, const SceneView& b);

// Where each part is shown while it glides to its place in the model.
struct Glide {
  std::unordered_map<PartId, glm::vec2> shown;
};

// Advances the glide and writes each part's shown position (in the system's order) into `out`.
// A part new to the glide appears in its place at once. With `instant`, everything is in place at
// once (reduced motion). Returns whether anything is still moving.
bool advance_glide(Glide& glide, const InnerSystem& system, double dt_s, bool instant, std::vector<glm::vec2>& out);

}  // namespace innerscape::core
