// The inner system as plain data: the Self at the centre, the parts around it, and how they relate.
#include "core/inner_system.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace innerscape::core {

float part_radius(const Part& part) {
  return part_base_radius * std::clamp(part.size, min_part_size, max_part_size);
}

std::vector<std::string> starting_soothing_words() {
  return {
      "I am worth loving, even while things feel uncertain.",
      "This feeling is a wave. I do not have to act on it, and it will pass.",
      "I am allowed to look after myself, and to step back when I need to.",
      "The little one is not alone any more: I am here.",
  };
}

const Part* find_part(const InnerSystem& system, PartId id) {
  const std::size_t i = part_index(system, id);
  return i < system.parts.size() ? &system.parts[i] : nullptr;
}

const Drawing* find_drawing(const InnerSystem& system, DrawingId id) {
  for (const Drawing& d : system.drawings) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

const Entry* find_entry(const InnerSystem& system, EntryId id) {
  const auto it = std::find_if(system.journal.begin(), system.journal.end(), [id](const Entry& e) { return e.id == id; });
  return it != system.journal.end() ? &*it : nullptr;
}

std::size_t part_index(const InnerSystem& system, PartId id) {
  const auto it = std::find_if(system.parts.begin(), system.parts.end(), [id](const Part& p) { return p.id == id; });
  return static_cast<std::size_t>(it - system.parts.begin());
}

bool is_blended(const Part& part) { return glm::length(part.position) < self_radius + part_radius(part) * 0.5f; }

std::string_view kind_name(PartKind kind) {
  switch (kind) {
    case PartKind::manager: return "Manager";
    case PartKind::firefighter: return "Firefighter";
    case PartKind::exile: return "Exile";
  }
  return "Part";
}

std::string_view kind_plural(PartKind kind) {
  switch (kind) {
    case PartKind::manager: return "Managers";
    case PartKind::firefighter: return "Firefighters";
    case PartKind::exile: return "Exiles";
  }
  return "Parts";
}

std::string_view relation_name(RelationKind kind) {
  switch (kind) {
    case RelationKind::protects: return "protects";
    case RelationKind::polarized: return "is polarized with";
    case RelationKind::allied: return "is allied with";
  }
  return "relates to";
}

std::uint32_t kind_color(PartKind kind) {
  switch (kind) {
    case PartKind::manager: return 0x56B4E9;      // sky blue
    case PartKind::firefighter: return 0xE69F00;  // orange
    case PartKind::exile: return 0xCC79A7;        // reddish purple
  }
  return 0xCCCCCC;
}

namespace {
constexpr std::string_view kind_keys[part_kind_count] = {"manager", "firefighter", "exile"};
constexpr std::string_view relation_keys[relation_kind_count] = {"protects", "polarized", "allied"};
}  // namespace

std::string_view kind_key(PartKind kind) { return kind_keys[static_cast<int>(kind)]; }
std::string_view relation_key(RelationKind kind) { return relation_keys[static_cast<int>(kind)]; }

std::optional<PartKind> kind_from_key(std::string_view key) {
  for (int i = 0; i < part_kind_count; ++i) {
    if (kind_keys[i] == key) return static_cast<PartKind>(i);
  }
  return std::nullopt;
}

std::optional<RelationKind> relation_from_key(std::string_view key) {
  for (int i = 0; i < relation_kind_count; ++i) {
    if (relation_keys[i] == key) return static_cast<RelationKind>(i);
  }
  return std::nullopt;
}

std::uint32_t display_color(const Part& part) { return part.color != 0 ? part.color : kind_color(part.kind); }

std::string_view placeholder_name(PartKind kind) {
  switch (kind) {
    case PartKind::manager: return "A Manager without a name yet";
    case PartKind::firefighter: return "A Firefighter without a name yet";
    case PartKind::exile: return "A young one without a name yet";
  }
  return "A part without a name yet";
}

void sanitize(Part& part) {
  const bool blank = std::all_of(part.name.begin(), part.name.end(),
                                 [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  if (blank) part.name = std::string(placeholder_name(part.kind));
  for (float* c : {&part.position.x, &part.position.y}) {
    if (!std::isfinite(*c)) *c = 0.0f;
    *c = std::clamp(*c, -max_coordinate, max_coordinate);
  }
  part.size = std::isfinite(part.size) ? std::clamp(part.size, min_part_size, max_part_size) : 1.0f;
  part.depth = std::isfinite(part.depth) ? std::clamp(part.depth, 0.0f, 1.0f) : 0.0f;
  part.trust = std::clamp(part.trust, 0, 100);
  if (part.age) part.age = std::clamp(*part.age, 0, max_age);
  part.color &= 0xFFFFFFu;
}

}  // namespace innerscape::core
