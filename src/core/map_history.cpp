// The map's past as a list of changes: recording them, replaying them, and easing between them.
#include "core/map_history.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <glm/common.hpp>
#include <glm/vec2.hpp>

#include "core/calendar.h"

namespace innerscape::core {
namespace {

// What makes two entries of a list the same one: a part's id, a relationship's two ends.
PartId key_of(const Part& p) { return p.id; }
std::pair<PartId, PartId> key_of(const Relationship& r) { return {r.from, r.to}; }
template <class T>
auto key_of(const T* item) {
  return key_of(*item);
}

struct KeyHash {
  std::size_t operator()(PartId id) const { return std::hash<PartId>{}(id); }
  std::size_t operator()(const std::pair<PartId, PartId>& k) const {
    return std::hash<PartId>{}(k.first) * 0x9E3779B97F4A7C15ull ^ std::hash<PartId>{}(k.second);
  }
};

template <class T>
using KeySet = std::unordered_set<decltype(key_of(std::declval<const T&>())), KeyHash>;

template <class T>
KeySet<T> keys_of(const std::vector<T>& list) {
  KeySet<T> keys;
  keys.reserve(list.size());
  for (const T& item : list) keys.insert(key_of(item));
  return keys;
}

template <class T, class Key>
std::size_t find_index(const std::vector<T>& list, const Key& key) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (key_of(list[i]) == key) return i;
  }
  return list.size();
}

// Puts `item` at `index` (or at the end when the list is shorter), taking out an older one of the
// same key first. `keys` holds the list's keys, so a new item is known to be new without walking the
// list: placing each of a million parts in turn stays linear. An item that stays where it is is
// replaced where it stands; only one that moves costs a walk.
template <class T>
void place(std::vector<T>& list, KeySet<T>& keys, const T& item, std::size_t index) {
  const auto key = key_of(item);
  if (!keys.insert(key).second) {
    const std::size_t at = index < list.size() && key_of(list[index]) == key ? index : find_index(list, key);
    if (at == index) {
      list[at] = item;
      return;
    }
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(at));
  }
  list.insert(list.begin() + static_cast<std::ptrdiff_t>(std::min(index, list.size())), item);
}

template <class T, class Key>
void take_out(std::vector<T>& list, KeySet<T>& keys, const Key& key) {
  if (keys.erase(key) == 0) return;
  std::erase_if(list, [&key](const T& item) { return key_of(item) == key; });
}

// A map being replayed change by change, with the keys of its parts and relationships at hand.
class Replay {
 public:
  explicit Replay(MapState& state) : state_(state), parts_(keys_of(state.parts)), relationships_(keys_of(state.relationships)) {}

  void apply(const MapChange& change) {
    switch (change.kind) {
      case ChangeKind::part: place(state_.parts, parts_, change.part, change.index); break;
      case ChangeKind::part_gone: take_out(state_.parts, parts_, change.part.id); break;
      case ChangeKind::relationship: place(state_.relationships, relationships_, change.relationship, change.index); break;
      case ChangeKind::relationship_gone: take_out(state_.relationships, relationships_, key_of(change.relationship)); break;
      case ChangeKind::self: state_.self.glow = change.glow; break;
    }
  }

 private:
  MapState& state_;
  KeySet<Part> parts_;
  KeySet<Relationship> relationships_;
};

// The changes for one ordered list: what is gone, then, going down the new order, each place that
// does not yet hold what it should. Replaying them the same way makes the list equal to `after`:
// after step i the first i + 1 places are right, and nothing else is left over. Linear in the
// lists' lengths, but for entries that moved in the order.
template <class T, class Gone, class Placed>
void diff_list(const std::vector<T>& before, const std::vector<T>& after, Gone gone, Placed placed) {
  const KeySet<T> staying = keys_of(after);
  // The list as a replay would hold it so far, as pointers into `before` and `after`: a million
  // parts are not copied just to be compared.
  std::vector<const T*> working;
  working.reserve(after.size());
  for (const T& item : before) {
    if (staying.count(key_of(item)) == 0) gone(item);
    else working.push_back(&item);
  }
  KeySet<const T*> keys = keys_of(working);
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (i < working.size() && *working[i] == after[i]) continue;
    placed(after[i], i);
    place(working, keys, &after[i], i);
  }
}

void record(const SelfState& self_before, const std::vector<Part>& parts_before, const std::vector<Relationship>& rels_before,
            const SelfState& self_after, const std::vector<Part>& parts_after, const std::vector<Relationship>& rels_after,
            std::int64_t at, MapHistory& out) {
  if (!out.empty()) at = std::max(at, out.back().at);  // the past reads in order, whatever the clock did
  const auto change = [at](ChangeKind kind) {
    MapChange c;
    c.at = at;
    c.kind = kind;
    return c;
  };
  // Lines go before the parts they join, and come after the parts they join.
  std::vector<MapChange> placed_rels;
  diff_list(
      rels_before, rels_after,
      [&](const Relationship& r) {
        MapChange c = change(ChangeKind::relationship_gone);
        c.relationship = r;
        out.push_back(std::move(c));
      },
      [&](const Relationship& r, std::size_t i) {
        MapChange c = change(ChangeKind::relationship);
        c.relationship = r;
        c.index = static_cast<std::uint32_t>(i);
        placed_rels.push_back(std::move(c));
      });
  diff_list(
      parts_before, parts_after,
      [&](const Part& p) {
        MapChange c = change(ChangeKind::part_gone);
        c.part.id = p.id;
        out.push_back(std::move(c));
      },
      [&](const Part& p, std::size_t i) {
        MapChange c = change(ChangeKind::part);
        c.part = p;
        c.index = static_cast<std::uint32_t>(i);
        out.push_back(std::move(c));
      });
  out.insert(out.end(), std::make_move_iterator(placed_rels.begin()), std::make_move_iterator(placed_rels.end()));
  if (self_before.glow != self_after.glow) {
    MapChange c = change(ChangeKind::self);
    c.glow = self_after.glow;
    out.push_back(std::move(c));
  }
}

}  // namespace

MapState map_state(const InnerSystem& system) { return {system.self, system.parts, system.relationships}; }

const Part* find_part(const MapState& state, PartId id) {
  const auto it = std::find_if(state.parts.begin(), state.parts.end(), [id](const Part& p) { return p.id == id; });
  return it != state.parts.end() ? &*it : nullptr;
}

std::string_view change_key(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::part: return "part";
    case ChangeKind::part_gone: return "part_gone";
    case ChangeKind::relationship: return "relationship";
    case ChangeKind::relationship_gone: return "relationship_gone";
    case ChangeKind::self: return "self";
  }
  return "self";
}

std::optional<ChangeKind> change_from_key(std::string_view key) {
  for (int i = 0; i < change_kind_count; ++i) {
    if (change_key(static_cast<ChangeKind>(i)) == key) return static_cast<ChangeKind>(i);
  }
  return std::nullopt;
}

void record_changes(const InnerSystem& before, const InnerSystem& after, std::int64_t at, MapHistory& out) {
  record(before.self, before.parts, before.relationships, after.self, after.parts, after.relationships, at, out);
}

void record_changes(const MapState& before, const MapState& after, std::int64_t at, MapHistory& out) {
  record(before.self, before.parts, before.relationships, after.self, after.parts, after.relationships, at, out);
}

void apply_change(MapState& state, const MapChange& change) { Replay(state).apply(change); }

MapState state_at(const MapHistory& history, std::int64_t t) {
  MapState state;
  Replay replay(state);
  for (const MapChange& c : history) {
    if (c.at > t) break;
    replay.apply(c);
  }
  return state;
}

MapHistory baseline_history(const MapState& now, std::int64_t now_at) {
  const auto dated = [now_at](std::int64_t t) { return t > 0 ? std::min(t, now_at) : now_at; };
  struct Step {
    std::int64_t at;
    int kind;           // 0: a part, 1: a relationship (after the parts it joins)
    std::size_t final;  // its place in today's order
  };
  std::vector<Step> steps;
  std::unordered_map<PartId, std::int64_t> part_time;
  for (std::size_t i = 0; i < now.parts.size(); ++i) {
    const std::int64_t at = dated(now.parts[i].created_at);
    part_time[now.parts[i].id] = at;
    steps.push_back({at, 0, i});
  }
  for (std::size_t i = 0; i < now.relationships.size(); ++i) {
    const Relationship& r = now.relationships[i];
    const auto from = part_time.find(r.from), to = part_time.find(r.to);
    const std::int64_t at = std::max(from != part_time.end() ? from->second : now_at, to != part_time.end() ? to->second : now_at);
    steps.push_back({at, 1, i});
  }
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.at != b.at ? a.at < b.at : a.kind < b.kind; });

  MapHistory out;
  MapChange self;
  self.at = steps.empty() ? now_at : steps.front().at;
  self.kind = ChangeKind::self;
  self.glow = now.self.glow;
  out.push_back(self);
  // Each arrives at its place among those already there, so the order grows into today's.
  std::vector<std::size_t> present[2];
  for (const Step& s : steps) {
    std::vector<std::size_t>& here = present[s.kind];
    const auto at = std::lower_bound(here.begin(), here.end(), s.final);
    MapChange c;
    c.at = s.at;
    c.index = static_cast<std::uint32_t>(at - here.begin());
    if (s.kind == 0) {
      c.kind = ChangeKind::part;
      c.part = now.parts[s.final];
    } else {
      c.kind = ChangeKind::relationship;
      c.relationship = now.relationships[s.final];
    }
    here.insert(at, s.final);
    out.push_back(std::move(c));
  }
  return out;
}

MapState timelapse_state(const MapHistory& history, double t, double ease_s) {
  const auto whole = static_cast<std::int64_t>(std::floor(t));
  if (!(ease_s > 0.0)) return state_at(history, whole);
  const double from = t - ease_s;
  MapState state;
  Replay replay(state);
  std::size_t i = 0;
  for (; i < history.size() && static_cast<double>(history[i].at) <= from; ++i) replay.apply(history[i]);
  if (i == history.size() || static_cast<double>(history[i].at) > t) return state;

  // Each part's values, weighted by how long it held them within the window.
  struct Blend {
    double weight = 0.0;
    glm::dvec2 position{0.0};
    double size = 0.0, depth = 0.0, trust = 0.0;
    Part last;
    bool changed = false;   // held other values at some point in the window
    std::size_t order = 0;  // where it last stood, for one that has gone
  };
  std::unordered_map<PartId, Blend> blends;
  double glow = 0.0;
  bool glow_changed = false;
  const float glow_before = state.self.glow;
  const auto hold = [&](double seconds) {
    if (seconds <= 0.0) return;
    for (std::size_t k = 0; k < state.parts.size(); ++k) {
      const Part& p = state.parts[k];
      Blend& b = blends[p.id];
      if (b.weight > 0.0 && !(b.last == p)) b.changed = true;
      b.weight += seconds;
      b.position += glm::dvec2(p.position) * seconds;
      b.size += p.size * seconds;
      b.depth += p.depth * seconds;
      b.trust += p.trust * seconds;
      b.last = p;
      b.order = k;
    }
    glow += state.self.glow * seconds;
    glow_changed = glow_changed || state.self.glow != glow_before;
  };
  double held_from = from;
  for (; i < history.size() && static_cast<double>(history[i].at) <= t; ++i) {
    hold(static_cast<double>(history[i].at) - held_from);
    held_from = std::max(held_from, static_cast<double>(history[i].at));
    replay.apply(history[i]);
  }
  hold(t - held_from);

  const auto ease = [](double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
  };
  // A part's look (name, kind, colour, portrait) is what it has now; its place, size, depth and trust glide.
  const auto blended = [&](const Blend& b, Part p) {
    const double w = b.weight;
    const double presence = ease(w / ease_s);
    p.position = glm::vec2(b.position / w);
    p.size = static_cast<float>(b.size / w * presence);
    p.depth = static_cast<float>(glm::mix(1.0, b.depth / w, presence));
    p.trust = static_cast<int>(std::lround(b.trust / w));
    return p;
  };
  // Rounding: the window's pieces add up to ease_s give or take the last bits of a double.
  const double whole_window = ease_s * (1.0 - 1e-9);
  MapState out;
  out.self.glow = glow_changed ? static_cast<float>(glow / ease_s) : state.self.glow;
  for (const Part& p : state.parts) {
    const auto b = blends.find(p.id);
    if (b == blends.end()) {
      Part arriving = p;  // came in at the very end of the window: not yet visible
      arriving.size = 0.0f;
      arriving.depth = 1.0f;
      out.parts.push_back(arriving);
    } else if (!b->second.changed && b->second.last == p && b->second.weight >= whole_window) {
      out.parts.push_back(p);  // held still the whole while: exactly as it is
    } else {
      out.parts.push_back(blended(b->second, p));
    }
  }
  // Parts taken away within the window fade where they last stood.
  std::vector<const Blend*> gone;
  const KeySet<Part> present = keys_of(state.parts);
  for (const auto& [id, b] : blends) {
    if (present.count(id) == 0) gone.push_back(&b);
  }
  std::sort(gone.begin(), gone.end(), [](const Blend* a, const Blend* b) { return a->order != b->order ? a->order < b->order : a->last.id < b->last.id; });
  for (const Blend* b : gone) {
    out.parts.insert(out.parts.begin() + static_cast<std::ptrdiff_t>(std::min(b->order, out.parts.size())), blended(*b, b->last));
  }
  out.relationships = state.relationships;
  return out;
}

TimelapseSpan timelapse_span(const MapHistory& history, std::int64_t today) {
  if (history.empty()) return {.first = today, .end = static_cast<double>(today), .rate = day_s / timelapse_base_s, .ease_s = 0.0};
  TimelapseSpan s;
  s.first = std::min(history.front().at, today);
  const std::int64_t last = std::clamp(history.back().at, s.first, today);
  s.rate = std::max<double>(static_cast<double>(last - s.first), day_s) / timelapse_base_s;
  s.ease_s = s.rate * 0.6;  // a change takes 0.6 s of the time-lapse at 1x to settle
  s.end = std::min(static_cast<double>(last) + s.ease_s, static_cast<double>(today));
  return s;
}

}  // namespace innerscape::core
