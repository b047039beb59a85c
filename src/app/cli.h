// The command line: what a person (or a test) asked for, parsed without side effects.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <glm/vec2.hpp>

#include "core/calendar.h"

namespace innerscape::app {

enum class Mode { run, help, version, screenshot, timelapse, bench, check, export_data, import_data, lock, unlock };

struct Options {
  Mode mode = Mode::run;
  bool demo = false;
  bool canvas = false;        // --canvas: open on the drawing canvas (the newest drawing)
  bool journal = false;       // --journal: open with the journal shown
  bool calm = false;          // --calm: open in calm mode
  std::optional<std::filesystem::path> data_dir;
  std::filesystem::path screenshot_path;
  glm::ivec2 size{1280, 720};
  int frames = 12;  // enough for the overlay to lay itself out and the scene to settle
  std::filesystem::path timelapse_dir;  // --timelapse DIR: the frames of the map's story go here
  int fps = 24;                         // --fps, with --timelapse
  int seconds = 10;                     // --seconds, with --timelapse: how long the video lasts
  std::optional<core::CalendarDay> day;  // --day, with --screenshot: the map as it was that day, the timeline open (a real date)
  int bench_frames = 0;  // --frames with --bench: frames measured per scenario; 0: the default
  bool json = false;
  std::string bench_only;     // --only NAME: with --bench, run this scenario (and the yardstick)
  std::string export_format;           // "json" or "md"
  std::filesystem::path out;           // export: the file (json) or folder (md)
  std::filesystem::path import_file;
  std::string breathe;       // --breathe PATTERN, for --screenshot: a session of this pattern...
  double breathe_at = 0.0;   // ...frozen this many seconds in (--at)
  std::filesystem::path passphrase_file;      // --passphrase-file: the (current) passphrase of a locked map
  std::filesystem::path new_passphrase_file;  // --new-passphrase-file: with lock, the passphrase to change to
};

struct CliResult {
  Options options;
  std::string error;  // one line saying what is wrong; empty when the command line is fine
};

// args excludes the program name.
CliResult parse_cli(std::span<const std::string_view> args);

// The full help text, ending in a newline.
std::string usage();

}  // namespace innerscape::app
