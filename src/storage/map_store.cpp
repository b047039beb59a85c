// The inner map in the database: load it whole, and save only what changed since the last save.
#include "storage/map_store.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace innerscape::storage {
namespace {

constexpr const char* part_columns =
    "id, sort, name, kind, archetype, age, job, fears, needs_to_feel_safe, needs_to_hear, body, feeling, comfort, "
    "notes, color, x, y, size, depth, trust, created_at, updated_at";

void bind_part(Statement& s, const core::Part& p, std::size_t sort) {
  s.bind(1, static_cast<std::int64_t>(p.id))
      .bind(2, static_cast<std::int64_t>(sort))
      .bind(3, p.name)
      .bind(4, core::kind_key(p.kind))
      .bind(5, p.archetype)
      .bind(6, p.age)
      .bind(7, p.job)
      .bind(8, p.fears)
      .bind(9, p.needs_to_feel_safe)
      .bind(10, p.needs_to_hear)
      .bind(11, p.body)
      .bind(12, p.feeling)
      .bind(13, p.comfort)
      .bind(14, p.notes)
      .bind(15, static_cast<std::int64_t>(p.color))
      .bind(16, static_cast<double>(p.position.x))
      .bind(17, static_cast<double>(p.position.y))
      .bind(18, static_cast<double>(p.size))
      .bind(19, static_cast<double>(p.depth))
      .bind(20, p.trust)
      .bind(21, p.created_at)
      .bind(22, p.updated_at);
}

std::string value_of(bool b) { return b ? "1" : "0"; }

}  // namespace

LoadResult load_snapshot(Database& db) {
  LoadResult out;
  core::InnerSystem& s = out.snapshot.system;
  std::string error;

  Statement parts = db.prepare(std::string("SELECT ") + part_columns + " FROM parts ORDER BY sort, id", &error);
  if (!parts.valid()) return {{}, false, "Could not read the parts: " + error};
  while (parts.step()) {
    core::Part p;
    p.id = static_cast<core::PartId>(parts.column_int(0));
    p.name = parts.column_text(2);
    p.kind = core::kind_from_key(parts.column_text(3)).value_or(core::PartKind::manager);  // the schema checks it
    p.archetype = parts.column_text(4);
    if (!parts.column_is_null(5)) p.age = static_cast<int>(parts.column_int(5));
    p.job = parts.column_text(6);
    p.fears = parts.column_text(7);
    p.needs_to_feel_safe = parts.column_text(8);
    p.needs_to_hear = parts.column_text(9);
    p.body = parts.column_text(10);
    p.feeling = parts.column_text(11);
    p.comfort = parts.column_text(12);
    p.notes = parts.column_text(13);
    p.color = static_cast<std::uint32_t>(parts.column_int(14));
    p.position = {static_cast<float>(parts.column_double(15)), static_cast<float>(parts.column_double(16))};
    p.size = static_cast<float>(parts.column_double(17));
    p.depth = static_cast<float>(parts.column_double(18));
    p.trust = static_cast<int>(parts.column_int(19));
    p.created_at = parts.column_int(20);
    p.updated_at = parts.column_int(21);
    core::sanitize(p);  // whatever is on disk, the model gets values it can trust
    s.next_id = std::max(s.next_id, p.id + 1);
    s.parts.push_back(std::move(p));
  }
  if (!parts.error().empty()) return {{}, false, "Could not read the parts: " + parts.error()};

  Statement rels = db.prepare("SELECT from_part, to_part, kind FROM relationships ORDER BY sort", &error);
  if (!rels.valid()) return {{}, false, "Could not read the relationships: " + error};
  while (rels.step()) {
    const core::Relationship r{static_cast<core::PartId>(rels.column_int(0)), static_cast<core::PartId>(rels.column_int(1)),
                               core::relation_from_key(rels.column_text(2)).value_or(core::RelationKind::allied)};
    // Foreign keys keep these sound; a line to a part that is not there is dropped, never trusted.
    if (r.from != r.to && core::find_part(s, r.from) != nullptr && core::find_part(s, r.to) != nullptr) {
      s.relationships.push_back(r);
    }
  }

  Statement self = db.prepare("SELECT glow, next_part_id FROM self_state WHERE id = 1");
  if (self.valid() && self.step()) {
    const double glow = self.column_double(0);
    if (std::isfinite(glow)) s.self.glow = static_cast<float>(std::clamp(glow, 0.0, 1.0));
    s.next_id = std::max(s.next_id, static_cast<core::PartId>(self.column_int(1)));
  }

  Statement view = db.prepare("SELECT center_x, center_y, zoom FROM view_state WHERE id = 1");
  if (view.valid() && view.step()) {
    const glm::vec2 c{static_cast<float>(view.column_double(0)), static_cast<float>(view.column_double(1))};
    const auto zoom = static_cast<float>(view.column_double(2));
    if (std::isfinite(c.x) && std::isfinite(c.y) && std::isfinite(zoom)) {
      out.snapshot.view.center = c;
      out.snapshot.view.zoom = std::clamp(zoom, core::min_zoom, core::max_zoom);
      out.had_view = true;
    }
  }

  Statement drafts = db.prepare("SELECT part_id, field, text FROM drafts ORDER BY part_id, field");
  while (drafts.valid() && drafts.step()) {
    out.snapshot.drafts.push_back({static_cast<core::PartId>(drafts.column_int(0)), drafts.column_text(1), drafts.column_text(2)});
  }

  Statement settings = db.prepare("SELECT key, value FROM settings");
  while (settings.valid() && settings.step()) {
    const std::string key = settings.column_text(0);
    const bool on = settings.column_text(1) == "1";
    if (key == "ambient_motion") out.snapshot.settings.ambient_motion = on;
    if (key == "ambient_always") out.snapshot.settings.ambient_always = on;
    if (key == "welcome_seen") out.snapshot.settings.welcome_seen = on;
  }
  return out;
}

std::string save_changes(Database& db, const Snapshot& saved, const Snapshot& current) {
  Transaction tx(db);
  if (!tx.error().empty()) return tx.error();
  std::string error;
  auto fail = [&](const std::string& what, const std::string& why) { return what + ": " + why; };

  // Relationships that went away, then parts that went away (their relationships go with them).
  std::map<std::pair<core::PartId, core::PartId>, std::pair<core::RelationKind, std::size_t>> now_rels;
  for (std::size_t i = 0; i < current.system.relationships.size(); ++i) {
    const core::Relationship& r = current.system.relationships[i];
    now_rels[{r.from, r.to}] = {r.kind, i};
  }
  std::map<std::pair<core::PartId, core::PartId>, std::pair<core::RelationKind, std::size_t>> was_rels;
  for (std::size_t i = 0; i < saved.system.relationships.size(); ++i) {
    const core::Relationship& r = saved.system.relationships[i];
    was_rels[{r.from, r.to}] = {r.kind, i};
  }
  Statement delete_rel = db.prepare("DELETE FROM relationships WHERE from_part = ?1 AND to_part = ?2", &error);
  if (!delete_rel.valid()) return fail("Could not save", error);
  for (const auto& [key, value] : was_rels) {
    if (now_rels.count(key) != 0) continue;
    if (!delete_rel.bind(1, static_cast<std::int64_t>(key.first)).bind(2, static_cast<std::int64_t>(key.second)).run()) {
      return fail("Could not save a removed relationship", delete_rel.error());
    }
  }

  std::unordered_map<core::PartId, std::size_t> now_index;
  for (std::size_t i = 0; i < current.system.parts.size(); ++i) now_index[current.system.parts[i].id] = i;
  std::unordered_map<core::PartId, std::size_t> was_index;
  for (std::size_t i = 0; i < saved.system.parts.size(); ++i) was_index[saved.system.parts[i].id] = i;

  Statement delete_part = db.prepare("DELETE FROM parts WHERE id = ?1", &error);
  for (const core::Part& p : saved.system.parts) {
    if (now_index.count(p.id) != 0) continue;
    if (!delete_part.bind(1, static_cast<std::int64_t>(p.id)).run()) return fail("Could not save a removed part", delete_part.error());
  }

  // New and changed parts. A part moved in drawing order only has its order rewritten.
  Statement insert_part = db.prepare(std::string("INSERT INTO parts (") + part_columns +
                                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                                         "?16, ?17, ?18, ?19, ?20, ?21, ?22)",
                                     &error);
  if (!insert_part.valid()) return fail("Could not save", error);
  Statement update_part = db.prepare(
      "UPDATE parts SET sort = ?2, name = ?3, kind = ?4, archetype = ?5, age = ?6, job = ?7, fears = ?8, "
      "needs_to_feel_safe = ?9, needs_to_hear = ?10, body = ?11, feeling = ?12, comfort = ?13, notes = ?14, color = ?15, "
      "x = ?16, y = ?17, size = ?18, depth = ?19, trust = ?20, created_at = ?21, updated_at = ?22 WHERE id = ?1",
      &error);
  if (!update_part.valid()) return fail("Could not save", error);
  for (std::size_t i = 0; i < current.system.parts.size(); ++i) {
    const core::Part& p = current.system.parts[i];
    const auto was = was_index.find(p.id);
    if (was == was_index.end()) {
      bind_part(insert_part, p, i);
      if (!insert_part.run()) return fail("Could not save a new part", insert_part.error());
    } else if (was->second != i || !(saved.system.parts[was->second] == p)) {
      bind_part(update_part, p, i);
      if (!update_part.run()) return fail("Could not save a change to a part", update_part.error());
    }
  }

  // New and changed relationships.
  Statement insert_rel = db.prepare("INSERT INTO relationships (from_part, to_part, kind, sort) VALUES (?1, ?2, ?3, ?4)", &error);
  Statement update_rel = db.prepare("UPDATE relationships SET kind = ?3, sort = ?4 WHERE from_part = ?1 AND to_part = ?2");
  if (!insert_rel.valid() || !update_rel.valid()) return fail("Could not save", error);
  for (const auto& [key, value] : now_rels) {
    const auto was = was_rels.find(key);
    if (was != was_rels.end() && was->second == value) continue;
    Statement& s = was == was_rels.end() ? insert_rel : update_rel;
    s.bind(1, static_cast<std::int64_t>(key.first))
        .bind(2, static_cast<std::int64_t>(key.second))
        .bind(3, core::relation_key(value.first))
        .bind(4, static_cast<std::int64_t>(value.second));
    if (!s.run()) return fail("Could not save a relationship", s.error());
  }

  // The Self, the view and the settings: small, written when they differ.
  if (saved.system.self.glow != current.system.self.glow || saved.system.next_id != current.system.next_id ||
      saved.system.parts.empty() != current.system.parts.empty()) {
    Statement s = db.prepare("INSERT OR REPLACE INTO self_state (id, glow, next_part_id) VALUES (1, ?1, ?2)");
    s.bind(1, static_cast<double>(current.system.self.glow)).bind(2, static_cast<std::int64_t>(current.system.next_id));
    if (!s.run()) return fail("Could not save the Self", s.error());
  }
  if (saved.view.center != current.view.center || saved.view.zoom != current.view.zoom) {
    Statement s = db.prepare("INSERT OR REPLACE INTO view_state (id, center_x, center_y, zoom) VALUES (1, ?1, ?2, ?3)");
    s.bind(1, static_cast<double>(current.view.center.x))
        .bind(2, static_cast<double>(current.view.center.y))
        .bind(3, static_cast<double>(current.view.zoom));
    if (!s.run()) return fail("Could not save the view", s.error());
  }
  if (!(saved.settings == current.settings)) {
    Statement s = db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)");
    for (const auto& [key, value] : {std::pair{"ambient_motion", current.settings.ambient_motion},
                                     std::pair{"ambient_always", current.settings.ambient_always},
                                     std::pair{"welcome_seen", current.settings.welcome_seen}}) {
      s.bind(1, std::string_view(key)).bind(2, value_of(value));
      if (!s.run()) return fail("Could not save the settings", s.error());
    }
  }
  if (saved.drafts != current.drafts) {
    if (std::string e = db.exec("DELETE FROM drafts"); !e.empty()) return fail("Could not save what is being typed", e);
    Statement s = db.prepare("INSERT OR REPLACE INTO drafts (part_id, field, text) VALUES (?1, ?2, ?3)");
    for (const core::Draft& d : current.drafts) {
      if (now_index.count(d.part) == 0) continue;  // its part is gone
      s.bind(1, static_cast<std::int64_t>(d.part)).bind(2, d.field).bind(3, d.text);
      if (!s.run()) return fail("Could not save what is being typed", s.error());
    }
  }
  return tx.commit();
}

}  // namespace innerscape::storage
