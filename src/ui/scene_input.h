// What a person did to the scene itself (not to a panel), in plain terms the platform fills in.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/vec2.hpp>

namespace innerscape::ui {

struct PointerEvent {
  enum class Type : std::uint8_t { press, release, move, wheel };
  enum class Button : std::uint8_t { none, left, middle, right };
  Type type = Type::move;
  Button button = Button::none;
  glm::vec2 position{0.0f};  // drawable pixels, origin top left
  float wheel = 0.0f;        // notches; positive zooms in
  int clicks = 1;            // 2 for a double click
};

// What a key asks for; ui/shortcuts.h says which key means which.
enum class SceneKey : std::uint8_t {
  undo, redo, remove, frame_all, cancel, search, journal, calm,
  parts, new_entry_menu, draw, shortcuts, fullscreen, timeline,
};

struct SceneInput {
  std::vector<int> new_entry_keys;   // Ctrl+1 .. Ctrl+8: a new journal page of that kind (0-based)
  std::vector<PointerEvent> pointer;
  std::vector<SceneKey> keys;
  bool pointer_moved = false;        // over the scene: pointer_position is where it is now
  bool pointer_gone = false;         // it left the window, or went over a panel: nothing is hovered
  glm::vec2 pointer_position{0.0f};
};

}  // namespace innerscape::ui
