// Gentle motion toward a goal: parts glide to where an edit put them, the camera to a new framing.
#include "core/glide.h"

#include <cmath>

#include <glm/geometric.hpp>

namespace innerscape::core {
namespace {

float step_fraction(double dt_s, float rate) {
  return 1.0f - static_cast<float>(std::exp(-std::max(dt_s, 0.0) * static_cast<double>(rate)));
}

}  // namespace

glm::vec2 ease_toward(glm::vec2 from, glm::vec2 to, double dt_s, float rate) {
  const glm::vec2 next = from + (to - from) * step_fraction(dt_s, rate);
  return glm::length(to - next) < glide_snap ? to : next;
}

SceneView ease_view(const SceneView& from, const SceneView& to, double dt_s, float rate) {
  SceneView out = to;
  const float f = step_fraction(dt_s, rate);
  // Zoom eases in log space, so zooming in and out feel alike.
  out.zoom = std::exp(std::log(from.zoom) + (std::log(to.zoom) - std::log(from.zoom)) * f);
  out.center = from.center + (to.center - from.center) * f;
  if (std::abs(out.zoom - to.zoom) < 1.0e-3f * to.zoom && glm::length(out.center - to.center) < glide_snap) return to;
  return out;
}

bool same_view(const SceneView& a, const SceneView& b) {
  return a.center == b.center && a.zoom == b.zoom && a.viewport == b.viewport;
}

bool advance_glide(Glide& glide, const InnerSystem& system, double dt_s, bool instant, std::vector<glm::vec2>& out) {
  out.resize(system.parts.size());
  bool moving = false;
  std::unordered_map<PartId, glm::vec2> next;
  next.reserve(system.parts.size());
  for (std::size_t i = 0; i < system.parts.size(); ++i) {
    const Part& part = system.parts[i];
    const auto it = glide.shown.find(part.id);
    glm::vec2 p = part.position;
    if (!instant && it != glide.shown.end()) p = ease_toward(it->second, part.position, dt_s);
    moving = moving || p != part.position;
    next.emplace(part.id, p);
    out[i] = p;
  }
  glide.shown = std::move(next);  // parts that are gone are forgotten
  return moving;
}

}  // namespace innerscape::core
