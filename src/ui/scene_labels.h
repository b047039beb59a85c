// Names (and ages) under the parts, drawn by ImGui behind every panel, the same size at every zoom.
#pragma once

#include <span>

#include <glm/vec2.hpp>

#include "core/inner_system.h"
#include "core/scene_view.h"
#include "ui/screen_space.h"

namespace innerscape::ui {

struct LabelsView {
  const core::InnerSystem* system = nullptr;
  std::span<const glm::vec2> positions;  // shown positions, one per part (empty: the model's)
  core::SceneView view;
  core::PartId selected = 0;
  core::PartId skip = 0;                 // a part being named in place shows its text field instead
};

// Each name gives way to what is already on the screen (`space`: the panels, and words such as the
// breath's): it goes above its part instead, or waits for a closer view. Every name drawn is noted there.
void draw_scene_labels(const LabelsView& labels, ScreenSpace& space);

}  // namespace innerscape::ui
