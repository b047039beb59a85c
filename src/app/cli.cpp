// The command line: what a person (or a test) asked for, parsed without side effects.
#include "app/cli.h"

#include <cstdlib>

#include "core/breathing.h"

#include <charconv>
#include <string_view>
#include <vector>

namespace innerscape::app {
namespace {

constexpr int min_side = 16;
constexpr int max_side = 8192;
constexpr int max_frames = 100000;
constexpr int max_fps = 120;
constexpr int max_timelapse_s = 600;

constexpr std::string_view bench_scenario_list =
    "imgui_demo, scene_demo, scene_1000_parts, breathing, canvas_empty, canvas_100k_strokes, idle, "
    "journal_100k_startup, journal_100k_search, history_5y_startup and import_1m_parts (only when named: it takes minutes)";

bool is_bench_scenario(std::string_view name) {
  for (std::string_view known : {"imgui_demo", "scene_demo", "scene_1000_parts", "breathing", "canvas_empty", "canvas_100k_strokes", "idle",
                                "journal_100k_startup", "journal_100k_search", "history_5y_startup", "import_1m_parts"}) {
    if (name == known) return true;
  }
  return false;
}

bool parse_int(std::string_view text, int& out) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

// "2026-03-14": a real day of the calendar (leap years too), from 1970 (where the map's time begins).
std::optional<core::CalendarDay> parse_day(std::string_view text) {
  const std::optional<core::CalendarDay> day = core::parse_calendar_day(text);
  if (!day || day->year < 1970 || day->year > 9999) return std::nullopt;
  return day;
}

bool parse_size(std::string_view text, glm::ivec2& out) {
  const auto x = text.find_first_of("xX");
  if (x == std::string_view::npos) return false;
  return parse_int(text.substr(0, x), out.x) && parse_int(text.substr(x + 1), out.y);
}

// What the command line said besides the options themselves: which were given, and the modes asked.
struct Given {
  bool size = false;
  bool frames = false;
  bool json = false;
  bool at = false;
  bool fps = false;
  bool seconds = false;
  std::vector<Mode> modes;
};

// What a step of reading says: the argument was not this group's, it was read, or reading stops
// (result.error says why, or nothing more is to be read).
enum class Step { not_mine, read, stop };

// One argument being read, with what it needs to take its value.
struct Arg {
  std::span<const std::string_view> args;
  std::size_t& i;
  CliResult& result;
  std::string_view arg;
  std::string_view inline_value;
  bool has_inline = false;

  Arg(std::span<const std::string_view> all, std::size_t& at, CliResult& r) : args(all), i(at), result(r), arg(all[at]) {
    if (arg.starts_with("--")) {
      if (const auto eq = arg.find('='); eq != std::string_view::npos) {
        inline_value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
        has_inline = true;
      }
    }
  }

  // Takes the flag's value, from "--flag=value" or the next argument.
  bool value(std::string_view& out, std::string_view what) {
    if (has_inline) {
      out = inline_value;
    } else if (i + 1 < args.size() && !args[i + 1].starts_with("--")) {
      out = args[++i];
    } else {
      result.error = std::string(arg) + " needs " + std::string(what) + ".";
      return false;
    }
    if (out.empty()) {
      result.error = std::string(arg) + " needs " + std::string(what) + ", but it was empty.";
      return false;
    }
    return true;
  }
  // The flag's value as a whole number from `low` to `high`; `unit` names it in the reason.
  bool whole_number(std::string_view what, int& out, int low, int high, std::string_view unit) {
    std::string_view text;
    if (!value(text, what)) return false;
    if (parse_int(text, out) && out >= low && out <= high) return true;
    result.error = std::string(arg) + " '" + std::string(text) + "' is not a whole number" + std::string(unit) + " from " +
                   std::to_string(low) + " to " + std::to_string(high) + ".";
    return false;
  }
  bool no_value() {
    if (!has_inline) return true;
    result.error = std::string(arg) + " takes no value.";
    return false;
  }
};

// The flags that take no value.
Step read_switch(Arg& a, Options& o, Given& given) {
  const std::string_view arg = a.arg;
  if (arg == "-h" || arg == "--help") {
    if (!a.no_value()) return Step::stop;
    given.modes.push_back(Mode::help);
  } else if (arg == "-V" || arg == "--version") {
    if (!a.no_value()) return Step::stop;
    given.modes.push_back(Mode::version);
  } else if (arg == "--demo") {
    if (!a.no_value()) return Step::stop;
    o.demo = true;
  } else if (arg == "--canvas") {
    if (!a.no_value()) return Step::stop;
    o.canvas = true;
  } else if (arg == "--journal") {
    if (!a.no_value()) return Step::stop;
    o.journal = true;
  } else if (arg == "--calm") {
    if (!a.no_value()) return Step::stop;
    o.calm = true;
  } else if (arg == "--bench") {
    if (!a.no_value()) return Step::stop;
    given.modes.push_back(Mode::bench);
  } else if (arg == "--json") {
    if (!a.no_value()) return Step::stop;
    o.json = given.json = true;
  } else {
    return Step::not_mine;
  }
  return Step::read;
}

// The flags whose value is a name: a scenario, a folder, a file, a format.
Step read_named(Arg& a, Options& o, Given& given) {
  const std::string_view arg = a.arg;
  CliResult& result = a.result;
  std::string_view v;
  if (arg == "--only") {
    if (!a.value(v, "a scenario, as in --only canvas_empty")) return Step::stop;
    if (!is_bench_scenario(v)) {
      result.error = "--only '" + std::string(v) + "' is not a scenario; the scenarios are " + std::string(bench_scenario_list) + ".";
      return Step::stop;
    }
    o.bench_only = std::string(v);
  } else if (arg == "--data-dir") {
    if (!a.value(v, "a folder, as in --data-dir ~/innerscape-data")) return Step::stop;
    o.data_dir = std::filesystem::path(v);
  } else if (arg == "--screenshot") {
    if (!a.value(v, "a file name, as in --screenshot scene.png")) return Step::stop;
    o.screenshot_path = std::filesystem::path(v);
    given.modes.push_back(Mode::screenshot);
  } else if (arg == "--timelapse") {
    if (!a.value(v, "a folder for the frames, as in --timelapse ~/my-map-story")) return Step::stop;
    o.timelapse_dir = std::filesystem::path(v);
    given.modes.push_back(Mode::timelapse);
  } else if (arg == "--format") {
    if (!a.value(v, "json or md, as in --format json")) return Step::stop;
    if (v != "json" && v != "md") {
      result.error = "--format '" + std::string(v) + "' is not json or md.";
      return Step::stop;
    }
    o.export_format = std::string(v);
  } else if (arg == "--out") {
    if (!a.value(v, "a file or folder, as in --out my-map.json")) return Step::stop;
    o.out = std::filesystem::path(v);
  } else if (arg == "--passphrase-file") {
    if (!a.value(v, "a file holding the passphrase, as in --passphrase-file ~/passphrase.txt")) return Step::stop;
    o.passphrase_file = std::filesystem::path(v);
  } else if (arg == "--new-passphrase-file") {
    if (!a.value(v, "a file holding the new passphrase, as in --new-passphrase-file ~/new.txt")) return Step::stop;
    o.new_passphrase_file = std::filesystem::path(v);
  } else {
    return Step::not_mine;
  }
  return Step::read;
}

// The flags whose value is a quantity: numbers, a day, a size, a breathing pattern, a moment.
Step read_quantity(Arg& a, Options& o, Given& given) {
  const std::string_view arg = a.arg;
  CliResult& result = a.result;
  std::string_view v;
  if (arg == "--fps") {
    if (!a.whole_number("a number of frames a second, as in --fps 24", o.fps, 1, max_fps, " of frames a second")) return Step::stop;
    given.fps = true;
  } else if (arg == "--seconds") {
    if (!a.whole_number("a number of seconds, as in --seconds 10", o.seconds, 1, max_timelapse_s, " of seconds")) return Step::stop;
    given.seconds = true;
  } else if (arg == "--day") {
    if (!a.value(v, "a day, as in --day 2026-03-14")) return Step::stop;
    const std::optional<core::CalendarDay> day = parse_day(v);
    if (!day) {
      result.error = "--day '" + std::string(v) + "' is not a day written YYYY-MM-DD, as in --day 2026-03-14.";
      return Step::stop;
    }
    o.day = day;
  } else if (arg == "--size") {
    if (!a.value(v, "a size, as in --size 1280x720")) return Step::stop;
    if (!parse_size(v, o.size) || o.size.x < min_side || o.size.y < min_side || o.size.x > max_side ||
        o.size.y > max_side) {
      result.error = "--size '" + std::string(v) + "' is not a size from 16x16 to 8192x8192, as in --size 1280x720.";
      return Step::stop;
    }
    given.size = true;
  } else if (arg == "--frames") {
    if (!a.whole_number("a number of frames, as in --frames 30", o.frames, 1, max_frames, "")) return Step::stop;
    given.frames = true;
  } else if (arg == "--breathe") {
    if (!a.value(v, "a pattern, as in --breathe 4-4-6")) return Step::stop;
    innerscape::core::BreathPattern pattern;
    if (const std::string problem = innerscape::core::parse_breath_pattern(v, pattern); !problem.empty()) {
      result.error = "--breathe '" + std::string(v) + "': " + problem + ".";
      return Step::stop;
    }
    o.breathe = std::string(v);
  } else if (arg == "--at") {
    if (!a.value(v, "a number of seconds, as in --at 2.5")) return Step::stop;
    const std::string text(v);
    char* end = nullptr;
    const double at = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !(at >= 0.0) || at > 1200.0) {
      result.error = "--at '" + text + "' is not a number of seconds from 0 to 1200.";
      return Step::stop;
    }
    o.breathe_at = at;
    given.at = true;
  } else {
    return Step::not_mine;
  }
  return Step::read;
}

// The commands (check, export, import, lock, unlock), and whatever is left: an unknown option or
// an unexpected word.
Step read_command(Arg& a, Options& o, Given& given) {
  const std::string_view arg = a.arg;
  CliResult& result = a.result;
  const std::span<const std::string_view> args = a.args;
  std::size_t& i = a.i;
  if (arg.starts_with("-")) {
    result.error = "unknown option '" + std::string(args[i]) + "'.";
    return Step::stop;
  } else if (arg == "check") {
    given.modes.push_back(Mode::check);
  } else if (arg == "export") {
    given.modes.push_back(Mode::export_data);
  } else if (arg == "lock") {
    given.modes.push_back(Mode::lock);
  } else if (arg == "unlock") {
    given.modes.push_back(Mode::unlock);
  } else if (arg == "import") {
    given.modes.push_back(Mode::import_data);
    if (i + 1 >= args.size() || args[i + 1].starts_with("-")) {
      result.error = "import needs a file, as in: innerscape import my-map.json";
      return Step::stop;
    }
    o.import_file = std::filesystem::path(args[++i]);
  } else {
    result.error = "unexpected argument '" + std::string(arg) + "' (options start with --).";
    return Step::stop;
  }
  return Step::read;
}

// Once every argument is read: the mode, and the options that do not go together.
void check_combinations(CliResult& result, const Given& given) {
  Options& o = result.options;
  const std::vector<Mode>& modes = given.modes;
  const bool size_given = given.size, frames_given = given.frames, json_given = given.json, at_given = given.at,
             fps_given = given.fps, seconds_given = given.seconds;
  if (modes.size() > 1) {
    // --help wins over everything, as people expect; other modes do not combine.
    for (Mode m : modes) {
      if (m == Mode::help) {
        o.mode = Mode::help;
        return;
      }
    }
    result.error = "choose one of check, export, import, lock, unlock, --screenshot, --timelapse, --bench and --version.";
    return;
  }
  if (!modes.empty()) o.mode = modes.front();

  if (size_given && o.mode != Mode::screenshot && o.mode != Mode::timelapse && o.mode != Mode::bench) {
    result.error = "--size only applies to --screenshot, --timelapse or --bench.";
  } else if ((fps_given || seconds_given) && o.mode != Mode::timelapse) {
    result.error = "--fps and --seconds only apply to --timelapse.";
  } else if (o.day && o.mode != Mode::screenshot) {
    result.error = "--day only applies to --screenshot (a time-lapse shows every day).";
  } else if (o.canvas && o.mode == Mode::timelapse) {
    result.error = "--canvas does not apply to --timelapse: the time-lapse shows the map.";
  } else if (frames_given && o.mode == Mode::timelapse) {
    result.error = "--frames does not apply to --timelapse: it draws --fps times --seconds frames.";
  } else if (frames_given && o.mode != Mode::screenshot && o.mode != Mode::bench) {
    result.error = "--frames only applies to --screenshot and --bench.";
  } else if (frames_given && o.mode == Mode::bench) {
    o.bench_frames = o.frames;
  } else if ((!o.breathe.empty() || at_given) && o.mode != Mode::screenshot) {
    result.error = "--breathe and --at only apply to --screenshot.";
  } else if (at_given && o.breathe.empty()) {
    result.error = "--at needs --breathe PATTERN too, as in --breathe 4-4-6 --at 2.";
  } else if (!o.bench_only.empty() && o.mode != Mode::bench) {
    result.error = "--only applies to --bench.";
  } else if (json_given && o.mode != Mode::bench) {
    result.error = "--json only applies to --bench.";
  } else if (o.mode == Mode::export_data && (o.export_format.empty() || o.out.empty())) {
    result.error = "export needs --format json --out FILE, or --format md --out FOLDER.";
  } else if (o.mode != Mode::export_data && (!o.export_format.empty() || !o.out.empty())) {
    result.error = "--format and --out only apply to export.";
  } else if (!o.new_passphrase_file.empty() && o.mode != Mode::lock) {
    result.error = "--new-passphrase-file only applies to lock (to change the passphrase).";
  } else if (o.day && !o.breathe.empty()) {
    result.error = "--day and --breathe draw different moments: choose one.";
  } else if (!o.passphrase_file.empty() && (o.mode == Mode::bench || o.mode == Mode::version || o.demo)) {
    result.error = "--passphrase-file opens a locked map; it does not apply to --bench, --version or --demo.";
  } else if ((o.mode == Mode::lock || o.mode == Mode::unlock) && o.demo) {
    result.error = "lock and unlock apply to your own map, not --demo.";
  } else if (o.mode == Mode::screenshot && o.screenshot_path.extension() != ".png" &&
             o.screenshot_path.extension() != ".PNG") {
    result.error = "--screenshot writes a PNG, so the file name should end in .png.";
  }
}

}  // namespace

std::string usage() {
  return "Usage: innerscape [OPTIONS]\n"
         "       innerscape [--data-dir DIR] [--passphrase-file FILE] COMMAND\n"
         "\n"
         "A calm, private map of your inner system, with the Self at its centre.\n"
         "\n"
         "Commands (no window is opened):\n"
         "  check                            check that your data file is sound: exit 0 if it is, 1 if not\n"
         "  export --format json --out FILE  everything, as JSON (the format is in docs/json-format.md)\n"
         "  export --format md --out FOLDER  readable Markdown notes, one per part\n"
         "  import FILE.json                 add a JSON export to your map; a faulty file changes nothing\n"
         "  lock                             encrypt your map and its backups with a passphrase (see below)\n"
         "  lock --new-passphrase-file FILE  change the passphrase (the current one from --passphrase-file)\n"
         "  unlock                           turn the lock off: your map is stored unencrypted again\n"
         "\n"
         "Options:\n"
         "  --demo                           open an example inner system; your own data is never touched\n"
         "  --data-dir DIR                   keep your data in DIR instead of the data folder below\n"
         "  --canvas                         open on the drawing canvas, with the drawing last worked on\n"
         "  --journal                        open with the journal shown\n"
         "  --calm                           open in calm mode: the breath, soothing words, two questions\n"
         "  --passphrase-file FILE           a locked map's passphrase (else commands ask on the terminal)\n"
         "  --new-passphrase-file FILE       with lock: the new passphrase\n"
         "  --screenshot FILE.png            draw the scene in a hidden window, save a PNG and exit\n"
         "  --day YYYY-MM-DD                 with --screenshot: the map as it was that day, its timeline open\n"
         "  --timelapse DIR                  your map's story as numbered PNGs, DIR/frame-00001.png ...\n"
         "  --fps N                          with --timelapse: frames a second, 1 to 120 (default 24)\n"
         "  --seconds S                      with --timelapse: how long the story lasts, 1 to 600 (default 10)\n"
         "  --size WxH                       picture size for --screenshot, --timelapse, --bench (1280x720)\n"
         "  --frames N                       frames drawn for --screenshot (12) or measured by --bench (240)\n"
         "  --breathe PATTERN                with --screenshot: a breathing session, as in 4-4-6 or 4-4-4-4\n"
         "  --at SECONDS                     with --breathe: the moment of the session to draw\n"
         "  --bench                          measure frame cost and idle cost, print a table and exit\n"
         "  --json                           with --bench: print one JSON object instead of a table\n"
         "  --only SCENARIO                  with --bench: this scenario alone (and imgui_demo, the yardstick)\n"
         "  -h, --help                       show this help and exit\n"
         "  -V, --version                    print the version and exit\n"
         "\n"
         "Files:\n"
         "  data      $XDG_DATA_HOME/innerscape, else ~/.local/share/innerscape (private, 0700)\n"
         "  settings  $XDG_CONFIG_HOME/innerscape, else ~/.config/innerscape (window layout, settings.json)\n"
         "\n"
         "There is no way back in without the passphrase of a locked map: keep it somewhere safe.\n"
         "Keys: F11 toggles full screen. Tab and the arrow keys move through the overlay.\n"
         "Innerscape works offline and never sends anything anywhere.\n";
}

CliResult parse_cli(std::span<const std::string_view> args) {
  CliResult result;
  Options& o = result.options;
  Given given;

  for (std::size_t i = 0; i < args.size(); ++i) {
    Arg a(args, i, result);
    Step step = read_switch(a, o, given);
    if (step == Step::not_mine) step = read_named(a, o, given);
    if (step == Step::not_mine) step = read_quantity(a, o, given);
    if (step == Step::not_mine) step = read_command(a, o, given);
    if (step == Step::stop) return result;
  }

  check_combinations(result, given);
  return result;
}

}  // namespace innerscape::app
