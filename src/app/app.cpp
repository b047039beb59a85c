// The app's entry: runs what the command line asked for and returns the process exit code.
#include "app/app.h"

#include <filesystem>
#include <iostream>
#include <optional>

#include "app/bench.h"
#include "app/session.h"
#include "core/version.h"
#include "render/framebuffer.h"
#include "storage/data_dir.h"
#include "storage/database.h"
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
    case Mode::screenshot: {
      const auto dir = prepare_data_dir(options);
      return dir ? run_screenshot(options, *dir) : 1;
    }
    case Mode::run: {
      const auto dir = prepare_data_dir(options);
      return dir ? run_interactive(options, *dir) : 1;
    }
  }
  return 2;
}

}  // namespace innerscape::app
