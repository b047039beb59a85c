// Markdown a person can read and keep: an overview, a note per part with YAML front matter, and
// each drawing as a picture.
#include "storage/markdown_export.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <sstream>
#include <system_error>

#include "core/archetypes.h"
#include "core/ink.h"
#include "core/wording.h"
#include "storage/png.h"
#include "storage/private_files.h"
#include "storage/time_text.h"

namespace innerscape::storage {
namespace {

std::string yaml_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

void section(std::ostringstream& out, const char* question, const std::string& answer) {
  if (answer.empty()) return;
  out << "### " << question << "\n\n" << answer << "\n\n";
}

std::string write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    // Owner-only (0600) from the first byte, like everything else that holds the person's words.
    const int fd = open_private_file(tmp, O_TRUNC);
    bool ok = fd >= 0 && write_all(fd, text);
    if (fd >= 0 && ::close(fd) != 0) ok = false;
    if (!ok) return "Could not write " + path.string() + ". Check the folder is writable and the disk has room.";
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);  // whole or not at all
  if (ec) return "Could not write " + path.string() + ": " + ec.message();
  return {};
}

// A name made safe for any file system: lower-case letters and digits joined by dashes, letters of
// other scripts kept, at most about 60 bytes, never a broken character; `fallback` when nothing is left.
std::string slug_of(const std::string& name, const char* fallback) {
  std::string slug;
  for (unsigned char c : name) {
    if (std::isalnum(c) != 0) {
      slug += static_cast<char>(std::tolower(c));
    } else if (c >= 0x80) {
      slug += static_cast<char>(c);  // letters of other scripts are kept as they are
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    if (slug.size() > 60) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  // A cut inside a multi-byte character would leave a broken name: drop an incomplete last character.
  std::size_t lead = slug.size();
  while (lead > 0 && (static_cast<unsigned char>(slug[lead - 1]) & 0xC0) == 0x80) --lead;
  if (lead > 0 && (static_cast<unsigned char>(slug[lead - 1]) & 0x80) != 0) {
    const auto first = static_cast<unsigned char>(slug[lead - 1]);
    const std::size_t want = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
    if (slug.size() - (lead - 1) < want) slug.resize(lead - 1);
  }
  if (slug.empty()) slug = fallback;
  return slug;
}

// Text for the inside of a Markdown link's [brackets]: brackets and backslashes escaped, one line.
std::string link_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c == '\n' || c == '\r' ? ' ' : c;
  }
  return out;
}

}  // namespace

std::string note_file_name(const core::Part& part) { return slug_of(part.name, "part") + "-" + std::to_string(part.id) + ".md"; }

std::string drawing_file_name(const core::Drawing& drawing) {
  return slug_of(drawing.title, "drawing") + "-" + std::to_string(drawing.id) + ".png";
}

std::string export_markdown(const Snapshot& snapshot, const std::filesystem::path& dir) {
  // The folders are the person's alone (0700), like the files in them.
  if (std::string e = make_private_dir(dir / "parts"); !e.empty()) return "Could not prepare the export: " + e;
  if (std::string e = make_private_dir(dir); !e.empty()) return "Could not prepare the export: " + e;
  const core::InnerSystem& s = snapshot.system;
  if (!s.drawings.empty()) {
    if (std::string e = make_private_dir(dir / "drawings"); !e.empty()) return "Could not prepare the export: " + e;
  }
  // Painted again from the strokes, so the picture is the whole drawing whatever thumbnail was kept.
  for (const core::Drawing& d : s.drawings) {
    if (std::string e = write_png(dir / "drawings" / drawing_file_name(d), core::flatten(core::paint_drawing(d), d.paper)); !e.empty()) {
      return e;
    }
  }

  std::ostringstream index;
  index << "---\ntitle: \"My inner system\"\ntags: [innerscape]\n---\n\n# My inner system\n\n"
        << "At the centre is the Self: calm, curious and kind. Around it, " << s.parts.size()
        << (s.parts.size() == 1 ? " part" : " parts") << ".\n\n";
  for (int k = 0; k < core::part_kind_count; ++k) {
    const auto kind = static_cast<core::PartKind>(k);
    bool any = false;
    for (const core::Part& p : s.parts) {
      if (p.kind != kind) continue;
      if (!any) index << "## " << core::kind_plural(kind) << "\n\n";
      any = true;
      index << "- [" << p.name << "](parts/" << note_file_name(p) << ")" << (p.age ? " (age " + std::to_string(*p.age) + ")" : "") << "\n";
    }
    if (any) index << "\n";
  }
  if (!s.drawings.empty()) index << "## Drawings\n\n";
  for (const core::Drawing& d : s.drawings) {
    index << "### " << link_text(d.title) << "\n\n"
          << "![" << link_text(d.title) << "](drawings/" << drawing_file_name(d) << ")\n\n"
          << "Drawn " << utc_date(d.created_at) << ".\n\n";
  }
  if (std::string e = write_file(dir / "README.md", index.str()); !e.empty()) return e;

  for (const core::Part& p : s.parts) {
    std::ostringstream note;
    note << "---\n"
         << "id: \"" << p.id << "\"\n"
         << "name: " << yaml_string(p.name) << "\n"
         << "kind: " << core::kind_key(p.kind) << "\n";
    if (!p.archetype.empty()) note << "archetype: " << yaml_string(p.archetype) << "\n";
    if (p.age) note << "age: " << *p.age << "\n";
    note << "trust_in_self: " << p.trust << "\n"
         << "created: " << utc_date(p.created_at) << "\n"
         << "updated: " << utc_date(p.updated_at) << "\n"
         << "tags: [innerscape, " << core::kind_key(p.kind) << "]\n"
         << "---\n\n"
         << "# " << p.name << "\n\n"
         << core::with_article(core::kind_name(p.kind), true) << (p.age ? ", about " + std::to_string(*p.age) + " years old" : "") << ".";
    if (const core::Archetype* a = core::find_archetype(p.archetype)) note << " " << a->description;
    note << "\n\n";
    if (const core::Drawing* portrait = p.portrait != 0 ? core::find_drawing(s, p.portrait) : nullptr) {
      note << "![" << link_text(portrait->title) << "](../drawings/" << drawing_file_name(*portrait) << ")\n\n";
    }
    note << "## Meet this part\n\n";
    section(note, "What is it feeling?", p.feeling);
    section(note, "What does it need in order to feel safe?", p.needs_to_feel_safe);
    section(note, "What does it need to hear from you?", p.needs_to_hear);
    section(note, "What would comfort it?", p.comfort);
    section(note, "What does it do to protect you?", p.job);
    section(note, "What is it afraid would happen if it stopped?", p.fears);
    section(note, "Where do you feel it in your body?", p.body);
    section(note, "Notes", p.notes);
    bool any = false;
    for (const core::Relationship& r : s.relationships) {
      if (r.from != p.id && r.to != p.id) continue;
      const core::Part* other = core::find_part(s, r.from == p.id ? r.to : r.from);
      if (other == nullptr) continue;
      if (!any) note << "## How it relates\n\n";
      any = true;
      std::string verb = r.kind == core::RelationKind::protects ? (r.from == p.id ? "protects" : "is protected by")
                                                                 : std::string(core::relation_name(r.kind));
      note << "- " << verb << " [" << other->name << "](" << note_file_name(*other) << ")\n";
    }
    if (std::string e = write_file(dir / "parts" / note_file_name(p), note.str()); !e.empty()) return e;
  }
  return {};
}

}  // namespace innerscape::storage
