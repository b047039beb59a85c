// Import only adds, reads nothing but the JSON itself, and shows file content safely: an import into
// a map with no parts keeps the map's own words and choices; wrong types, a zero byte and bytes after
// the JSON are refused; what a refusal repeats from the file holds no control character; a file that
// cannot be read says why; an export's --out is checked against the data folder however it is spelled.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/breathing.h"
#include "core/demo_system.h"
#include "core/map_history.h"
#include "storage/json_format.h"
#include "storage/path_within.h"
#include "storage/printable.h"
#include "test_store.h"
#include "test_tmp.h"

using namespace innerscape;

namespace {

const std::string head = R"({"format": "innerscape", "version": 1, )";

// A map with no parts, journal or drawings, but with everything else a person makes their own.
storage::Snapshot words_and_choices() {
  storage::Snapshot s;
  s.system.soothing = {"Breathe; you are here.", "This feeling will pass."};
  s.system.milestones = {{.at = 1767225600, .title = "First kind word to myself"}};
  s.system.breathing_log.push_back({.started_at = 1767225000, .pattern = core::breath_presets()[0].pattern, .planned_s = 60.0,
                                    .actual_s = 58.5, .completed = true});
  s.system.self.glow = 0.4f;
  s.view.center = {0.25f, -0.5f};
  s.view.zoom = 1.5f;
  s.settings = {.ambient_motion = false, .welcome_seen = true, .soothing_seeded = true, .tones = false, .volume = 55,
                .idle_lock_minutes = 30, .ui_scale_percent = 125, .font_px = 21, .theme = core::Theme::light,
                .crisis_contact = "Sam 555 0134"};
  return s;
}

// Saves `imported` into a store holding `mine` as `innerscape import` does, and reads the store back.
storage::Snapshot import_into(const storage::Snapshot& mine, const std::string& file) {
  auto db = test::memory_db();
  REQUIRE(storage::save_changes(*db, storage::Snapshot{}, mine).empty());
  const storage::LoadResult loaded = storage::load_snapshot(*db);
  REQUIRE(loaded.error.empty());
  const storage::JsonImport imported = storage::from_json(file);
  REQUIRE_MESSAGE(imported.error.empty(), imported.error);
  REQUIRE(storage::save_changes(*db, loaded.snapshot, storage::merge_import(loaded.snapshot, imported)).empty());
  return storage::load_snapshot(*db).snapshot;
}

// True when `text` would show on a terminal exactly as written: no control character at all.
bool shows_as_written(const std::string& text) { return storage::printable(text) == text; }

}  // namespace

TEST_CASE("an import into a map with no parts, pages or drawings adds to it: its own words, moments and choices stay") {
  const storage::Snapshot mine = words_and_choices();
  // A file that speaks only of a part: everything else of the map is as it was.
  const storage::Snapshot after = import_into(mine, head + R"("parts": [{"id": "1", "name": "Little one", "kind": "exile"}]})");
  REQUIRE(after.system.parts.size() == 1);
  CHECK(after.system.parts[0].name == "Little one");
  CHECK(after.system.soothing == mine.system.soothing);
  CHECK(after.system.milestones == mine.system.milestones);
  CHECK(after.system.breathing_log == mine.system.breathing_log);
  CHECK(after.settings == mine.settings);
  CHECK(after.view.center == mine.view.center);
  CHECK(after.view.zoom == mine.view.zoom);
  CHECK(after.system.self.glow == mine.system.self.glow);

  // A file that gives some of its own: they join the map's (none twice), and only the settings it
  // names change.
  const storage::Snapshot joined = import_into(mine, head + R"(
    "soothing": ["This feeling will pass.", "I can put the phone down."],
    "milestones": [{"at": "2026-01-01T00:00:00Z", "title": "First kind word to myself"},
                   {"at": "2026-02-01T00:00:00Z", "title": "Met the little one"}],
    "breathing_sessions": [{"pattern": "4-4-6", "started_at": "2026-02-02T08:00:00Z"}],
    "self": {"glow": 0.9},
    "view": {"center": {"x": 1, "y": 2}, "zoom": 0.5},
    "settings": {"font_px": 19}})");
  CHECK(joined.system.soothing ==
        std::vector<std::string>{"Breathe; you are here.", "This feeling will pass.", "I can put the phone down."});
  REQUIRE(joined.system.milestones.size() == 2);
  CHECK(joined.system.milestones[0] == mine.system.milestones[0]);
  CHECK(joined.system.milestones[1].title == "Met the little one");
  REQUIRE(joined.system.breathing_log.size() == 2);
  CHECK(joined.system.breathing_log[0] == mine.system.breathing_log[0]);
  core::Settings expected = mine.settings;
  expected.font_px = 19;
  CHECK(joined.settings == expected);
  CHECK(joined.view.zoom == 0.5f);  // an empty map takes the file's view and light, when it gives them
  CHECK(joined.system.self.glow == 0.9f);

  // A map with parts of its own keeps its light, view and settings whatever the file says.
  storage::Snapshot with_parts = mine;
  with_parts.system = core::make_demo_system();
  with_parts.system.soothing = mine.system.soothing;
  const storage::JsonImport file = storage::from_json(head + R"("settings": {"theme": "calm_dark"}, "self": {"glow": 1}})");
  REQUIRE(file.error.empty());
  const storage::Snapshot merged = storage::merge_import(with_parts, file);
  CHECK(merged.settings == with_parts.settings);
  CHECK(merged.system.self.glow == with_parts.system.self.glow);
  CHECK(merged.system.soothing == with_parts.system.soothing);
}

TEST_CASE("an import into an empty map with a past of the file's own keeps the map's light, and the past ends there") {
  storage::Snapshot source{.system = core::make_demo_system()};
  source.history = core::MapHistory{};
  core::record_changes(core::InnerSystem{}, source.system, 1767225600, source.history);
  std::string text = storage::to_json(source, 1767225600);
  // A hand-edited file that keeps its past but says nothing of the Self.
  const std::size_t self = text.find("\"self\"");
  REQUIRE(self != std::string::npos);
  text.replace(self, 6, "\"self_not_here\"");
  storage::Snapshot mine = words_and_choices();
  const storage::JsonImport file = storage::from_json(text);
  REQUIRE_MESSAGE(file.error.empty(), file.error);
  const storage::Snapshot merged = storage::merge_import(mine, file);
  CHECK(merged.system.self.glow == mine.system.self.glow);
  REQUIRE(merged.replace_history);
  CHECK(core::state_at(merged.history, merged.history.back().at) == core::map_state(merged.system));
}

TEST_CASE("the view, the settings and the export time of the wrong type are refused, as the format says") {
  struct Case {
    std::string text;
    std::string says;
  };
  const std::vector<Case> cases = {
      {head + R"("view": 42})", "view: expected an object"},
      {head + R"("view": "x"})", "view: expected an object"},
      {head + R"("view": []})", "view: expected an object"},
      {head + R"("view": {"center": 5, "zoom": 1}})", "view.center: expected an object"},
      {head + R"("view": {"center": [1, 2]}})", "view.center: expected an object"},
      {head + R"("settings": 42})", "settings: expected an object"},
      {head + R"("settings": "x"})", "settings: expected an object"},
      {head + R"("settings": []})", "settings: expected an object"},
      {head + R"("exported_at": 42})", "exported_at: expected a time"},
      {head + R"("exported_at": "last week"})", "exported_at: expected a time"},
      {head + R"("parts": [{"id": "a", "name": "x", "kind": "exile"}], "journal": [{"id": "1", "type": "trigger", "parts": [4]}]})",
       "journal[0].parts[0]: expected a part's id"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const storage::JsonImport r = storage::from_json(c.text);
    CHECK(r.error.find(c.says) != std::string::npos);
    CHECK(r.error.find(c.says) == 0);  // the place comes first
    CHECK(r.snapshot.system.parts.empty());
  }
  // Null is "not given", as everywhere in the format.
  CHECK(storage::from_json(head + R"("view": null, "settings": null})").error.empty());
}

TEST_CASE("only the JSON itself: a zero byte, or anything but blank space after the JSON, is refused") {
  const std::string valid = storage::to_json({.system = core::make_demo_system()}, 1767225600);
  REQUIRE(storage::from_json(valid).error.empty());
  CHECK(storage::from_json(valid + "\n\n  \t\n").error.empty());

  const std::string with_zero = valid + std::string(1, '\0') + "garbage";
  const storage::JsonImport zero = storage::from_json(with_zero);
  CHECK(zero.error.find("zero byte (at byte " + std::to_string(valid.size() + 1) + ")") != std::string::npos);
  CHECK(zero.snapshot.system.parts.empty());
  CHECK(storage::from_json(valid + std::string(1, '\0')).error.find("zero byte") != std::string::npos);
  std::string inside = valid;
  inside.insert(inside.find("Little one") + 3, 1, '\0');
  CHECK(storage::from_json(inside).error.find("zero byte") != std::string::npos);

  const storage::JsonImport joined = storage::from_json(valid + "garbage");
  CHECK(joined.error.find("goes on after its JSON ends") != std::string::npos);
  CHECK(storage::from_json(valid + valid).error.find("goes on after its JSON ends") != std::string::npos);
  CHECK(storage::from_json("   \n").error.find("only blank space") != std::string::npos);
}

TEST_CASE("file content in a refusal is shown, never acted on: control characters come out escaped") {
  // A duplicate id that would retitle the terminal and clear it.
  const std::string id = R"(\u001b]0;pwned\u0007\u001b[2J)";
  const std::string file = head + R"("parts": [{"id": ")" + id + R"(", "name": "a", "kind": "exile"},
                                              {"id": ")" + id + R"(", "name": "b", "kind": "exile"}]})";
  const std::string error = storage::from_json(file).error;
  INFO(error);
  CHECK(shows_as_written(error));
  CHECK(error.find(R"(parts[1].id: "\u001b]0;pwned\u0007\u001b[2J" is used by an earlier part too)") != std::string::npos);

  // The same wherever content reaches a message: an id named in a relationship, a field's key in a
  // page (part of the place), a breathing pattern, an entry a page changes, a drawing, a portrait.
  const std::vector<std::string> files = {
      head + R"("parts": [{"id": "a", "name": "a", "kind": "exile"}], "relationships": [{"from": "a", "to": "\u009b2J\u202e", "kind": "allied"}]})",
      head + R"("journal": [{"id": "1", "type": "trigger", "text": {"\u001b[31mred": "x"}}]})",
      head + R"("breathing_sessions": [{"pattern": "4-\u001b[2J-6", "started_at": "2026-01-01T00:00:00Z"}]})",
      head + R"("pages_put_aside": [{"type": "trigger", "entry": "\r\n\t"}]})",
      head + R"("drawings": [{"id": "\u0007"}, {"id": "\u0007"}]})",
      head + R"("parts": [{"id": "a", "name": "a", "kind": "exile", "portrait": "\u001b"}]})",
  };
  for (const std::string& f : files) {
    const std::string e = storage::from_json(f).error;
    INFO(e);
    CHECK(!e.empty());
    CHECK(shows_as_written(e));
  }
  // However long the content, the message stays a line.
  const std::string long_id(100000, 'x');
  const std::string long_error =
      storage::from_json(head + R"("parts": [{"id": ")" + long_id + R"(", "name": "a", "kind": "exile"}, {"id": ")" + long_id +
                         R"(", "name": "b", "kind": "exile"}]})")
          .error;
  CHECK(long_error.size() < 200);
  CHECK(long_error.find("…") != std::string::npos);
}

TEST_CASE("printable and in_quotes escape what a terminal would act on and pass every script through") {
  CHECK(storage::printable("plain words ☀ 小 ילדה") == "plain words ☀ 小 ילדה");
  CHECK(storage::printable("\x1b]0;pwned\x07\x1b[2J") == R"(\u001b]0;pwned\u0007\u001b[2J)");
  CHECK(storage::printable("a\nb\tc\rd") == R"(a\nb\tc\rd)");
  CHECK(storage::printable(std::string("nul\0here", 8)) == R"(nul\u0000here)");
  CHECK(storage::printable("\x7f") == R"(\u007f)");
  CHECK(storage::printable("\xc2\x9b" "2J") == R"(\u009b2J)");          // the one-byte CSI of C1
  CHECK(storage::printable("abc\xe2\x80\xae" "fed") == R"(abc\u202efed)");  // right-to-left override
  CHECK(storage::printable("\xff\xfe ok \xc3") == R"(\xff\xfe ok \xc3)");   // not UTF-8
  CHECK(storage::printable("\xe0\x80\x80") == R"(\xe0\x80\x80)");           // overlong
  const std::string once = storage::printable("\x1b[2J\n\xc2\x9b");
  CHECK(storage::printable(once) == once);
  CHECK(storage::in_quotes("say \"hi\"\\") == R"("say \"hi\"\\")");
  CHECK(storage::in_quotes("\x1b", 60) == R"("\u001b")");
  CHECK(storage::in_quotes("☀☀☀☀", 2) == "\"☀☀…\"");
  CHECK(storage::in_quotes("ab", 2) == "\"ab\"");
}

TEST_CASE("a file that cannot be read says what is wrong with it, not that it is bad JSON") {
  const auto dir = test::fresh_dir("import_unreadable");
  std::string text;
  CHECK(storage::read_json_file(dir / "nothing.json", text).find("there is no file at") != std::string::npos);
  CHECK(storage::read_json_file(dir, text).find("is a folder, not a file") != std::string::npos);
  // Reading this file fails with an I/O error, as a failing disk would, even for root.
  CHECK(storage::read_json_file("/proc/self/mem", text).find("cannot be read: Input/output error") != std::string::npos);
  CHECK(text.empty());

  const auto locked = dir / "not-mine.json";
  { std::ofstream(locked) << "{}"; }
  ::chmod(locked.c_str(), 0);
  if (::access(locked.c_str(), R_OK) != 0) {
    CHECK(storage::read_json_file(locked, text).find("cannot be read: permission denied") != std::string::npos);
  } else {
    MESSAGE("running as root, who may read any file: the permission case is left to an unprivileged run");
  }
  ::chmod(locked.c_str(), 0600);

  const auto empty = dir / "empty.json";
  { std::ofstream{empty}; }
  CHECK(storage::read_json_file(empty, text).empty());
  CHECK(storage::from_json(text).error.find("the file is empty") != std::string::npos);

  const auto good = dir / "good.json";
  { std::ofstream(good) << head << R"("parts": []})"; }
  CHECK(storage::read_json_file(good, text).empty());
  CHECK(text == head + R"("parts": []})");
}

TEST_CASE("path_within: the data folder is found however a path into it is spelled") {
  const auto root = test::fresh_dir("path_within");
  const auto data = root / "data";
  std::filesystem::create_directories(data);
  { std::ofstream(data / "innerscape.db") << "x"; }
  CHECK(storage::path_within(data, data));
  CHECK(storage::path_within(data / "innerscape.db", data));
  CHECK(storage::path_within(data / "innerscape.keyinfo", data));  // not there yet: still inside
  CHECK(storage::path_within(data / "new" / "deeper" / "map.json", data));
  CHECK(storage::path_within(root / "data" / ".." / "data" / "innerscape.db", data));
  CHECK(storage::path_within(root / "elsewhere" / ".." / "data" / "x.json", data));
  CHECK(storage::path_within(data.string() + "/", data));
  CHECK(storage::path_within(data / ".", data));
  std::filesystem::create_directory_symlink(data, root / "link");
  CHECK(storage::path_within(root / "link" / "innerscape.db", data));
  CHECK(storage::path_within(data / "x.json", root / "link"));
  std::filesystem::create_symlink(data / "innerscape.db", root / "points-in.json");
  CHECK(storage::path_within(root / "points-in.json", data));

  CHECK_FALSE(storage::path_within(root / "data-old" / "x.json", data));
  CHECK_FALSE(storage::path_within(root / "x.json", data));
  CHECK_FALSE(storage::path_within(root, data));
  CHECK_FALSE(storage::path_within(data / "x.json", ""));

  // A relative path, from inside the folder and from beside it.
  const auto was = std::filesystem::current_path();
  std::filesystem::current_path(data);
  CHECK(storage::path_within("innerscape.db", data));
  CHECK(storage::path_within("../data/x.json", data));
  CHECK_FALSE(storage::path_within("../x.json", data));
  std::filesystem::current_path(was);
}
