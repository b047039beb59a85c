// One open Innerscape: the window, the scene state, the renderer and the overlay, wired together.
#include "app/session.h"

#include <cmath>
#include <iostream>

#include <imgui.h>

#include "core/demo_system.h"
#include "platform/paths.h"
#include "render/framebuffer.h"
#include "ui/fonts.h"
#include "ui/scene_labels.h"
#include "ui/theme.h"

namespace innerscape::app {
namespace {

constexpr float base_font_px = 17.0f;  // reads comfortably at 96 dpi; scaled with the display

std::filesystem::path find_shader_dir() {
  const auto candidates = platform::resource_candidates(platform::executable_dir(), INNERSCAPE_INSTALL_DATADIR);
  const auto root = platform::find_resource_root(candidates, "shaders/background.frag");
  return root.empty() ? std::filesystem::path() : root / "shaders";
}

}  // namespace

std::unique_ptr<Session> Session::open(const SessionDesc& desc, std::string& error) {
  auto session = std::unique_ptr<Session>(new Session());
  session->window_ = platform::Window::create(
      {.title = "Innerscape", .size = desc.size, .hidden = desc.hidden, .vsync = desc.vsync, .imgui = true}, error);
  if (!session->window_) return nullptr;
  session->demo_ = desc.demo;

  const float scale = session->window_->content_scale();
  const ui::FontResult font = ui::load_fonts(platform::ui_font_candidates(), base_font_px * scale);
  if (!font.message.empty()) std::cerr << "innerscape: " << font.message << "\n";
  ui::apply_calm_theme(scale);

  const auto shader_dir = find_shader_dir();
  if (shader_dir.empty()) {
    session->render_problems_ =
        "The shaders folder was not found beside the program or under share/innerscape. "
        "Reinstall Innerscape, or run it from its build folder.";
  } else {
    session->render_problems_ = session->renderer_.init({.shader_dir = shader_dir});
  }
  // Still start: a person's data matters more than the background. The overlay says what failed.
  if (!session->render_problems_.empty()) std::cerr << "innerscape: " << session->render_problems_ << "\n";

  session->pacer_ = core::make_frame_pacer({}, session->window_->now_s());
  if (desc.demo) session->scene_.system = core::make_demo_system();
  session->scene_.view = session->frame_all_view(desc.size);
  return session;
}

core::SceneView Session::frame_all_view(glm::ivec2 viewport) const {
  std::vector<glm::vec2> centres;
  for (const core::Part& p : scene_.system.parts) centres.push_back(p.position);
  // Room for each part's form, its trust ring and the label underneath.
  constexpr float part_room = 0.2f;
  return core::framed(core::SceneView{.viewport = viewport}, centres, part_room);
}

void Session::apply_scene_input(const platform::SceneInput& input) {
  constexpr float zoom_per_notch = 1.15f;
  scene_.view.viewport = window_->drawable_size();
  if (input.drag_px != glm::vec2(0.0f)) core::pan_by_pixels(scene_.view, input.drag_px);
  if (input.wheel != 0.0f) core::zoom_about(scene_.view, input.pointer, std::pow(zoom_per_notch, input.wheel));
  if (input.recenter) scene_.view = frame_all_view(scene_.view.viewport);
}

void Session::frame(double real_dt_s, double now_s, glm::ivec2 target_size, bool offscreen) {
  // Update: only the animation clock moves for now; the scene never changes while drawing.
  core::advance(scene_.clock, real_dt_s, core::ambient_speed(pacer_, now_s));
  scene_.view.viewport = target_size;

  // Render the scene, then the overlay on top of it.
  if (imgui_demo_only) {
    render::clear({0.10f, 0.10f, 0.12f, 1.0f});
  } else {
    renderer_.render({.view = scene_.view,
                      .scene_time_s = scene_.clock.scene_seconds,
                      .self = scene_.system.self,
                      .system = {.system = &scene_.system},
                      .ambient = static_cast<float>(core::ambient_speed(pacer_, now_s))});
  }
  window_->begin_ui_frame(offscreen ? std::optional<glm::ivec2>(target_size) : std::nullopt);
  if (imgui_demo_only) {
    ImGui::ShowDemoWindow();
  } else {
    draw_overlay();
  }
  window_->render_ui();
}

void Session::draw_overlay() {
  ui::draw_scene_labels({.system = &scene_.system, .view = scene_.view});
  ui::UiActions actions;
  const ui::WelcomeView view{.demo = demo_,
                             .ambient_always = pacer_.desc.ambient_always,
                             .ambient_motion = pacer_.desc.ambient_motion};
  welcome_.draw(demo_ ? "Innerscape - example system" : "Innerscape", view, actions);
  problems_.draw("Something could not be drawn", render_problems_);
  dock_.draw("##dock", {.welcome_open = welcome_.open, .fullscreen = window_->fullscreen()}, actions);

  // Apply what the overlay asked for, after it has drawn.
  if (actions.ambient_always) pacer_.desc.ambient_always = *actions.ambient_always;
  if (actions.ambient_motion) pacer_.desc.ambient_motion = *actions.ambient_motion;
  if (actions.dismiss_welcome) welcome_.open = false;
  if (actions.toggle_welcome) welcome_.open = !welcome_.open;
  if (actions.recenter) scene_.view = frame_all_view(scene_.view.viewport);
  if (actions.toggle_fullscreen) window_->toggle_fullscreen();
  // Whatever changed is drawn in the next frame, even if no more input comes.
  if (actions.ambient_always || actions.ambient_motion || actions.dismiss_welcome || actions.toggle_welcome ||
      actions.recenter || actions.toggle_fullscreen) {
    core::request_frame(pacer_);
  }
}

long run_loop(Session& session, double deadline_s) {
  platform::Window& window = session.window();
  core::FramePacer& pacer = session.pacer();
  double last_frame = window.now_s();
  long frames = 0;
  for (;;) {
    const double before = window.now_s();
    if (deadline_s >= 0.0 && before >= deadline_s) break;
    const core::Wait wait = core::next_wait(pacer, before, false);
    double timeout = wait.kind == core::Wait::Kind::until_event     ? -1.0
                     : wait.kind == core::Wait::Kind::sleep_then_draw ? wait.seconds
                                                                      : 0.0;
    if (deadline_s >= 0.0 && (timeout < 0.0 || timeout > deadline_s - before)) timeout = deadline_s - before;
    const platform::FrameEvents events = window.pump_events(timeout);
    if (events.quit) break;
    const double now = window.now_s();
    if (events.input) core::note_input(pacer, now);
    session.apply_scene_input(events.scene);
    if (core::next_wait(pacer, now, false).kind != core::Wait::Kind::draw_now) continue;

    session.frame(now - last_frame, now, window.drawable_size(), false);
    window.present();
    core::note_frame(pacer, now);
    last_frame = now;
    ++frames;
  }
  return frames;
}

}  // namespace innerscape::app
