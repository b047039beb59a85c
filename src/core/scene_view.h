// The camera over the inner space as plain data: where it looks, how close, and the screen it fills.
#pragma once

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>

#include <vector>

namespace innerscape::core {

// Level of detail for a crowded system seen whole, as a map shows it: a part whose radius on screen is
// under the first number of pixels shows its form alone (no glow, no trust ring, no name unless it is
// selected); over the second, all of it; between, glow and ring fade in.
inline constexpr float detail_radius_px[2] = {10.0f, 16.0f};

struct SceneView {
  glm::vec2 center{0.0f};            // world point at the middle of the screen (the Self sits at 0,0)
  float zoom = 1.0f;                 // 1: the screen's height spans 2 world units
  glm::ivec2 viewport{1280, 720};    // in pixels
};

// Half the width and height of the world the view shows.
glm::vec2 visible_half_extent(const SceneView& view);

// World to clip space, for shaders.
glm::mat4 view_projection(const SceneView& view);

// Pixel coordinates have their origin at the top left, y down, as SDL and ImGui report them.
glm::vec2 world_to_screen(const SceneView& view, glm::vec2 world);
glm::vec2 screen_to_world(const SceneView& view, glm::vec2 screen);

// How many pixels one world unit covers.
float pixels_per_unit(const SceneView& view);

inline constexpr float min_zoom = 0.35f;  // the whole system and the space around it
inline constexpr float max_zoom = 4.0f;   // close enough to read one part

// A view of the same viewport that shows every point within `radius` of each centre (and the
// Self), with a margin, centred on them, keeping clear of `bottom_inset_px` at the bottom (where a
// bar of buttons sits) and of `left_inset_px` and `right_inset_px` at the sides (panels open there).
// With no points, the Self at the middle at zoom 1.
SceneView framed(const SceneView& view, const std::vector<glm::vec2>& centres, float radius, float bottom_inset_px = 0.0f,
                 float left_inset_px = 0.0f, float right_inset_px = 0.0f, float top_inset_px = 0.0f);

// Moves the view so the world follows a drag of delta pixels (y down, as the mouse moves).
void pan_by_pixels(SceneView& view, glm::vec2 delta_px);

// Zooms by factor (>1 closer) keeping the world point under screen_point where it is, within the limits.
void zoom_about(SceneView& view, glm::vec2 screen_point, float factor);

}  // namespace innerscape::core
