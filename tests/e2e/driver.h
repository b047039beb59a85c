// Drives the real app as a person would, for end-to-end tests: SDL events pushed into the real
// loop (clicks, drags, typed text, keys), and the places panels drew their entries.
#pragma once

#include <doctest/doctest.h>

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/session.h"
#include "test_store.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace innerscape::test {

// Lets a session go without closing it, as a crash would: nothing is saved or shut down. The memory
// is leaked on purpose, so LeakSanitizer is told not to report it, nor what it holds: its ImGui
// context too, which the next session's replaces as ImGui's current one.
inline void abandon(std::unique_ptr<app::Session>& session) {
  app::Session* left = session.release();
#if defined(__SANITIZE_ADDRESS__)
  __lsan_ignore_object(left);
  __lsan_ignore_object(ImGui::GetCurrentContext());
#else
  (void)left;
#endif
}

struct Driver {
  std::unique_ptr<app::Session> session;

  explicit Driver(std::unique_ptr<app::Session> opened) : session(std::move(opened)) { frames(3); }

  // A session over the person's own store in `dir`, as the app opens it.
  static std::unique_ptr<app::Session> with_data(const std::filesystem::path& dir) {
    std::string error;
    auto opened = app::Session::open({.size = {1280, 720}, .hidden = false, .vsync = false, .shader_dir = INNERSCAPE_SHADER_DIR,
                                      .data_dir = dir, .key = test::store_key(dir)},
                                     error);
    REQUIRE_MESSAGE(opened != nullptr, error);
    opened->wait_for_journal();  // read after the first frame; the tests look at it at once
    return opened;
  }

  Driver() {
    std::string error;
    // A shown window (under Xvfb in CI): ImGui's SDL backend reads the pointer from the display.
    session = app::Session::open(
        {.size = {1280, 720}, .hidden = false, .vsync = false, .demo = false, .shader_dir = INNERSCAPE_SHADER_DIR}, error);
    REQUIRE_MESSAGE(session != nullptr, error);
    REQUIRE_MESSAGE(session->render_problems().empty(), session->render_problems());
    frames(3);
  }

  void frames(int n) {
    for (int i = 0; i < n; ++i) session->step(1.0 / 60.0);
  }

  void move_to(glm::vec2 p) {
    SDL_Window* w = SDL_GL_GetCurrentWindow();
    SDL_WarpMouseInWindow(w, static_cast<int>(p.x), static_cast<int>(p.y));
    frames(2);
  }

  void click(glm::vec2 p, int clicks = 1, Uint8 which = SDL_BUTTON_LEFT) {
    move_to(p);
    SDL_Window* w = SDL_GL_GetCurrentWindow();
    for (Uint32 type : {SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP}) {
      SDL_Event e{};
      e.type = type;
      e.button.windowID = SDL_GetWindowID(w);
      e.button.button = which;
      e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
      e.button.clicks = static_cast<Uint8>(clicks);
      e.button.x = static_cast<Sint32>(p.x);
      e.button.y = static_cast<Sint32>(p.y);
      SDL_PushEvent(&e);
      frames(1);
    }
    frames(2);
  }

  // Presses the left button at the first point, moves through the others with it held (a motion
  // event for each, as a hand gives them), and lets go at the last.
  void drag(const std::vector<glm::vec2>& path) {
    SDL_Window* w = SDL_GL_GetCurrentWindow();
    auto button = [&](Uint32 type, glm::vec2 p) {
      SDL_Event e{};
      e.type = type;
      e.button.windowID = SDL_GetWindowID(w);
      e.button.button = SDL_BUTTON_LEFT;
      e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
      e.button.clicks = 1;
      e.button.x = static_cast<Sint32>(p.x);
      e.button.y = static_cast<Sint32>(p.y);
      SDL_PushEvent(&e);
    };
    move_to(path.front());
    button(SDL_MOUSEBUTTONDOWN, path.front());
    frames(1);
    for (std::size_t i = 1; i < path.size(); ++i) {
      SDL_Event e{};
      e.type = SDL_MOUSEMOTION;
      e.motion.windowID = SDL_GetWindowID(w);
      e.motion.state = SDL_BUTTON_LMASK;
      e.motion.x = static_cast<Sint32>(path[i].x);
      e.motion.y = static_cast<Sint32>(path[i].y);
      e.motion.xrel = static_cast<Sint32>(path[i].x - path[i - 1].x);
      e.motion.yrel = static_cast<Sint32>(path[i].y - path[i - 1].y);
      SDL_PushEvent(&e);
      if (i % 4 == 0) frames(1);  // several motions a frame, as a quick hand gives
    }
    button(SDL_MOUSEBUTTONUP, path.back());
    frames(3);
  }

  // The mouse wheel turned over `at`, a notch a frame, as a hand scrolls a panel.
  void wheel(glm::vec2 at, int notches) {
    move_to(at);
    for (int i = 0; i < std::abs(notches); ++i) {
      SDL_Event e{};
      e.type = SDL_MOUSEWHEEL;
      e.wheel.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
      e.wheel.y = notches < 0 ? -1 : 1;
      SDL_PushEvent(&e);
      frames(1);
    }
    frames(2);
  }

  // SDL carries typed text in pieces of at most 31 bytes, split on character boundaries.
  void type(const std::string& text) {
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t n = std::min<std::size_t>(text.size() - at, sizeof(SDL_TextInputEvent::text) - 1);
      while (n > 0 && at + n < text.size() && (static_cast<unsigned char>(text[at + n]) & 0xC0) == 0x80) --n;
      SDL_Event e{};
      e.type = SDL_TEXTINPUT;
      e.text.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
      std::memcpy(e.text.text, text.data() + at, n);
      SDL_PushEvent(&e);
      at += n;
    }
    frames(2);
  }

  // A quick tap: the key's press and release arrive together, and the app must not lose the press.
  // With modifiers, as a hand gives them: Ctrl (or Shift) goes down first and comes up last, each
  // event carrying the modifiers held at its moment, and SDL's own idea of what is held follows.
  void key(SDL_Keycode key, Uint16 mod = KMOD_NONE) {
    push_key(key, mod);
    SDL_SetModState(static_cast<SDL_Keymod>(mod));  // held through the frame that sees the press...
    frames(1);
    SDL_SetModState(KMOD_NONE);  // ...and let go by the next
    frames(2);
  }

  // Pushes the events of one tap (modifiers included) without drawing a frame.
  static void push_key(SDL_Keycode key, Uint16 mod = KMOD_NONE) {
    auto push = [](Uint32 type, SDL_Keycode sym, Uint16 held) {
      SDL_Event e{};
      e.type = type;
      e.key.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
      e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
      e.key.keysym.sym = sym;
      e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
      e.key.keysym.mod = held;
      SDL_PushEvent(&e);
    };
    const Uint16 ctrl = mod & KMOD_CTRL ? KMOD_LCTRL : 0;
    const Uint16 shift = mod & KMOD_SHIFT ? KMOD_LSHIFT : 0;
    if (ctrl != 0) push(SDL_KEYDOWN, SDLK_LCTRL, ctrl);
    if (shift != 0) push(SDL_KEYDOWN, SDLK_LSHIFT, ctrl | shift);
    push(SDL_KEYDOWN, key, mod);
    push(SDL_KEYUP, key, mod);
    if (shift != 0) push(SDL_KEYUP, SDLK_LSHIFT, ctrl);
    if (ctrl != 0) push(SDL_KEYUP, SDLK_LCTRL, KMOD_NONE);
  }

  static glm::vec2 centre(const ui::ItemRects& rects, const std::string& label) {
    glm::vec2 at{0.0f};
    if (!rects.centre_of(label, at)) FAIL("no entry '" << label << "' was drawn");
    return at;
  }
  glm::vec2 dock_button(const std::string& label) { return centre(session->overlay().dock.item_rects, label); }
  glm::vec2 palette_entry(const std::string& label) { return centre(session->overlay().palette.item_rects, label); }
  glm::vec2 menu_entry(const std::string& label) { return centre(session->overlay().context_menu.item_rects, label); }
  glm::vec2 inspector_field(const std::string& label) { return centre(session->overlay().inspector.item_rects, label); }
};

}  // namespace innerscape::test
