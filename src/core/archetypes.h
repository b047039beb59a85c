// The part archetypes an anxious-attachment system often holds, as presets a person can start from.
#pragma once

#include <span>
#include <string_view>

#include "core/inner_system.h"

namespace innerscape::core {

struct Archetype {
  std::string_view key;          // stable, stored with the part
  std::string_view name;         // what the palette shows
  PartKind kind;
  std::string_view description;  // one line, in plain and kind words
  std::string_view job;          // a first guess at its protective job, for the person to rewrite
};

std::span<const Archetype> archetypes();
const Archetype* find_archetype(std::string_view key);

// A new part from a preset (or a blank one of a kind), ready to be added at `position`.
Part part_from_archetype(const Archetype& archetype, glm::vec2 position);
Part blank_part(PartKind kind, glm::vec2 position);

}  // namespace innerscape::core
