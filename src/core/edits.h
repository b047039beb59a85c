// Every change to the inner system is an Edit: a small list of steps that can be applied and undone
// exactly. The UI builds edits with the functions below and hands them to an UndoStack (core/undo_stack.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/inner_system.h"

namespace innerscape::core {

struct AddPart {
  Part part;
  std::size_t index = SIZE_MAX;  // where it goes in drawing order; SIZE_MAX: at the end
};
struct RemovePart {
  Part part;
  std::size_t index = 0;
};
struct ReplacePart {  // rename, move, and every field edit
  Part before;
  Part after;
};
struct AddRelationship {
  Relationship relationship;
  std::size_t index = SIZE_MAX;
};
struct RemoveRelationship {
  Relationship relationship;
  std::size_t index = 0;
};
struct SetSelf {
  SelfState before;
  SelfState after;
};

struct AddEntry {
  Entry entry;
  std::size_t index = SIZE_MAX;
};
struct RemoveEntry {
  Entry entry;
  std::size_t index = 0;
};
struct ReplaceEntry {
  Entry before;
  Entry after;
};

struct SetSoothing {
  std::vector<std::string> before;
  std::vector<std::string> after;
};

struct SetMilestones {
  std::vector<Milestone> before;
  std::vector<Milestone> after;
};

struct AddDrawing {
  Drawing drawing;
  std::size_t index = SIZE_MAX;
};
struct RemoveDrawing {
  Drawing drawing;
  std::size_t index = 0;
};
struct ReplaceDrawing {  // title, paper, prompt: the strokes are the same before and after
  Drawing before;
  Drawing after;
};
struct AddStroke {  // one more stroke at the end of a drawing
  DrawingId drawing = 0;
  StrokeRef stroke;
  std::int64_t updated_before = 0;
  std::int64_t updated_after = 0;
};
struct SetStrokes {  // every stroke at once: clearing the sheet
  DrawingId drawing = 0;
  std::vector<StrokeRef> before;
  std::vector<StrokeRef> after;
  std::int64_t updated_before = 0;
  std::int64_t updated_after = 0;
};

using Step = std::variant<AddPart, RemovePart, ReplacePart, AddRelationship, RemoveRelationship, SetSelf, AddEntry,
                          RemoveEntry, ReplaceEntry, SetSoothing, SetMilestones, AddDrawing, RemoveDrawing, ReplaceDrawing, AddStroke,
                          SetStrokes>;

struct Edit {
  std::string label;  // what the undo button says: "Undo rename"
  std::vector<Step> steps;
  bool empty() const { return steps.empty(); }
};

// Applying an edit that does not fit the system (a part that is gone, say) changes nothing and
// returns false. Undoing applies the inverse steps in reverse order.
bool apply_edit(InnerSystem& system, const Edit& edit);
bool revert_edit(InnerSystem& system, const Edit& edit);

// Builders. Each reads the system, validates, and returns the edit (empty when there is nothing to
// do, or the request does not make sense: a missing part, a part related to itself). `now` is the
// time stamped on what changes, in seconds since 1970.
Edit add_part(const InnerSystem& system, Part part, std::int64_t now);
Edit rename_part(const InnerSystem& system, PartId id, const std::string& name, std::int64_t now);
Edit move_part(const InnerSystem& system, PartId id, glm::vec2 position, std::int64_t now);
Edit move_parts(const InnerSystem& system, const std::vector<std::pair<PartId, glm::vec2>>& moves, std::int64_t now,
                std::string label = "arrange");
Edit update_part(const InnerSystem& system, Part changed, std::int64_t now);  // any fields; id picks the part
Edit relate(const InnerSystem& system, PartId from, PartId to, RelationKind kind);
Edit unrelate(const InnerSystem& system, PartId from, PartId to);
Edit delete_part(const InnerSystem& system, PartId id);
Edit set_self(const InnerSystem& system, SelfState self);

// Journal entries. A new check-in also sets the Self's light, in the same edit.
Edit add_entry(const InnerSystem& system, Entry entry, std::int64_t now);
Edit update_entry(const InnerSystem& system, Entry changed, std::int64_t now);
Edit delete_entry(const InnerSystem& system, EntryId id);

// The soothing words: the whole list at once (add, edit, reorder and delete are all this one edit).
// Empty lines are dropped; words are kept exactly.
Edit set_soothing(const InnerSystem& system, std::vector<std::string> words);

// Milestones: marking a moment (its title trimmed to a line; an empty one is a gentle default),
// renaming one and taking one away. The list stays in time order.
Edit add_milestone(const InnerSystem& system, Milestone milestone);
Edit rename_milestone(const InnerSystem& system, std::size_t index, const std::string& title);
Edit remove_milestone(const InnerSystem& system, std::size_t index);

// Drawings. A new drawing gets the next id; `draw_part` begins one for a part and makes it the
// part's portrait in the same edit. Deleting a drawing takes it off any part that wears it.
Edit add_drawing(const InnerSystem& system, Drawing drawing, std::int64_t now);
Edit draw_part(const InnerSystem& system, PartId part, std::int64_t now);
Edit update_drawing(const InnerSystem& system, const Drawing& changed, std::int64_t now);  // title, paper, prompt
Edit add_stroke(const InnerSystem& system, DrawingId drawing, Stroke stroke, std::int64_t now);
Edit clear_drawing(const InnerSystem& system, DrawingId drawing, std::int64_t now);
Edit delete_drawing(const InnerSystem& system, DrawingId drawing);
// Makes a drawing the part's portrait (0 takes the portrait off).
Edit set_portrait(const InnerSystem& system, PartId part, DrawingId drawing, std::int64_t now);
DrawingId peek_next_drawing_id(const InnerSystem& system);

// The id the next added entry will get.
EntryId peek_next_entry_id(const InnerSystem& system);

// The relationship between two parts, either way round, if there is one.
const Relationship* find_relationship(const InnerSystem& system, PartId a, PartId b);

// The id the next added part will get (add_part assigns it).
PartId peek_next_id(const InnerSystem& system);

}  // namespace innerscape::core
