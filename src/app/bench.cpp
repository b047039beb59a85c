// innerscape --bench: measured frame cost and idle cost, in a hidden window, printed as a table or JSON.
#include "app/bench.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <fcntl.h>
#include <malloc.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "app/session.h"
#include "core/map_history.h"
#include "core/archetypes.h"
#include "core/demo_system.h"
#include "storage/map_store.h"
#include "storage/store.h"
#include "ui/scene_input.h"
#include "render/framebuffer.h"
#include "render/gl_loader.h"

namespace innerscape::app {
namespace {

constexpr int default_warmup_frames = 30;
constexpr int default_measured_frames = 240;
int warmup_frames = default_warmup_frames;      // fewer with --frames (a quick check that it runs)
int measured_frames = default_measured_frames;
constexpr double idle_seconds = 5.0;

struct Result {
  std::string name;
  long frames = 0;
  double p50_ms = 0.0;
  double p99_ms = 0.0;
  int draw_calls = 0;
  double rss_mb = 0.0;
  double ratio = 0.0;  // p50 over imgui_demo's p50, from the same run
  double seconds = 0.0;  // for the idle scenario
  double open_ms = -1.0;  // for the canvas: the first frame, which paints every stroke of the drawing
  long found = -1;        // for search: how many pages all the searches found
  double startup_ms = -1.0;        // for start-up: from exec to the first frame
  double empty_startup_ms = -1.0;  // ...and the same with an empty store, measured alongside
  double store_mb = -1.0;          // for history: the store's size on disk...
  long history_rows = -1;          // ...the changes its history holds...
  double history_read_ms = -1.0;   // ...and how long reading all of them takes (what start-up leaves out)
  double same_map_startup_ms = -1.0;  // start-up with the same map and no past, measured alongside
  double timelapse_state_ms = -1.0;   // the map at one moment of the time-lapse, worked out from the whole history
  // For import: `innerscape import` of a file of 100 000 parts and of one of 1 000 000, each into an
  // empty folder, from exec to exit, and the larger one's file size and the importing process's peak memory.
  double import_small_s = -1.0, import_large_s = -1.0, import_file_mb = -1.0, import_peak_mb = -1.0;
};

double rss_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0.0;
  std::sort(samples.begin(), samples.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5);
  return samples[std::min(index, samples.size() - 1)];
}

// Frames into an offscreen target, each finished on the GPU before the clock stops. `before_frame`,
// if given, is called (untimed) before each frame with its number: input a person would give.
Result measure_frames(Session& session, const std::string& name, glm::ivec2 size, render::Framebuffer& target,
                      const std::function<void(int)>& before_frame = {}) {
  using clock = std::chrono::steady_clock;
  std::vector<double> samples;
  samples.reserve(measured_frames);
  for (int i = 0; i < warmup_frames + measured_frames; ++i) {
    session.window().pump_events(0.0);
    core::note_input(session.pacer(), session.window().now_s());  // keep the ambient motion running
    if (before_frame) before_frame(i);
    const auto start = clock::now();
    target.bind();
    session.frame(1.0 / 60.0, session.window().now_s(), size, true);
    render::finish();
    const auto end = clock::now();
    if (i >= warmup_frames) samples.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  return {.name = name,
          .frames = measured_frames,
          .p50_ms = percentile(samples, 0.50),
          .p99_ms = percentile(samples, 0.99),
          .draw_calls = session.imgui_demo_only ? 0 : session.last_draw_calls(),
          .rss_mb = rss_mb()};
}

// The real loop with nobody there and nothing animating: a calm app should draw nothing.
// A hand drawing on the canvas: the button goes down on the first frame and the pointer circles
// the middle of the window from then on, so every frame has a live stroke to show and upload.
std::function<void(int)> circling_hand(Session& session, glm::ivec2 size) {
  return [&session, size](int frame) {
    const glm::vec2 centre = glm::vec2(size) * 0.5f;
    const float a = static_cast<float>(frame) * 0.12f;
    const glm::vec2 at = centre + glm::vec2(std::cos(a), std::sin(a)) * (60.0f + static_cast<float>(frame % 97));
    ui::SceneInput input;
    input.pointer.push_back({.type = frame == 0 ? ui::PointerEvent::Type::press : ui::PointerEvent::Type::move,
                             .button = frame == 0 ? ui::PointerEvent::Button::left : ui::PointerEvent::Button::none,
                             .position = at});
    session.canvas_input(input);
  };
}

Result measure_idle(Session& session) {
  core::FramePacer& pacer = session.pacer();
  const double now = session.window().now_s();
  pacer.last_input_s = now - 1.0e6;  // long settled
  pacer.frames_owed = 0;
  const long frames = run_loop(session, now + idle_seconds);
  return {.name = "idle", .frames = frames, .rss_mb = rss_mb(), .seconds = idle_seconds};
}

// Starts this binary with `argv` (null-terminated), its output let go: the child's pid, or -1.
pid_t spawn_quietly(const char* const argv[]) {
  posix_spawn_file_actions_t quiet;
  posix_spawn_file_actions_init(&quiet);
  posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
  pid_t child = 0;
  const int spawned = posix_spawn(&child, argv[0], &quiet, nullptr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&quiet);
  return spawned == 0 ? child : -1;
}

// Start-up as a person meets it: a fresh process on `data_dir`, from its start until its first
// frame is drawn (a one-frame --screenshot: the moment the picture appears), the median of three
// runs after one to settle the caches. What the process does after its first frame (reading the
// journal, closing) is not counted.
double startup_ms(const std::filesystem::path& data_dir, const std::filesystem::path& scratch) {
  std::error_code ec;
  const std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  const std::string dir = data_dir.string();
  const std::filesystem::path picture = scratch / "startup.png";
  const std::string picture_text = picture.string();
  std::vector<double> runs;
  for (int i = 0; i < 4; ++i) {
    std::filesystem::remove(picture, ec);
    const char* argv[] = {self.c_str(), "--data-dir", dir.c_str(), "--size", "320x180", "--frames", "1", "--screenshot", picture_text.c_str(), nullptr};
    const auto start = std::chrono::steady_clock::now();
    pid_t child = spawn_quietly(argv);
    if (child < 0) return -1.0;
    double ms = -1.0;
    for (;;) {
      if (std::filesystem::exists(picture, ec) && std::filesystem::file_size(picture, ec) > 0) {
        ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        break;
      }
      int status = 0;
      if (waitpid(child, &status, WNOHANG) == child) {
        child = 0;
        break;  // ended without a picture
      }
      usleep(500);
    }
    if (child != 0) waitpid(child, nullptr, 0);
    if (ms < 0.0) return -1.0;
    if (i > 0) runs.push_back(ms);
  }
  return percentile(runs, 0.5);
}

// A store holding the demo map and a journal of 100 000 pages over five years, written the way the
// app writes (one transaction, full-text index included).
std::string make_journal_store(const std::filesystem::path& dir, std::size_t entries) {
  storage::OpenedStore store = storage::open_store(dir);
  if (!store.error.empty()) return store.error;
  storage::Snapshot full = store.loaded.snapshot;
  full.system = core::make_long_journal(entries, static_cast<std::int64_t>(std::time(nullptr)));
  full.settings.welcome_seen = true;
  full.settings.soothing_seeded = true;
  return storage::save_changes(*store.db, store.loaded.snapshot, full);
}

// A store holding `days` days of a person's use, ending at `end`: each day saved as the app saves
// it and dated that day (Snapshot.at), with a few changes: parts moved, trust growing and falling,
// a check-in changing the Self's light, a part's size; now and then a part made or let go, or a
// relationship drawn. The same every time.
std::string make_history_store(const std::filesystem::path& dir, int days, std::int64_t end) {
  storage::OpenedStore store = storage::open_store(dir);
  if (!store.error.empty()) return store.error;
  storage::Snapshot saved = store.loaded.snapshot;
  storage::Snapshot day = saved;
  day.system = core::make_demo_system();
  day.settings.welcome_seen = true;
  day.settings.soothing_seeded = true;
  core::InnerSystem& s = day.system;
  std::mt19937 random(5);
  const auto pick = [&random](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  const auto unit = [&random] { return static_cast<float>(random() % 2001) / 1000.0f - 1.0f; };  // -1 .. 1
  constexpr std::size_t fewest_parts = 6;
  constexpr std::size_t most_parts = 40;
  for (int d = 0; d < days; ++d) {
    const std::int64_t at = end - static_cast<std::int64_t>(days - d) * 86400 + 19 * 3600;  // an evening's work
    const int changes = 2 + static_cast<int>(random() % 3);
    for (int c = 0; c < changes; ++c) {
      const auto roll = random() % 100;
      core::Part& p = s.parts[pick(s.parts.size())];
      p.updated_at = at;
      if (roll < 45) {
        p.position = glm::clamp(p.position + glm::vec2(unit(), unit()) * 0.05f, glm::vec2(-2.5f), glm::vec2(2.5f));
      } else if (roll < 70) {
        p.trust = std::clamp(p.trust + static_cast<int>(unit() * 5.0f), 0, 100);
      } else if (roll < 85) {
        s.self.glow = std::clamp(s.self.glow + unit() * 0.05f, 0.3f, 1.0f);  // a check-in
      } else if (roll < 92) {
        p.size = std::clamp(p.size + unit() * 0.1f, core::min_part_size, core::max_part_size);
      } else if (roll < 96 && s.parts.size() < most_parts) {
        core::Part made = core::blank_part(static_cast<core::PartKind>(pick(core::part_kind_count)), {unit() * 2.0f, unit() * 2.0f});
        made.id = s.next_id++;
        made.created_at = made.updated_at = at;
        s.parts.push_back(std::move(made));
      } else if (roll < 99 && s.parts.size() > fewest_parts) {
        const core::PartId gone = p.id;
        std::erase_if(s.parts, [gone](const core::Part& q) { return q.id == gone; });
        std::erase_if(s.relationships, [gone](const core::Relationship& r) { return r.from == gone || r.to == gone; });
      } else {
        const core::Relationship r{.from = p.id, .to = s.parts[pick(s.parts.size())].id,
                                   .kind = static_cast<core::RelationKind>(pick(core::relation_kind_count))};
        if (r.from != r.to && std::find(s.relationships.begin(), s.relationships.end(), r) == s.relationships.end()) {
          s.relationships.push_back(r);
        }
      }
    }
    day.at = at;
    if (std::string problem = storage::save_changes(*store.db, saved, day); !problem.empty()) return problem;
    saved = day;
  }
  return {};
}

// A store holding what the one in `from` holds today, saved in one go: the same map with no past.
std::string copy_present(const std::filesystem::path& from, const std::filesystem::path& to) {
  storage::OpenedStore source = storage::open_store(from, true, false);
  if (!source.error.empty()) return source.error;
  storage::OpenedStore copy = storage::open_store(to, true, false);
  if (!copy.error.empty()) return copy.error;
  return storage::save_changes(*copy.db, copy.loaded.snapshot, source.loaded.snapshot);
}

// The store's size and its history: how many changes, and how long reading them all takes.
void measure_history_store(const std::filesystem::path& dir, Result& r) {
  std::error_code ec;
  double bytes = 0.0;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().filename().string().starts_with(storage::database_file_name)) bytes += static_cast<double>(entry.file_size(ec));
  }
  r.store_mb = bytes / (1024.0 * 1024.0);
  std::string error;
  const auto db = storage::Database::open(dir / storage::database_file_name, error);
  if (db == nullptr) return;
  r.history_rows = storage::history_size(*db, error);
  const auto start = std::chrono::steady_clock::now();
  const core::MapHistory history = storage::load_history(*db, error);
  r.history_read_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!error.empty() || static_cast<long>(history.size()) != r.history_rows) r.history_read_ms = -1.0;
  if (history.empty()) return;
  // Playing the time-lapse works the map out again every frame: 200 moments across the story, each
  // from the whole history (the heaviest part of a time-lapse frame that the scene's cost leaves out).
  const core::TimelapseSpan span = core::timelapse_span(history, history.back().at);
  std::size_t parts = 0;
  const auto replay = std::chrono::steady_clock::now();
  constexpr int moments = 200;
  for (int i = 0; i < moments; ++i) {
    const double t = static_cast<double>(span.first) + (span.end - static_cast<double>(span.first)) * i / (moments - 1);
    parts += core::timelapse_state(history, t, span.ease_s).parts.size();
  }
  r.timelapse_state_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - replay).count() / moments;
  if (parts == 0) r.timelapse_state_ms = -1.0;
}

// Full-text searches as a person types them: single words, prefixes, two words.
Result measure_search(const std::filesystem::path& dir) {
  // Opened as the app holds it, with all 100 000 pages in memory: the RSS reported is the app's.
  storage::OpenedStore store = storage::open_store(dir);
  std::vector<double> samples;
  const char* queries[] = {"message", "wait", "chest tight", "calm", "garden walk", "anx", "phone", "safe", "tomorrow",
                           "friend call", "quiet", "re", "window", "held", "breath", "seen enough"};
  std::size_t found = 0;
  for (int round = 0; round < 6 && store.db != nullptr; ++round) {
    for (const char* q : queries) {
      const auto start = std::chrono::steady_clock::now();
      found += storage::search_entries(*store.db, q).size();
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      if (round > 0) samples.push_back(ms);  // the first round warms the page cache
    }
  }
  return {.name = "journal_100k_search",
          .frames = static_cast<long>(samples.size()),
          .p50_ms = percentile(samples, 0.50),
          .p99_ms = percentile(samples, 0.99),
          .rss_mb = rss_mb(),
          .found = static_cast<long>(found)};
}

// A JSON file of `parts` parts as a person or another tool might write one: ids, names, kinds, a
// place for nine in ten (the tenth is placed by Arrange), and a protector for every second exile.
// The same every time. Empty on success.
std::string write_parts_file(const std::filesystem::path& path, std::size_t parts) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << "{\"format\": \"innerscape\", \"version\": 1,\n\"parts\": [\n";
  const char* kinds[] = {"exile", "manager", "firefighter"};
  for (std::size_t i = 0; i < parts; ++i) {
    out << (i ? ",\n" : "") << "{\"id\": \"" << i + 1 << "\", \"name\": \"Part " << i + 1 << "\", \"kind\": \"" << kinds[i % 3] << "\"";
    if (i % 10 != 9) out << ", \"position\": {\"x\": " << static_cast<double>(i % 2000) / 10.0 - 100.0 << ", \"y\": " << static_cast<double>(i / 2000 % 2000) / 10.0 - 100.0 << "}";
    out << ", \"trust\": " << i % 101 << "}";
  }
  out << "],\n\"relationships\": [\n";
  bool first = true;
  for (std::size_t i = 0; i + 1 < parts; i += 6) {  // part i + 2 (a manager) protects exile i + 1
    out << (first ? "" : ",\n") << "{\"from\": \"" << i + 2 << "\", \"to\": \"" << i + 1 << "\", \"kind\": \"protects\"}";
    first = false;
  }
  out << "]}\n";
  out.flush();
  return out ? std::string() : "could not write " + path.string();
}

// `innerscape import FILE` into an empty folder, run as a person runs it: seconds from exec to exit,
// or -1 when it did not succeed; `peak_mb` gets the process's peak memory.
double import_seconds(const std::filesystem::path& file, const std::filesystem::path& data_dir, double& peak_mb) {
  std::error_code ec;
  const std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  const std::string dir = data_dir.string();
  const std::string file_text = file.string();
  const char* argv[] = {self.c_str(), "--data-dir", dir.c_str(), "import", file_text.c_str(), nullptr};
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = spawn_quietly(argv);
  if (child < 0) return -1.0;
  int status = 0;
  struct rusage usage {};
  if (wait4(child, &status, 0, &usage) != child) return -1.0;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? seconds : -1.0;
}

// Import grows with the file, not faster: a million parts within ten times what a hundred thousand
// take. The hundred thousand is the median of three imports (each a fresh folder), as a shared
// machine easily moves one short run by a second; the million is one, long enough to even that out.
Result measure_import(const std::filesystem::path& scratch) {
  Result r{.name = "import_1m_parts", .frames = 1};
  constexpr std::size_t small = 100000, large = 1000000;
  for (const std::size_t parts : {small, large}) {
    const auto file = scratch / ("parts-" + std::to_string(parts) + ".json");
    if (const std::string problem = write_parts_file(file, parts); !problem.empty()) {
      std::cerr << "innerscape: could not make the file for import_1m_parts: " << problem << "\n";
      return r;
    }
    std::vector<double> runs;
    double peak = -1.0;
    std::error_code ec;
    for (int run = 0; run < (parts == small ? 3 : 1); ++run) {
      const auto dir = scratch / ("import-" + std::to_string(parts) + "-" + std::to_string(run));
      std::filesystem::create_directories(dir);
      const double seconds = import_seconds(file, dir, peak);
      std::filesystem::remove_all(dir, ec);
      if (seconds < 0.0) {
        runs.assign(1, -1.0);
        break;
      }
      runs.push_back(seconds);
    }
    if (parts == small) {
      r.import_small_s = percentile(runs, 0.5);
    } else {
      r.import_large_s = runs.front();
      r.import_peak_mb = peak;
      r.import_file_mb = static_cast<double>(std::filesystem::file_size(file, ec)) / (1024.0 * 1024.0);
    }
    std::filesystem::remove(file, ec);
  }
  r.ratio = r.import_small_s > 0.0 && r.import_large_s > 0.0 ? r.import_large_s / r.import_small_s : 0.0;
  return r;
}

std::string json_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// --only runs one scenario; the yardstick always runs, for the ratio.
bool is_wanted(const Options& options, const char* name) { return options.bench_only.empty() || options.bench_only == name; }

// The scenarios measured frame by frame, and their ratios to the yardstick (imgui_demo, first).
void measure_frame_scenarios(Session* session, const Options& options, render::Framebuffer& target, std::vector<Result>& results) {
  auto wanted = [&](const char* name) { return is_wanted(options, name); };
  session->imgui_demo_only = true;
  results.push_back(measure_frames(*session, "imgui_demo", options.size, target));
  session->imgui_demo_only = false;
  if (wanted("scene_demo")) results.push_back(measure_frames(*session, "scene_demo", options.size, target));
  if (wanted("scene_1000_parts")) {
    session->load_system(core::make_large_system(1000, 2000));
    results.push_back(measure_frames(*session, "scene_1000_parts", options.size, target));
  }
  if (wanted("breathing")) {
    session->load_system(core::make_demo_system());
    session->start_breathing(core::breath_presets()[0].pattern, 5.0);
    results.push_back(measure_frames(*session, "breathing", options.size, target));
    session->stop_breathing();
  }
  // The canvas, empty and with 100 000 strokes: only the live stroke is drawn each frame, so the
  // two should cost the same once the drawing has been painted (when it opens, untimed).
  for (const std::size_t strokes : {std::size_t{0}, std::size_t{100000}}) {
    const char* name = strokes == 0 ? "canvas_empty" : "canvas_100k_strokes";
    if (!wanted(name)) continue;
    core::InnerSystem with_drawing = core::make_demo_system();
    core::Drawing drawing = core::make_busy_drawing(strokes);
    drawing.id = core::peek_next_drawing_id(with_drawing);
    with_drawing.next_drawing_id = drawing.id + 1;
    with_drawing.drawings.push_back(std::move(drawing));
    session->load_system(std::move(with_drawing));
    session->open_drawing(session->scene().system.drawings.back().id);
    const auto opening = std::chrono::steady_clock::now();
    target.bind();
    session->frame(1.0 / 60.0, session->window().now_s(), options.size, true);
    render::finish();
    const double open_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - opening).count();
    results.push_back(measure_frames(*session, name, options.size, target, circling_hand(*session, options.size)));
    results.back().open_ms = open_ms;
  }
  session->load_system(core::make_demo_system());
  const double yardstick = results.front().p50_ms;
  for (Result& r : results) r.ratio = yardstick > 0.0 ? r.p50_ms / yardstick : 0.0;
}

// Years of use: start-up with 100 000 journal pages, and with five years of the map's history,
// each against an empty store measured alongside; searching the pages. False when a store could
// not be made.
bool measure_years_of_use(const Options& options, std::vector<Result>& results) {
  auto wanted = [&](const char* name) { return is_wanted(options, name); };
  const bool journal = wanted("journal_100k_startup") || wanted("journal_100k_search");
  const bool history = wanted("history_5y_startup");
  if (journal || history) {
    const auto scratch = std::filesystem::temp_directory_path() / ("innerscape-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(scratch);
    std::filesystem::create_directories(scratch / "empty");
    // Start-up on `dir`, named `name`, after `make` has filled it (timed: store_made_s).
    const auto startup = [&](const char* name, const std::filesystem::path& dir, const std::function<std::string()>& make) -> bool {
      std::filesystem::create_directories(dir);
      const auto making = std::chrono::steady_clock::now();
      if (const std::string problem = make(); !problem.empty()) {
        std::cerr << "innerscape: could not make the store for " << name << ": " << problem << "\n";
        return false;
      }
      Result r{.name = name, .frames = 1};
      r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - making).count();
      // Making the store held a whole second copy of it; what it freed goes back to the system, so
      // the memory reported after is what an app holding it holds (and not the canvas's before it).
      malloc_trim(0);
      if (wanted(name)) {
        r.empty_startup_ms = startup_ms(scratch / "empty", scratch);
        r.startup_ms = startup_ms(dir, scratch);
        r.p50_ms = r.startup_ms;
        r.ratio = r.empty_startup_ms > 0.0 ? r.startup_ms / r.empty_startup_ms : 0.0;
        results.push_back(r);
      }
      return true;
    };
    const auto journal_dir = scratch / "journal";
    if (journal) {
      if (!startup("journal_100k_startup", journal_dir, [&] { return make_journal_store(journal_dir, 100000); })) return false;
      if (wanted("journal_100k_search")) results.push_back(measure_search(journal_dir));
    }
    if (history) {
      // Five years of daily edits: the history must not be read at start, only when the timeline opens.
      const auto history_dir = scratch / "history";
      constexpr int five_years = 5 * 365 + 1;
      if (!startup("history_5y_startup", history_dir,
                   [&] { return make_history_store(history_dir, five_years, static_cast<std::int64_t>(std::time(nullptr))); })) {
        return false;
      }
      Result& r = results.back();
      measure_history_store(history_dir, r);
      // The same map without its five years: what the history itself adds to start-up.
      const auto present_dir = scratch / "present";
      std::filesystem::create_directories(present_dir);
      if (const std::string problem = copy_present(history_dir, present_dir); !problem.empty()) {
        std::cerr << "innerscape: could not make the store for history_5y_startup: " << problem << "\n";
        return false;
      }
      r.same_map_startup_ms = startup_ms(present_dir, scratch);
    }
    std::filesystem::remove_all(scratch);
  }
  return true;
}

// One scenario's line of the JSON output.
std::string json_line(const Result& r) {
  char line[512];
  if (r.name == "idle") {
    std::snprintf(line, sizeof line, "{\"name\": \"%s\", \"seconds\": %.1f, \"frames\": %ld, \"rss_mb\": %.1f}",
                  r.name.c_str(), r.seconds, r.frames, r.rss_mb);
  } else if (r.import_large_s != -1.0 || r.import_small_s != -1.0) {
    std::snprintf(line, sizeof line,
                  "{\"name\": \"%s\", \"import_100k_parts_s\": %.2f, \"import_1m_parts_s\": %.2f, \"ratio_1m_to_100k\": %.2f, "
                  "\"file_1m_mb\": %.1f, \"import_1m_peak_rss_mb\": %.0f}",
                  r.name.c_str(), r.import_small_s, r.import_large_s, r.ratio, r.import_file_mb, r.import_peak_mb);
  } else if (r.startup_ms >= 0.0) {
    std::snprintf(line, sizeof line,
                  "{\"name\": \"%s\", \"startup_ms\": %.1f, \"empty_startup_ms\": %.1f, \"ratio_to_empty\": %.2f, "
                  "\"store_made_s\": %.1f",
                  r.name.c_str(), r.startup_ms, r.empty_startup_ms, r.ratio, r.seconds);
    char tail[224] = "}";
    if (r.history_rows >= 0) {
      std::snprintf(tail, sizeof tail,
                    ", \"store_mb\": %.1f, \"history_rows\": %ld, \"history_read_ms\": %.1f, \"same_map_startup_ms\": %.1f, "
                    "\"timelapse_state_ms\": %.2f}",
                    r.store_mb, r.history_rows, r.history_read_ms, r.same_map_startup_ms, r.timelapse_state_ms);
    }
    std::strncat(line, tail, sizeof line - std::strlen(line) - 1);
  } else if (r.found >= 0) {
    std::snprintf(line, sizeof line,
                  "{\"name\": \"%s\", \"searches\": %ld, \"search_ms_p50\": %.2f, \"search_ms_p99\": %.2f, "
                  "\"pages_found\": %ld, \"rss_mb\": %.1f}",
                  r.name.c_str(), r.frames, r.p50_ms, r.p99_ms, r.found, r.rss_mb);
  } else {
    std::snprintf(line, sizeof line,
                  "{\"name\": \"%s\", \"frames\": %ld, \"frame_ms_p50\": %.3f, \"frame_ms_p99\": %.3f, "
                  "\"draw_calls\": %d, \"rss_mb\": %.1f, \"ratio_to_imgui_demo\": %.2f",
                  r.name.c_str(), r.frames, r.p50_ms, r.p99_ms, r.draw_calls, r.rss_mb, r.ratio);
    std::string tail = "}";
    if (r.open_ms >= 0.0) {
      char open[64];
      std::snprintf(open, sizeof open, ", \"open_ms\": %.1f}", r.open_ms);
      tail = open;
    }
    std::strncat(line, tail.c_str(), sizeof line - std::strlen(line) - 1);
  }
  return line;
}

void print_json(const std::string& renderer, const Options& options, const std::vector<Result>& results) {
  std::cout << "{\"renderer\": \"" << json_escape(renderer) << "\", \"size\": \"" << options.size.x << "x"
            << options.size.y << "\", \"scenarios\": [";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string line = json_line(results[i]);
    std::cout << (i ? ", " : "") << line;
  }
  std::cout << "]}\n";
}

void print_table(const std::string& renderer, const Options& options, const std::vector<Result>& results) {
  std::printf("renderer: %s, %dx%d, %d frames after %d warm-up\n\n", renderer.c_str(), options.size.x,
              options.size.y, measured_frames, warmup_frames);
  std::printf("%-20s %10s %10s %8s %8s %10s\n", "scenario", "p50 ms", "p99 ms", "x imgui", "draws", "rss MB");
  for (const Result& r : results) {
    if (r.name == "idle") {
      std::printf("%-20s %ld frames drawn in %.0f s with no input and nothing animating\n", r.name.c_str(), r.frames,
                  r.seconds);
    } else if (r.import_large_s != -1.0 || r.import_small_s != -1.0) {
      std::printf("%-20s innerscape import: 100 000 parts in %.1f s (median of 3), 1 000 000 in %.1f s (%.2fx; at most 10x);\n"
                  "%-20s the million-part file is %.0f MB, the import's peak memory %.0f MB (-1: it did not succeed)\n",
                  r.name.c_str(), r.import_small_s, r.import_large_s, r.ratio, "", r.import_file_mb, r.import_peak_mb);
    } else if (r.startup_ms >= 0.0) {
      std::printf("%-20s %.0f ms from start to the first frame; %.0f ms with an empty store (%.2fx)\n", r.name.c_str(),
                  r.startup_ms, r.empty_startup_ms, r.ratio);
      if (r.history_rows >= 0) {
        std::printf("%-20s a %.1f MB store, %ld changes in its history (reading them all: %.0f ms, left for the timeline);\n"
                    "%-20s %.0f ms with the same map and no past; %.2f ms to work out one moment of the time-lapse\n",
                    "", r.store_mb, r.history_rows, r.history_read_ms, "", r.same_map_startup_ms, r.timelapse_state_ms);
      }
    } else if (r.found >= 0) {
      std::printf("%-20s %10.2f %10.2f %8s %8s %10.1f   (%ld searches of 100 000 pages, all held in memory)\n", r.name.c_str(),
                  r.p50_ms, r.p99_ms, "", "", r.rss_mb, r.frames);
    } else {
      std::printf("%-20s %10.2f %10.2f %8.2f %8d %10.1f", r.name.c_str(), r.p50_ms, r.p99_ms, r.ratio, r.draw_calls,
                  r.rss_mb);
      if (r.open_ms >= 0.0) std::printf("   (opening: %.0f ms)", r.open_ms);
      std::printf("\n");
    }
  }
}

}  // namespace

int run_bench(const Options& options) {
  if (options.bench_frames > 0) {
    measured_frames = options.bench_frames;
    warmup_frames = std::min(default_warmup_frames, options.bench_frames);
  }
  std::string error;
  auto session = Session::open({.size = options.size, .hidden = true, .vsync = false, .demo = true}, error);
  if (!session) {
    std::cerr << "innerscape: " << error << "\n";
    return 1;
  }
  render::Framebuffer target;
  if (!target.create(options.size)) {
    std::cerr << "innerscape: could not make a " << options.size.x << "x" << options.size.y << " target.\n";
    return 1;
  }
  const std::string renderer = render::gl_info().renderer;

  std::vector<Result> results;
  measure_frame_scenarios(&*session, options, target, results);
  if (is_wanted(options, "idle")) results.push_back(measure_idle(*session));

  if (!measure_years_of_use(options, results)) return 1;
  // A million parts take minutes: measured only when asked for by name.
  if (options.bench_only == "import_1m_parts") {
    const auto scratch = std::filesystem::temp_directory_path() / ("innerscape-bench-import-" + std::to_string(::getpid()));
    std::filesystem::remove_all(scratch);
    std::filesystem::create_directories(scratch);
    results.push_back(measure_import(scratch));
    std::filesystem::remove_all(scratch);
  }

  if (options.json) {
    print_json(renderer, options, results);
    return 0;
  }
  print_table(renderer, options, results);
  return 0;
}

}  // namespace innerscape::app
