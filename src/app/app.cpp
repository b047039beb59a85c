// The app's entry: runs what the command line asked for and returns the process exit code.
#include "app/app.h"

#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <optional>

#include "app/bench.h"
#include "app/session.h"
#include "core/breathing.h"
#include "core/version.h"
#include "render/framebuffer.h"
#include "storage/data_dir.h"
#include "storage/database.h"
#include "storage/json_format.h"
#include "storage/data_lock.h"
#include "storage/markdown_export.h"
#include "storage/map_store.h"
#include "storage/png.h"
#include "storage/store.h"

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

int run_interactive(const Options& options, const std::filesystem::path& data_dir) {
  std::string error;
  auto session = Session::open(
      {.size = {1280, 720}, .hidden = false, .vsync = true, .demo = options.demo, .data_dir = data_dir}, error);
  if (!session) {
    std::cerr << "innerscape: " << error << "\n";
    return 1;
  }
  if (options.canvas) session->open_canvas();
  run_loop(*session);
  return 0;
}

int run_screenshot(const Options& options, const std::filesystem::path& data_dir) {
  std::string error;
  auto session = Session::open(
      {.size = options.size, .hidden = true, .vsync = false, .demo = options.demo, .data_dir = data_dir}, error);
  if (!session) {
    std::cerr << "innerscape: " << error << "\n";
    return 1;
  }
  render::Framebuffer target;
  if (!target.create(options.size)) {
    std::cerr << "innerscape: the graphics driver could not make a " << options.size.x << "x" << options.size.y
              << " picture. Try a smaller --size.\n";
    return 1;
  }
  if (options.canvas) session->open_canvas();
  if (!options.breathe.empty()) {
    core::BreathPattern pattern;
    core::parse_breath_pattern(options.breathe, pattern);  // checked by the command line already
    session->start_breathing(pattern, 5.0, options.breathe_at, true);
  }
  // A fixed step, so the same command draws the same picture.
  constexpr double step = 1.0 / 60.0;
  for (int i = 0; i < options.frames; ++i) {
    session->window().pump_events(0.0);
    target.bind();
    session->frame(step, session->window().now_s(), options.size, true);
  }
  const core::Image image = target.read_pixels();
  if (const std::string problem = storage::write_png(options.screenshot_path, image); !problem.empty()) {
    std::cerr << "innerscape: " << problem << "\n";
    return 1;
  }
  return 0;
}

// `innerscape check`: reads the person's data without changing it and gives a plain verdict.
int run_check(const Options& options) {
  const auto dir = storage::resolve_data_dir(options.data_dir, storage::data_dir_env_from_process());
  const auto path = dir / storage::database_file_name;
  if (!std::filesystem::exists(path)) {
    std::cout << "No data yet at " << path.string() << ": nothing to check.\n";
    return 0;
  }
  std::string error;
  auto db = storage::Database::open(path, error);
  const std::string verdict = db ? db->quick_check() : error;
  if (verdict == "ok") {
    const storage::LoadResult loaded = storage::load_snapshot(*db);
    std::cout << "Your data is sound: " << path.string() << " (" << loaded.snapshot.system.parts.size() << " parts, "
              << loaded.snapshot.system.relationships.size() << " relationships).\n";
    return 0;
  }
  std::cout << "Your data file has a problem: " << path.string() << "\n  " << verdict
            << "\nNothing was changed. Starting Innerscape will set the file aside, untouched, and begin a new map;\n"
               "keep a copy of the file somewhere safe first.\n";
  return 1;
}

// Opens the person's store for a command without a window; prints why when it cannot.
std::unique_ptr<storage::Database> open_for_command(const Options& options, storage::LoadResult& loaded) {
  const auto dir = storage::resolve_data_dir(options.data_dir, storage::data_dir_env_from_process());
  if (const std::string problem = storage::ensure_private_dir(dir); !problem.empty()) {
    std::cerr << "innerscape: " << problem << "\n";
    return nullptr;
  }
  storage::OpenedStore store = storage::open_store(dir);
  if (!store.notice.empty()) std::cerr << "innerscape: " << store.notice << "\n";
  if (!store.error.empty()) {
    std::cerr << "innerscape: " << store.error << "\n";
    return nullptr;
  }
  loaded = std::move(store.loaded);
  return std::move(store.db);
}

int run_export(const Options& options) {
  storage::LoadResult loaded;
  if (open_for_command(options, loaded) == nullptr) return 1;
  std::string problem;
  if (options.export_format == "json") {
    const std::string text = storage::to_json(loaded.snapshot, static_cast<std::int64_t>(std::time(nullptr)));
    std::filesystem::path tmp = options.out;
    tmp += ".tmp";
    {
      const mode_t old_mask = ::umask(077);  // what a person wrote stays theirs: the export is 0600
      std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
      ::umask(old_mask);
      file << text;
      file.flush();
      if (!file) problem = "Could not write " + options.out.string() + ". Check the folder exists, is writable, and the disk has room.";
    }
    std::error_code ec;
    if (problem.empty()) std::filesystem::rename(tmp, options.out, ec);
    if (ec) problem = "Could not write " + options.out.string() + ": " + ec.message();
    if (!problem.empty()) std::filesystem::remove(tmp, ec);
  } else {
    problem = storage::export_markdown(loaded.snapshot, options.out);
  }
  if (!problem.empty()) {
    std::cerr << "innerscape: " << problem << "\n";
    return 1;
  }
  std::cout << "Exported " << loaded.snapshot.system.parts.size() << " parts and "
            << loaded.snapshot.system.relationships.size() << " relationships to " << options.out.string()
            << ". It is not encrypted: keep it somewhere private.\n";
  return 0;
}

int run_import(const Options& options) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(options.import_file, ec);
  if (ec) {
    std::cerr << "innerscape: cannot read " << options.import_file.string() << ": " << ec.message() << ". Nothing was changed.\n";
    return 1;
  }
  if (size > storage::json_max_bytes) {
    std::cerr << "innerscape: import refused: " << options.import_file.string()
              << " is larger than " << storage::json_max_bytes / (1024 * 1024)
              << " MB, far more than an Innerscape export. Nothing was changed.\n";
    return 1;
  }
  std::ifstream in(options.import_file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const storage::JsonImport imported = storage::from_json(text);
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
  auto db = open_for_command(options, loaded);
  if (db == nullptr) return 1;
  const storage::Snapshot merged = storage::merge_import(loaded.snapshot, imported.snapshot);
  if (const std::string e = storage::save_changes(*db, loaded.snapshot, merged); !e.empty()) {
    std::cerr << "innerscape: the import could not be saved: " << e << ". Nothing was changed.\n";
    return 1;
  }
  std::cout << "Imported " << imported.snapshot.system.parts.size() << " parts and "
            << imported.snapshot.system.relationships.size() << " relationships";
  if (imported.parts_placed > 0) std::cout << " (" << imported.parts_placed << " placed by Arrange)";
  std::cout << ".\n";
  return 0;
}

}  // namespace

int run(const Options& options) {
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
    case Mode::screenshot:
    case Mode::run: {
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
      return options.mode == Mode::run ? run_interactive(options, *dir) : run_screenshot(options, *dir);
    }
  }
  return 2;
}

}  // namespace innerscape::app
