// The documented JSON form of everything a person has made (see docs/json-format.md): written by
// `innerscape export --format json`, read back by `innerscape import`. Reading validates the whole
// file first and names the exact place of any problem, so a bad file changes nothing.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "storage/map_store.h"

namespace innerscape::storage {

inline constexpr int json_format_version = 1;
// Far beyond any real map; room for drawings of many thousands of strokes (a point is about 20 bytes).
inline constexpr std::size_t json_max_bytes = 256u * 1024u * 1024u;
inline constexpr int json_max_depth = 32;  // the format nests 6 deep (a stroke's points)

// How far a long piece of work has come, 0 .. 1, called now and then from the thread doing it.
using Progress = std::function<void(float)>;

// The snapshot as pretty-printed JSON text. `exported_at` is seconds since 1970. `progress`, if
// given, hears how far it is (years of journal take a second or two).
std::string to_json(const Snapshot& snapshot, std::int64_t exported_at, const Progress& progress = {});

// Writes to_json() to `path` for the person alone (0600), whole or not at all: through a file beside
// it, renamed into place. Empty on success, else what went wrong and what to do.
std::string write_json_file(const Snapshot& snapshot, const std::filesystem::path& path, std::int64_t exported_at,
                            const Progress& progress = {});

// One change of the map's past in the file's shape (the database keeps each one this way too), and
// read back: empty, or what is wrong with it.
std::string history_body(const core::MapChange& change);
std::string read_history_body(std::string_view text, core::MapChange& out);

struct JsonImport {
  Snapshot snapshot;        // valid only when error is empty
  std::string error;        // e.g. "parts[3].kind: expected manager|firefighter|exile"; never holds a control character
  int parts_placed = 0;     // parts that came without a position, placed by auto-arrange
  // What the file said beyond its lists, so an import changes that and nothing else: a file silent
  // about the Self, the view or a setting leaves the map's own as it is.
  bool has_self = false;
  bool has_view = false;
  nlohmann::json settings_given;  // the file's "settings" as read (already checked); null when it had none
};

// Parses and validates a whole file's text. Nothing is partly read: either all of it is good, or
// the first problem is named and the result is empty. The whole text must be the JSON: a zero byte
// or anything but blank space after it is refused.
JsonImport from_json(std::string_view text);

// Reads a file for from_json(): empty on success, else what is wrong with the file itself (it is not
// there, cannot be read and why, is a folder, or is far too big), in words for a person. An empty
// file reads as empty text, which from_json() then names.
std::string read_json_file(const std::filesystem::path& path, std::string& text);

// Adds the imported map to `into`, and only adds: nothing of `into` is taken away or reset.
// With an empty map (no parts, journal or drawings) the file's ids are kept (numeric ids round-trip
// exactly), and the Self's light, the view and the settings the file gives are taken; otherwise
// imported parts, entries and drawings get new ids so nothing already there is touched, the
// imported parts' portraits follow their drawings' new ids, and the map's light, view and settings
// stay its own. Either way soothing words and milestones join the map's own (none twice), breathing
// sessions are added to its log, and pages being written join those waiting.
// `imported` is taken by value: a caller done with it moves it in, and a million parts are moved, not copied.
Snapshot merge_import(const Snapshot& into, JsonImport imported);

}  // namespace innerscape::storage
