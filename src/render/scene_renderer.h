// Draws the inner space: the living background, the drifting motes, the glowing Self and the parts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/particles.h"
#include "core/scene_view.h"
#include "core/self_state.h"
#include "render/framebuffer.h"
#include "render/shader.h"
#include "render/system_renderer.h"

namespace innerscape::render {

struct SceneRendererDesc {
  std::filesystem::path shader_dir;  // holds background.*, self.*, particle.*
  int particle_count = 0;            // 0: 140 motes
  std::uint32_t seed = 0;            // 0: a fixed default, so every run looks the same
  int background_divisor = 0;        // 0: 4. The background is soft, so it is shaded at 1/N size
                                     // and stretched: a quarter of the pixels at N = 2
};

// Everything one frame shows, read-only: render never changes the model.
struct SceneFrame {
  core::SceneView view;
  double scene_time_s = 0.0;  // the animation clock, not the wall clock
  core::SelfState self;
  SystemFrame system;          // the parts and their relationships; empty shows only the Self
  float ambient = 1.0f;        // 0 for a still scene: parts stop floating
  float breath = -1.0f;        // 0..1 while a breathing session runs (the motes and parts follow it); <0: none
};

struct DrawStats {
  int draw_calls = 0;
};

class SceneRenderer {
 public:
  // Loads the shaders. Returns what failed (each shader's log), empty when all is well. A renderer
  // with a failed shader still draws: it skips that layer, so the app keeps running.
  std::string init(const SceneRendererDesc& desc);
  SceneRenderer() = default;
  SceneRenderer(const SceneRenderer&) = delete;
  SceneRenderer& operator=(const SceneRenderer&) = delete;
  ~SceneRenderer();

  // Draws into the bound framebuffer, whose size is frame.view.viewport.
  void render(const SceneFrame& frame);

  const DrawStats& last_stats() const { return stats_; }

 private:
  bool draw_background(const SceneFrame& frame, glm::vec2 half_extent);

  Program background_;
  Framebuffer background_target_;
  int background_divisor_ = 4;
  Program self_;
  Program particles_;
  SystemRenderer system_;
  unsigned empty_vao_ = 0;
  unsigned particle_vao_ = 0;
  unsigned particle_vbo_ = 0;
  std::vector<core::Particle> field_;
  std::vector<float> particle_upload_;  // kept to avoid a new allocation each frame
  glm::vec2 field_extent_{2.4f, 1.4f};
  DrawStats stats_;
};

// The deep night of the inner space (rgb, 0..1), its one home: the top of the living background's
// gradient (background.frag takes it as u_night), and the colour the scene clears to without it.
inline constexpr float scene_clear_rgb[3] = {0.030f, 0.040f, 0.090f};

}  // namespace innerscape::render
