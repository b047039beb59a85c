// The one place that talks to SDL: the window, its GL 3.3 core context, the event pump and ImGui's backends.
#pragma once

#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <glm/vec2.hpp>

#include "ui/scene_input.h"

struct SDL_Window;
union SDL_Event;

namespace innerscape::platform {

struct WindowDesc {
  const char* title = "Innerscape";
  glm::ivec2 size{1280, 720};  // in screen units
  bool hidden = false;         // screenshots, benchmarks and GL tests draw without showing a window
  bool vsync = true;
  bool imgui = true;           // GL tests need only the context
};

// What happened since the last pump, reduced to what the app needs.
struct FrameEvents {
  bool quit = false;
  bool input = false;           // a person did something, or the window needs drawing again
  bool woken = false;           // another thread asked for a frame (wake())
  ui::SceneInput scene;          // only what arrived while the overlay did not want it
};

class Window {
 public:
  // Opens the window, loads GL and (optionally) starts ImGui. On failure returns null and says why.
  static std::unique_ptr<Window> create(const WindowDesc& desc, std::string& error);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Waits up to timeout_s for the first event (negative: as long as it takes; 0: not at all),
  // then takes every waiting event. ImGui sees each event first.
  FrameEvents pump_events(double timeout_s);

  // Whether events are held for ImGui's next frame (below): the loop draws at once while they wait.
  bool holding_events() const { return !carried_.empty(); }

  // Starts an ImGui frame. display_size overrides the window's size (offscreen screenshots).
  void begin_ui_frame(std::optional<glm::ivec2> display_size = std::nullopt);
  // Builds the frame's UI draw lists and draws them into the bound framebuffer.
  void render_ui();

  void present();

  // Wakes the loop from any thread, for one more frame (a save finished, say).
  static void wake();
  void toggle_fullscreen();
  // Keeps ImGui's window layout in this file (read before the first frame, written as it changes and
  // on close). Only the interactive app calls it: screenshots, benchmarks and tests stay reproducible.
  void keep_layout(const std::filesystem::path& ini_file);
  // Uploads ImGui's font atlas again, after the fonts were loaded anew between frames.
  void reload_font_texture();
  bool fullscreen() const { return fullscreen_; }

  glm::ivec2 drawable_size() const;  // in pixels
  float content_scale() const;       // 1 on a standard display, 2 on a high-DPI one
  glm::vec2 pixel_ratio() const;     // drawable pixels per window unit
  double now_s() const;              // a steady clock, for pacing and animation

 private:
  Window() = default;
  SDL_Window* window_ = nullptr;
  void* gl_context_ = nullptr;
  bool imgui_ = false;
  bool fullscreen_ = false;
  // Events held back until ImGui has begun a frame: ImGui 1.86 reads key state once a frame, so a key
  // released in the batch it was pressed in would be missed. A release after a press, and all after
  // it, wait for the next frame (a pump before it delivers nothing). After a key that opens a page,
  // the rest wait until the page's field has the keyboard, so what is typed next lands on the page.
  std::deque<SDL_Event> carried_;
  bool chord_text_ = false;  // the last key pressed was part of a Ctrl or Super chord: its text is not typed
  int carried_frames_ = 0;            // ImGui frames begun since they were held
  bool carry_until_typing_ = false;
  bool carry_released() const;
  bool scene_drag_ = false;
  // The pointer as SDL's events last placed it (window units). ImGui is given this position, so it
  // and the scene always agree on where the pointer is, and pushed events move it too.
  std::optional<glm::vec2> pointer_;     // a press that began on the scene keeps the pointer until release
  float content_scale_ = 1.0f;
  std::string ini_file_;  // ImGui keeps a pointer to it, so it lives as long as the window
};

}  // namespace innerscape::platform
