// The map's past: every change to its parts, relationships and the Self's light, with its time, so
// the map can be shown as it was on any day and played back as a time-lapse.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/inner_system.h"

namespace innerscape::core {

// What of the map has a past. The journal keeps its own dates; drawings and soothing words are not
// part of the picture over time.
struct MapState {
  SelfState self;
  std::vector<Part> parts;  // in drawing order
  std::vector<Relationship> relationships;
  bool operator==(const MapState&) const = default;
};

MapState map_state(const InnerSystem& system);
const Part* find_part(const MapState& state, PartId id);
const Part* find_part(const MapState&& state, PartId id) = delete;  // it would point into a temporary

enum class ChangeKind : std::uint8_t { part, part_gone, relationship, relationship_gone, self };
inline constexpr int change_kind_count = 5;

// Stable keys for files and the database: "part", "part_gone", "relationship", "relationship_gone",
// "self". Part of the saved formats: never change one.
std::string_view change_key(ChangeKind kind);
std::optional<ChangeKind> change_from_key(std::string_view key);

// One step of the past. A part or relationship change carries the whole thing as it became, and
// where it then stood in its order, so replaying the steps gives back every field and the order.
struct MapChange {
  std::int64_t at = 0;  // seconds since 1970
  ChangeKind kind = ChangeKind::self;
  std::uint32_t index = 0;    // part, relationship: its place in drawing order afterwards
  Part part;                  // part: as it became; part_gone: only its id matters
  Relationship relationship;  // relationship, relationship_gone
  float glow = 0.0f;          // self
  bool operator==(const MapChange&) const = default;
};

// Oldest first; times never go back (record_changes and storage keep them in order).
using MapHistory = std::vector<MapChange>;

// Appends the changes that turn `before` into `after`, stamped `at`. Replaying them onto `before`
// gives `after` exactly, fields and order. Nothing is appended when the two are the same.
void record_changes(const InnerSystem& before, const InnerSystem& after, std::int64_t at, MapHistory& out);
void record_changes(const MapState& before, const MapState& after, std::int64_t at, MapHistory& out);

// Applies one change. One that does not fit (a part that is not there) changes nothing.
void apply_change(MapState& state, const MapChange& change);

// The map as it was at time `t`: every change at or before it, replayed from nothing. Before the
// first change, an empty map with the Self at its usual light.
MapState state_at(const MapHistory& history, std::int64_t t);

// A history for a map that has none yet (one kept from before history was): today's map, each part
// dated from when it was made, each relationship from when both its parts were there, the Self's
// light from the first. Replayed whole it gives `now` exactly.
MapHistory baseline_history(const MapState& now, std::int64_t now_at);

// The map for a time-lapse at time `t`: as state_at, but each change eases in over `ease_s` seconds
// of map time (the map is averaged over [t - ease_s, t], so motion is continuous): a new part grows
// in from faint and small, a removed one fades, a moved one glides, the Self's light swells. With
// no change in that window it equals state_at(t) exactly.
MapState timelapse_state(const MapHistory& history, double t, double ease_s);

// How fast the time-lapse plays: the whole history in timelapse_base_s at 1x.
inline constexpr double timelapse_base_s = 20.0;

// What a time-lapse plays: from the first change to the last one and its easing in (or today, if
// that is sooner); after it nothing moves, so it is not played. `rate` is the map's seconds per
// second of the time-lapse at 1x (the whole story in timelapse_base_s), `ease_s` the map time each
// change takes to ease in (timelapse_state's).
struct TimelapseSpan {
  std::int64_t first = 0;
  double end = 0.0;
  double rate = 1.0;
  double ease_s = 0.0;
};
TimelapseSpan timelapse_span(const MapHistory& history, std::int64_t today);

}  // namespace innerscape::core
