// innerscape --bench: measured frame cost and idle cost, in a hidden window, printed as a table or JSON.
#include "app/bench.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include "app/session.h"
#include "core/demo_system.h"
#include "ui/scene_input.h"
#include "render/framebuffer.h"
#include "render/gl_loader.h"

namespace innerscape::app {
namespace {

constexpr int warmup_frames = 30;
constexpr int measured_frames = 240;
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

std::string json_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

int run_bench(const Options& options) {
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
  // --only runs one scenario; the yardstick always runs, for the ratio.
  auto wanted = [&](const char* name) { return options.bench_only.empty() || options.bench_only == name; };
  session->imgui_demo_only = true;
  results.push_back(measure_frames(*session, "imgui_demo", options.size, target));
  session->imgui_demo_only = false;
  if (wanted("scene_demo")) results.push_back(measure_frames(*session, "scene_demo", options.size, target));
  if (wanted("scene_1000_parts")) {
    session->load_system(core::make_large_system(1000, 2000));
    results.push_back(measure_frames(*session, "scene_1000_parts", options.size, target));
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
  if (wanted("idle")) results.push_back(measure_idle(*session));

  if (options.json) {
    std::cout << "{\"renderer\": \"" << json_escape(renderer) << "\", \"size\": \"" << options.size.x << "x"
              << options.size.y << "\", \"scenarios\": [";
    for (std::size_t i = 0; i < results.size(); ++i) {
      const Result& r = results[i];
      char line[512];
      if (r.name == "idle") {
        std::snprintf(line, sizeof line, "{\"name\": \"%s\", \"seconds\": %.1f, \"frames\": %ld, \"rss_mb\": %.1f}",
                      r.name.c_str(), r.seconds, r.frames, r.rss_mb);
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
      std::cout << (i ? ", " : "") << line;
    }
    std::cout << "]}\n";
    return 0;
  }

  std::printf("renderer: %s, %dx%d, %d frames after %d warm-up\n\n", renderer.c_str(), options.size.x,
              options.size.y, measured_frames, warmup_frames);
  std::printf("%-20s %10s %10s %8s %8s %10s\n", "scenario", "p50 ms", "p99 ms", "x imgui", "draws", "rss MB");
  for (const Result& r : results) {
    if (r.name == "idle") {
      std::printf("%-20s %ld frames drawn in %.0f s with no input and nothing animating\n", r.name.c_str(), r.frames,
                  r.seconds);
    } else {
      std::printf("%-20s %10.2f %10.2f %8.2f %8d %10.1f", r.name.c_str(), r.p50_ms, r.p99_ms, r.ratio, r.draw_calls,
                  r.rss_mb);
      if (r.open_ms >= 0.0) std::printf("   (opening: %.0f ms)", r.open_ms);
      std::printf("\n");
    }
  }
  return 0;
}

}  // namespace innerscape::app
