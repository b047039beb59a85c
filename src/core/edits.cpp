// Every change to the inner system is an Edit: a small list of steps that can be applied and undone exactly.
#include "core/edits.h"

#include <algorithm>

namespace innerscape::core {
namespace {

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};

std::size_t relationship_index(const InnerSystem& s, const Relationship& r) {
  return static_cast<std::size_t>(std::find(s.relationships.begin(), s.relationships.end(), r) - s.relationships.begin());
}

// Parts and entries are both kept in a list by id; one set of helpers serves both.
template <class T>
std::size_t index_by_id(const std::vector<T>& items, std::uint64_t id) {
  return static_cast<std::size_t>(
      std::find_if(items.begin(), items.end(), [id](const T& item) { return item.id == id; }) - items.begin());
}

template <class T>
bool insert_by_id(std::vector<T>& items, const T& item, std::size_t index, std::uint64_t& next_id) {
  if (item.id == 0 || index_by_id(items, item.id) < items.size()) return false;
  items.insert(items.begin() + static_cast<std::ptrdiff_t>(std::min(index, items.size())), item);
  next_id = std::max(next_id, item.id + 1);
  return true;
}

template <class T>
bool erase_by_id(std::vector<T>& items, std::uint64_t id) {
  const std::size_t i = index_by_id(items, id);
  if (i >= items.size()) return false;
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
  return true;
}

template <class T>
bool replace_by_id(std::vector<T>& items, const T& item) {
  const std::size_t i = index_by_id(items, item.id);
  if (i >= items.size()) return false;
  items[i] = item;
  return true;
}

// The journal's list is shared with copies until changed: look first, and make it this system's
// own only for a change that will happen.
bool insert_by_id(EntryList& items, const Entry& item, std::size_t index, std::uint64_t& next_id) {
  if (item.id == 0 || index_by_id(items.items(), item.id) < items.size()) return false;
  return insert_by_id(items.edit(), item, index, next_id);
}

bool erase_by_id(EntryList& items, std::uint64_t id) {
  return index_by_id(items.items(), id) < items.size() && erase_by_id(items.edit(), id);
}

bool replace_by_id(EntryList& items, const Entry& item) {
  return index_by_id(items.items(), item.id) < items.size() && replace_by_id(items.edit(), item);
}

bool insert_relationship(InnerSystem& s, const Relationship& r, std::size_t index) {
  if (find_part(s, r.from) == nullptr || find_part(s, r.to) == nullptr) return false;
  if (relationship_index(s, r) < s.relationships.size()) return false;
  const std::size_t at = std::min(index, s.relationships.size());
  s.relationships.insert(s.relationships.begin() + static_cast<std::ptrdiff_t>(at), r);
  return true;
}

bool erase_relationship(InnerSystem& s, const Relationship& r) {
  const std::size_t i = relationship_index(s, r);
  if (i >= s.relationships.size()) return false;
  s.relationships.erase(s.relationships.begin() + static_cast<std::ptrdiff_t>(i));
  return true;
}

Drawing* drawing_by_id(InnerSystem& s, DrawingId id) {
  const std::size_t i = index_by_id(s.drawings, id);
  return i < s.drawings.size() ? &s.drawings[i] : nullptr;
}

bool push_stroke(InnerSystem& s, const AddStroke& a) {
  Drawing* d = drawing_by_id(s, a.drawing);
  if (d == nullptr || a.stroke == nullptr) return false;
  d->strokes.push_back(a.stroke);
  d->updated_at = a.updated_after;
  return true;
}

bool pop_stroke(InnerSystem& s, const AddStroke& a) {
  Drawing* d = drawing_by_id(s, a.drawing);
  if (d == nullptr || d->strokes.empty() || d->strokes.back() != a.stroke) return false;
  d->strokes.pop_back();
  d->updated_at = a.updated_before;
  return true;
}

bool set_strokes(InnerSystem& s, DrawingId id, const std::vector<StrokeRef>& strokes, std::int64_t updated_at) {
  Drawing* d = drawing_by_id(s, id);
  if (d == nullptr) return false;
  d->strokes = strokes;
  d->updated_at = updated_at;
  return true;
}

bool apply_step(InnerSystem& s, const Step& step) {
  return std::visit(overloaded{
                        [&](const AddPart& a) { return insert_by_id(s.parts, a.part, a.index, s.next_id); },
                        [&](const RemovePart& r) { return erase_by_id(s.parts, r.part.id); },
                        [&](const ReplacePart& r) { return replace_by_id(s.parts, r.after); },
                        [&](const AddRelationship& a) { return insert_relationship(s, a.relationship, a.index); },
                        [&](const RemoveRelationship& r) { return erase_relationship(s, r.relationship); },
                        [&](const SetSelf& set) {
                          s.self = set.after;
                          return true;
                        },
                        [&](const AddEntry& a) { return insert_by_id(s.journal, a.entry, a.index, s.next_entry_id); },
                        [&](const RemoveEntry& r) { return erase_by_id(s.journal, r.entry.id); },
                        [&](const ReplaceEntry& r) { return replace_by_id(s.journal, r.after); },
                        [&](const SetSoothing& set) {
                          s.soothing = set.after;
                          return true;
                        },
                        [&](const SetMilestones& set) {
                          s.milestones = set.after;
                          return true;
                        },
                        [&](const AddDrawing& a) { return insert_by_id(s.drawings, a.drawing, a.index, s.next_drawing_id); },
                        [&](const RemoveDrawing& r) { return erase_by_id(s.drawings, r.drawing.id); },
                        [&](const ReplaceDrawing& r) { return replace_by_id(s.drawings, r.after); },
                        [&](const AddStroke& a) { return push_stroke(s, a); },
                        [&](const SetStrokes& set) { return set_strokes(s, set.drawing, set.after, set.updated_after); },
                    },
                    step);
}

bool revert_step(InnerSystem& s, const Step& step) {
  return std::visit(overloaded{
                        [&](const AddPart& a) { return erase_by_id(s.parts, a.part.id); },
                        [&](const RemovePart& r) { return insert_by_id(s.parts, r.part, r.index, s.next_id); },
                        [&](const ReplacePart& r) { return replace_by_id(s.parts, r.before); },
                        [&](const AddRelationship& a) { return erase_relationship(s, a.relationship); },
                        [&](const RemoveRelationship& r) { return insert_relationship(s, r.relationship, r.index); },
                        [&](const SetSelf& set) {
                          s.self = set.before;
                          return true;
                        },
                        [&](const AddEntry& a) { return erase_by_id(s.journal, a.entry.id); },
                        [&](const RemoveEntry& r) { return insert_by_id(s.journal, r.entry, r.index, s.next_entry_id); },
                        [&](const ReplaceEntry& r) { return replace_by_id(s.journal, r.before); },
                        [&](const SetSoothing& set) {
                          s.soothing = set.before;
                          return true;
                        },
                        [&](const SetMilestones& set) {
                          s.milestones = set.before;
                          return true;
                        },
                        [&](const AddDrawing& a) { return erase_by_id(s.drawings, a.drawing.id); },
                        [&](const RemoveDrawing& r) { return insert_by_id(s.drawings, r.drawing, r.index, s.next_drawing_id); },
                        [&](const ReplaceDrawing& r) { return replace_by_id(s.drawings, r.before); },
                        [&](const AddStroke& a) { return pop_stroke(s, a); },
                        [&](const SetStrokes& set) { return set_strokes(s, set.drawing, set.before, set.updated_before); },
                    },
                    step);
}

Edit single(std::string label, Step step) {
  Edit edit{std::move(label), {}};
  edit.steps.push_back(std::move(step));
  return edit;
}

}  // namespace

// All or nothing, without copying the system (which may hold years of journal): the steps are
// applied in place, and if one does not fit, those already applied are reverted, newest first.
// Every step's revert is its exact inverse, so the system is then as it was.
namespace {
// The id counters only grow as steps apply; a step rolled back leaves them where they were before.
struct Counters {
  PartId parts;
  EntryId entries;
  DrawingId drawings;
  explicit Counters(const InnerSystem& s) : parts(s.next_id), entries(s.next_entry_id), drawings(s.next_drawing_id) {}
  void restore(InnerSystem& s) const {
    s.next_id = parts;
    s.next_entry_id = entries;
    s.next_drawing_id = drawings;
  }
};
}  // namespace

bool apply_edit(InnerSystem& system, const Edit& edit) {
  const Counters before(system);
  for (std::size_t i = 0; i < edit.steps.size(); ++i) {
    if (apply_step(system, edit.steps[i])) continue;
    while (i-- > 0) revert_step(system, edit.steps[i]);
    before.restore(system);
    return false;
  }
  return true;
}

bool revert_edit(InnerSystem& system, const Edit& edit) {
  const Counters before(system);
  const std::size_t n = edit.steps.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (revert_step(system, edit.steps[n - 1 - k])) continue;
    while (k-- > 0) apply_step(system, edit.steps[n - 1 - k]);
    before.restore(system);
    return false;
  }
  return true;
}

PartId peek_next_id(const InnerSystem& system) { return std::max<PartId>(system.next_id, 1); }

Edit add_part(const InnerSystem& system, Part part, std::int64_t now) {
  part.id = peek_next_id(system);
  part.created_at = part.updated_at = now;
  sanitize(part);
  std::string label = "add " + part.name;
  return single(std::move(label), AddPart{std::move(part)});
}

Edit update_part(const InnerSystem& system, Part changed, std::int64_t now) {
  const Part* before = find_part(system, changed.id);
  if (before == nullptr) return {};
  sanitize(changed);
  changed.created_at = before->created_at;
  changed.updated_at = before->updated_at;
  // Time stamps are equal here, so this compares what the person can change.
  if (changed == *before) return {};
  changed.updated_at = now;
  return single("edit " + before->name, ReplacePart{*before, std::move(changed)});
}

Edit rename_part(const InnerSystem& system, PartId id, const std::string& name, std::int64_t now) {
  const Part* part = find_part(system, id);
  if (part == nullptr) return {};
  Part changed = *part;
  changed.name = name;
  Edit edit = update_part(system, std::move(changed), now);
  if (!edit.empty()) edit.label = "rename";
  return edit;
}

Edit move_part(const InnerSystem& system, PartId id, glm::vec2 position, std::int64_t now) {
  return move_parts(system, {{id, position}}, now, "move");
}

Edit move_parts(const InnerSystem& system, const std::vector<std::pair<PartId, glm::vec2>>& moves, std::int64_t now,
                std::string label) {
  Edit edit{std::move(label), {}};
  for (const auto& [id, position] : moves) {
    const Part* part = find_part(system, id);
    if (part == nullptr) continue;
    Part changed = *part;
    changed.position = position;
    sanitize(changed);
    if (changed.position == part->position) continue;
    changed.updated_at = now;
    edit.steps.push_back(ReplacePart{*part, std::move(changed)});
  }
  if (edit.label == "move" && edit.steps.size() == 1) {
    edit.label = "move " + std::get<ReplacePart>(edit.steps.front()).before.name;
  }
  return edit;
}

const Relationship* find_relationship(const InnerSystem& system, PartId a, PartId b) {
  for (const Relationship& r : system.relationships) {
    if ((r.from == a && r.to == b) || (r.from == b && r.to == a)) return &r;
  }
  return nullptr;
}

Edit relate(const InnerSystem& system, PartId from, PartId to, RelationKind kind) {
  if (from == to || find_part(system, from) == nullptr || find_part(system, to) == nullptr) return {};
  const Relationship wanted{from, to, kind};
  Edit edit{"relate", {}};
  // Two parts have one relationship at a time: a new kind replaces the old.
  if (const Relationship* existing = find_relationship(system, from, to)) {
    if (*existing == wanted) return {};
    edit.steps.push_back(RemoveRelationship{*existing, relationship_index(system, *existing)});
    edit.steps.push_back(AddRelationship{wanted, relationship_index(system, *existing)});
  } else {
    edit.steps.push_back(AddRelationship{wanted});
  }
  return edit;
}

Edit unrelate(const InnerSystem& system, PartId from, PartId to) {
  const Relationship* existing = find_relationship(system, from, to);
  if (existing == nullptr) return {};
  return single("unrelate", RemoveRelationship{*existing, relationship_index(system, *existing)});
}

Edit delete_part(const InnerSystem& system, PartId id) {
  const std::size_t index = part_index(system, id);
  if (index >= system.parts.size()) return {};
  Edit edit{"delete " + system.parts[index].name, {}};
  // Its relationships go first, last to first, so undo puts each back at its own place.
  for (std::size_t i = system.relationships.size(); i-- > 0;) {
    const Relationship& r = system.relationships[i];
    if (r.from == id || r.to == id) edit.steps.push_back(RemoveRelationship{r, i});
  }
  // Entries about it stay (they are the person's words), no longer tied to it.
  for (const Entry& e : system.journal) {
    if (std::find(e.parts.begin(), e.parts.end(), id) == e.parts.end()) continue;
    Entry untied = e;
    untied.parts.erase(std::remove(untied.parts.begin(), untied.parts.end(), id), untied.parts.end());
    edit.steps.push_back(ReplaceEntry{e, std::move(untied)});
  }
  edit.steps.push_back(RemovePart{system.parts[index], index});
  return edit;
}

Edit set_soothing(const InnerSystem& system, std::vector<std::string> words) {
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const std::string& w) { return w.find_first_not_of(" \t\r\n") == std::string::npos; }),
              words.end());
  if (words == system.soothing) return {};
  return single("change the soothing words", SetSoothing{system.soothing, std::move(words)});
}

namespace {

std::string milestone_title(const std::string& title) {
  const std::size_t first = title.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "A moment to remember";
  std::string out = title.substr(first, title.find_last_not_of(" \t\r\n") + 1 - first);
  std::replace(out.begin(), out.end(), '\n', ' ');
  if (out.size() > max_milestone_title) {
    std::size_t cut = max_milestone_title;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0u) == 0x80u) --cut;  // whole characters only
    out.resize(cut);
  }
  return out;
}

}  // namespace

Edit add_milestone(const InnerSystem& system, Milestone milestone) {
  milestone.title = milestone_title(milestone.title);
  std::vector<Milestone> after = system.milestones;
  const auto at = std::upper_bound(after.begin(), after.end(), milestone.at,
                                   [](std::int64_t t, const Milestone& m) { return t < m.at; });
  after.insert(at, std::move(milestone));
  return single("mark a milestone", SetMilestones{system.milestones, std::move(after)});
}

Edit rename_milestone(const InnerSystem& system, std::size_t index, const std::string& title) {
  if (index >= system.milestones.size()) return {};
  std::vector<Milestone> after = system.milestones;
  after[index].title = milestone_title(title);
  if (after == system.milestones) return {};
  return single("rename a milestone", SetMilestones{system.milestones, std::move(after)});
}

Edit remove_milestone(const InnerSystem& system, std::size_t index) {
  if (index >= system.milestones.size()) return {};
  std::vector<Milestone> after = system.milestones;
  after.erase(after.begin() + static_cast<std::ptrdiff_t>(index));
  return single("remove a milestone", SetMilestones{system.milestones, std::move(after)});
}

EntryId peek_next_entry_id(const InnerSystem& system) { return std::max<EntryId>(system.next_entry_id, 1); }

Edit add_entry(const InnerSystem& system, Entry entry, std::int64_t now) {
  entry.id = peek_next_entry_id(system);
  entry.created_at = entry.updated_at = now;
  sanitize(entry);
  entry.parts.erase(std::remove_if(entry.parts.begin(), entry.parts.end(), [&](PartId p) { return find_part(system, p) == nullptr; }),
                    entry.parts.end());
  Edit edit{"add " + std::string(entry_type_spec(entry.type).name), {}};
  if (entry.type == EntryType::check_in) {
    const SelfState lit{.glow = self_glow_from_check_in(entry)};
    if (lit.glow != system.self.glow) edit.steps.push_back(SetSelf{system.self, lit});
  }
  edit.steps.push_back(AddEntry{std::move(entry)});
  return edit;
}

// The Self's light follows the latest check-in: after an edit to the journal, it is the light of
// whichever check-in is newest then (or stays as it is when there is none).
// The journal after the edit is the system's with `changed` in place of its old self, or without
// `removed`: read as such, not copied (a journal can hold years of pages).
void follow_latest_check_in(const InnerSystem& system, const Entry* changed, EntryId removed, Edit& edit) {
  const Entry* latest = nullptr;
  for (const Entry& page : system.journal) {
    if (page.id == removed) continue;
    const Entry& e = changed != nullptr && page.id == changed->id ? *changed : page;
    if (e.type == EntryType::check_in && (latest == nullptr || e.created_at >= latest->created_at)) latest = &e;
  }
  if (latest == nullptr) return;
  const SelfState lit{.glow = self_glow_from_check_in(*latest)};
  if (lit.glow != system.self.glow) edit.steps.insert(edit.steps.begin(), SetSelf{system.self, lit});
}

Edit update_entry(const InnerSystem& system, Entry changed, std::int64_t now) {
  const Entry* before = find_entry(system, changed.id);
  if (before == nullptr) return {};
  changed.type = before->type;
  changed.created_at = before->created_at;
  changed.updated_at = before->updated_at;
  sanitize(changed);
  if (changed == *before) return {};
  changed.updated_at = now;
  Edit edit = single("edit " + std::string(entry_type_spec(before->type).name), ReplaceEntry{*before, changed});
  if (changed.type == EntryType::check_in) follow_latest_check_in(system, &changed, 0, edit);
  return edit;
}

Edit delete_entry(const InnerSystem& system, EntryId id) {
  const std::size_t i = index_by_id(system.journal.items(), id);
  if (i >= system.journal.size()) return {};
  Edit edit = single("delete " + std::string(entry_type_spec(system.journal[i].type).name), RemoveEntry{system.journal[i], i});
  if (system.journal[i].type == EntryType::check_in) follow_latest_check_in(system, nullptr, id, edit);
  return edit;
}

Edit set_self(const InnerSystem& system, SelfState self) {
  if (self.glow == system.self.glow) return {};
  return single("change the Self's light", SetSelf{system.self, self});
}

DrawingId peek_next_drawing_id(const InnerSystem& system) { return std::max<DrawingId>(system.next_drawing_id, 1); }

namespace {
void sanitize_info(Drawing& d) {
  d.paper &= 0xFFFFFFu;
  if (d.title.find_first_not_of(" \t\r\n") == std::string::npos) d.title = "Untitled drawing";
}
}  // namespace

Edit add_drawing(const InnerSystem& system, Drawing drawing, std::int64_t now) {
  drawing.id = peek_next_drawing_id(system);
  drawing.created_at = drawing.updated_at = now;
  sanitize_info(drawing);
  for (StrokeRef& s : drawing.strokes) {
    if (s == nullptr) continue;
    Stroke clean = *s;
    sanitize(clean);
    if (!(clean == *s)) s = std::make_shared<const Stroke>(std::move(clean));
  }
  std::erase_if(drawing.strokes, [](const StrokeRef& s) { return s == nullptr || !is_visible(*s); });
  return single("add a drawing", AddDrawing{std::move(drawing)});
}

Edit draw_part(const InnerSystem& system, PartId part_id, std::int64_t now) {
  const Part* part = find_part(system, part_id);
  if (part == nullptr) return {};
  Drawing drawing;
  drawing.title = part->name;
  Edit edit = add_drawing(system, std::move(drawing), now);
  Part worn = *part;
  worn.portrait = std::get<AddDrawing>(edit.steps.front()).drawing.id;
  worn.updated_at = now;
  edit.steps.push_back(ReplacePart{*part, std::move(worn)});
  edit.label = "draw " + part->name;
  return edit;
}

Edit update_drawing(const InnerSystem& system, const Drawing& changed, std::int64_t now) {
  const Drawing* before = find_drawing(system, changed.id);
  if (before == nullptr) return {};
  Drawing after = *before;
  after.title = changed.title;
  after.paper = changed.paper;
  after.prompt = changed.prompt;
  sanitize_info(after);
  if (after.title == before->title && after.paper == before->paper && after.prompt == before->prompt) return {};
  after.updated_at = now;
  return single("edit the drawing", ReplaceDrawing{*before, std::move(after)});
}

Edit add_stroke(const InnerSystem& system, DrawingId id, Stroke stroke, std::int64_t now) {
  const Drawing* d = find_drawing(system, id);
  if (d == nullptr) return {};
  sanitize(stroke);
  if (!is_visible(stroke)) return {};
  const std::string label = stroke.brush == Brush::eraser ? "erase" : "stroke";
  return single(label, AddStroke{id, std::make_shared<const Stroke>(std::move(stroke)), d->updated_at, now});
}

Edit clear_drawing(const InnerSystem& system, DrawingId id, std::int64_t now) {
  const Drawing* d = find_drawing(system, id);
  if (d == nullptr || d->strokes.empty()) return {};
  return single("clear", SetStrokes{id, d->strokes, {}, d->updated_at, now});
}

Edit delete_drawing(const InnerSystem& system, DrawingId id) {
  const std::size_t i = index_by_id(system.drawings, id);
  if (i >= system.drawings.size()) return {};
  Edit edit{"delete " + system.drawings[i].title, {}};
  for (const Part& p : system.parts) {
    if (p.portrait != id) continue;
    Part bare = p;
    bare.portrait = 0;
    edit.steps.push_back(ReplacePart{p, std::move(bare)});
  }
  edit.steps.push_back(RemoveDrawing{system.drawings[i], i});
  return edit;
}

Edit set_portrait(const InnerSystem& system, PartId part_id, DrawingId drawing, std::int64_t now) {
  const Part* part = find_part(system, part_id);
  if (part == nullptr || (drawing != 0 && find_drawing(system, drawing) == nullptr)) return {};
  Part changed = *part;
  changed.portrait = drawing;
  Edit edit = update_part(system, std::move(changed), now);
  if (!edit.empty()) edit.label = drawing != 0 ? "give a portrait" : "take the portrait off";
  return edit;
}

}  // namespace innerscape::core
