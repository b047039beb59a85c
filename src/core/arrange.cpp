// A gentle default layout: exiles on an inner ring near the Self, their protectors around them.
#include "core/arrange.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

#include "core/picking.h"

namespace innerscape::core {
namespace {

constexpr float two_pi = 2.0f * std::numbers::pi_v<float>;

glm::vec2 on_ring(float radius, float angle) { return {radius * std::cos(angle), radius * std::sin(angle)}; }

// Spreads n items evenly round a circle, starting at the top.
float even_angle(std::size_t i, std::size_t n) {
  return std::numbers::pi_v<float> * 0.5f + two_pi * static_cast<float>(i) / static_cast<float>(std::max<std::size_t>(n, 1));
}

}  // namespace

std::vector<std::pair<PartId, glm::vec2>> arranged_positions(const InnerSystem& system) {
  std::vector<const Part*> exiles;
  std::vector<const Part*> protectors;
  for (const Part& p : system.parts) (p.kind == PartKind::exile ? exiles : protectors).push_back(&p);

  std::vector<std::pair<PartId, glm::vec2>> out;
  out.reserve(system.parts.size());
  std::unordered_map<PartId, float> exile_angles;
  for (std::size_t i = 0; i < exiles.size(); ++i) {
    const float angle = even_angle(i, exiles.size());
    exile_angles.emplace(exiles[i]->id, angle);
    out.emplace_back(exiles[i]->id, on_ring(exile_ring_radius, angle));
  }

  // Each protector wants to sit by the exile it guards (the first it protects, in the relationships'
  // order); the rest keep their order round the ring. One pass over the relationships, so a map of
  // a million parts arranges in a moment.
  std::unordered_map<PartId, float> guarding;
  for (const Relationship& r : system.relationships) {
    if (r.kind != RelationKind::protects) continue;
    const auto exile = exile_angles.find(r.to);
    if (exile != exile_angles.end()) guarding.emplace(r.from, exile->second);  // the first one stays
  }
  std::vector<std::pair<float, const Part*>> wanted;
  wanted.reserve(protectors.size());
  for (std::size_t i = 0; i < protectors.size(); ++i) {
    const auto guards = guarding.find(protectors[i]->id);
    const float angle = guards != guarding.end() ? guards->second : even_angle(i, protectors.size());
    wanted.emplace_back(std::fmod(angle + two_pi, two_pi), protectors[i]);
  }
  std::stable_sort(wanted.begin(), wanted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // Evenly spaced, in the wanted order, turned so the group sits around where they asked to be.
  const float start = wanted.empty() ? 0.0f : wanted.front().first;
  const float step = two_pi / static_cast<float>(std::max<std::size_t>(wanted.size(), 1));
  float offset = 0.0f;
  for (std::size_t i = 0; i < wanted.size(); ++i) offset += wanted[i].first - (start + step * static_cast<float>(i));
  offset = wanted.empty() ? 0.0f : offset / static_cast<float>(wanted.size());
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    out.emplace_back(wanted[i].second->id, on_ring(protector_ring_radius, start + offset + step * static_cast<float>(i)));
  }
  return out;
}

glm::vec2 free_spot(const InnerSystem& system) {
  constexpr int tries = 48;
  for (float radius : {protector_ring_radius, protector_ring_radius + 0.35f, protector_ring_radius + 0.7f}) {
    for (int i = 0; i < tries; ++i) {
      const glm::vec2 spot = on_ring(radius, even_angle(static_cast<std::size_t>(i), tries));
      if (is_open_spot(system, spot, 0.1f)) return spot;
    }
  }
  return on_ring(protector_ring_radius + 1.0f, even_angle(system.parts.size(), tries));
}

bool is_open_spot(const InnerSystem& system, glm::vec2 spot, float radius) {
  if (pick_part(system, spot, radius * 2.5f) != 0) return false;
  return !pick_relationship(system, spot, radius * 1.5f).has_value();
}

glm::vec2 open_spot_near_self(const InnerSystem& system, float radius) {
  for (int ring = 0; ring < 12; ++ring) {
    const float distance = self_radius * 2.5f + static_cast<float>(ring) * radius * 2.5f;
    for (int step = 0; step < 12; ++step) {
      const float angle = static_cast<float>(step) * (two_pi / 12.0f);  // every 30 degrees, from the right
      const glm::vec2 at = distance * glm::vec2(std::cos(angle), std::sin(angle));
      if (is_open_spot(system, at, radius)) return at;
    }
  }
  return {self_radius * 3.0f, 0.0f};
}

}  // namespace innerscape::core
