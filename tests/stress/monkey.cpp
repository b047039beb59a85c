// A monkey: thousands of random, person-like inputs into the real app on a real store. Clicks and
// drags on the map and on panels, key taps (some pressed and released within one frame), text in
// many scripts, panel toggles, undo and redo. It logs every state of the person's words handed to
// the store (stress/monkey_log.h), so monkey_test.cpp can kill it with SIGKILL at any moment and
// then check that the store holds what was saved.
//
//   innerscape_monkey --seed N --events N --data DIR --log FILE [--save-every N] [--size WxH]
//
// Run it under a display (xvfb-run): the window is shown, the pointer moves through the X server.
#include <SDL.h>
#include <SDL_syswm.h>
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>
#include <fcntl.h>
#include <unistd.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/session.h"
#include "core/scene_view.h"
#include "storage/data_dir.h"
#include "stress/monkey_log.h"

using namespace innerscape;

namespace {

struct Options {
  std::uint64_t seed = 1;
  long events = 2000;
  std::filesystem::path data;
  std::filesystem::path log;
  int save_every = 150;  // inputs between saves, on average
  // Small by default: Mesa's software renderer spends most of the time shading pixels.
  glm::ivec2 size{800, 450};
};

const char* usage =
    "usage: innerscape_monkey --seed N --events N --data DIR --log FILE [--save-every N] [--size WxH]\n"
    "  Sends N random inputs to Innerscape over the store in DIR, logging what the store may hold to FILE.\n";

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) return false;
    const char* value = argv[++i];
    if (flag == "--seed") {
      o.seed = std::stoull(value);
    } else if (flag == "--events") {
      o.events = std::stol(value);
    } else if (flag == "--data") {
      o.data = value;
    } else if (flag == "--log") {
      o.log = value;
    } else if (flag == "--save-every") {
      o.save_every = std::max(1, std::stoi(value));
    } else if (flag == "--size") {
      const std::string v = value;
      const auto x = v.find('x');
      if (x == std::string::npos) return false;
      o.size = {std::stoi(v.substr(0, x)), std::stoi(v.substr(x + 1))};
    } else {
      return false;
    }
  }
  return !o.data.empty() && !o.log.empty() && o.events >= 0;
}

// The log: one JSON object a line, each in one write() (the page cache keeps it through a SIGKILL);
// fsync'd when it says something is on disk.
class Log {
 public:
  explicit Log(const std::filesystem::path& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600)) {}
  ~Log() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool open() const { return fd_ >= 0; }
  void line(const nlohmann::json& j, bool sync) {
    const std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    for (std::size_t at = 0; at < text.size();) {
      const ssize_t n = ::write(fd_, text.data() + at, text.size() - at);
      if (n <= 0) {
        std::perror("innerscape_monkey: the log");
        std::exit(3);
      }
      at += static_cast<std::size_t>(n);
    }
    if (sync) ::fsync(fd_);
  }

 private:
  int fd_;
};

// The pointer, moved and pressed through the X server (XTest) as a hand would: SDL and ImGui then see
// a button held across frames, as they do for a person. Without XTest, SDL events are pushed instead.
class Pointer {
 public:
  explicit Pointer(SDL_Window* window) : window_(window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (SDL_GetWindowWMInfo(window, &info) == SDL_TRUE && info.subsystem == SDL_SYSWM_X11) {
      int event_base = 0, error_base = 0, major = 0, minor = 0;
      if (XTestQueryExtension(info.info.x11.display, &event_base, &error_base, &major, &minor)) display_ = info.info.x11.display;
    }
  }
  bool real() const { return display_ != nullptr; }

  void move(glm::vec2 p) {
    at_ = p;
    if (display_ != nullptr) {
      int x = 0, y = 0;
      SDL_GetWindowPosition(window_, &x, &y);
      XTestFakeMotionEvent(display_, -1, x + static_cast<int>(p.x), y + static_cast<int>(p.y), CurrentTime);
      XSync(display_, False);
      return;
    }
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.windowID = SDL_GetWindowID(window_);
    e.motion.state = held_;
    e.motion.x = static_cast<Sint32>(p.x);
    e.motion.y = static_cast<Sint32>(p.y);
    SDL_PushEvent(&e);
  }

  void button(Uint8 which, bool down, int clicks = 1) {
    held_ = down ? held_ | SDL_BUTTON(which) : held_ & ~SDL_BUTTON(which);
    if (display_ != nullptr) {
      XTestFakeButtonEvent(display_, which, down ? True : False, CurrentTime);
      XSync(display_, False);
      return;
    }
    SDL_Event e{};
    e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    e.button.windowID = SDL_GetWindowID(window_);
    e.button.button = which;
    e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = static_cast<Uint8>(clicks);
    e.button.x = static_cast<Sint32>(at_.x);
    e.button.y = static_cast<Sint32>(at_.y);
    SDL_PushEvent(&e);
  }

  void wheel(int clicks) {
    if (display_ != nullptr) {
      const unsigned b = clicks > 0 ? 4 : 5;  // X's wheel: button 4 up, 5 down
      for (int i = 0; i < std::abs(clicks); ++i) {
        XTestFakeButtonEvent(display_, b, True, CurrentTime);
        XTestFakeButtonEvent(display_, b, False, CurrentTime);
      }
      XSync(display_, False);
      return;
    }
    SDL_Event e{};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.windowID = SDL_GetWindowID(window_);
    e.wheel.y = clicks;
    e.wheel.preciseY = static_cast<float>(clicks);
    SDL_PushEvent(&e);
  }

 private:
  SDL_Window* window_;
  Display* display_ = nullptr;
  glm::vec2 at_{0.0f};
  Uint32 held_ = 0;
};

// Words a person might type, in many scripts: accents and combining marks, Greek, Cyrillic, Hebrew,
// Arabic, Chinese, Japanese, Korean, an emoji; and plain English.
constexpr std::array words{
    "I am safe", "breathe", "little one", "it's okay", "the Pleaser", "too much", "rest now", "why",
    "café", "naïve", "crème brûlée", "Zoë", "Łódź", "Straße", "ñandú", "e\xcc\x81t\xc3\xa9",  // é as e + combining acute
    "ψυχή", "Καλημέρα", "ηρεμία", "спокойствие", "Привет", "душа", "שלום", "נשמה", "سلام", "هدوء",
    "安心", "心の声", "平静", "ありがとう", "마음", "안녕하세요", "🌿", "a\xe2\x80\x8d" "b"};  // a zero-width joiner

// Keys a person presses on their own (each also a shortcut somewhere).
constexpr std::array plain_keys{SDLK_RETURN, SDLK_ESCAPE, SDLK_BACKSPACE, SDLK_DELETE, SDLK_TAB,  SDLK_LEFT, SDLK_RIGHT, SDLK_UP,
                                SDLK_DOWN,   SDLK_HOME,   SDLK_END,       SDLK_SPACE,  SDLK_n,    SDLK_d,    SDLK_a,     SDLK_F1,
                                SDLK_F2,     SDLK_KP_ENTER, SDLK_PAGEDOWN};
// With Ctrl: undo and redo most, then the journal's keys, the clipboard and select-all.
constexpr std::array ctrl_keys{SDLK_z, SDLK_z, SDLK_z, SDLK_y, SDLK_1, SDLK_2, SDLK_3, SDLK_4, SDLK_5, SDLK_6, SDLK_7, SDLK_8,
                               SDLK_n, SDLK_j, SDLK_f, SDLK_t, SDLK_a, SDLK_c, SDLK_x, SDLK_v};
// The dock's buttons, by what the panel remembered of them.
constexpr std::array dock_buttons{"Journal", "Soothing words", "Breathe", "Calm", "Draw", "Settings", "Over time", "Undo",
                                  "Save a picture"};

// A window's kind, for the counts: "entry_editor" for "A trigger###entry_editor", "Journal" for "Journal".
std::string window_kind(const char* name) {
  std::string_view n = name;
  if (const auto at = n.find("###"); at != std::string_view::npos) return std::string(n.substr(at + 3));
  if (const auto at = n.find("##"); at != std::string_view::npos) return std::string(at == 0 ? n.substr(2) : n.substr(0, at));
  return std::string(n);
}

class Monkey {
 public:
  Monkey(app::Session& session, std::uint64_t seed) : s_(session), rng_(seed), pointer_(SDL_GL_GetCurrentWindow()) {}

  std::map<std::string, long> counts;

  bool real_pointer() const { return pointer_.real(); }

  void frames(int n) {
    for (int i = 0; i < n; ++i) {
      s_.step(1.0 / 60.0);
      check_text_field();
    }
    counts["frames"] += n;
  }

  // Debian's ImGui is not instrumented, so AddressSanitizer sees its heap only through malloc, free,
  // memcpy and memmove. The text field being typed into is checked after every frame instead: its
  // length and cursor must fit its text. An undo history replayed against other text (issue 17)
  // breaks this before it writes outside the buffer.
  void check_text_field() const {
    const ImGuiContext& g = *GImGui;
    const ImGuiInputTextState& t = g.InputTextState;
    if (g.ActiveId == 0 || g.ActiveId != t.ID) return;
    const int len = t.CurLenW, cursor = t.Stb.cursor, a = t.Stb.select_start, b = t.Stb.select_end;
    // An empty selection (start == end) is not clamped by stb_textedit and means nothing.
    const bool selection_fits = a == b || (a >= 0 && a <= len && b >= 0 && b <= len);
    const bool sound = len >= 0 && len < std::max(1, t.TextW.Size) && cursor >= 0 && cursor <= len && selection_fits;
    if (sound) return;
    std::cerr << "innerscape_monkey: the text field being typed into (in '" << g.ActiveIdWindow->RootWindow->Name
              << "') is out of step with its text: length " << len << " of " << t.TextW.Size << ", cursor " << cursor << ", selection "
              << a << ".." << b << ". Its undo history was likely kept from other text.\n";
    std::abort();
  }

  // One input, chosen at random as a person's hand might make it.
  void act() {
    ++counts["inputs"];
    enum Input { anywhere_click, panel_click, item_click, dock_click, part_click, part_menu, map_drag, panel_drag, wheel_turn,
                 text, write, plain_key, ctrl_key, rest };
    // Panels and typing most, since that is where words are written and lost.
    static constexpr std::array<int, 14> weights{8, 16, 12, 6, 6, 4, 6, 5, 3, 8, 12, 14, 10, 2};
    std::discrete_distribution<int> pick(weights.begin(), weights.end());
    switch (static_cast<Input>(pick(rng_))) {
      case anywhere_click:
        count("click anywhere");
        click(anywhere(), button());
        break;
      case panel_click:
        count("click in a panel");
        click(in_panel(), SDL_BUTTON_LEFT, chance(0.1) ? 2 : 1);
        break;
      case item_click:
        count("click an item");
        click(on_item(), SDL_BUTTON_LEFT);
        break;
      case dock_click:
        count("dock");
        click(on_dock(), SDL_BUTTON_LEFT);
        break;
      case part_click:
        count("click a part");
        click(on_part(), chance(0.25) ? SDL_BUTTON_RIGHT : SDL_BUTTON_LEFT, chance(0.3) ? 2 : 1);
        break;
      case part_menu:
        count("menu");
        click(on_part(), SDL_BUTTON_RIGHT);
        click(on_item(), SDL_BUTTON_LEFT);
        break;
      case map_drag:
        count("drag on the map");
        drag(chance(0.6) ? on_part() : anywhere(), chance(0.2) ? self_point() : anywhere(), chance(0.1) ? SDL_BUTTON_MIDDLE : SDL_BUTTON_LEFT);
        break;
      case panel_drag:
        count("drag in a panel");
        drag(in_panel(), chance(0.5) ? in_panel() : anywhere(), SDL_BUTTON_LEFT);
        break;
      case wheel_turn:
        count("wheel");
        pointer_.move(anywhere());
        pointer_.wheel(chance(0.5) ? 1 : -2);
        frames(1);
        break;
      case text:
        type(random_text());
        break;
      case write:
        // Into a panel where words are written: click, type, and often take some back and go on.
        count("write");
        if (!words_panel_shown()) open_words_panel();
        // A person aims for a field: a few tries at most.
        for (int tries = 0; tries < 4 && typing_into() == "the map"; ++tries) click(in_panel(true), SDL_BUTTON_LEFT);
        type(random_text());
        if (chance(0.4)) {
          key(SDLK_z, KMOD_LCTRL);
          type(random_text());
        }
        break;
      case plain_key:
        key(plain_keys[static_cast<std::size_t>(index(plain_keys.size()))], KMOD_NONE);
        break;
      case ctrl_key: {
        const SDL_Keycode k = ctrl_keys[static_cast<std::size_t>(index(ctrl_keys.size()))];
        const bool shift = k == SDLK_z && chance(0.3);  // Ctrl+Shift+Z: redo
        key(k, static_cast<SDL_Keymod>(KMOD_LCTRL | (shift ? KMOD_LSHIFT : 0)));
        break;
      }
      case rest:
        count("rest");
        frames(1 + index(8));
        break;
    }
  }

 private:
  app::Session& s_;
  std::mt19937_64 rng_;
  Pointer pointer_;

  void count(const std::string& what) { ++counts[what]; }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  int index(std::size_t n) { return std::uniform_int_distribution<int>(0, static_cast<int>(n) - 1)(rng_); }
  float between(float a, float b) { return std::uniform_real_distribution<float>(a, b)(rng_); }
  Uint8 button() { return chance(0.8) ? SDL_BUTTON_LEFT : chance(0.7) ? SDL_BUTTON_RIGHT : SDL_BUTTON_MIDDLE; }

  glm::vec2 window_size() const {
    int w = 0, h = 0;
    SDL_GetWindowSize(SDL_GL_GetCurrentWindow(), &w, &h);
    return {static_cast<float>(w), static_cast<float>(h)};
  }
  glm::vec2 anywhere() {
    const glm::vec2 size = window_size();
    return {between(1.0f, size.x - 2.0f), between(1.0f, size.y - 2.0f)};
  }
  glm::vec2 clamp_to_window(glm::vec2 p) const { return glm::clamp(p, glm::vec2(1.0f), window_size() - 2.0f); }

  // A point inside one of the panels ImGui drew last frame (their lists and fields included).
  static bool for_words(const std::string& kind) {
    return kind == "Soothing words" || kind == "entry_editor" || kind == "About this part" || kind == "name_in_place" ||
           kind == "Here, now" || kind == "Journal";
  }
  static bool visible(const ImGuiWindow* w) {
    return w->WasActive && !w->Hidden && (w->Flags & ImGuiWindowFlags_Tooltip) == 0 && w->Size.x > 2.0f && w->Size.y > 2.0f;
  }
  bool words_panel_shown() const {
    for (const ImGuiWindow* w : GImGui->Windows) {
      if (visible(w) && for_words(window_kind(w->RootWindow->Name))) return true;
    }
    return false;
  }
  // Opens a panel where words are written: the soothing words, a new journal page, or a part's page.
  void open_words_panel() {
    switch (index(3)) {
      case 0:
        click(on_dock("Soothing words"), SDL_BUTTON_LEFT);
        break;
      case 1:
        key(static_cast<SDL_Keycode>(SDLK_1 + index(8)), KMOD_LCTRL);
        break;
      default:
        click(on_part(), SDL_BUTTON_LEFT, 2);
        break;
    }
  }

  glm::vec2 in_panel(bool only_for_words = false) {
    std::vector<ImGuiWindow*> shown;
    std::vector<double> weight;
    for (ImGuiWindow* w : GImGui->Windows) {
      if (!visible(w)) continue;
      // The panels where words are written, three times as often (or only them).
      const bool words_here = for_words(window_kind(w->RootWindow->Name));
      if (only_for_words && !words_here) continue;
      shown.push_back(w);
      weight.push_back(words_here ? 3.0 : 1.0);
    }
    if (shown.empty()) return anywhere();
    const ImGuiWindow* w = shown[static_cast<std::size_t>(std::discrete_distribution<int>(weight.begin(), weight.end())(rng_))];
    return clamp_to_window({between(w->Pos.x + 1.0f, w->Pos.x + w->Size.x - 1.0f), between(w->Pos.y + 1.0f, w->Pos.y + w->Size.y - 1.0f)});
  }

  // An entry a panel remembered drawing (a button, a field, a menu line), by any panel.
  glm::vec2 on_item() {
    const app::OverlayState& o = s_.overlay();
    const ui::ItemRects* all[] = {&o.welcome.item_rects,    &o.palette.item_rects, &o.inspector.item_rects, &o.context_menu.item_rects,
                                  &o.dock.item_rects,       &o.restore.item_rects, &o.journal.item_rects,   &o.entry_editor.item_rects,
                                  &o.calm.item_rects,       &o.canvas_panel.item_rects, &o.settings.item_rects, &o.timeline.item_rects};
    std::vector<glm::vec4> rects;
    for (const ui::ItemRects* r : all) {
      for (const auto& [label, rect] : r->rects) rects.push_back(rect);
    }
    if (rects.empty()) return in_panel();
    const glm::vec4 r = rects[static_cast<std::size_t>(index(rects.size()))];
    return clamp_to_window({between(r.x, std::max(r.x + 1.0f, r.z)), between(r.y, std::max(r.y + 1.0f, r.w))});
  }

  glm::vec2 on_dock(const char* label = nullptr) {
    glm::vec2 at{0.0f};
    if (label == nullptr) label = dock_buttons[static_cast<std::size_t>(index(dock_buttons.size()))];
    if (!s_.overlay().dock.item_rects.centre_of(label, at)) return in_panel();
    counts["dock button"]++;
    return at;
  }

  glm::vec2 self_point() { return clamp_to_window(core::world_to_screen(s_.scene().view, {0.0f, 0.0f})); }

  glm::vec2 on_part() {
    const auto& parts = s_.shown_map().parts;
    if (parts.empty()) return self_point();
    const core::Part& p = parts[static_cast<std::size_t>(index(parts.size()))];
    return clamp_to_window(core::world_to_screen(s_.scene().view, p.position) + glm::vec2(between(-4.0f, 4.0f), between(-4.0f, 4.0f)));
  }

  void click(glm::vec2 at, Uint8 which, int clicks = 1) {
    pointer_.move(at);
    if (chance(0.5)) frames(1);  // else moved and pressed within one frame
    for (int c = 1; c <= clicks; ++c) {
      pointer_.button(which, true, c);
      if (chance(0.5)) frames(1);  // else pressed and let go within one frame
      pointer_.button(which, false, c);
      frames(1);
    }
    if (chance(0.3)) frames(1);
  }

  // Presses at `from`, moves through a few points to `to` with the button held, and lets go.
  void drag(glm::vec2 from, glm::vec2 to, Uint8 which) {
    pointer_.move(from);
    frames(1);
    pointer_.button(which, true);
    frames(1);
    const int steps = 2 + index(10);
    for (int i = 1; i <= steps; ++i) {
      const float t = static_cast<float>(i) / static_cast<float>(steps);
      pointer_.move(clamp_to_window(glm::mix(from, to, t) + glm::vec2(between(-3.0f, 3.0f), between(-3.0f, 3.0f))));
      if (chance(0.4)) frames(1);  // a quick hand gives several moves a frame
    }
    pointer_.button(which, false);
    frames(1);
  }

  std::string random_text() {
    std::string text = words[static_cast<std::size_t>(index(words.size()))];
    while (chance(0.35)) text += std::string(" ") + words[static_cast<std::size_t>(index(words.size()))];
    return text;
  }

  // Where typing goes now: the kind of window whose text field is active, or "the map".
  std::string typing_into() const {
    const ImGuiContext& g = *GImGui;
    const bool field = g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID && g.ActiveIdWindow != nullptr;
    return field ? window_kind(g.ActiveIdWindow->RootWindow->Name) : "the map";
  }

  void push_key(SDL_Keycode k, SDL_Keymod mod, bool down, bool repeat = false) {
    SDL_Event e{};
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.key.repeat = repeat ? 1 : 0;
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    e.key.keysym.mod = static_cast<Uint16>(mod);
    SDL_PushEvent(&e);
  }
  void push_text(std::string_view text) {
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    e.text.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    std::memcpy(e.text.text, text.data(), std::min(text.size(), sizeof(e.text.text) - 1));
    SDL_PushEvent(&e);
  }

  // A key: tapped (pressed and let go within one frame), pressed for a few frames, or held until it
  // repeats. ImGui's SDL backend reads Ctrl and Shift from SDL's own state, so that is set too.
  void key(SDL_Keycode k, SDL_Keymod mod) {
    const std::string where = typing_into();
    const bool ctrl = (mod & KMOD_CTRL) != 0;
    if (ctrl && k == SDLK_z) ++counts[std::string((mod & KMOD_SHIFT) != 0 ? "redo in " : "undo in ") + where];
    if (ctrl && k == SDLK_y) ++counts["redo in " + where];
    ++counts[ctrl ? "ctrl key" : "key"];
    SDL_SetModState(mod);
    push_key(k, mod, true);
    const int mode = index(3);
    if (mode == 0) {
      ++counts["quick tap"];
    } else {
      frames(mode == 1 ? 1 + index(3) : 1);
      if (mode == 2) {
        for (int r = index(4); r > 0; --r) push_key(k, mod, true, true), frames(1);
      }
    }
    push_key(k, mod, false);
    frames(1);
    SDL_SetModState(KMOD_NONE);
  }

  // Text, as a keyboard gives it (a key and its character for each plain letter) or as an input
  // method commits it (a word at once, or piece by piece).
  void type(const std::string& text) {
    ++counts["typed in " + typing_into()];
    const bool whole = chance(0.3);
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t n = 1;
      if (whole) {
        n = std::min<std::size_t>(text.size() - at, sizeof(SDL_TextInputEvent::text) - 1);
        while (n > 0 && at + n < text.size() && (static_cast<unsigned char>(text[at + n]) & 0xC0) == 0x80) --n;
      } else {
        while (at + n < text.size() && (static_cast<unsigned char>(text[at + n]) & 0xC0) == 0x80) ++n;
      }
      const unsigned char c = static_cast<unsigned char>(text[at]);
      const bool plain = n == 1 && (std::isalnum(c) != 0 || c == ' ');
      const SDL_Keymod mod = std::isupper(c) != 0 ? KMOD_LSHIFT : KMOD_NONE;
      const SDL_Keycode k = c == ' ' ? SDLK_SPACE : static_cast<SDL_Keycode>(std::tolower(c));
      if (plain) SDL_SetModState(mod), push_key(k, mod, true);
      push_text(std::string_view(text).substr(at, n));
      if (plain) push_key(k, mod, false);
      if (chance(0.3)) frames(1);  // a fast typist gives several characters a frame
      SDL_SetModState(KMOD_NONE);
      at += n;
    }
    frames(1);
  }
};

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    if (!parse(argc, argv, options)) {
      std::cerr << usage;
      return 2;
    }
  } catch (const std::exception&) {
    std::cerr << usage;
    return 2;
  }
  Log log(options.log);
  if (!log.open()) {
    std::perror("innerscape_monkey: cannot open the log");
    return 2;
  }

  // Every state handed to the store is logged before the writer can commit it.
  test::Words last;
  long states = -1;
  bool opened = false;
  auto on_submit = [&](const storage::Snapshot& snapshot) {
    test::Words now = test::words_of(snapshot);
    if (!snapshot.journal_loaded) {  // the journal is not here yet: what the store holds of it stays
      for (const auto& [key, text] : last) {
        if (key.starts_with("entry ")) now[key] = text;
      }
    }
    if (!opened || now == last) return;
    nlohmann::json line = test::words_change(last, now);
    line["state"] = ++states;
    log.line(line, false);
    last = std::move(now);
  };

  std::string error = storage::ensure_private_dir(options.data);  // as the app makes it
  if (!error.empty()) {
    std::cerr << "innerscape_monkey: " << error << "\n";
    return 1;
  }
  auto session = app::Session::open({.size = options.size, .hidden = false, .vsync = false, .shader_dir = INNERSCAPE_SHADER_DIR,
                                     .data_dir = options.data, .on_submit = on_submit},
                                    error);
  if (session == nullptr) {
    std::cerr << "innerscape_monkey: " << error << "\n";
    return 1;
  }
  session->wait_for_journal();
  last = test::words_of(session->scene().system);
  opened = true;
  log.line({{"opened", last}}, true);

  Monkey monkey(*session, options.seed);
  if (!monkey.real_pointer()) std::cerr << "innerscape_monkey: no XTest; the pointer's events are pushed into SDL instead\n";
  monkey.frames(3);
  std::mt19937_64 saves(options.seed ^ 0x5a5a5a5aULL);
  auto next_save = [&] { return std::uniform_int_distribution<long>(1, 2L * options.save_every)(saves); };
  long save_at = next_save();
  auto save = [&](const char* what) {
    if (const std::string problem = session->save_now(); !problem.empty()) {
      std::cerr << "innerscape_monkey: a save failed: " << problem << "\n";  // the app keeps it and tries again
      return;
    }
    ++monkey.counts["saves"];
    log.line({{what, states}, {"counts", monkey.counts}}, true);
  };
  for (long i = 1; i <= options.events; ++i) {
    monkey.act();
    if (i >= save_at) {
      save("saved");
      save_at = i + next_save();
    }
  }
  save("done");
  session.reset();
  return 0;
}
