// The inner map in the database: load it whole, and save only what changed since the last save.
#include "storage/map_store.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>
#include <limits>
#include <map>
#include <type_traits>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/ink.h"
#include "storage/answers_json.h"
#include "storage/json_format.h"
#include "storage/png.h"

namespace innerscape::storage {
namespace {

constexpr const char* part_columns =
    "id, sort, name, kind, archetype, age, job, fears, needs_to_feel_safe, needs_to_hear, body, feeling, comfort, "
    "notes, color, x, y, size, depth, trust, created_at, updated_at, portrait";

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
      .bind(22, p.updated_at)
      .bind(23, static_cast<std::int64_t>(p.portrait));
}

// A stroke's points as little-endian float32 x, y pairs, the same on every machine.
std::string points_blob(const std::vector<glm::vec2>& points) {
  std::string out(points.size() * 8, '\0');
  std::size_t at = 0;
  for (const glm::vec2& p : points) {
    for (const float f : {p.x, p.y}) {
      const auto bits = std::bit_cast<std::uint32_t>(f);
      for (int b = 0; b < 4; ++b) out[at++] = static_cast<char>((bits >> (8 * b)) & 0xFFu);
    }
  }
  return out;
}

std::vector<glm::vec2> points_from_blob(std::string_view blob) {
  std::vector<glm::vec2> out(blob.size() / 8);  // a cut-short last pair is dropped
  auto read = [&](std::size_t at) {
    std::uint32_t bits = 0;
    for (int b = 0; b < 4; ++b) bits |= static_cast<std::uint32_t>(static_cast<unsigned char>(blob[at + b])) << (8 * b);
    return std::bit_cast<float>(bits);
  };
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = {read(i * 8), read(i * 8 + 4)};
  return out;
}

std::shared_ptr<const core::Image> thumbnail_of(const Snapshot& s, core::DrawingId id) {
  const auto it = s.thumbnails.find(id);
  return it == s.thumbnails.end() ? nullptr : it->second;
}

// The thumbnail as PNG bytes for a BLOB, or nothing (NULL) when there is none.
std::optional<std::string> thumbnail_blob(const std::shared_ptr<const core::Image>& image) {
  if (image == nullptr) return std::nullopt;
  const std::vector<std::uint8_t> png = encode_png(*image);
  if (png.empty()) return std::nullopt;
  return std::string(png.begin(), png.end());
}

// Drawing rows hold everything but strokes and thumbnail; equal when these are equal.
bool same_drawing_row(const core::Drawing& a, const core::Drawing& b) {
  return a.title == b.title && a.paper == b.paper && a.prompt == b.prompt && a.created_at == b.created_at &&
         a.updated_at == b.updated_at;
}

std::string value_of(bool b) { return b ? "1" : "0"; }

// Adds changes after the stored ones. Times never go back: one before the last stored is moved up to it.
std::string append_history(Database& db, const core::MapHistory& changes) {
  if (changes.empty()) return {};
  std::int64_t last = std::numeric_limits<std::int64_t>::min();
  Statement newest = db.prepare("SELECT at FROM map_history ORDER BY seq DESC LIMIT 1");
  if (newest.valid() && newest.step()) last = newest.column_int(0);
  Statement put = db.prepare("INSERT INTO map_history (at, body) VALUES (?1, ?2)");
  if (!put.valid()) return put.error();
  for (core::MapChange c : changes) {
    c.at = std::max(c.at, last);
    last = c.at;
    if (!put.bind(1, c.at).bind(2, history_body(c)).run()) return put.error();
  }
  return {};
}

// An entry's fields as compact JSON text (text, ratings, checked); its parts live in entry_parts.
std::string entry_body(const core::Entry& e) {
  return answers_to_json(e.answers).dump();
}

// A page being written: its type, id and parts as well as its words, and the parts it opened tied
// to, in one JSON text (the body of its row in entry_drafts).
std::string page_text(const core::PageDraft& page) {
  const core::Entry& e = page.entry;
  nlohmann::json j = nlohmann::json::parse(entry_body(e));
  j["type"] = core::entry_type_spec(e.type).key;
  j["id"] = e.id;
  j["parts"] = e.parts;
  j["created_at"] = e.created_at;
  if (!page.begun_with.empty()) j["begun_with"] = page.begun_with;
  return j.dump();
}

void read_entry_body(const std::string& text, core::Entry& e);

std::vector<core::PartId> read_part_ids(const nlohmann::json& j, const char* key) {
  std::vector<core::PartId> out;
  if (!j.contains(key) || !j[key].is_array()) return out;
  for (const auto& p : j[key]) {
    if (p.is_number_unsigned()) out.push_back(p.get<core::PartId>());
  }
  return out;
}

// The page in a row's body; nothing for a body that does not read or a kind of page this app does not know.
std::optional<core::PageDraft> read_page_text(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string()) return std::nullopt;
  const core::EntryTypeSpec* type = core::find_entry_type(j["type"].get<std::string>());
  if (type == nullptr) return std::nullopt;
  core::PageDraft page{.entry = {.type = type->type}};
  core::Entry& e = page.entry;
  if (j.contains("id") && j["id"].is_number_unsigned()) e.id = j["id"].get<core::EntryId>();
  if (j.contains("created_at") && j["created_at"].is_number_integer()) e.created_at = j["created_at"].get<std::int64_t>();
  e.parts = read_part_ids(j, "parts");
  page.begun_with = read_part_ids(j, "begun_with");
  read_entry_body(text, e);
  return page;
}

void read_entry_body(const std::string& text, core::Entry& e) {
  const nlohmann::json body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_object()) read_answers(body, e.answers);  // a damaged body leaves an empty entry, never a crash
}

// Drawings: rows for those added, removed or changed; strokes after the ones both snapshots share
// (by pointer) deleted and inserted; a thumbnail encoded only when its pointer is new.
std::string save_drawings(Database& db, const Snapshot& saved, const Snapshot& current) {
  const std::vector<core::Drawing>& now = current.system.drawings;
  const std::vector<core::Drawing>& was = saved.system.drawings;
  if (now.empty() && was.empty()) return {};
  std::unordered_map<core::DrawingId, std::size_t> now_index, was_index;
  for (std::size_t i = 0; i < now.size(); ++i) now_index[now[i].id] = i;
  for (std::size_t i = 0; i < was.size(); ++i) was_index[was[i].id] = i;

  std::string error;
  Statement remove = db.prepare("DELETE FROM drawings WHERE id = ?1", &error);
  Statement remove_strokes = db.prepare("DELETE FROM strokes WHERE drawing_id = ?1 AND seq >= ?2", &error);
  Statement insert = db.prepare(
      "INSERT OR REPLACE INTO drawings (id, sort, title, paper, prompt, created_at, updated_at, thumbnail) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      &error);
  Statement update = db.prepare(
      "UPDATE drawings SET sort = ?2, title = ?3, paper = ?4, prompt = ?5, created_at = ?6, updated_at = ?7 WHERE id = ?1", &error);
  Statement set_thumbnail = db.prepare("UPDATE drawings SET thumbnail = ?2 WHERE id = ?1", &error);
  Statement put_stroke = db.prepare(
      "INSERT OR REPLACE INTO strokes (drawing_id, seq, brush, color, size, opacity, points) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      &error);
  if (!remove.valid() || !remove_strokes.valid() || !insert.valid() || !update.valid() || !set_thumbnail.valid() ||
      !put_stroke.valid()) {
    return "Could not save the drawings: " + error;
  }
  auto bind_row = [](Statement& st, const core::Drawing& d, std::size_t sort) {
    st.bind(1, static_cast<std::int64_t>(d.id))
        .bind(2, static_cast<std::int64_t>(sort))
        .bind(3, d.title)
        .bind(4, static_cast<std::int64_t>(d.paper & 0xFFFFFFu))
        .bind(5, d.prompt)
        .bind(6, d.created_at)
        .bind(7, d.updated_at);
  };
  auto put_strokes = [&](const core::Drawing& d, std::size_t from) -> std::string {
    for (std::size_t i = from; i < d.strokes.size(); ++i) {
      const core::StrokeRef& stroke = d.strokes[i];
      if (stroke == nullptr) continue;  // never in a sound model; nothing to keep
      put_stroke.bind(1, static_cast<std::int64_t>(d.id))
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, core::brush_spec(stroke->brush).key)
          .bind(4, static_cast<std::int64_t>(stroke->color & 0xFFFFFFu))
          .bind(5, static_cast<double>(stroke->size))
          .bind(6, static_cast<double>(stroke->opacity))
          .bind_blob(7, points_blob(stroke->points));
      if (!put_stroke.run()) return "Could not save a stroke: " + put_stroke.error();
    }
    return {};
  };

  for (const core::Drawing& d : was) {
    if (now_index.count(d.id) != 0) continue;
    // The strokes go with their drawing by the foreign key; deleting them first does not rely on it.
    if (!remove_strokes.bind(1, static_cast<std::int64_t>(d.id)).bind(2, std::int64_t{0}).run() ||
        !remove.bind(1, static_cast<std::int64_t>(d.id)).run()) {
      return "Could not save a removed drawing: " + remove.error() + remove_strokes.error();
    }
  }
  for (std::size_t i = 0; i < now.size(); ++i) {
    const core::Drawing& d = now[i];
    const std::shared_ptr<const core::Image> thumbnail = thumbnail_of(current, d.id);
    const auto w = was_index.find(d.id);
    if (w == was_index.end()) {
      bind_row(insert, d, i);
      const std::optional<std::string> png = thumbnail_blob(thumbnail);
      if (png) insert.bind_blob(8, std::string_view(*png));
      else insert.bind_null(8);
      if (!insert.run()) return "Could not save a new drawing: " + insert.error();
      // A drawing put back by an undo may find rows of its earlier life: start from none.
      if (!remove_strokes.bind(1, static_cast<std::int64_t>(d.id)).bind(2, std::int64_t{0}).run()) {
        return "Could not save a new drawing: " + remove_strokes.error();
      }
      if (std::string e = put_strokes(d, 0); !e.empty()) return e;
      continue;
    }
    const core::Drawing& before = was[w->second];
    if (w->second != i || !same_drawing_row(before, d)) {
      bind_row(update, d, i);
      if (!update.run()) return "Could not save a change to a drawing: " + update.error();
    }
    if (thumbnail != thumbnail_of(saved, d.id)) {
      set_thumbnail.bind(1, static_cast<std::int64_t>(d.id));
      const std::optional<std::string> png = thumbnail_blob(thumbnail);
      if (png) set_thumbnail.bind_blob(2, std::string_view(*png));
      else set_thumbnail.bind_null(2);
      if (!set_thumbnail.run()) return "Could not save a drawing's picture: " + set_thumbnail.error();
    }
    std::size_t shared = 0;
    const std::size_t common = std::min(before.strokes.size(), d.strokes.size());
    while (shared < common && before.strokes[shared] == d.strokes[shared]) ++shared;
    if (shared < before.strokes.size()) {
      if (!remove_strokes.bind(1, static_cast<std::int64_t>(d.id)).bind(2, static_cast<std::int64_t>(shared)).run()) {
        return "Could not save an undone stroke: " + remove_strokes.error();
      }
    }
    if (std::string e = put_strokes(d, shared); !e.empty()) return e;
  }
  return {};
}

}  // namespace

std::vector<core::Entry> load_journal(Database& db, std::string& error) {
  std::vector<core::Entry> journal;
  Statement entries = db.prepare("SELECT id, type, created_at, updated_at, body FROM entries ORDER BY sort, id", &error);
  Statement entry_parts = db.prepare("SELECT part_id FROM entry_parts WHERE entry_id = ?1 ORDER BY rowid", &error);
  if (!entries.valid() || !entry_parts.valid()) {
    error = "Could not read the journal: " + error;
    return {};
  }
  // Years of pages are held for as long as the app runs: room for all of them at once, and each
  // page's answers in exactly the bytes they need.
  if (Statement count = db.prepare("SELECT count(*) FROM entries"); count.valid() && count.step()) {
    journal.reserve(static_cast<std::size_t>(std::max<std::int64_t>(count.column_int(0), 0)));
  }
  while (entries.step()) {
    const core::EntryTypeSpec* type = core::find_entry_type(entries.column_text(1));
    if (type == nullptr) continue;  // a type from a newer app: left in the file, untouched
    core::Entry e;
    e.id = static_cast<core::EntryId>(entries.column_int(0));
    e.type = type->type;
    e.created_at = entries.column_int(2);
    e.updated_at = entries.column_int(3);
    read_entry_body(entries.column_text(4), e);
    entry_parts.bind(1, static_cast<std::int64_t>(e.id));
    while (entry_parts.step()) e.parts.push_back(static_cast<core::PartId>(entry_parts.column_int(0)));
    entry_parts.reset();
    core::sanitize(e);
    e.answers.shrink_to_fit();
    journal.push_back(std::move(e));
  }
  if (!entries.error().empty()) error = "Could not read the journal: " + entries.error();
  return journal;
}

LoadResult load_snapshot(Database& db, bool with_journal) {
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
    p.portrait = static_cast<core::DrawingId>(std::max<std::int64_t>(parts.column_int(22), 0));
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

  Statement self = db.prepare("SELECT glow, next_part_id, next_drawing_id FROM self_state WHERE id = 1");
  if (self.valid() && self.step()) {
    const double glow = self.column_double(0);
    if (std::isfinite(glow)) s.self.glow = static_cast<float>(std::clamp(glow, 0.0, 1.0));
    s.next_id = std::max(s.next_id, static_cast<core::PartId>(self.column_int(1)));
    s.next_drawing_id = std::max(s.next_drawing_id, static_cast<core::DrawingId>(std::max<std::int64_t>(self.column_int(2), 1)));
  }

  // Drawings, each with its strokes in order. Every stroke row is kept (sanitized), so a stroke's
  // place in the list is its seq and a later save can delete and insert by seq.
  Statement drawings = db.prepare(
      "SELECT id, title, paper, prompt, created_at, updated_at, thumbnail FROM drawings ORDER BY sort, id", &error);
  if (!drawings.valid()) return {{}, false, "Could not read the drawings: " + error};
  Statement strokes = db.prepare("SELECT brush, color, size, opacity, points FROM strokes WHERE drawing_id = ?1 ORDER BY seq", &error);
  if (!strokes.valid()) return {{}, false, "Could not read the strokes: " + error};
  while (drawings.step()) {
    core::Drawing d;
    d.id = static_cast<core::DrawingId>(drawings.column_int(0));
    d.title = drawings.column_text(1);
    d.paper = static_cast<std::uint32_t>(drawings.column_int(2)) & 0xFFFFFFu;
    d.prompt = drawings.column_text(3);
    d.created_at = drawings.column_int(4);
    d.updated_at = drawings.column_int(5);
    strokes.bind(1, static_cast<std::int64_t>(d.id));
    while (strokes.step()) {
      core::Stroke stroke;
      stroke.brush = core::brush_from_key(strokes.column_text(0)).value_or(core::Brush::pen);
      stroke.color = static_cast<std::uint32_t>(strokes.column_int(1)) & 0xFFFFFFu;
      stroke.size = static_cast<float>(strokes.column_double(2));
      stroke.opacity = static_cast<float>(strokes.column_double(3));
      stroke.points = points_from_blob(strokes.column_blob(4));
      core::sanitize(stroke);
      d.strokes.push_back(std::make_shared<const core::Stroke>(std::move(stroke)));
    }
    if (!strokes.error().empty()) return {{}, false, "Could not read the strokes: " + strokes.error()};
    strokes.reset();
    if (!drawings.column_is_null(6)) {
      const std::string png = drawings.column_text(6);
      core::Image image = decode_png({reinterpret_cast<const std::uint8_t*>(png.data()), png.size()});
      // A picture that does not read, or is not a thumbnail's size, is left out: the app paints it again.
      if (image.size == core::canvas_size / core::thumbnail_scale) {
        out.snapshot.thumbnails[d.id] = std::make_shared<const core::Image>(std::move(image));
      }
    }
    s.next_drawing_id = std::max(s.next_drawing_id, d.id + 1);
    s.drawings.push_back(std::move(d));
  }
  if (!drawings.error().empty()) return {{}, false, "Could not read the drawings: " + drawings.error()};
  // A portrait names a drawing that is there, or none.
  for (core::Part& p : s.parts) {
    if (p.portrait != 0 && core::find_drawing(s, p.portrait) == nullptr) p.portrait = 0;
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

  // Ids are never reused, even those of pages from a newer app that this one leaves alone.
  Statement last_entry = db.prepare("SELECT MAX(id) FROM entries");
  if (last_entry.valid() && last_entry.step() && !last_entry.column_is_null(0)) {
    s.next_entry_id = std::max<core::EntryId>(s.next_entry_id, static_cast<core::EntryId>(last_entry.column_int(0)) + 1);
  }
  if (with_journal) {
    std::string journal_error;
    s.journal = load_journal(db, journal_error);
    if (!journal_error.empty()) return {{}, false, journal_error};
  } else {
    out.snapshot.journal_loaded = false;
  }

  Statement breaths = db.prepare("SELECT started_at, pattern, planned_s, actual_s, completed FROM breathing_sessions ORDER BY id");
  while (breaths.valid() && breaths.step()) {
    core::BreathingSession b;
    b.started_at = breaths.column_int(0);
    if (!core::parse_breath_pattern(breaths.column_text(1), b.pattern).empty()) continue;
    b.planned_s = breaths.column_double(2);
    b.actual_s = breaths.column_double(3);
    b.completed = breaths.column_int(4) != 0;
    s.breathing_log.push_back(b);
  }

  Statement soothing = db.prepare("SELECT text FROM soothing ORDER BY sort");
  while (soothing.valid() && soothing.step()) s.soothing.push_back(soothing.column_text(0));

  Statement milestones = db.prepare("SELECT at, title FROM milestones ORDER BY sort");
  while (milestones.valid() && milestones.step()) s.milestones.push_back({milestones.column_int(0), milestones.column_text(1)});

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
    if (key == "soothing_seeded") out.snapshot.settings.soothing_seeded = on;
    if (key == "tones") out.snapshot.settings.tones = on;
    if (key == "volume") {
      const std::string v = settings.column_text(1);
      int volume = 30;
      std::from_chars(v.data(), v.data() + v.size(), volume);
      out.snapshot.settings.volume = std::clamp(volume, 0, 100);
    }
    if (key == "idle_lock_minutes") {
      const std::string v = settings.column_text(1);
      int minutes = out.snapshot.settings.idle_lock_minutes;
      std::from_chars(v.data(), v.data() + v.size(), minutes);
      out.snapshot.settings.idle_lock_minutes = std::clamp(minutes, 0, core::max_idle_lock_minutes);
    }
    if (key == "ui_scale_percent" || key == "font_px") {
      const std::string v = settings.column_text(1);
      int& target = key == "font_px" ? out.snapshot.settings.font_px : out.snapshot.settings.ui_scale_percent;
      std::from_chars(v.data(), v.data() + v.size(), target);
      target = key == "font_px" ? std::clamp(target, core::min_font_px, core::max_font_px)
                                : std::clamp(target, core::min_ui_scale_percent, core::max_ui_scale_percent);
    }
    if (key == "crisis_contact") out.snapshot.settings.crisis_contact = core::tidy_crisis_contact(settings.column_text(1));
    if (key == "theme") out.snapshot.settings.theme = core::theme_from_key(settings.column_text(1)).value_or(core::Theme::calm_dark);
  }

  // Journal pages being written, in the order they were begun. Ties to parts that are gone are
  // dropped; the words are kept exactly. A row this app cannot read (a newer app's kind of page) is
  // left in the file, untouched, and its serial is never given to another page.
  Statement page_rows = db.prepare("SELECT serial, is_open, body FROM entry_drafts ORDER BY serial");
  core::PageDrafts& writing = out.snapshot.page_drafts;
  while (page_rows.valid() && page_rows.step()) {
    const std::int64_t serial = page_rows.column_int(0);
    if (serial <= 0) continue;
    writing.next_serial = std::max(writing.next_serial, static_cast<core::DraftSerial>(serial) + 1);
    std::optional<core::PageDraft> page = read_page_text(page_rows.column_text(2));
    if (!page) continue;
    page->serial = static_cast<core::DraftSerial>(serial);
    auto gone = [&](core::PartId p) { return core::find_part(s, p) == nullptr; };
    std::erase_if(page->entry.parts, gone);
    std::erase_if(page->begun_with, gone);
    if (page_rows.column_int(1) != 0 && writing.open == 0) writing.open = page->serial;
    writing.pages.push_back(std::move(*page));
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
                                         "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
                                     &error);
  if (!insert_part.valid()) return fail("Could not save", error);
  Statement update_part = db.prepare(
      "UPDATE parts SET sort = ?2, name = ?3, kind = ?4, archetype = ?5, age = ?6, job = ?7, fears = ?8, "
      "needs_to_feel_safe = ?9, needs_to_hear = ?10, body = ?11, feeling = ?12, comfort = ?13, notes = ?14, color = ?15, "
      "x = ?16, y = ?17, size = ?18, depth = ?19, trust = ?20, created_at = ?21, updated_at = ?22, portrait = ?23 "
      "WHERE id = ?1",
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
      saved.system.next_drawing_id != current.system.next_drawing_id ||
      saved.system.parts.empty() != current.system.parts.empty()) {
    Statement s = db.prepare("INSERT OR REPLACE INTO self_state (id, glow, next_part_id, next_drawing_id) VALUES (1, ?1, ?2, ?3)");
    s.bind(1, static_cast<double>(current.system.self.glow))
        .bind(2, static_cast<std::int64_t>(current.system.next_id))
        .bind(3, static_cast<std::int64_t>(current.system.next_drawing_id));
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
                                     std::pair{"welcome_seen", current.settings.welcome_seen},
                                     std::pair{"soothing_seeded", current.settings.soothing_seeded},
                                     std::pair{"tones", current.settings.tones}}) {
      s.bind(1, std::string_view(key)).bind(2, value_of(value));
      if (!s.run()) return fail("Could not save the settings", s.error());
    }
    s.bind(1, std::string_view("volume")).bind(2, std::to_string(current.settings.volume));
    if (!s.run()) return fail("Could not save the settings", s.error());
    s.bind(1, std::string_view("idle_lock_minutes")).bind(2, std::to_string(current.settings.idle_lock_minutes));
    if (!s.run()) return fail("Could not save the settings", s.error());
    s.bind(1, std::string_view("ui_scale_percent")).bind(2, std::to_string(current.settings.ui_scale_percent));
    if (!s.run()) return fail("Could not save the settings", s.error());
    s.bind(1, std::string_view("font_px")).bind(2, std::to_string(current.settings.font_px));
    if (!s.run()) return fail("Could not save the settings", s.error());
    s.bind(1, std::string_view("theme")).bind(2, std::string(core::theme_key(current.settings.theme)));
    if (!s.run()) return fail("Could not save the settings", s.error());
    s.bind(1, std::string_view("crisis_contact")).bind(2, current.settings.crisis_contact);
    if (!s.run()) return fail("Could not save the settings", s.error());
  }
  // Journal entries: rows, their parts, and their words in the search index, kept in step. Only
  // when both sides hold the journal: one not read yet says nothing about what is on disk.
  // A journal list shared by both states is the same list: nothing in it changed, and years of
  // pages need not be compared.
  if (saved.journal_loaded && current.journal_loaded && !saved.system.journal.shares_with(current.system.journal)) {
    std::unordered_map<core::EntryId, std::size_t> now_entries, was_entries;
    for (std::size_t i = 0; i < current.system.journal.size(); ++i) now_entries[current.system.journal[i].id] = i;
    for (std::size_t i = 0; i < saved.system.journal.size(); ++i) was_entries[saved.system.journal[i].id] = i;
    Statement remove = db.prepare("DELETE FROM entries WHERE id = ?1");
    Statement remove_fts = db.prepare("DELETE FROM entries_fts WHERE docid = ?1");
    Statement put = db.prepare(
        "INSERT OR REPLACE INTO entries (id, sort, type, created_at, updated_at, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    Statement put_fts = db.prepare("INSERT INTO entries_fts (docid, content) VALUES (?1, ?2)");
    Statement clear_parts = db.prepare("DELETE FROM entry_parts WHERE entry_id = ?1");
    Statement add_part = db.prepare("INSERT OR IGNORE INTO entry_parts (entry_id, part_id) VALUES (?1, ?2)");
    if (!remove.valid() || !remove_fts.valid() || !put.valid() || !put_fts.valid() || !clear_parts.valid() || !add_part.valid()) {
      return "Could not save the journal";
    }
    for (const core::Entry& e : saved.system.journal) {
      if (now_entries.count(e.id) != 0) continue;
      const auto id = static_cast<std::int64_t>(e.id);
      if (!remove.bind(1, id).run() || !remove_fts.bind(1, id).run()) return fail("Could not save a removed entry", remove.error());
    }
    for (std::size_t i = 0; i < current.system.journal.size(); ++i) {
      const core::Entry& e = current.system.journal[i];
      const auto was = was_entries.find(e.id);
      if (was != was_entries.end() && was->second == i && saved.system.journal[was->second] == e) continue;
      const auto id = static_cast<std::int64_t>(e.id);
      put.bind(1, id)
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, core::entry_type_spec(e.type).key)
          .bind(4, e.created_at)
          .bind(5, e.updated_at)
          .bind(6, entry_body(e));
      if (!put.run()) return fail("Could not save an entry", put.error());
      if (!remove_fts.bind(1, id).run() || !put_fts.bind(1, id).bind(2, core::searchable_text(e)).run()) {
        return fail("Could not index an entry for search", put_fts.error());
      }
      if (!clear_parts.bind(1, id).run()) return fail("Could not save an entry's parts", clear_parts.error());
      for (core::PartId p : e.parts) {
        if (now_index.count(p) == 0) continue;
        if (!add_part.bind(1, id).bind(2, static_cast<std::int64_t>(p)).run()) return fail("Could not save an entry's parts", add_part.error());
      }
    }
  }

  if (std::string e = save_drawings(db, saved, current); !e.empty()) return e;

  // The breathing log only grows: what is new is what lies past the saved length.
  if (current.system.breathing_log.size() > saved.system.breathing_log.size()) {
    Statement put = db.prepare(
        "INSERT INTO breathing_sessions (started_at, pattern, planned_s, actual_s, completed) VALUES (?1, ?2, ?3, ?4, ?5)");
    for (std::size_t i = saved.system.breathing_log.size(); i < current.system.breathing_log.size(); ++i) {
      const core::BreathingSession& b = current.system.breathing_log[i];
      put.bind(1, b.started_at).bind(2, core::pattern_text(b.pattern)).bind(3, b.planned_s).bind(4, b.actual_s).bind(5, b.completed ? 1 : 0);
      if (!put.run()) return fail("Could not save a breathing session", put.error());
    }
  }

  if (saved.system.soothing != current.system.soothing) {
    if (std::string e = db.exec("DELETE FROM soothing"); !e.empty()) return fail("Could not save the soothing words", e);
    Statement put = db.prepare("INSERT INTO soothing (sort, text) VALUES (?1, ?2)");
    for (std::size_t i = 0; i < current.system.soothing.size(); ++i) {
      if (!put.bind(1, static_cast<std::int64_t>(i)).bind(2, current.system.soothing[i]).run()) {
        return fail("Could not save the soothing words", put.error());
      }
    }
  }

  if (saved.system.milestones != current.system.milestones) {
    if (std::string e = db.exec("DELETE FROM milestones"); !e.empty()) return fail("Could not save the milestones", e);
    Statement put = db.prepare("INSERT INTO milestones (sort, at, title) VALUES (?1, ?2, ?3)");
    for (std::size_t i = 0; i < current.system.milestones.size(); ++i) {
      const core::Milestone& m = current.system.milestones[i];
      if (!put.bind(1, static_cast<std::int64_t>(i)).bind(2, m.at).bind(3, m.title).run()) {
        return fail("Could not save the milestones", put.error());
      }
    }
  }

  // The map's past: an import brings its own; otherwise what changed since the last save.
  if (current.replace_history) {
    if (std::string e = db.exec("DELETE FROM map_history"); !e.empty()) return fail("Could not save the map's history", e);
    if (std::string e = append_history(db, current.history); !e.empty()) return fail("Could not save the map's history", e);
  } else {
    core::MapHistory changes;
    core::record_changes(saved.system, current.system, current.at != 0 ? current.at : std::time(nullptr), changes);
    if (std::string e = append_history(db, changes); !e.empty()) return fail("Could not save the map's history", e);
  }

  // Journal pages being written: a row each, written when its words, its ties or whether it is the
  // open one changed; a page kept or let go is deleted.
  if (saved.page_drafts.pages != current.page_drafts.pages || saved.page_drafts.open != current.page_drafts.open) {
    std::unordered_map<core::DraftSerial, const core::PageDraft*> was;
    for (const core::PageDraft& p : saved.page_drafts.pages) was[p.serial] = &p;
    std::unordered_map<core::DraftSerial, bool> now;
    for (const core::PageDraft& p : current.page_drafts.pages) now[p.serial] = true;
    Statement remove = db.prepare("DELETE FROM entry_drafts WHERE serial = ?1", &error);
    Statement put = db.prepare("INSERT OR REPLACE INTO entry_drafts (serial, is_open, body) VALUES (?1, ?2, ?3)", &error);
    if (!remove.valid() || !put.valid()) return fail("Could not save the pages being written", error);
    for (const core::PageDraft& p : saved.page_drafts.pages) {
      if (now.count(p.serial) != 0) continue;
      if (!remove.bind(1, static_cast<std::int64_t>(p.serial)).run()) return fail("Could not save a page let go", remove.error());
    }
    for (const core::PageDraft& p : current.page_drafts.pages) {
      const bool open = p.serial == current.page_drafts.open;
      const auto w = was.find(p.serial);
      if (w != was.end() && *w->second == p && (p.serial == saved.page_drafts.open) == open) continue;
      put.bind(1, static_cast<std::int64_t>(p.serial)).bind(2, open ? 1 : 0).bind(3, page_text(p));
      if (!put.run()) return fail("Could not save a page being written", put.error());
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

core::MapHistory load_history(Database& db, std::string& error) {
  core::MapHistory out;
  Statement rows = db.prepare("SELECT seq, at, body FROM map_history ORDER BY seq", &error);
  if (!rows.valid()) return {};
  while (rows.step()) {
    core::MapChange c;
    if (std::string e = read_history_body(rows.column_text(2), c); !e.empty()) {
      // One unreadable step would make every later day wrong: say so rather than show a false past.
      error = "The map's history could not be read (step " + std::to_string(rows.column_int(0)) + ": " + e + ").";
      return {};
    }
    c.at = rows.column_int(1);
    out.push_back(std::move(c));
  }
  if (!rows.error().empty()) error = "The map's history could not be read: " + rows.error();
  return error.empty() ? out : core::MapHistory{};
}

std::string clear_history(Database& db, const core::InnerSystem& present, std::int64_t now) {
  Transaction tx(db);
  if (!tx.error().empty()) return tx.error();
  if (std::string e = db.exec("DELETE FROM map_history"); !e.empty()) return "Could not clear the map's history: " + e;
  core::MapHistory start;
  core::record_changes(core::InnerSystem{}, present, now, start);
  if (std::string e = append_history(db, start); !e.empty()) return "Could not clear the map's history: " + e;
  return tx.commit();
}

long history_size(Database& db, std::string& error) {
  Statement count = db.prepare("SELECT count(*) FROM map_history");
  if (!count.valid() || !count.step()) {
    error = "Could not read the map's history: " + count.error();
    return -1;
  }
  return static_cast<long>(count.column_int(0));
}

std::string start_history(Database& db, std::int64_t now) {
  std::string error;
  const long size = history_size(db, error);
  if (size != 0) return error;
  LoadResult loaded = load_snapshot(db, false);
  if (!loaded.error.empty()) return loaded.error;
  const core::InnerSystem& s = loaded.snapshot.system;
  if (s.parts.empty() && s.relationships.empty()) return {};
  return append_history(db, core::baseline_history(core::map_state(s), now));
}

std::vector<core::EntryId> search_entries(Database& db, const std::string& query) {
  // Each word becomes a prefix term; FTS syntax characters are dropped, so nothing a person types
  // can make the query malformed.
  std::string match;
  std::string word;
  auto flush_word = [&] {
    if (!word.empty()) match += (match.empty() ? "" : " ") + word + "*";
    word.clear();
  };
  for (unsigned char c : query) {
    if (std::isalnum(c) != 0 || c >= 0x80) word += static_cast<char>(c);
    else flush_word();
  }
  flush_word();
  std::vector<core::EntryId> out;
  if (match.empty()) return out;
  // Rank by matchinfo: for each term, hits in this entry weighed by how rare the term is overall.
  Statement s = db.prepare("SELECT docid, matchinfo(entries_fts, 'pcx') FROM entries_fts WHERE entries_fts MATCH ?1");
  if (!s.valid()) return out;
  s.bind(1, match);
  std::vector<std::pair<double, core::EntryId>> scored;
  while (s.step()) {
    const std::string blob = s.column_blob(1);
    std::vector<std::uint32_t> info(blob.size() / 4);
    std::memcpy(info.data(), blob.data(), info.size() * 4);
    double score = 0.0;
    if (info.size() >= 2) {
      const std::uint32_t phrases = info[0], columns = info[1];
      for (std::uint32_t p = 0; p < phrases; ++p) {
        for (std::uint32_t c = 0; c < columns; ++c) {
          const std::size_t at = 2 + 3 * (p * columns + c);
          if (at + 2 >= info.size()) continue;
          const double here = info[at], everywhere = info[at + 1], rows_with = info[at + 2];
          score += here / (1.0 + everywhere) * (1.0 + 1.0 / (1.0 + rows_with));
        }
      }
    }
    scored.emplace_back(score, static_cast<core::EntryId>(s.column_int(0)));
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [score, id] : scored) out.push_back(id);
  return out;
}

}  // namespace innerscape::storage
