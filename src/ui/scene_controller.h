// Turns what a person does to the scene (pointer, wheel, a few keys) into view changes and edits:
// pick and drag parts, pan the space, zoom to the pointer, place parts from the palette.
#pragma once

#include <cstdint>
#include <optional>

#include "core/inner_system.h"
#include "core/scene_view.h"
#include "ui/actions.h"
#include "ui/scene_input.h"

namespace innerscape::ui {

struct SceneController {
  enum class Drag : std::uint8_t { none, pan, part };
  Drag drag = Drag::none;
  core::PartId dragged = 0;
  glm::vec2 grab_offset{0.0f};    // the part's position minus the pointer's, in world units
  glm::vec2 drag_position{0.0f};  // where the dragged part is shown until it is let go
  glm::vec2 press_px{0.0f};
  glm::vec2 last_px{0.0f};
  bool moved = false;             // past the few pixels that tell a drag from a click

  core::PartId hovered = 0;
  std::optional<std::size_t> hovered_relationship;
  std::optional<core::Part> placing;  // waiting for a click in the scene
  bool place_by_keyboard = false;     // chosen with the keyboard: it goes to open space beside the Self
};

struct SceneContext {
  const core::InnerSystem& system;
  core::SceneView& view;          // the controller pans and zooms it directly: it is not the model
  core::PartId selected = 0;
  std::int64_t now = 0;           // for time stamps on edits
};

void handle_scene_input(SceneController& controller, SceneContext context, const SceneInput& input, Actions& actions);

// Where a part is shown now: under the pointer while dragged, else where the model has it.
glm::vec2 shown_position(const SceneController& controller, const core::Part& part);

}  // namespace innerscape::ui
