// The documented JSON form of everything a person has made: written by export, read by import.
#include "storage/json_format.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/arrange.h"
#include "core/edits.h"
#include "storage/answers_json.h"
#include "storage/printable.h"
#include "storage/settings_json.h"
#include "storage/time_text.h"

namespace innerscape::storage {
namespace {

using nlohmann::json;

std::string color_text(std::uint32_t c) {
  char text[8];
  std::snprintf(text, sizeof text, "#%06X", c & 0xFFFFFFu);
  return text;
}

// "#RRGGBB" into 0xRRGGBB; false for anything else.
bool parse_color(const std::string& text, std::uint32_t& out) {
  if (text.size() != 7 || text[0] != '#') return false;
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data() + 1, text.data() + text.size(), value, 16);
  if (ec != std::errc() || end != text.data() + text.size()) return false;
  out = value;
  return true;
}

// A float as the double nearest its shortest decimal form: the file says 12.5 or 0.85 rather than
// 0.8500000238418579, and reads back as exactly the same float.
double short_float(float f) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, f);
  double d = 0.0;
  if (ec != std::errc() || std::from_chars(buf, end, d).ec != std::errc() || static_cast<float>(d) != f) return f;
  return d;
}

std::string_view brush_key(core::Brush brush) { return core::brush_spec(brush).key; }

// Pretty printing puts each number of a stroke's points on a line of its own; a list that holds
// only numbers is written on one line instead, which keeps a big drawing's export a third the size.
std::string compact_number_lists(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      out += c;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[') {
      const std::size_t close = text.find(']', i);
      const bool numbers = close != std::string::npos && close > i + 1 &&
                           std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i) + 1, text.begin() + static_cast<std::ptrdiff_t>(close), [](char k) {
                             return std::isdigit(static_cast<unsigned char>(k)) != 0 || std::isspace(static_cast<unsigned char>(k)) != 0 ||
                                    k == '-' || k == '+' || k == '.' || k == 'e' || k == 'E' || k == ',';
                           });
      if (numbers) {
        for (; i <= close; ++i) {
          if (std::isspace(static_cast<unsigned char>(text[i])) == 0) out += text[i];
        }
        --i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

// Counts how deeply arrays and objects nest, outside strings, without parsing: a file nested a
// thousand deep is refused before a recursive parser could run out of stack.
int nesting_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    else if (c == ']' || c == '}') --depth;
  }
  return deepest;
}

struct PairHash {
  std::size_t operator()(const std::pair<core::PartId, core::PartId>& k) const {
    return std::hash<core::PartId>{}(k.first) * 0x9E3779B97F4A7C15ull ^ std::hash<core::PartId>{}(k.second);
  }
};

// Reading with a path for messages: every failure names where it is and what was expected.
struct Reader {
  std::string error;

  bool fail(const std::string& where, const std::string& what) {
    if (error.empty()) error = where + ": " + what;
    return false;
  }
  const json* field(const json& obj, const char* key) {
    const auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
  }
  bool text(const json& obj, const char* key, const std::string& where, std::string& out, bool required = false) {
    const json* v = field(obj, key);
    if (v == nullptr) return required ? fail(where + "." + key, "is missing") : true;
    if (!v->is_string()) return fail(where + "." + key, "expected a string");
    out = v->get<std::string>();
    return true;
  }
  bool number(const json& obj, const char* key, const std::string& where, double lo, double hi, double& out) {
    const json* v = field(obj, key);
    if (v == nullptr) return true;
    if (!v->is_number()) return fail(where + "." + key, "expected a number");
    const double d = v->get<double>();
    if (!std::isfinite(d) || d < lo || d > hi) {
      return fail(where + "." + key, "expected a number from " + json(lo).dump() + " to " + json(hi).dump());
    }
    out = d;
    return true;
  }
  bool integer(const json& obj, const char* key, const std::string& where, long long lo, long long hi, long long& out) {
    const json* v = field(obj, key);
    if (v == nullptr) return true;
    if (!v->is_number_integer()) return fail(where + "." + key, "expected a whole number");
    const long long i = v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(hi)
                            ? hi + 1
                            : v->get<long long>();
    if (i < lo || i > hi) return fail(where + "." + key, "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    out = i;
    return true;
  }
  bool time(const json& obj, const char* key, const std::string& where, std::int64_t& out) {
    std::string t;
    if (!text(obj, key, where, t) || t.empty()) return error.empty();
    if (!parse_utc_timestamp(t, out)) return fail(where + "." + key, "expected a time like 2026-11-29T08:30:00Z");
    return true;
  }
  // One of an enum's stable keys (core::kind_key, core::relation_key), with the options named on failure.
  template <class Enum>
  bool choice(const json& obj, const char* key, const std::string& where, std::string_view (*key_of)(Enum), int count,
              Enum& out) {
    std::string value;
    if (!text(obj, key, where, value, true)) return false;
    std::string options;
    for (int i = 0; i < count; ++i) {
      const auto e = static_cast<Enum>(i);
      if (value == key_of(e)) {
        out = e;
        return true;
      }
      options += (i ? "|" : "") + std::string(key_of(e));
    }
    return fail(where + "." + key, "expected " + options);
  }
};

// A part's fields, its id as text. Its portrait is the caller's to add: only one the file holds.
nlohmann::ordered_json part_to_json(const core::Part& p) {
  return {
      {"id", std::to_string(p.id)},
      {"name", p.name},
      {"kind", core::kind_key(p.kind)},
      {"archetype", p.archetype},
      {"age", p.age ? nlohmann::ordered_json(*p.age) : nlohmann::ordered_json(nullptr)},
      {"job", p.job},
      {"fears", p.fears},
      {"needs_to_feel_safe", p.needs_to_feel_safe},
      {"needs_to_hear", p.needs_to_hear},
      {"body", p.body},
      {"feeling", p.feeling},
      {"comfort", p.comfort},
      {"notes", p.notes},
      {"color", p.color != 0 ? nlohmann::ordered_json(color_text(p.color)) : nlohmann::ordered_json(nullptr)},
      {"position", {{"x", p.position.x}, {"y", p.position.y}}},
      {"size", p.size},
      {"depth", p.depth},
      {"trust", p.trust},
      {"created_at", utc_timestamp(p.created_at)},
      {"updated_at", utc_timestamp(p.updated_at)},
  };
}

// Reads a part's fields (part_to_json's shape). `id` and `portrait` come back as the file spells
// them; `has_position` says whether it had a place. False with r.error naming the field.
bool read_part(Reader& r, const json& pj, const std::string& where, core::Part& p, std::string& id, std::string& portrait,
               bool& has_position) {
  if (!pj.is_object()) return r.fail(where, "expected an object");
  if (!r.text(pj, "id", where, id, true) || !r.text(pj, "name", where, p.name, true) ||
      !r.choice(pj, "kind", where, &core::kind_key, core::part_kind_count, p.kind)) {
    return false;
  }
  if (id.empty()) return r.fail(where + ".id", "expected a non-empty string");
  long long age = -1, trust = 50;
  double size = 1.0, depth = 0.0;
  std::string color;
  const bool ok = r.text(pj, "archetype", where, p.archetype) && r.integer(pj, "age", where, 0, core::max_age, age) &&
                  r.text(pj, "job", where, p.job) && r.text(pj, "fears", where, p.fears) &&
                  r.text(pj, "needs_to_feel_safe", where, p.needs_to_feel_safe) &&
                  r.text(pj, "needs_to_hear", where, p.needs_to_hear) && r.text(pj, "body", where, p.body) &&
                  r.text(pj, "feeling", where, p.feeling) && r.text(pj, "comfort", where, p.comfort) &&
                  r.text(pj, "notes", where, p.notes) && r.text(pj, "color", where, color) &&
                  r.number(pj, "size", where, core::min_part_size, core::max_part_size, size) &&
                  r.number(pj, "depth", where, 0.0, 1.0, depth) && r.integer(pj, "trust", where, 0, 100, trust) &&
                  r.time(pj, "created_at", where, p.created_at) && r.time(pj, "updated_at", where, p.updated_at);
  if (!ok) return false;
  if (age >= 0) p.age = static_cast<int>(age);
  p.size = static_cast<float>(size);
  p.depth = static_cast<float>(depth);
  p.trust = static_cast<int>(trust);
  if (!color.empty() && !parse_color(color, p.color)) return r.fail(where + ".color", "expected a colour like #56B4E9");
  // The drawing a part wears is named by its id in "drawings"; 0 or none is none.
  portrait.clear();
  if (const json* pv = r.field(pj, "portrait")) {
    if (pv->is_string()) portrait = pv->get<std::string>();
    else if (!pv->is_number_integer() || pv->get<long long>() != 0) return r.fail(where + ".portrait", "expected a drawing's id");
  }
  if (portrait == "0") portrait.clear();
  has_position = false;
  if (const json* pos = r.field(pj, "position")) {
    if (!pos->is_object()) return r.fail(where + ".position", "expected an object with x and y");
    double x = 0.0, y = 0.0;
    if (r.field(*pos, "x") == nullptr || r.field(*pos, "y") == nullptr) return r.fail(where + ".position", "expected both x and y");
    if (!r.number(*pos, "x", where + ".position", -core::max_coordinate, core::max_coordinate, x) ||
        !r.number(*pos, "y", where + ".position", -core::max_coordinate, core::max_coordinate, y)) {
      return false;
    }
    p.position = {static_cast<float>(x), static_cast<float>(y)};
    has_position = true;
  }
  if (p.updated_at < p.created_at) p.updated_at = p.created_at;
  return true;
}

// A whole number id as text ("12"), or 0.
template <class Id>
Id numeric_id(const std::string& id) {
  Id numeric = 0;
  const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), numeric);
  return (ec == std::errc() && end == id.data() + id.size() && numeric > 0 && numeric < (Id{1} << 53)) ? numeric : 0;
}

// One change of the map's past in the file: {"at", "change", then what it carries}.
nlohmann::ordered_json change_to_json(const core::MapChange& c) {
  nlohmann::ordered_json j = {{"at", utc_timestamp(c.at)}, {"change", core::change_key(c.kind)}};
  switch (c.kind) {
    case core::ChangeKind::part:
      j["index"] = c.index;
      j["part"] = part_to_json(c.part);
      if (c.part.portrait != 0) j["part"]["portrait"] = std::to_string(c.part.portrait);
      break;
    case core::ChangeKind::part_gone: j["part"] = std::to_string(c.part.id); break;
    case core::ChangeKind::relationship:
      j["index"] = c.index;
      [[fallthrough]];
    case core::ChangeKind::relationship_gone:
      j["from"] = std::to_string(c.relationship.from);
      j["to"] = std::to_string(c.relationship.to);
      j["kind"] = core::relation_key(c.relationship.kind);
      break;
    case core::ChangeKind::self: j["glow"] = c.glow; break;
  }
  return j;
}

bool read_change(Reader& r, const json& cj, const std::string& where, core::MapChange& c) {
  if (!cj.is_object()) return r.fail(where, "expected an object");
  if (!r.choice(cj, "change", where, &core::change_key, core::change_kind_count, c.kind) || !r.time(cj, "at", where, c.at)) return false;
  long long index = 0;
  if (!r.integer(cj, "index", where, 0, 1'000'000'000, index)) return false;
  c.index = static_cast<std::uint32_t>(index);
  std::string id, from, to, portrait;
  bool placed = false;
  switch (c.kind) {
    case core::ChangeKind::part: {
      const json* pj = r.field(cj, "part");
      if (pj == nullptr) return r.fail(where + ".part", "is missing");
      if (!read_part(r, *pj, where + ".part", c.part, id, portrait, placed)) return false;
      c.part.id = numeric_id<core::PartId>(id);
      c.part.portrait = portrait.empty() ? 0 : numeric_id<core::DrawingId>(portrait);
      if (c.part.id == 0) return r.fail(where + ".part.id", "expected a part's number, as in \"12\"");
      core::sanitize(c.part);
      return true;
    }
    case core::ChangeKind::part_gone:
      if (!r.text(cj, "part", where, id, true)) return false;
      c.part.id = numeric_id<core::PartId>(id);
      return c.part.id != 0 || r.fail(where + ".part", "expected a part's number, as in \"12\"");
    case core::ChangeKind::relationship:
    case core::ChangeKind::relationship_gone:
      if (!r.text(cj, "from", where, from, true) || !r.text(cj, "to", where, to, true) ||
          !r.choice(cj, "kind", where, &core::relation_key, core::relation_kind_count, c.relationship.kind)) {
        return false;
      }
      c.relationship.from = numeric_id<core::PartId>(from);
      c.relationship.to = numeric_id<core::PartId>(to);
      return (c.relationship.from != 0 && c.relationship.to != 0) || r.fail(where, "expected parts' numbers in from and to");
    case core::ChangeKind::self: {
      double glow = c.glow;
      if (r.field(cj, "glow") == nullptr) return r.fail(where + ".glow", "is missing");
      if (!r.number(cj, "glow", where, 0.0, 1.0, glow)) return false;
      c.glow = static_cast<float>(glow);
      return true;
    }
  }
  return false;
}

}  // namespace

std::string history_body(const core::MapChange& change) { return change_to_json(change).dump(); }

std::string read_history_body(std::string_view text, core::MapChange& out) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception&) {
    return "not valid JSON";
  }
  Reader r;
  return read_change(r, j, "change", out) ? std::string() : printable(r.error);
}

std::string to_json(const Snapshot& s, std::int64_t exported_at, const Progress& progress) {
  // The journal is most of the work: its pages carry the fraction up to 0.8; writing the text out, the rest.
  const std::size_t pages = s.system.journal.size();
  std::size_t done = 0;
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  for (const core::Part& p : s.system.parts) {
    nlohmann::ordered_json j = part_to_json(p);
    // Only a drawing that is in the file: an import checks that the portrait names one.
    if (p.portrait != 0 && core::find_drawing(s.system, p.portrait) != nullptr) j["portrait"] = std::to_string(p.portrait);
    parts.push_back(std::move(j));
  }
  nlohmann::ordered_json relationships = nlohmann::ordered_json::array();
  for (const core::Relationship& r : s.system.relationships) {
    relationships.push_back({{"from", std::to_string(r.from)}, {"to", std::to_string(r.to)}, {"kind", core::relation_key(r.kind)}});
  }
  nlohmann::ordered_json journal = nlohmann::ordered_json::array();
  for (const core::Entry& e : s.system.journal) {
    nlohmann::ordered_json parts_of = nlohmann::ordered_json::array();
    for (core::PartId p : e.parts) parts_of.push_back(std::to_string(p));
    journal.push_back({{"id", std::to_string(e.id)},
                       {"type", core::entry_type_spec(e.type).key},
                       {"created_at", utc_timestamp(e.created_at)},
                       {"updated_at", utc_timestamp(e.updated_at)},
                       {"parts", std::move(parts_of)}});
    journal.back().update(answers_to_json(e.answers));
    if (progress && ++done % 2048 == 0) progress(0.8f * static_cast<float>(done) / static_cast<float>(pages));
  }
  if (progress) progress(0.8f);
  // Pages being written, not kept yet: the person's words too, so a copy carries them.
  nlohmann::ordered_json put_aside = nlohmann::ordered_json::array();
  for (const core::PageDraft& page : s.page_drafts.pages) {
    const core::Entry& e = page.entry;
    nlohmann::ordered_json parts_of = nlohmann::ordered_json::array();
    for (core::PartId p : e.parts) {
      if (core::find_part(s.system, p) != nullptr) parts_of.push_back(std::to_string(p));
    }
    nlohmann::ordered_json j = {{"type", core::entry_type_spec(e.type).key}};
    // The entry it changes, when the file holds it; else it travels as a new page, its words whole.
    if (e.id != 0 && core::find_entry(s.system, e.id) != nullptr) j["entry"] = std::to_string(e.id);
    j["parts"] = std::move(parts_of);
    j.update(answers_to_json(e.answers));
    put_aside.push_back(std::move(j));
  }
  const nlohmann::ordered_json doc = {
      {"format", "innerscape"},
      {"version", json_format_version},
      {"exported_at", utc_timestamp(exported_at)},
      {"self", {{"glow", s.system.self.glow}}},
      {"parts", std::move(parts)},
      {"relationships", std::move(relationships)},
      {"journal", std::move(journal)},
      {"pages_put_aside", std::move(put_aside)},
      {"soothing", s.system.soothing},
      {"breathing_sessions", [&] {
         nlohmann::ordered_json list = nlohmann::ordered_json::array();
         for (const core::BreathingSession& b : s.system.breathing_log) {
           list.push_back({{"started_at", utc_timestamp(b.started_at)},
                           {"pattern", core::pattern_text(b.pattern)},
                           {"planned_seconds", b.planned_s},
                           {"actual_seconds", b.actual_s},
                           {"completed", b.completed}});
         }
         return list;
       }()},
      {"drawings", [&] {
         nlohmann::ordered_json list = nlohmann::ordered_json::array();
         for (const core::Drawing& d : s.system.drawings) {
           nlohmann::ordered_json strokes = nlohmann::ordered_json::array();
           for (const core::StrokeRef& stroke : d.strokes) {
             if (stroke == nullptr) continue;
             nlohmann::ordered_json points = nlohmann::ordered_json::array();
             for (const glm::vec2& p : stroke->points) {
               points.push_back(short_float(p.x));
               points.push_back(short_float(p.y));
             }
             strokes.push_back({{"brush", brush_key(stroke->brush)},
                                {"color", color_text(stroke->color)},
                                {"size", short_float(stroke->size)},
                                {"opacity", short_float(stroke->opacity)},
                                {"points", std::move(points)}});
           }
           list.push_back({{"id", std::to_string(d.id)},
                           {"title", d.title},
                           {"paper", color_text(d.paper)},
                           {"prompt", d.prompt},
                           {"created_at", utc_timestamp(d.created_at)},
                           {"updated_at", utc_timestamp(d.updated_at)},
                           {"strokes", std::move(strokes)}});
         }
         return list;
       }()},
      {"milestones", [&] {
         nlohmann::ordered_json list = nlohmann::ordered_json::array();
         for (const core::Milestone& m : s.system.milestones) list.push_back({{"at", utc_timestamp(m.at)}, {"title", m.title}});
         return list;
       }()},
      {"history", [&] {
         nlohmann::ordered_json list = nlohmann::ordered_json::array();
         for (const core::MapChange& c : s.history) list.push_back(change_to_json(c));
         return list;
       }()},
      {"view", {{"center", {{"x", s.view.center.x}, {"y", s.view.center.y}}}, {"zoom", s.view.zoom}}},
      {"settings", settings_to_json(s.settings)},
  };
  return compact_number_lists(doc.dump(2)) + "\n";
}

std::string write_json_file(const Snapshot& snapshot, const std::filesystem::path& path, std::int64_t exported_at,
                            const Progress& progress) {
  const std::string text = to_json(snapshot, exported_at, progress);
  if (progress) progress(0.9f);
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  std::string problem;
  {
    const mode_t old_mask = ::umask(077);  // what a person wrote stays theirs
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    ::umask(old_mask);
    file << text;
    file.flush();
    if (!file) problem = "Could not write " + path.string() + ". Check the folder exists, is writable, and the disk has room.";
  }
  std::error_code ec;
  if (problem.empty()) std::filesystem::rename(tmp, path, ec);
  if (ec) problem = "Could not write " + path.string() + ": " + ec.message();
  if (!problem.empty()) std::filesystem::remove(tmp, ec);
  if (progress && problem.empty()) progress(1.0f);
  return problem;
}

std::string read_json_file(const std::filesystem::path& path, std::string& text) {
  text.clear();
  const std::string name = printable(path.string());
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int why = errno;
    if (why == ENOENT) return "there is no file at " + name + "; check the name and the folder";
    if (why == EACCES) {
      return name + " cannot be read: permission denied. Check that the file is yours to read (ls -l shows it), or copy it somewhere you can read it";
    }
    return name + " cannot be read: " + std::strerror(why);
  }
  struct stat info {};
  std::string problem;
  if (::fstat(fd, &info) != 0) {
    problem = name + " cannot be read: " + std::strerror(errno);
  } else if (S_ISDIR(info.st_mode)) {
    problem = name + " is a folder, not a file; give the .json file an export wrote";
  } else if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) > json_max_bytes) {
    problem = name + " is larger than " + std::to_string(json_max_bytes / (1024 * 1024)) + " MB, far more than an Innerscape export; is it the right file?";
  } else {
    if (S_ISREG(info.st_mode)) text.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[1 << 16];
    for (;;) {
      const ssize_t got = ::read(fd, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        problem = name + " cannot be read: " + std::strerror(errno);
        break;
      }
      if (got == 0) break;
      text.append(buffer, static_cast<std::size_t>(got));
      if (text.size() > json_max_bytes) {  // a pipe or a device says no size beforehand
        problem = name + " is larger than " + std::to_string(json_max_bytes / (1024 * 1024)) +
                  " MB, far more than an Innerscape export; is it the right file?";
        break;
      }
    }
  }
  ::close(fd);
  if (!problem.empty()) text.clear();
  return problem;
}

namespace {

// from_json() before its message is made printable: every refusal below may quote the file.
JsonImport read_json(std::string_view text) {
  JsonImport out;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out.error = text.empty() ? "the file is empty; an Innerscape export never is. Is it the right file?"
                             : "the file holds only blank space; an Innerscape export never does. Is it the right file?";
    return out;
  }
  if (text.size() > json_max_bytes) {
    out.error = "the file is larger than " + std::to_string(json_max_bytes / (1024 * 1024)) +
                " MB, far more than an Innerscape export; is it the right file?";
    return out;
  }
  if (nesting_depth(text) > json_max_depth) {
    out.error = "the file nests deeper than " + std::to_string(json_max_depth) + " levels; an Innerscape export never does";
    return out;
  }
  // A zero byte is never part of JSON, and the parser would take it for the end of the text:
  // whatever follows would be read past unseen.
  if (const std::size_t zero = text.find('\0'); zero != std::string_view::npos) {
    out.error = "the file holds a zero byte (at byte " + std::to_string(zero + 1) +
                "), which JSON never does; the file may be damaged, or something was added to it";
    return out;
  }
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    const bool ends_early = std::string_view(e.what()).find("; expected end of input") != std::string_view::npos;
    out.error = ends_early ? "the file goes on after its JSON ends (at byte " + std::to_string(e.byte) +
                                 "); something may have been added to it, or two files joined"
                           : "not valid JSON (at byte " + std::to_string(e.byte) + "); the file may be cut short or damaged";
    return out;
  } catch (const json::exception&) {
    out.error = "not valid JSON: it holds a number too large to read; the file may be damaged";
    return out;
  }
  Reader r;
  if (!doc.is_object()) {
    out.error = "expected a JSON object at the top";
    return out;
  }
  const json* format = r.field(doc, "format");
  if (format == nullptr) return {{}, "format: is missing; an Innerscape export says \"format\": \"innerscape\"", 0};
  if (!format->is_string() || format->get<std::string>() != "innerscape") return {{}, "format: expected \"innerscape\"", 0};
  const json* version = r.field(doc, "version");
  if (version == nullptr) return {{}, "version: is missing", 0};
  if (!version->is_number_integer() || version->get<long long>() < 1) return {{}, "version: expected a whole number from 1", 0};
  if (version->get<long long>() > json_format_version) {
    return {{}, "version: this file is version " + std::to_string(version->get<long long>()) +
                    ", newer than this Innerscape reads (" + std::to_string(json_format_version) + "); please update Innerscape",
            0};
  }
  if (const json* when = r.field(doc, "exported_at")) {
    std::int64_t at = 0;
    if (!when->is_string() || !parse_utc_timestamp(when->get<std::string>(), at)) {
      return {{}, "exported_at: expected a time like 2026-11-29T08:30:00Z", 0};
    }
  }

  Snapshot& s = out.snapshot;
  if (const json* self = r.field(doc, "self")) {
    if (!self->is_object()) return {{}, "self: expected an object", 0};
    out.has_self = true;
    double glow = s.system.self.glow;
    if (!r.number(*self, "glow", "self", 0.0, 1.0, glow)) return {{}, r.error, 0};
    s.system.self.glow = static_cast<float>(glow);
  }

  const json* parts = r.field(doc, "parts");
  if (parts != nullptr && !parts->is_array()) return {{}, "parts: expected a list", 0};
  // Hashed, not sorted: a million parts are looked up in constant time each.
  std::unordered_map<std::string, core::PartId> ids;
  if (parts != nullptr) ids.reserve(parts->size());
  std::vector<std::string> text_ids;  // each part's id as the file spells it, in part order
  std::vector<bool> placed;
  std::vector<std::string> portraits;  // each part's portrait as the file spells it; empty for none
  core::PartId next_numeric = 1;
  if (parts != nullptr) {
    for (std::size_t i = 0; i < parts->size(); ++i) {
      const std::string where = "parts[" + std::to_string(i) + "]";
      if (i == 0) {
        portraits.reserve(parts->size());
        text_ids.reserve(parts->size());
        placed.reserve(parts->size());
        s.system.parts.reserve(parts->size());
      }
      core::Part p;
      std::string id, portrait;
      bool has_position = false;
      if (!read_part(r, (*parts)[i], where, p, id, portrait, has_position)) return {{}, r.error, 0};
      if (ids.count(id) != 0) return {{}, where + ".id: " + in_quotes(id) + " is used by an earlier part too", 0};
      portraits.push_back(portrait);
      // Numeric ids are kept as they are (so an export imports back exactly); others are numbered after.
      p.id = numeric_id<core::PartId>(id);
      ids[id] = p.id;
      text_ids.push_back(id);
      placed.push_back(!has_position);
      core::sanitize(p);
      s.system.parts.push_back(std::move(p));
    }
  }
  // Ids that were not numbers, or that clash with a numeric one, get fresh numbers.
  std::unordered_set<core::PartId> taken;
  taken.reserve(s.system.parts.size());
  for (const core::Part& p : s.system.parts) {
    if (p.id != 0 && !taken.insert(p.id).second) return {{}, "parts: two ids name the same number", 0};
    next_numeric = std::max(next_numeric, p.id + 1);
  }
  for (std::size_t i = 0; i < s.system.parts.size(); ++i) {
    core::Part& p = s.system.parts[i];
    if (p.id != 0) continue;
    p.id = next_numeric++;
    ids[text_ids[i]] = p.id;
  }
  s.system.next_id = next_numeric;

  const json* rels = r.field(doc, "relationships");
  if (rels != nullptr && !rels->is_array()) return {{}, "relationships: expected a list", 0};
  if (rels != nullptr) {
    std::unordered_set<std::pair<core::PartId, core::PartId>, PairHash> pairs;  // the lower id first
    pairs.reserve(rels->size());
    for (std::size_t i = 0; i < rels->size(); ++i) {
      const json& rj = (*rels)[i];
      const std::string where = "relationships[" + std::to_string(i) + "]";
      if (!rj.is_object()) return {{}, where + ": expected an object", 0};
      std::string from, to;
      core::RelationKind kind = core::RelationKind::allied;
      if (!r.text(rj, "from", where, from, true) || !r.text(rj, "to", where, to, true) ||
          !r.choice(rj, "kind", where, &core::relation_key, core::relation_kind_count, kind)) {
        return {{}, r.error, 0};
      }
      const auto a = ids.find(from);
      const auto b = ids.find(to);
      if (a == ids.end()) return {{}, where + ".from: no part has the id " + in_quotes(from), 0};
      if (b == ids.end()) return {{}, where + ".to: no part has the id " + in_quotes(to), 0};
      if (a->second == b->second) return {{}, where + ": a part cannot relate to itself", 0};
      if (!pairs.insert({std::min(a->second, b->second), std::max(a->second, b->second)}).second) {
        return {{}, where + ": these two parts already have a relationship earlier in the file", 0};
      }
      s.system.relationships.push_back({a->second, b->second, kind});
    }
  }

  // A page's ties to parts, by the file's part ids; false with `r.error` set when one names no part.
  auto read_ties = [&](const json& obj, const std::string& where, std::vector<core::PartId>& ties) {
    const json* ps = r.field(obj, "parts");
    if (ps == nullptr) return true;
    if (!ps->is_array()) return r.fail(where + ".parts", "expected a list of part ids");
    for (std::size_t k = 0; k < ps->size(); ++k) {
      const json& pid = (*ps)[k];
      if (!pid.is_string()) return r.fail(where + ".parts[" + std::to_string(k) + "]", "expected a part's id, as a string like \"4\"");
      const auto it = ids.find(pid.get<std::string>());
      if (it == ids.end()) return r.fail(where + ".parts[" + std::to_string(k) + "]", "no part has the id " + in_quotes(pid.get<std::string>()));
      ties.push_back(it->second);
    }
    return true;
  };
  const json* journal = r.field(doc, "journal");
  if (journal != nullptr && !journal->is_array()) return {{}, "journal: expected a list", 0};
  std::map<std::string, core::EntryId> entry_numbers;  // each entry's id as the file spells it, and its number
  if (journal != nullptr) {
    std::vector<std::string> entry_text_ids;
    std::set<std::string> entry_ids;
    for (std::size_t i = 0; i < journal->size(); ++i) {
      const json& ej = (*journal)[i];
      const std::string where = "journal[" + std::to_string(i) + "]";
      if (!ej.is_object()) return {{}, where + ": expected an object", 0};
      std::string id, type_key;
      if (!r.text(ej, "id", where, id, true) || !r.text(ej, "type", where, type_key, true)) return {{}, r.error, 0};
      if (!entry_ids.insert(id).second) return {{}, where + ".id: " + in_quotes(id) + " is used by an earlier entry too", 0};
      entry_text_ids.push_back(id);
      const core::EntryTypeSpec* spec = core::find_entry_type(type_key);
      if (spec == nullptr) {
        std::string options;
        for (const core::EntryTypeSpec& t : core::entry_types()) options += (options.empty() ? "" : "|") + std::string(t.key);
        return {{}, where + ".type: expected " + options, 0};
      }
      core::Entry e;
      e.type = spec->type;
      if (!r.time(ej, "created_at", where, e.created_at) || !r.time(ej, "updated_at", where, e.updated_at)) return {{}, r.error, 0};
      if (!read_ties(ej, where, e.parts)) return {{}, r.error, 0};
      if (std::string problem = read_answers(ej, e.answers, spec, where); !problem.empty()) return {{}, problem, 0};
      core::EntryId numeric = 0;
      const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), numeric);
      e.id = (ec == std::errc() && end == id.data() + id.size() && numeric > 0) ? numeric : 0;
      core::sanitize(e);
      s.system.journal.push_back(std::move(e));
    }
    // Entry ids that were not numbers, or clash, get fresh numbers after the highest.
    core::EntryId next_entry = 1;
    std::set<core::EntryId> entry_taken;
    std::vector<core::Entry>& pages = s.system.journal.edit();
    for (core::Entry& e : pages) {
      if (e.id != 0 && !entry_taken.insert(e.id).second) e.id = 0;
      next_entry = std::max(next_entry, e.id + 1);
    }
    for (core::Entry& e : pages) {
      if (e.id == 0) e.id = next_entry++;
    }
    s.system.next_entry_id = next_entry;
    for (std::size_t i = 0; i < pages.size(); ++i) entry_numbers[entry_text_ids[i]] = pages[i].id;
  }

  // Pages being written: like journal entries, with no id or times of their own; `entry` names the
  // journal entry a page changes. They come as pages put aside.
  if (const json* waiting = r.field(doc, "pages_put_aside")) {
    if (!waiting->is_array()) return {{}, "pages_put_aside: expected a list", 0};
    for (std::size_t i = 0; i < waiting->size(); ++i) {
      const json& pj = (*waiting)[i];
      const std::string where = "pages_put_aside[" + std::to_string(i) + "]";
      if (!pj.is_object()) return {{}, where + ": expected an object", 0};
      std::string type_key, entry;
      if (!r.text(pj, "type", where, type_key, true) || !r.text(pj, "entry", where, entry)) return {{}, r.error, 0};
      const core::EntryTypeSpec* spec = core::find_entry_type(type_key);
      if (spec == nullptr) {
        std::string options;
        for (const core::EntryTypeSpec& t : core::entry_types()) options += (options.empty() ? "" : "|") + std::string(t.key);
        return {{}, where + ".type: expected " + options, 0};
      }
      core::PageDraft page{.serial = i + 1, .entry = {.type = spec->type}};
      if (!entry.empty()) {
        const auto it = entry_numbers.find(entry);
        if (it == entry_numbers.end()) return {{}, where + ".entry: no journal entry has the id " + in_quotes(entry), 0};
        const core::Entry* changed = core::find_entry(s.system, it->second);
        if (changed->type != spec->type) return {{}, where + ".type: the entry it changes is a " + std::string(core::entry_type_spec(changed->type).key), 0};
        page.entry.id = changed->id;
        page.entry.created_at = changed->created_at;
      }
      if (!read_ties(pj, where, page.entry.parts)) return {{}, r.error, 0};
      if (std::string problem = read_answers(pj, page.entry.answers, spec, where); !problem.empty()) return {{}, problem, 0};
      core::sanitize(page.entry);
      s.page_drafts.pages.push_back(std::move(page));
    }
    s.page_drafts.next_serial = core::next_serial_after(s.page_drafts.pages);
  }

  if (const json* breaths = r.field(doc, "breathing_sessions")) {
    if (!breaths->is_array()) return {{}, "breathing_sessions: expected a list", 0};
    for (std::size_t i = 0; i < breaths->size(); ++i) {
      const json& bj = (*breaths)[i];
      const std::string where = "breathing_sessions[" + std::to_string(i) + "]";
      if (!bj.is_object()) return {{}, where + ": expected an object", 0};
      core::BreathingSession b;
      std::string pattern;
      if (!r.text(bj, "pattern", where, pattern, true) || !r.time(bj, "started_at", where, b.started_at) ||
          !r.number(bj, "planned_seconds", where, 0.0, 24 * 3600.0, b.planned_s) ||
          !r.number(bj, "actual_seconds", where, 0.0, 24 * 3600.0, b.actual_s)) {
        return {{}, r.error, 0};
      }
      if (const std::string e = core::parse_breath_pattern(pattern, b.pattern); !e.empty()) return {{}, where + ".pattern: " + e, 0};
      if (const json* done = r.field(bj, "completed")) {
        if (!done->is_boolean()) return {{}, where + ".completed: expected true or false", 0};
        b.completed = done->get<bool>();
      }
      s.system.breathing_log.push_back(b);
    }
  }

  if (const json* soothing = r.field(doc, "soothing")) {
    if (!soothing->is_array()) return {{}, "soothing: expected a list of sentences", 0};
    for (std::size_t i = 0; i < soothing->size(); ++i) {
      if (!(*soothing)[i].is_string()) return {{}, "soothing[" + std::to_string(i) + "]: expected a string", 0};
      s.system.soothing.push_back((*soothing)[i].get<std::string>());
    }
  }

  if (const json* milestones = r.field(doc, "milestones")) {
    if (!milestones->is_array()) return {{}, "milestones: expected a list", 0};
    for (std::size_t i = 0; i < milestones->size(); ++i) {
      const json& mj = (*milestones)[i];
      const std::string where = "milestones[" + std::to_string(i) + "]";
      if (!mj.is_object()) return {{}, where + ": expected an object", 0};
      core::Milestone m;
      if (!r.time(mj, "at", where, m.at) || !r.text(mj, "title", where, m.title, true)) return {{}, r.error, 0};
      const core::Edit added = core::add_milestone(s.system, std::move(m));  // trimmed and kept in time order
      core::apply_edit(s.system, added);
    }
  }

  if (const json* history = r.field(doc, "history")) {
    if (!history->is_array()) return {{}, "history: expected a list", 0};
    for (std::size_t i = 0; i < history->size(); ++i) {
      core::MapChange c;
      if (!read_change(r, (*history)[i], "history[" + std::to_string(i) + "]", c)) return {{}, r.error, 0};
      if (!s.history.empty() && c.at < s.history.back().at) {
        return {{}, "history[" + std::to_string(i) + "].at: earlier than the change before it; the history must be in time order", 0};
      }
      s.history.push_back(std::move(c));
    }
  }

  // Drawings, then the portraits that name them.
  std::map<std::string, core::DrawingId> drawing_ids;
  if (const json* drawings = r.field(doc, "drawings")) {
    if (!drawings->is_array()) return {{}, "drawings: expected a list", 0};
    std::vector<std::string> drawing_text_ids;
    for (std::size_t i = 0; i < drawings->size(); ++i) {
      const json& dj = (*drawings)[i];
      const std::string where = "drawings[" + std::to_string(i) + "]";
      if (!dj.is_object()) return {{}, where + ": expected an object", 0};
      core::Drawing d;
      std::string id, paper;
      if (!r.text(dj, "id", where, id, true) || !r.text(dj, "title", where, d.title) || !r.text(dj, "paper", where, paper) ||
          !r.text(dj, "prompt", where, d.prompt) || !r.time(dj, "created_at", where, d.created_at) ||
          !r.time(dj, "updated_at", where, d.updated_at)) {
        return {{}, r.error, 0};
      }
      if (id.empty()) return {{}, where + ".id: expected a non-empty string", 0};
      if (drawing_ids.count(id) != 0) return {{}, where + ".id: " + in_quotes(id) + " is used by an earlier drawing too", 0};
      if (!paper.empty() && !parse_color(paper, d.paper)) return {{}, where + ".paper: expected a colour like #F7F2E8", 0};
      if (d.updated_at < d.created_at) d.updated_at = d.created_at;
      if (const json* strokes = r.field(dj, "strokes")) {
        if (!strokes->is_array()) return {{}, where + ".strokes: expected a list", 0};
        d.strokes.reserve(strokes->size());
        for (std::size_t k = 0; k < strokes->size(); ++k) {
          const json& sj = (*strokes)[k];
          const std::string at = where + ".strokes[" + std::to_string(k) + "]";
          if (!sj.is_object()) return {{}, at + ": expected an object", 0};
          core::Stroke stroke;
          if (!r.choice(sj, "brush", at, &brush_key, core::brush_count, stroke.brush)) return {{}, r.error, 0};
          const core::BrushSpec& spec = core::brush_spec(stroke.brush);
          double size = spec.default_size, opacity = spec.default_opacity;
          std::string color;
          if (!r.text(sj, "color", at, color) || !r.number(sj, "size", at, core::min_brush_size, core::max_brush_size, size) ||
              !r.number(sj, "opacity", at, 0.0, 1.0, opacity)) {
            return {{}, r.error, 0};
          }
          if (!color.empty() && !parse_color(color, stroke.color)) return {{}, at + ".color: expected a colour like #3B3A4A", 0};
          stroke.size = static_cast<float>(size);
          stroke.opacity = static_cast<float>(opacity);
          const json* points = r.field(sj, "points");
          if (points == nullptr) return {{}, at + ".points: is missing", 0};
          if (!points->is_array()) return {{}, at + ".points: expected a list of numbers x0, y0, x1, y1, ...", 0};
          if (points->size() % 2 != 0) return {{}, at + ".points: expected an even count of numbers", 0};
          // Far outside the canvas is refused as damage; sanitize() then keeps points near the sheet.
          constexpr double limit = 100000.0;
          stroke.points.reserve(points->size() / 2);
          for (std::size_t n = 0; n < points->size(); n += 2) {
            float xy[2] = {0.0f, 0.0f};
            for (std::size_t c = 0; c < 2; ++c) {
              const json& v = (*points)[n + c];
              const double value = v.is_number() ? v.get<double>() : NAN;
              if (!std::isfinite(value) || std::abs(value) > limit) {
                return {{}, at + ".points[" + std::to_string(n + c) + "]: expected a number from -100000 to 100000", 0};
              }
              xy[c] = static_cast<float>(value);
            }
            stroke.points.emplace_back(xy[0], xy[1]);
          }
          core::sanitize(stroke);
          if (!core::is_visible(stroke)) continue;  // nothing to paint: the model never keeps one
          d.strokes.push_back(std::make_shared<const core::Stroke>(std::move(stroke)));
        }
      }
      d.id = numeric_id<core::DrawingId>(id);
      drawing_ids[id] = d.id;
      drawing_text_ids.push_back(id);
      s.system.drawings.push_back(std::move(d));
    }
    // Ids that were not numbers get fresh numbers after the highest.
    core::DrawingId next_drawing = 1;
    std::set<core::DrawingId> drawing_taken;
    for (const core::Drawing& d : s.system.drawings) {
      if (d.id != 0 && !drawing_taken.insert(d.id).second) return {{}, "drawings: two ids name the same number", 0};
      next_drawing = std::max(next_drawing, d.id + 1);
    }
    for (std::size_t i = 0; i < s.system.drawings.size(); ++i) {
      core::Drawing& d = s.system.drawings[i];
      if (d.id != 0) continue;
      d.id = next_drawing++;
      drawing_ids[drawing_text_ids[i]] = d.id;
    }
    s.system.next_drawing_id = next_drawing;
  }
  for (std::size_t i = 0; i < portraits.size(); ++i) {
    if (portraits[i].empty()) continue;
    const auto it = drawing_ids.find(portraits[i]);
    if (it == drawing_ids.end()) {
      return {{}, "parts[" + std::to_string(i) + "].portrait: no drawing has the id " + in_quotes(portraits[i]), 0};
    }
    s.system.parts[i].portrait = it->second;
  }

  // The camera and the person's choices: what is there must be of the right kind, as everywhere.
  if (const json* view = r.field(doc, "view")) {
    if (!view->is_object()) return {{}, "view: expected an object with center and zoom", 0};
    double zoom = 1.0, x = 0.0, y = 0.0;
    if (const json* c = r.field(*view, "center")) {
      if (!c->is_object()) return {{}, "view.center: expected an object with x and y", 0};
      if (!r.number(*c, "x", "view.center", -core::max_coordinate, core::max_coordinate, x) ||
          !r.number(*c, "y", "view.center", -core::max_coordinate, core::max_coordinate, y)) {
        return {{}, r.error, 0};
      }
    }
    if (!r.number(*view, "zoom", "view", core::min_zoom, core::max_zoom, zoom)) return {{}, r.error, 0};
    s.view.center = {static_cast<float>(x), static_cast<float>(y)};
    s.view.zoom = static_cast<float>(zoom);
    out.has_view = true;
  }
  if (const json* settings = r.field(doc, "settings")) {
    if (std::string e = read_settings(*settings, "settings", s.settings); !e.empty()) return {{}, std::move(e), 0};
    out.settings_given = *settings;
  }

  // Parts that came without a place are placed the way Arrange would.
  int unplaced = 0;
  for (bool b : placed) unplaced += b ? 1 : 0;
  if (unplaced > 0) {
    std::unordered_map<core::PartId, glm::vec2> arranged;
    for (const auto& [id, pos] : core::arranged_positions(s.system)) arranged[id] = pos;
    for (std::size_t i = 0; i < s.system.parts.size(); ++i) {
      if (placed[i]) s.system.parts[i].position = arranged.at(s.system.parts[i].id);
    }
  }
  out.parts_placed = unplaced;
  // The past ends where the file's present begins: whatever the replay does not give (a file
  // edited by hand, parts placed just now) becomes one last change.
  if (!s.history.empty()) {
    core::record_changes(core::state_at(s.history, s.history.back().at), core::map_state(s.system), s.history.back().at, s.history);
    s.replace_history = true;
  }
  return out;
}

}  // namespace

JsonImport from_json(std::string_view text) {
  JsonImport out = read_json(text);
  out.error = printable(out.error);
  return out;
}

namespace {

// The imported pages being written join the map's own (which are never replaced), as pages put
// aside, their parts and entries renumbered as the map's import renumbered them.
void add_pages(core::PageDrafts& into, const core::PageDrafts& imported, const std::function<core::PartId(core::PartId)>& part,
               const std::function<core::EntryId(core::EntryId)>& entry) {
  for (core::PageDraft page : imported.pages) {
    page.serial = into.next_serial++;
    for (core::PartId& p : page.entry.parts) p = part(p);
    page.begun_with.clear();
    page.entry.id = entry(page.entry.id);
    into.pages.push_back(std::move(page));
  }
}

}  // namespace

Snapshot merge_import(const Snapshot& into, JsonImport file) {
  Snapshot& imported = file.snapshot;
  Snapshot out = into;
  // What the map has of its own that a file adds to, whichever kind of map it is: soothing words and
  // milestones (none twice), breathing sessions (the log only grows).
  const auto add_the_rest = [&] {
    out.system.breathing_log.insert(out.system.breathing_log.end(), imported.system.breathing_log.begin(),
                                   imported.system.breathing_log.end());
    std::unordered_set<std::string> soothing(out.system.soothing.begin(), out.system.soothing.end());
    for (const std::string& words : imported.system.soothing) {
      if (soothing.insert(words).second) out.system.soothing.push_back(words);
    }
    for (const core::Milestone& m : imported.system.milestones) {
      if (std::find(out.system.milestones.begin(), out.system.milestones.end(), m) == out.system.milestones.end()) {
        core::apply_edit(out.system, core::add_milestone(out.system, m));
      }
    }
  };

  if (into.system.parts.empty() && into.system.journal.empty() && into.system.drawings.empty()) {
    // The file's map, ids and all, into the map's empty places.
    out.system.parts = std::move(imported.system.parts);
    out.system.relationships = std::move(imported.system.relationships);
    out.system.journal = std::move(imported.system.journal);
    out.system.drawings = std::move(imported.system.drawings);
    out.system.next_id = std::max(imported.system.next_id, into.system.next_id);
    out.system.next_entry_id = std::max(imported.system.next_entry_id, into.system.next_entry_id);
    out.system.next_drawing_id = std::max(imported.system.next_drawing_id, into.system.next_drawing_id);
    out.thumbnails = std::move(imported.thumbnails);
    out.drafts.clear();  // words typed into parts that are not there any more have nowhere to go
    // What the file says of the Self, the view and the settings; what it leaves out stays the map's.
    if (file.has_self) out.system.self = imported.system.self;
    if (file.has_view) out.view = imported.view;
    if (!file.settings_given.is_null()) read_settings(file.settings_given, "settings", out.settings);  // checked already
    add_the_rest();
    out.history = std::move(imported.history);
    out.replace_history = imported.replace_history;
    // The file's past ends at its own Self; a map keeping its own light ends there, one change later.
    if (out.replace_history && !out.history.empty() && out.system.self.glow != imported.system.self.glow) {
      core::MapChange light{.at = out.history.back().at, .kind = core::ChangeKind::self};
      light.glow = out.system.self.glow;
      out.history.push_back(std::move(light));
    }
    // An empty map may still have pages being written. One changing an entry no longer there stays
    // a new page: the file's entries keep their ids, and one of them may have that id.
    for (core::PageDraft& page : out.page_drafts.pages) page.entry.id = 0;
    add_pages(out.page_drafts, imported.page_drafts, [](core::PartId p) { return p; }, [](core::EntryId e) { return e; });
    return out;
  }
  // Drawings first, so the parts that wear them can follow their new ids. Strokes are shared as they are.
  std::unordered_map<core::DrawingId, core::DrawingId> redraw;
  for (core::Drawing d : imported.system.drawings) {
    const core::DrawingId fresh = core::peek_next_drawing_id(out.system);
    redraw[d.id] = fresh;
    d.id = fresh;
    out.system.drawings.push_back(std::move(d));
    out.system.next_drawing_id = fresh + 1;
  }
  std::unordered_map<core::PartId, core::PartId> renumber;
  out.system.parts.reserve(out.system.parts.size() + imported.system.parts.size());
  for (core::Part p : imported.system.parts) {
    const core::PartId fresh = core::peek_next_id(out.system);
    renumber[p.id] = fresh;
    p.id = fresh;
    const auto worn = redraw.find(p.portrait);
    p.portrait = worn != redraw.end() ? worn->second : 0;
    out.system.parts.push_back(std::move(p));
    out.system.next_id = fresh + 1;
  }
  for (core::Relationship r : imported.system.relationships) {
    r.from = renumber.at(r.from);
    r.to = renumber.at(r.to);
    out.system.relationships.push_back(r);
  }
  add_the_rest();
  std::unordered_map<core::EntryId, core::EntryId> rewrite;
  for (core::Entry e : imported.system.journal) {
    const core::EntryId fresh = core::peek_next_entry_id(out.system);
    rewrite[e.id] = fresh;
    e.id = fresh;
    for (core::PartId& p : e.parts) p = renumber.at(p);
    out.system.next_entry_id = e.id + 1;
    out.system.journal.push_back(std::move(e));
  }
  add_pages(out.page_drafts, imported.page_drafts, [&](core::PartId p) { return renumber.at(p); },
            [&](core::EntryId e) { return e == 0 ? 0 : rewrite.at(e); });
  return out;
}

}  // namespace innerscape::storage
