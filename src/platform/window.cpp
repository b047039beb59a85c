// The one place that talks to SDL: the window, its GL 3.3 core context, the event pump and ImGui's backends.
#include "platform/window.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <imgui_internal.h>  // window rectangles, to route each pointer event by where it lands

#include "render/gl_loader.h"
#include "storage/private_files.h"
#include "ui/keyboard_focus.h"
#include "ui/shortcuts.h"

namespace innerscape::platform {
namespace {

constexpr float standard_dpi = 96.0f;

float display_scale(SDL_Window* window) {
  float ddpi = 0.0f;
  float scale = 1.0f;
  const int display = std::max(SDL_GetWindowDisplayIndex(window), 0);
  if (SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) == 0 && ddpi > 0.0f) scale = ddpi / standard_dpi;
  // Where the drawable is larger than the window (macOS-style high DPI), that ratio is the scale.
  int w = 0, h = 0, dw = 0, dh = 0;
  SDL_GetWindowSize(window, &w, &h);
  SDL_GL_GetDrawableSize(window, &dw, &dh);
  if (w > 0 && dw > w) scale = std::max(scale, static_cast<float>(dw) / static_cast<float>(w));
  // Round to quarter steps so fonts rasterize crisply; clamp odd reports (Xvfb can claim anything).
  return std::clamp(std::round(scale * 4.0f) / 4.0f, 1.0f, 3.0f);
}

bool is_person_input(const SDL_Event& event) {
  switch (event.type) {
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
    case SDL_WINDOWEVENT:  // resize, expose, focus: the window needs drawing again
    case SDL_DROPFILE:
      return true;
    default:
      return false;
  }
}

// Whether the overlay owns a pointer event at pos (window units): it is over a panel drawn last
// frame, a popup is open, or a widget is being used. Deciding per event, rather than by the last
// frame's WantCaptureMouse, keeps a quick move-and-click from going to the wrong place.
bool ui_owns_point(glm::vec2 pos) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.OpenPopupStack.Size > 0 || ImGui::IsAnyItemActive()) return true;
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs) != 0) continue;
    if (w->OuterRectClipped.Contains(ImVec2(pos.x, pos.y))) return true;
  }
  return false;
}

// SDL's key as the shortcut table names it.
ui::Key table_key(SDL_Keycode key) {
  if ((key >= SDLK_a && key <= SDLK_z) || (key >= SDLK_0 && key <= SDLK_9)) return static_cast<ui::Key>(key);
  switch (key) {
    case SDLK_F1: return ui::Key::f1;
    case SDLK_F2: return ui::Key::f2;
    case SDLK_F11: return ui::Key::f11;
    case SDLK_HOME: return ui::Key::home;
    case SDLK_ESCAPE: return ui::Key::escape;
    case SDLK_DELETE: return ui::Key::del;
    case SDLK_BACKSPACE: return ui::Key::backspace;
    default: return ui::Key::none;
  }
}

// ImGui 1.86's SDL backend reads the modifiers from SDL's state when the event is handled, not as
// they were at the event: a quick Ctrl+Z whose Ctrl was let go by then would arrive as a plain Z.
// The event itself knows what was held.
void take_modifiers(Uint16 mod) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = (mod & KMOD_CTRL) != 0;
  io.KeyShift = (mod & KMOD_SHIFT) != 0;
  io.KeyAlt = (mod & KMOD_ALT) != 0;
  io.KeySuper = (mod & KMOD_GUI) != 0;
}

// A page's first field takes the keyboard a few frames after the page opens (it asks in the page's
// second frame, and ImGui's focus requests resolve through its navigation); held keys wait at most
// this long for it.
constexpr int frames_to_wait_for_a_field = 6;

}  // namespace

std::unique_ptr<Window> Window::create(const WindowDesc& desc, std::string& error) {
  SDL_SetHint(SDL_HINT_VIDEO_HIGHDPI_DISABLED, "0");
  // With no display SDL may fall back to drawing offscreen: fine for pictures, useless for a person.
  // A display that is there but busy (an X server answering many programs at once refuses a
  // connection now and then) gets a few more tries before we say there is none.
  const bool display_named = std::getenv("DISPLAY") != nullptr || std::getenv("WAYLAND_DISPLAY") != nullptr;
  std::string driver;
  for (int attempt = 0;; ++attempt) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
      error = std::string("Could not start the display (SDL: ") + SDL_GetError() +
              "). On a machine without a screen, run under xvfb-run.";
      return nullptr;
    }
    driver = SDL_GetCurrentVideoDriver() != nullptr ? SDL_GetCurrentVideoDriver() : "";
    const bool fell_back = driver == "offscreen" || driver == "dummy";
    if (desc.hidden || !fell_back) break;
    SDL_Quit();
    if (!display_named || attempt == 4) {
      error = "There is no display to open a window on. Run Innerscape in a desktop session, or render a "
              "picture instead: xvfb-run -a innerscape --demo --screenshot scene.png";
      return nullptr;
    }
    SDL_Delay(200);
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);  // a 2D scene drawn back to front
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  flags |= desc.hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;

  std::unique_ptr<Window> self(new Window());
  self->window_ = SDL_CreateWindow(desc.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, desc.size.x,
                                   desc.size.y, flags);
  if (self->window_ == nullptr) {
    error = std::string("Could not open a window (SDL: ") + SDL_GetError() + ").";
    return nullptr;
  }
  self->gl_context_ = SDL_GL_CreateContext(self->window_);
  if (self->gl_context_ == nullptr) {
    error = std::string("Could not create an OpenGL 3.3 core context (SDL: ") + SDL_GetError() +
            "). Innerscape needs OpenGL 3.3; Mesa's llvmpipe provides it without a GPU.";
    return nullptr;
  }
  SDL_GL_MakeCurrent(self->window_, self->gl_context_);
  if (std::string gl_error = render::load_gl(&SDL_GL_GetProcAddress); !gl_error.empty()) {
    error = gl_error;
    return nullptr;
  }
  SDL_GL_SetSwapInterval(desc.vsync ? 1 : 0);
  self->content_scale_ = display_scale(self->window_);

  if (desc.imgui) {
    IMGUI_CHECKVERSION();
    ImGui::SetCurrentContext(ImGui::CreateContext());  // CreateContext only sets it when none is current
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.IniFilename = nullptr;  // never imgui.ini in the working folder; keep_layout() names the file
    ImGui_ImplSDL2_InitForOpenGL(self->window_, self->gl_context_);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    self->imgui_ = true;
  }
  return self;
}

Window::~Window() {
  if (imgui_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  if (gl_context_ != nullptr) SDL_GL_DeleteContext(gl_context_);
  if (window_ != nullptr) SDL_DestroyWindow(window_);
  SDL_Quit();
}

void Window::reload_font_texture() {
  if (!imgui_) return;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool Window::carry_released() const {
  if (carried_frames_ < 1) return false;
  return !carry_until_typing_ || carried_frames_ >= frames_to_wait_for_a_field || ui::keyboard_focus() == ui::KeyFocus::field;
}

FrameEvents Window::pump_events(double timeout_s) {
  FrameEvents out;
  SDL_Event event;
  if (!carried_.empty() && !carry_released()) {
    // What was held waits for its frame; whatever came meanwhile queues behind it, in order.
    while (SDL_PollEvent(&event) != 0) carried_.push_back(event);
    return out;
  }
  carry_until_typing_ = false;
  // A field that has asked for the keyboard gets it in a frame or two: new keys wait for it, so the
  // first letters typed into a page or a name just opened are not lost. (Keys that already waited
  // once go on.)
  const bool landing = imgui_ && carried_.empty() && ui::keyboard_on_its_way();
  // Takes the next event: first what was carried over, then SDL's queue.
  auto next = [&](bool wait_first) {
    if (!carried_.empty()) {
      event = carried_.front();
      carried_.pop_front();
      return true;
    }
    if (!wait_first) return SDL_PollEvent(&event) != 0;
    if (timeout_s < 0.0) return SDL_WaitEvent(&event) != 0;
    if (timeout_s > 0.0) return SDL_WaitEventTimeout(&event, static_cast<int>(std::ceil(timeout_s * 1000.0))) != 0;
    return SDL_PollEvent(&event) != 0;
  };
  bool have = next(true);
  bool pressed = false;  // a key went down in this batch
  bool hold = false;     // the rest of the batch waits (a page is opening)
  // The overlay's state from the last frame decides who gets the pointer and keys (ImGui's rule).
  // The single keys reach the view only while it has the keyboard: not while a field takes typing,
  // nor while a page or panel is focused.
  const ui::KeyFocus focus = imgui_ ? ui::keyboard_focus() : ui::KeyFocus::view;
  const glm::vec2 to_pixels = pixel_ratio();
  using ui::PointerEvent;
  auto button_of = [](Uint8 b) {
    return b == SDL_BUTTON_LEFT     ? PointerEvent::Button::left
           : b == SDL_BUTTON_MIDDLE ? PointerEvent::Button::middle
           : b == SDL_BUTTON_RIGHT  ? PointerEvent::Button::right
                                    : PointerEvent::Button::none;
  };
  auto at = [&](int x, int y) { return glm::vec2(static_cast<float>(x), static_cast<float>(y)) * to_pixels; };
  while (have) {
    const bool typing = event.type == SDL_KEYDOWN || event.type == SDL_KEYUP || event.type == SDL_TEXTINPUT;
    if (landing && typing) carry_until_typing_ = hold = true;
    if (imgui_ && (hold || (event.type == SDL_KEYUP && pressed))) {
      // A release after a press in this batch (the key's own, or a modifier's): it and the rest wait
      // until ImGui has seen the press in a frame.
      carried_.push_front(event);  // anything held before is still behind it, in order
      while (SDL_PollEvent(&event) != 0) carried_.push_back(event);
      carried_frames_ = 0;
      break;
    }
    if (event.type == SDL_KEYDOWN) {
      pressed = true;
      // Ctrl+1 is a shortcut, not a "1" to type: X11 sends the key's text too, which would land on the
      // page the shortcut opens. A modifier key's own press leaves the question to the next key.
      const SDL_Keycode k = event.key.keysym.sym;
      const bool modifier = k == SDLK_LCTRL || k == SDLK_RCTRL || k == SDLK_LSHIFT || k == SDLK_RSHIFT || k == SDLK_LALT ||
                            k == SDLK_RALT || k == SDLK_LGUI || k == SDLK_RGUI || k == SDLK_MODE;
      if (!modifier) chord_text_ = (event.key.keysym.mod & (KMOD_CTRL | KMOD_GUI)) != 0;
    }
    if (event.type == SDL_TEXTINPUT && chord_text_) {
      chord_text_ = false;  // the text of a chord's key, which comes right after it: dropped
      have = next(false);
      continue;
    }
    if (event.type != SDL_KEYDOWN) chord_text_ = false;  // text after anything else is typed (an IME's too)
    if (imgui_) {
      ImGui_ImplSDL2_ProcessEvent(&event);
      if (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) take_modifiers(event.key.keysym.mod);
    }
    switch (event.type) {
      case SDL_QUIT:
        out.quit = true;
        break;
      case SDL_USEREVENT:
        out.woken = true;
        break;
      case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_CLOSE && event.window.windowID == SDL_GetWindowID(window_)) {
          out.quit = true;
        }
        if (event.window.event == SDL_WINDOWEVENT_LEAVE) {
          out.scene.pointer_gone = true;
          if (!scene_drag_) pointer_.reset();
        }
        break;
      case SDL_KEYDOWN: {
        // The table in ui/shortcuts.cpp decides; keys that only move focus work even while typing.
        const bool ctrl = (event.key.keysym.mod & KMOD_CTRL) != 0;
        const bool shift = (event.key.keysym.mod & KMOD_SHIFT) != 0;
        const ui::Shortcut* s = ui::match_shortcut(table_key(event.key.keysym.sym), ctrl, shift, focus);
        if (s == nullptr) break;
        if (s->entry_kind >= 0 || s->action == ui::SceneKey::search) {
          hold = carry_until_typing_ = true;  // a page or the search opens: what follows is typed there
        }
        const bool toggles = s->action == ui::SceneKey::calm || s->action == ui::SceneKey::fullscreen ||
                             s->action == ui::SceneKey::shortcuts || s->action == ui::SceneKey::draw;
        if (toggles && event.key.repeat != 0) break;  // a held key toggles once
        if (s->action == ui::SceneKey::fullscreen) {
          toggle_fullscreen();  // here, so it works on the lock screen too, where the scene hears nothing
          break;
        }
        if (s->entry_kind >= 0) {
          out.scene.new_entry_keys.push_back(s->entry_kind);
        } else {
          out.scene.keys.push_back(s->action);
        }
        break;
      }
      case SDL_MOUSEBUTTONDOWN:
        pointer_ = glm::vec2(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
        if (imgui_ && ui_owns_point({static_cast<float>(event.button.x), static_cast<float>(event.button.y)})) break;
        scene_drag_ = true;
        out.scene.pointer.push_back({.type = PointerEvent::Type::press,
                                     .button = button_of(event.button.button),
                                     .position = at(event.button.x, event.button.y),
                                     .clicks = event.button.clicks});
        break;
      case SDL_MOUSEBUTTONUP:
        if (!scene_drag_) break;
        scene_drag_ = (SDL_GetMouseState(nullptr, nullptr) & ~SDL_BUTTON(event.button.button)) != 0;
        out.scene.pointer.push_back({.type = PointerEvent::Type::release,
                                     .button = button_of(event.button.button),
                                     .position = at(event.button.x, event.button.y)});
        break;
      case SDL_MOUSEMOTION:
        pointer_ = glm::vec2(static_cast<float>(event.motion.x), static_cast<float>(event.motion.y));
        if (scene_drag_ || !imgui_ || !ui_owns_point({static_cast<float>(event.motion.x), static_cast<float>(event.motion.y)})) {
          out.scene.pointer_moved = true;
          out.scene.pointer_gone = false;
          out.scene.pointer_position = at(event.motion.x, event.motion.y);
          out.scene.pointer.push_back({.type = PointerEvent::Type::move, .position = out.scene.pointer_position});
        } else {
          out.scene.pointer_gone = true;
        }
        break;
      case SDL_MOUSEWHEEL: {
        int x = 0, y = 0;
        SDL_GetMouseState(&x, &y);
        if (imgui_ && ui_owns_point({static_cast<float>(x), static_cast<float>(y)})) break;
        out.scene.pointer.push_back({.type = PointerEvent::Type::wheel, .position = at(x, y), .wheel = event.wheel.preciseY});
        break;
      }
      default:
        break;
    }
    out.input = out.input || is_person_input(event);
    have = next(false);
  }
  return out;
}

void Window::begin_ui_frame(std::optional<glm::ivec2> display_size) {
  ui::settle_keyboard_focus();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  if (pointer_) {
    ImGui::GetIO().MousePos = ImVec2(pointer_->x, pointer_->y);
  }
  if (display_size) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(display_size->x), static_cast<float>(display_size->y));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  }
  ImGui::NewFrame();
  if (!carried_.empty()) ++carried_frames_;  // ImGui has read the keys it had: what was held may follow
}

void Window::render_ui() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::present() { SDL_GL_SwapWindow(window_); }

void Window::wake() {
  SDL_Event event{};
  event.type = SDL_USEREVENT;
  SDL_PushEvent(&event);  // thread-safe by SDL's contract
}

void Window::keep_layout(const std::filesystem::path& ini_file) {
  if (!imgui_) return;
  // Dear ImGui writes the layout with fopen, which keeps an existing file's mode: made 0600 first,
  // since the layout names what the person had open. A file that cannot be made private is not used.
  if (const std::string problem = storage::make_private_file(ini_file); !problem.empty()) {
    std::fprintf(stderr, "innerscape: your window layout will not be kept: %s\n", problem.c_str());
    return;
  }
  ini_file_ = ini_file.string();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = ini_file_.c_str();
  // Read it now rather than at the first frame, so it applies even if a frame was already begun.
  // Dear ImGui 1.86 reads an empty file past the end of its buffer (strlen on an unterminated copy,
  // found by AddressSanitizer), and the file made private above is empty until the first layout is
  // written: an empty file is read as the empty text it is.
  std::error_code ec;
  const auto size = std::filesystem::file_size(ini_file, ec);
  if (!ec && size > 0) {
    ImGui::LoadIniSettingsFromDisk(io.IniFilename);
  } else {
    ImGui::LoadIniSettingsFromMemory("", 0);
  }
}

void Window::toggle_fullscreen() {
  fullscreen_ = !fullscreen_;
  SDL_SetWindowFullscreen(window_, fullscreen_ ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

glm::ivec2 Window::drawable_size() const {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window_, &w, &h);
  return {w, h};
}

float Window::content_scale() const { return content_scale_; }

glm::vec2 Window::pixel_ratio() const {
  int w = 0, h = 0;
  SDL_GetWindowSize(window_, &w, &h);
  const glm::ivec2 drawable = drawable_size();
  if (w <= 0 || h <= 0) return glm::vec2(1.0f);
  return {static_cast<float>(drawable.x) / static_cast<float>(w), static_cast<float>(drawable.y) / static_cast<float>(h)};
}

double Window::now_s() const {
  return static_cast<double>(SDL_GetPerformanceCounter()) / static_cast<double>(SDL_GetPerformanceFrequency());
}

}  // namespace innerscape::platform
