// The inner system as plain data: the Self at the centre, the parts around it, and how they relate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec2.hpp>

#include "core/breathing.h"
#include "core/drawing.h"
#include "core/entry_list.h"
#include "core/journal.h"
#include "core/self_state.h"

namespace innerscape::core {

enum class PartKind : std::uint8_t { manager, firefighter, exile };
inline constexpr int part_kind_count = 3;

// PartId (0 is "no part"; ids are never reused) and EntryId come from core/journal.h.

struct Part {
  PartId id = 0;
  std::string name;
  PartKind kind = PartKind::manager;
  std::string archetype;        // a preset's key ("pleaser"), or empty for a part named freely
  std::optional<int> age;       // how old it feels, in years
  std::string job;              // what it does to protect
  std::string fears;            // what it is afraid would happen
  std::string needs_to_feel_safe;
  std::string needs_to_hear;
  std::string body;             // where it is felt in the body
  std::string feeling;          // "Meet this part": what it is feeling
  std::string comfort;          // "Meet this part": what would comfort it
  std::string notes;
  std::uint32_t color = 0;      // 0xRRGGBB; 0 means the kind's own colour
  DrawingId portrait = 0;       // a drawing of this part, worn on its form; 0 for none
  glm::vec2 position{0.0f};     // world units; the Self is at the origin
  float size = 1.0f;            // how big or activated it feels now: 0.5 (quiet) .. 2 (flooding)
  float depth = 0.0f;           // 0 near the surface .. 1 deep inside (drawn fainter, behind)
  int trust = 50;               // how much it trusts the Self, 0 .. 100
  std::int64_t created_at = 0;  // seconds since 1970
  std::int64_t updated_at = 0;

  bool operator==(const Part&) const = default;
};

enum class RelationKind : std::uint8_t { protects, polarized, allied };
inline constexpr int relation_kind_count = 3;

// For `protects`, `from` guards `to`. The other kinds have no direction.
struct Relationship {
  PartId from = 0;
  PartId to = 0;
  RelationKind kind = RelationKind::allied;
  bool operator==(const Relationship&) const = default;
};

// A moment the person marks in their own story ("first letter to the little one"), to find again
// on the timeline.
struct Milestone {
  std::int64_t at = 0;  // seconds since 1970
  std::string title;
  bool operator==(const Milestone&) const = default;
};
inline constexpr std::size_t max_milestone_title = 200;  // bytes: a line, not a page

struct InnerSystem {
  SelfState self;
  std::vector<Part> parts;          // in drawing order
  std::vector<Relationship> relationships;
  PartId next_id = 1;
  EntryList journal;  // oldest first; copies share it until one changes it
  EntryId next_entry_id = 1;
  std::vector<std::string> soothing;  // the person's own soothing words, in their order
  std::vector<BreathingSession> breathing_log;  // every breathing session, oldest first; only ever grows
  std::vector<Drawing> drawings;  // oldest first
  DrawingId next_drawing_id = 1;
  std::vector<Milestone> milestones;  // in time order
};

// A few soothing words to begin with, for a new map; the person makes the list their own.
std::vector<std::string> starting_soothing_words();

// Limits a part's values stay within.
inline constexpr float min_part_size = 0.5f;
inline constexpr float max_part_size = 2.0f;
inline constexpr int max_age = 120;
inline constexpr float max_coordinate = 1000.0f;  // world units; far beyond any real map

// How big a part is drawn, in world units, and how close it must come to the Self to blend with it.
inline constexpr float part_base_radius = 0.075f;
inline constexpr float self_radius = 0.12f;
float part_radius(const Part& part);

const Part* find_part(const InnerSystem& system, PartId id);
const Entry* find_entry(const InnerSystem& system, EntryId id);
const Drawing* find_drawing(const InnerSystem& system, DrawingId id);
// The pointers above point into the system: a temporary one would be gone before they are used.
const Part* find_part(const InnerSystem&& system, PartId id) = delete;
const Entry* find_entry(const InnerSystem&& system, EntryId id) = delete;
const Drawing* find_drawing(const InnerSystem&& system, DrawingId id) = delete;
std::size_t part_index(const InnerSystem& system, PartId id);  // parts.size() when absent

// A part over the Self is blended with it: its feelings and views are taking the Self's seat.
bool is_blended(const Part& part);

std::string_view kind_name(PartKind kind);       // "Manager"
std::string_view kind_plural(PartKind kind);     // "Managers"
std::string_view relation_name(RelationKind kind);  // "protects"
std::uint32_t kind_color(PartKind kind);         // colour-blind-safe defaults (Okabe-Ito)

// Stable keys for files and the database: "manager", "firefighter", "exile"; "protects",
// "polarized", "allied". They are part of the saved formats: never change one.
std::string_view kind_key(PartKind kind);
std::optional<PartKind> kind_from_key(std::string_view key);
std::string_view relation_key(RelationKind kind);
std::optional<RelationKind> relation_from_key(std::string_view key);
std::uint32_t display_color(const Part& part);   // the part's colour, or its kind's

// Makes a part safe to keep: a gentle placeholder for an empty name (the name is otherwise kept
// exactly, in any script and at any length), finite positions, values within their limits.
void sanitize(Part& part);

// The placeholder an empty name becomes.
std::string_view placeholder_name(PartKind kind);

}  // namespace innerscape::core
