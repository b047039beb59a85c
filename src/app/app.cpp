// The app's entry: runs what the command line asked for and returns the process exit code.
#include "app/app.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <optional>

#include "app/bench.h"
#include "app/passphrase_input.h"
#include "app/progress_line.h"
#include "app/session.h"
#include "app/timelapse.h"
#include "core/breathing.h"
#include "core/calendar.h"
#include "core/map_history.h"
#include "core/version.h"
#include "core/wording.h"
#include "platform/hardening.h"
#include "render/framebuffer.h"
#include "storage/config_dir.h"
#include "storage/data_dir.h"
#include "storage/database.h"
#include "storage/json_format.h"
#include "storage/data_lock.h"
#include "storage/markdown_export.h"
#include "storage/map_store.h"
#include "storage/passphrase_lock.h"
#include "storage/path_within.h"
#include "storage/png.h"
#include "storage/printable.h"
#include "storage/store.h"
#include "ui/entry_text.h"

namespace innerscape::app {
namespace {

// The person's own data folder, made private; a demo never touches it (empty path).
std::optional<std::filesystem::path> prepare_data_dir(const Options& options) {
  if (options.demo) return std::filesystem::path();
  const auto dir = storage::resolve_data_dir(options.data_dir, storage::data_dir_env_from_process());
  if (const std::string problem = storage::ensure_private_dir(dir); !problem.empty()) {
    std::cerr << "innerscape: " << problem << "\n";
    return std::nullopt;
  }
  return dir;
}

// The passphrase from --passphrase-file, else (where `prompt` allows and a person is at a terminal)
// typed without echo. Null with the reason printed when there is none.
std::optional<storage::Passphrase> get_passphrase(const std::filesystem::path& file, bool prompt, const std::string& question,
                                                  bool confirm, const std::string& without) {
  storage::Passphrase passphrase;
  std::string problem;
  if (!file.empty()) {
    problem = read_passphrase_file(file, passphrase);
  } else if (prompt && can_prompt()) {
    problem = prompt_passphrase(question, confirm, passphrase);
  } else {
    problem = without;
  }
  if (!problem.empty()) {
    std::cerr << "innerscape: " << problem << "\n";
    return std::nullopt;
  }
  return passphrase;
}

// The key of a locked store. Null when the store is not locked; `failed` (with the reason printed)
// when it is and cannot be unlocked. A wrong passphrase changes nothing.
std::shared_ptr<const storage::Key> key_for(const Options& options, const std::filesystem::path& dir, bool prompt, bool& failed) {
  failed = false;
  if (!storage::store_is_locked(dir)) return nullptr;
  std::string locked_text = "Your map in " + dir.string() + " is locked with a passphrase. ";
  locked_text += prompt ? "Give it with --passphrase-file FILE, or run this in a terminal to be asked for it."
                        : "Give it with --passphrase-file FILE (a file holding the passphrase), or start Innerscape "
                          "without it and type it on the lock screen.";
  const auto passphrase = get_passphrase(options.passphrase_file, prompt, "Passphrase for your map: ", false, locked_text);
  if (!passphrase) {
    failed = true;
    return nullptr;
  }
  storage::Unlocked unlocked = storage::unlock_store(dir, passphrase->view());
  if (!unlocked.key) {
    std::cerr << "innerscape: " << unlocked.error << "\n";
    failed = true;
    return nullptr;
  }
  return std::make_shared<const storage::Key>(std::move(*unlocked.key));
}

// The interactive app keeps its window layout and the person's comfort settings in the config
// folder (0700); a folder that cannot be made is said once and the app runs on without keeping them.
std::filesystem::path prepare_config_dir() {
  const auto dir = storage::resolve_config_dir(storage::config_dir_env_from_process());
  if (const std::string problem = storage::ensure_config_dir(dir); !problem.empty()) {
    std::cerr << "innerscape: your window layout and settings will not be kept: " << problem << "\n";
    return {};
  }
  return dir;
}

// What the command line asked to open on: the canvas, the journal, calm mode.
void open_views(Session& session, const Options& options) {
  if (options.canvas) session.open_canvas();
  if (options.journal) session.act({ui::act::ToggleJournal{}});
  if (options.calm) session.act({ui::act::Calm{}});
}

int run_interactive(const Options& options, const std::filesystem::path& data_dir, std::shared_ptr<const storage::Key> key) {
  const std::filesystem::path config_dir = options.demo ? std::filesystem::path() : prepare_config_dir();
  std::string error;
  auto session = Session::open({.size = {1280, 720}, .hidden = false, .vsync = true, .demo = options.demo, .data_dir = data_dir,
                                .key = std::move(key), .config_dir = config_dir},
                               error);
  if (!session) {
    std::cerr << "innerscape: " << error << "\n";
    return 1;
  }
  if (!config_dir.empty()) session->window().keep_layout(config_dir / storage::imgui_ini_name);
  open_views(*session, options);
  run_loop(*session);
  return 0;
}

// A hidden session for pictures (--screenshot, --timelapse) and the offscreen target it draws into.
// Null, with the reason printed, when either cannot be made.
std::unique_ptr<Session> open_for_pictures(const Options& options, const std::filesystem::path& data_dir,
                                           std::shared_ptr<const storage::Key> key, render::Framebuffer& target) {
  std::string error;
  auto session = Session::open(
      {.size = options.size, .hidden = true, .vsync = false, .demo = options.demo, .data_dir = data_dir, .key = std::move(key)},
      error);
  if (!session) {
    std::cerr << "innerscape: " << error << "\n";
    return nullptr;
  }
  if (!session->store_problem().empty()) return nullptr;  // said already; a picture of the card is no picture of the map
  if (!target.create(options.size)) {
    std::cerr << "innerscape: the graphics driver could not make a " << options.size.x << "x" << options.size.y
              << " picture. Try a smaller --size.\n";
    return nullptr;
  }
  return session;
}

// A fixed step, so the same command draws the same picture.
constexpr double picture_step_s = 1.0 / 60.0;

// Draws `count` frames as --screenshot does, for the overlay to lay itself out and the scene to settle.
void settle(Session& session, render::Framebuffer& target, glm::ivec2 size, int count) {
  for (int i = 0; i < count; ++i) {
    session.window().pump_events(0.0);
    target.bind();
    session.frame(picture_step_s, session.window().now_s(), size, true);
  }
}

int run_screenshot(const Options& options, const std::filesystem::path& data_dir, std::shared_ptr<const storage::Key> key) {
  render::Framebuffer target;
  auto session = open_for_pictures(options, data_dir, std::move(key), target);
  if (!session) return 1;
  open_views(*session, options);
  if (!options.breathe.empty()) {
    core::BreathPattern pattern;
    core::parse_breath_pattern(options.breathe, pattern);  // checked by the command line already
    session->start_breathing(pattern, 5.0, options.breathe_at, true);
  }
  if (options.day) {
    // The map as it was at that day's end, with the timeline open on it.
    session->open_timeline(static_cast<double>(core::local_day_end(*options.day)));
    session->wait_for_map_history();
  }
  settle(*session, target, options.size, options.frames);
  const core::Image image = target.read_pixels();
  if (const std::string problem = storage::write_png(options.screenshot_path, image); !problem.empty()) {
    std::cerr << "innerscape: " << problem << "\n";
    return 1;
  }
  return 0;
}

// `innerscape --timelapse DIR`: the map's story, first day to today, as numbered PNG frames. Each
// frame is the map at its moment, eased as the timeline's time-lapse plays it; the scene's own
// drift stands still (every frame at the moment a --screenshot is drawn), so only the story moves
// and the last frame is today's map as a --screenshot shows it.
int run_timelapse(const Options& options, const std::filesystem::path& data_dir, std::shared_ptr<const storage::Key> key) {
  const bool locked = key != nullptr;
  render::Framebuffer target;
  auto session = open_for_pictures(options, data_dir, std::move(key), target);
  if (!session) return 1;
  session->load_map_history();
  session->wait_for_map_history();
  if (!session->map_history_problem().empty()) {
    std::cerr << "innerscape: your map's story could not be read, so no frames were drawn. `innerscape check` looks the "
                 "store over.\n";
    return 1;
  }
  const core::MapHistory history = session->map_history();
  const auto today = static_cast<std::int64_t>(std::time(nullptr));
  const std::int64_t first = history.empty() ? today : std::min(history.front().at, today);
  const core::TimelapseSpan span = core::timelapse_span(history, today);
  const double ease_s = span.ease_s;
  const int count = options.fps * options.seconds;

  session->film = true;
  session->set_view(session->framing(story_positions(history, session->scene().system), options.size));
  session->show_time(frame_time(first, span.end, 0, count), true, ease_s);
  session->film_caption = ui::local_day(first);
  settle(*session, target, options.size, options.frames);
  const double still_s = session->window().now_s();  // the scene's drift and light stay as they are now

  std::cout << "Drawing " << count << " frames of your map's story, " << ui::local_day(first) << " to today...\n" << std::flush;
  for (int i = 0; i < count; ++i) {
    const double t = frame_time(first, span.end, i, count);
    if (i + 1 < count) {
      session->show_time(t, true, ease_s);
    } else {
      session->show_time(std::nullopt);  // the last frame is today's map, live
    }
    session->film_caption = ui::local_day(static_cast<std::int64_t>(t));
    session->window().pump_events(0.0);
    target.bind();
    session->frame(0.0, still_s, options.size, true);
    const std::filesystem::path path = options.timelapse_dir / frame_name(i + 1);
    std::error_code ec;
    std::string problem = std::filesystem::exists(path, ec) ? path.string() + " appeared while the frames were drawn; it was left as it is."
                                                            : storage::write_png(path, target.read_pixels());
    if (!problem.empty()) {
      std::cerr << "innerscape: " << problem << " " << i << " of " << count << " frames were written before it.\n";
      return 1;
    }
  }
  std::cout << "Wrote " << frame_name(1) << " to " << frame_name(count) << " (" << options.size.x << "x" << options.size.y
            << ") in " << options.timelapse_dir.string() << ".\n";
  if (history.empty()) std::cout << "Your map's story starts today, so every frame shows it as it is now.\n";
  if (locked) std::cout << "The frames are not encrypted, though your map is locked: keep them somewhere private.\n";
  std::cout << "To join them into a video of " << options.seconds << " s at " << options.fps << " frames a second:\n  "
            << join_command(options.timelapse_dir, options.fps, options.size) << "\n";
  return 0;
}

// `innerscape check`: reads the person's data without changing it and gives a plain verdict.
int run_check(const Options& options) {
  const auto dir = storage::resolve_data_dir(options.data_dir, storage::data_dir_env_from_process());
  const auto path = dir / storage::database_file_name;
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec) && !std::filesystem::exists(path, ec)) {
    std::cout << "No data yet at " << path.string() << ": nothing to check.\n";
    return 0;
  }
  bool failed = false;
  const auto key = key_for(options, dir, true, failed);
  if (failed) return 1;
  storage::OpenedStore store = storage::open_store_read_only(dir, key.get(), false);
  if (store.problem == storage::StoreProblem::damaged) {
    std::cout << "Your data file has a problem: " << path.string() << "\n  " << store.error
              << "\nKeep a copy of the file somewhere safe first.\n";
    return 1;
  }
  if (!store.error.empty()) {
    std::cerr << "innerscape: " << store.error << "\n";
    return 1;
  }
  std::cout << "Your data is sound: " << path.string() << " ("
            << core::counted(std::ssize(store.loaded.snapshot.system.parts), "part", "parts") << ", "
            << core::counted(std::ssize(store.loaded.snapshot.system.relationships), "relationship", "relationships") << ").\n";
  return 0;
}

// Opens the person's store for a command without a window; prints why when it cannot.
// `writer`: the caller holds the folder's DataLock, so a lock switch cut short is finished first.
// Without `writer` it only reads: nothing is created, migrated, backed up or set aside.
std::unique_ptr<storage::Database> open_for_command(const Options& options, storage::LoadResult& loaded, bool writer = false) {
  const auto dir = storage::resolve_data_dir(options.data_dir, storage::data_dir_env_from_process());
  if (writer) {
    if (const std::string problem = storage::ensure_private_dir(dir); !problem.empty()) {
      std::cerr << "innerscape: " << problem << "\n";
      return nullptr;
    }
    if (const std::string problem = storage::finish_interrupted_switch(dir); !problem.empty()) {
      std::cerr << "innerscape: " << problem << "\n";
      return nullptr;
    }
  }
  bool failed = false;
  const auto key = key_for(options, dir, true, failed);
  if (failed) return nullptr;
  storage::OpenedStore store = writer ? storage::open_store(dir, true, true, key.get()) : storage::open_store_read_only(dir, key.get());
  if (!store.notice.empty()) std::cerr << "innerscape: " << store.notice << "\n";
  if (!store.error.empty()) {
    std::cerr << "innerscape: " << store.error << "\n";
    return nullptr;
  }
  loaded = std::move(store.loaded);
  return std::move(store.db);
}

// Whether an export to `out` would write into the data folder, where the map itself, its lock's
// salt and its backups live: a JSON file or a note written there could replace one of them. A
// Markdown export writes into `out` and its parts/ and drawings/ folders; a link among them counts
// as where it leads.
bool export_into_data_dir(const Options& options, const std::filesystem::path& data_dir) {
  if (storage::path_within(options.out, data_dir)) return true;
  if (options.export_format != "md") return false;
  return storage::path_within(options.out / "parts", data_dir) || storage::path_within(options.out / "drawings", data_dir);
}

int run_export(const Options& options) {
  // Refused before the map is even opened: nothing is read, asked or written.
  const auto data_dir = storage::resolve_data_dir(options.data_dir, storage::data_dir_env_from_process());
  if (export_into_data_dir(options, data_dir)) {
    std::cerr << "innerscape: export refused: " << storage::printable(options.out.string()) << " is inside your data folder, "
              << storage::printable(data_dir.string()) << ", where Innerscape keeps your map itself; an export written there "
              << "could replace it. Choose a place outside that folder, as in --out ~/my-map"
              << (options.export_format == "md" ? "" : ".json") << ". Nothing was written.\n";
    return 1;
  }
  storage::LoadResult loaded;
  const auto db = open_for_command(options, loaded);
  if (db == nullptr) return 1;
  std::string problem;
  if (options.export_format == "json") {
    loaded.snapshot.history = storage::load_history(*db, problem);
    if (!problem.empty()) {
      std::cerr << "innerscape: " << problem << " Nothing was exported; `innerscape check` looks the store over.\n";
      return 1;
    }
    problem = storage::write_json_file(loaded.snapshot, options.out, static_cast<std::int64_t>(std::time(nullptr)));
  } else {
    problem = storage::export_markdown(loaded.snapshot, options.out);
  }
  if (!problem.empty()) {
    std::cerr << "innerscape: " << problem << "\n";
    return 1;
  }
  std::cout << "Exported " << core::counted(std::ssize(loaded.snapshot.system.parts), "part", "parts") << " and "
            << core::counted(std::ssize(loaded.snapshot.system.relationships), "relationship", "relationships") << " to " << options.out.string()
            << ". It is not encrypted" << (storage::store_is_locked(storage::resolve_data_dir(options.data_dir, storage::data_dir_env_from_process()))
                                                 ? ", though your map is locked"
                                                 : "")
            << ": keep it somewhere private, and delete it when you no longer need it.\n";
  return 0;
}

int run_import(const Options& options) {
  // Years of journal take seconds to check and save: a person at a terminal sees what is happening.
  std::optional<ProgressLine> progress;
  progress.emplace(std::cerr, stderr_is_terminal());
  const std::string name = storage::printable(options.import_file.filename().string());
  std::error_code ec;
  const auto size = std::filesystem::file_size(options.import_file, ec);
  progress->step("Reading " + name + (ec ? std::string() : " (" + std::to_string((size + 512 * 1024) / (1024 * 1024)) + " MB)"));
  std::string text;
  if (const std::string problem = storage::read_json_file(options.import_file, text); !problem.empty()) {
    progress.reset();
    std::cerr << "innerscape: import refused: " << problem << ". Nothing was changed.\n";
    return 1;
  }
  progress->step("Checking everything in " + name);
  storage::JsonImport imported = storage::from_json(text);
  std::string().swap(text);  // a big file's text is not needed again
  progress.reset();  // a refusal below is said on a clean line
  if (!imported.error.empty()) {
    std::cerr << "innerscape: import refused: " << imported.error << ". Nothing was changed.\n";
    return 1;
  }
  // Not while the app has the map open: each would take its own view of the map for the truth.
  const auto dir = prepare_data_dir(options);
  if (!dir) return 1;
  std::string lock_error;
  const auto lock = storage::DataLock::acquire(*dir, lock_error);
  if (lock == nullptr) {
    std::cerr << "innerscape: import refused: " << lock_error << "\n";
    return 1;
  }
  storage::LoadResult loaded;
  auto db = open_for_command(options, loaded, true);
  if (db == nullptr) return 1;
  progress.emplace(std::cerr, stderr_is_terminal());
  const long long parts = std::ssize(imported.snapshot.system.parts);
  const long long relationships = std::ssize(imported.snapshot.system.relationships);
  const long long pages = std::ssize(imported.snapshot.system.journal);
  const int placed = imported.parts_placed;
  progress->step("Adding " + core::counted(parts, "part", "parts") + " to your map");
  // Moved in: a million parts are not held twice while they are saved.
  storage::Snapshot merged = storage::merge_import(loaded.snapshot, std::move(imported));
  // The file's past comes along only into a map that has none of its own; otherwise the import is
  // one more change of today in the history that is there.
  if (merged.replace_history) {
    std::string problem;
    if (storage::history_size(*db, problem) != 0) {
      merged.replace_history = false;
      merged.history.clear();
    }
  }
  const std::string what = pages == 0   ? core::counted(parts, "part", "parts")
                           : parts == 0 ? core::counted(pages, "journal page", "journal pages")
                                        : core::counted(parts, "part", "parts") + " and " + core::counted(pages, "journal page", "journal pages");
  progress->step("Saving " + what);
  const std::string saved = storage::save_changes(*db, loaded.snapshot, merged);
  progress.reset();
  if (const std::string& e = saved; !e.empty()) {
    std::cerr << "innerscape: the import could not be saved: " << e << ". Nothing was changed.\n";
    return 1;
  }
  std::cout << "Imported " << core::counted(parts, "part", "parts") << " and "
            << core::counted(relationships, "relationship", "relationships");
  if (placed > 0) std::cout << " (" << placed << " placed by Arrange)";
  std::cout << ".\n";
  return 0;
}

// Prints the damaged files set aside before the lock, which are still readable by anyone.
void mention_plaintext_leftovers(const std::filesystem::path& dir) {
  const auto leftovers = storage::plaintext_leftovers(dir);
  if (leftovers.empty()) return;
  std::cout << "\nThese damaged files were set aside before the lock and are not encrypted; they may hold old\n"
               "journal pages. Innerscape never deletes them for you. Delete them when you are sure you do not need them:\n";
  for (const auto& p : leftovers) std::cout << "  " << p.string() << "\n";
}

// `innerscape lock` (on, or a new passphrase) and `innerscape unlock` (off).
int run_lock(const Options& options) {
  const auto dir = prepare_data_dir(options);
  if (!dir) return 1;
  std::string lock_error;
  const auto folder_lock = storage::DataLock::acquire(*dir, lock_error);
  if (folder_lock == nullptr) {
    std::cerr << "innerscape: the lock was not changed: " << lock_error << "\n";
    return 1;
  }
  if (const std::string problem = storage::finish_interrupted_switch(*dir); !problem.empty()) {
    std::cerr << "innerscape: " << problem << "\n";
    return 1;
  }
  const bool locked = storage::store_is_locked(*dir);
  if (const auto db = *dir / storage::database_file_name; !locked && storage::looks_encrypted(db)) {
    // Locked once, its keyinfo gone: neither "not locked" nor a second lock over the first.
    std::cerr << "innerscape: the lock was not changed. " << storage::open_store_read_only(*dir).error << "\n";
    return 1;
  }
  const bool turning_off = options.mode == Mode::unlock;
  if (turning_off && !locked) {
    std::cout << "Your map is not locked, so there is nothing to unlock.\n";
    return 0;
  }
  if (!turning_off && !locked && !options.new_passphrase_file.empty()) {
    std::cerr << "innerscape: your map is not locked yet, so there is no passphrase to change. To lock it:\n"
                 "  innerscape lock --passphrase-file FILE\n";
    return 1;
  }
  if (!turning_off && locked && options.new_passphrase_file.empty() && !can_prompt()) {
    std::cerr << "innerscape: your map is already locked. To change the passphrase, give the current one with "
                 "--passphrase-file and the new one with --new-passphrase-file.\n";
    return 1;
  }

  std::shared_ptr<const storage::Key> current;
  if (locked) {
    bool failed = false;
    current = key_for(options, *dir, true, failed);
    if (failed) return 1;
  }
  std::optional<storage::Passphrase> next;
  if (!turning_off) {
    if (!locked) {
      std::cout << "Locking your map: everything in it, and its backups, will be encrypted with your passphrase.\n"
                   "There is no way back in without the passphrase: no reset, no recovery. Keep it somewhere safe.\n";
    }
    const std::filesystem::path& file = locked ? options.new_passphrase_file : options.passphrase_file;
    next = get_passphrase(file, true, locked ? "New passphrase: " : "Passphrase: ", true,
                          "Give the passphrase with --passphrase-file FILE (a file holding it), or run this in a terminal to be asked.");
    if (!next) return 1;
  }
  // Nothing there yet: only the lock's keyinfo is written, and the map is made encrypted from its
  // first byte when Innerscape next opens it. Not one page of it is ever in plaintext.
  if (!locked && !turning_off && storage::store_is_new(*dir)) {
    std::optional<storage::Key> key;
    if (const std::string problem = storage::lock_new_store(*dir, next->view(), storage::KdfCost::moderate, key); !problem.empty()) {
      std::cerr << "innerscape: " << problem << "\n";
      return 1;
    }
    std::cout << "Your map is locked before anything was written: it will be encrypted from its very first word.\n"
                 "Innerscape asks for the passphrase when it starts (or reads --passphrase-file FILE). There is no way\n"
                 "back in without it: keep it somewhere safe.\n";
    return 0;
  }
  // Something of a map but no database (a backup, a file set aside): opened as the app would open
  // it first (the newest sound backup comes back), so the lock holds all of it.
  if (!std::filesystem::exists(*dir / storage::database_file_name)) {
    storage::OpenedStore fresh = storage::open_store(*dir, true, false, current.get());
    if (!fresh.error.empty()) {
      std::cerr << "innerscape: " << fresh.error << "\n";
      return 1;
    }
  }
  const std::optional<std::string_view> new_passphrase = next ? std::optional<std::string_view>(next->view()) : std::nullopt;
  if (const std::string problem = storage::set_lock(*dir, current.get(), new_passphrase); !problem.empty()) {
    std::cerr << "innerscape: " << problem << "\n";
    return 1;
  }
  if (turning_off) {
    std::cout << "Your map is unlocked: it and its backups are stored unencrypted again, readable by anyone with this computer.\n";
  } else if (locked) {
    std::cout << "Your passphrase is changed; your map and its backups now open only with the new one.\n"
                 "There is no way back in without it: keep it somewhere safe.\n";
  } else {
    std::cout << "Your map is locked. From now on it opens only with the passphrase: Innerscape asks for it when it\n"
                 "starts, and commands like export ask for it on the terminal (or read --passphrase-file FILE).\n"
                 "The old, unencrypted files were overwritten before they were removed (the README says what a disk\n"
                 "may still keep, and how to be sure).\n";
  }
  if (!turning_off) mention_plaintext_leftovers(*dir);
  return 0;
}

}  // namespace

int run(const Options& options) {
  // Before any key or word is in memory: nothing of them may reach a core file.
  if (const std::string problem = platform::keep_out_of_core_dumps(); !problem.empty()) {
    std::cerr << "innerscape: core dumps could not be turned off (" << problem << "); your map is as safe on disk as ever.\n";
  }
  switch (options.mode) {
    case Mode::help:
      std::cout << usage();
      return 0;
    case Mode::version:
      std::cout << "innerscape " << core::version << "\n";
      return 0;
    case Mode::bench:
      return run_bench(options);
    case Mode::check:
      return run_check(options);
    case Mode::export_data:
      return run_export(options);
    case Mode::import_data:
      return run_import(options);
    case Mode::lock:
    case Mode::unlock:
      return run_lock(options);
    case Mode::screenshot:
    case Mode::timelapse:
    case Mode::run: {
      // A folder that cannot take the frames is said before anything is opened or asked for.
      if (options.mode == Mode::timelapse) {
        if (const std::string problem = check_frame_dir(options.timelapse_dir); !problem.empty()) {
          std::cerr << "innerscape: " << problem << "\n";
          return 1;
        }
      }
      const auto dir = prepare_data_dir(options);
      if (!dir) return 1;
      // The app changes its data folder while it is open: one at a time (the lock goes with the
      // process, however it ends). The demo keeps no data and needs none.
      std::unique_ptr<storage::DataLock> lock;
      if (!dir->empty()) {
        std::string lock_error;
        lock = storage::DataLock::acquire(*dir, lock_error);
        if (lock == nullptr) {
          std::cerr << "innerscape: " << lock_error << "\n";
          return 1;
        }
      }
      std::shared_ptr<const storage::Key> key;
      if (!dir->empty()) {
        if (const std::string problem = storage::finish_interrupted_switch(*dir); !problem.empty()) {
          std::cerr << "innerscape: " << problem << "\n";
          return 1;
        }
        // Without --passphrase-file a locked store opens on the lock screen, where it is typed; a
        // time-lapse has no screen to type it on, so it asks on the terminal or says how to give it.
        const bool timelapse = options.mode == Mode::timelapse;
        if (!options.passphrase_file.empty() || timelapse) {
          bool failed = false;
          key = key_for(options, *dir, timelapse, failed);
          if (failed) return 1;
        }
      }
      if (options.mode == Mode::timelapse) return run_timelapse(options, *dir, std::move(key));
      return options.mode == Mode::run ? run_interactive(options, *dir, std::move(key)) : run_screenshot(options, *dir, std::move(key));
    }
  }
  return 2;
}

}  // namespace innerscape::app
