// The camera over the inner space as plain data: where it looks, how close, and the screen it fills.
#include "core/scene_view.h"

#include <algorithm>

#include <glm/common.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace innerscape::core {
namespace {

float aspect(const SceneView& view) {
  const float h = static_cast<float>(std::max(view.viewport.y, 1));
  return static_cast<float>(std::max(view.viewport.x, 1)) / h;
}

float safe_zoom(const SceneView& view) { return std::max(view.zoom, 1.0e-4f); }

}  // namespace

glm::vec2 visible_half_extent(const SceneView& view) {
  const float half_h = 1.0f / safe_zoom(view);
  return {half_h * aspect(view), half_h};
}

glm::mat4 view_projection(const SceneView& view) {
  const glm::vec2 half = visible_half_extent(view);
  return glm::ortho(view.center.x - half.x, view.center.x + half.x, view.center.y - half.y,
                    view.center.y + half.y, -1.0f, 1.0f);
}

float pixels_per_unit(const SceneView& view) {
  return 0.5f * static_cast<float>(std::max(view.viewport.y, 1)) * safe_zoom(view);
}

glm::vec2 world_to_screen(const SceneView& view, glm::vec2 world) {
  const float ppu = pixels_per_unit(view);
  const glm::vec2 mid = glm::vec2(view.viewport) * 0.5f;
  return {mid.x + (world.x - view.center.x) * ppu, mid.y - (world.y - view.center.y) * ppu};
}

glm::vec2 screen_to_world(const SceneView& view, glm::vec2 screen) {
  const float ppu = pixels_per_unit(view);
  const glm::vec2 mid = glm::vec2(view.viewport) * 0.5f;
  return {view.center.x + (screen.x - mid.x) / ppu, view.center.y - (screen.y - mid.y) / ppu};
}

SceneView framed(const SceneView& view, const std::vector<glm::vec2>& centres, float radius, float bottom_inset_px, float left_inset_px,
                 float right_inset_px, float top_inset_px) {
  SceneView out{.viewport = view.viewport};
  if (centres.empty()) return out;
  glm::vec2 lo(-0.2f), hi(0.2f);  // the Self is always in the picture
  for (const glm::vec2& c : centres) {
    lo = glm::min(lo, c - radius);
    hi = glm::max(hi, c + radius);
  }
  // Fit into the part of the screen beside the insets, then move the centre so that part is what shows.
  const float inset = std::clamp(bottom_inset_px, 0.0f, static_cast<float>(view.viewport.y) * 0.5f);
  const float top = std::clamp(top_inset_px, 0.0f, static_cast<float>(view.viewport.y) * 0.5f - inset * 0.5f);
  const float left = std::clamp(left_inset_px, 0.0f, static_cast<float>(view.viewport.x) * 0.4f);
  const float right = std::clamp(right_inset_px, 0.0f, static_cast<float>(view.viewport.x) * 0.4f);
  const SceneView usable{.viewport = {std::max(1, view.viewport.x - static_cast<int>(left + right)), std::max(1, view.viewport.y - static_cast<int>(inset + top))}};
  const glm::vec2 half_needed = (hi - lo) * 0.5f * 1.1f;  // a tenth more, so nothing touches the edge
  const glm::vec2 half_at_zoom1 = visible_half_extent(usable);
  const float zoom = std::min(half_at_zoom1.x / half_needed.x, half_at_zoom1.y / half_needed.y);
  constexpr float closest = 1.25f;  // a small system is framed, not magnified
  out.zoom = std::clamp(zoom * static_cast<float>(usable.viewport.y) / static_cast<float>(std::max(view.viewport.y, 1)),
                        min_zoom, closest);
  out.center = (lo + hi) * 0.5f;
  out.center.y -= (inset - top) * 0.5f / pixels_per_unit(out);
  out.center.x -= (left - right) * 0.5f / pixels_per_unit(out);
  return out;
}

void pan_by_pixels(SceneView& view, glm::vec2 delta_px) {
  const float ppu = pixels_per_unit(view);
  view.center -= glm::vec2(delta_px.x, -delta_px.y) / ppu;
}

void zoom_about(SceneView& view, glm::vec2 screen_point, float factor) {
  if (!(factor > 0.0f)) return;
  const glm::vec2 anchor = screen_to_world(view, screen_point);
  view.zoom = std::clamp(view.zoom * factor, min_zoom, max_zoom);
  // Shift so the anchor is back under the same pixel.
  view.center += anchor - screen_to_world(view, screen_point);
}

}  // namespace innerscape::core
