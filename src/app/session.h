// One open Innerscape: the window, the scene state, the renderer and the overlay, wired together.
// The interactive loop, screenshots and benchmarks all drive the same session.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/animation_clock.h"
#include "core/frame_pacer.h"
#include "core/history.h"
#include "core/inner_system.h"
#include "core/scene_view.h"
#include "core/self_state.h"
#include "platform/window.h"
#include "render/scene_renderer.h"
#include "ui/dock_panel.h"
#include "ui/problem_panel.h"
#include "ui/welcome_panel.h"

namespace innerscape::app {

struct SessionDesc {
  glm::ivec2 size{1280, 720};
  bool hidden = false;
  bool vsync = true;
  bool demo = false;
};

// What the scene shows; updated by the app, read by render and ui.
struct SceneState {
  core::SceneView view;
  core::AnimationClock clock;
  core::InnerSystem system;
  core::History history;
};

class Session {
 public:
  static std::unique_ptr<Session> open(const SessionDesc& desc, std::string& error);

  // Update from what the person did to the scene (never to the overlay): pan, zoom, recentre.
  void apply_scene_input(const platform::SceneInput& input);

  // One frame, in plain sections: update the scene on the animation clock, draw it, draw the
  // overlay on top, apply what the overlay asked for. Draws into the bound framebuffer of
  // target_size (the window's, or an offscreen one when display_override is set).
  void frame(double real_dt_s, double now_s, glm::ivec2 target_size, bool offscreen);

  platform::Window& window() { return *window_; }
  core::FramePacer& pacer() { return pacer_; }
  const SceneState& scene() const { return scene_; }
  const std::string& render_problems() const { return render_problems_; }
  int last_draw_calls() const { return renderer_.last_stats().draw_calls; }

  // Benchmarks swap the scene for ImGui's own demo window, the yardstick for frame cost.
  bool imgui_demo_only = false;

 private:
  void draw_overlay();
  core::SceneView frame_all_view(glm::ivec2 viewport) const;

  std::unique_ptr<platform::Window> window_;
  render::SceneRenderer renderer_;
  std::string render_problems_;
  bool demo_ = false;
  core::FramePacer pacer_;
  SceneState scene_;
  ui::WelcomePanel welcome_;
  ui::ProblemPanel problems_;
  ui::DockPanel dock_;
};

// The interactive loop: events, update, render, present, sleeping between frames as long as the
// pacer allows. Runs until the window closes or, when deadline_s >= 0, until that time on the
// window's clock. Returns the number of frames drawn.
long run_loop(Session& session, double deadline_s = -1.0);

}  // namespace innerscape::app
