// A long random run of the edits a person makes to their map (parts added, renamed, moved, changed,
// related and deleted, the Self's light set, undo and redo), for tests that must hold after any of them.
#pragma once

#include <random>
#include <string>

#include "core/archetypes.h"
#include "core/edits.h"
#include "core/undo_stack.h"

namespace innerscape::test {

struct RandomEdits {
  std::mt19937 rng;
  explicit RandomEdits(unsigned seed) : rng(seed) {}

  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }

  // One edit (or undo, or redo) at time `now`. Returns false when it changed nothing.
  bool step(core::InnerSystem& s, core::UndoStack& history, std::int64_t now) {
    const int what = static_cast<int>(pick(10));
    if (what == 0 || s.parts.size() < 3) {
      const auto& all = core::archetypes();
      core::Part p = core::part_from_archetype(all[pick(all.size())], {static_cast<float>(pick(100)) / 50.0f - 1.0f, 0.3f});
      p.name += " ☀ " + std::to_string(now);
      return core::perform(s, history, core::add_part(s, p, now));
    }
    const core::PartId some = s.parts[pick(s.parts.size())].id;
    switch (what) {
      case 1: return core::perform(s, history, core::rename_part(s, some, "renamed " + std::to_string(now), now));
      case 2:
        return core::perform(s, history, core::move_part(s, some, {0.01f * static_cast<float>(now % 97), -0.5f}, now));
      case 3:
        return core::perform(s, history, core::relate(s, some, s.parts[pick(s.parts.size())].id, static_cast<core::RelationKind>(pick(3))));
      case 4: return core::perform(s, history, core::delete_part(s, some));
      case 5: {
        core::Part p = *core::find_part(s, some);
        p.needs_to_hear = "You are safe now (" + std::to_string(now) + ")";
        p.age = static_cast<int>(pick(40));
        p.trust = static_cast<int>(pick(101));
        p.size = 0.5f + static_cast<float>(pick(16)) * 0.1f;
        return core::perform(s, history, core::update_part(s, p, now));
      }
      case 6: return core::perform(s, history, core::set_self(s, {.glow = static_cast<float>(pick(101)) / 100.0f}));
      case 7:
      case 8: return core::undo(s, history);
      default: return core::redo(s, history);
    }
  }
};

}  // namespace innerscape::test
