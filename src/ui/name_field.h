// Naming a part right where it was placed: a small text field under it, focused, Enter to keep.
#pragma once

#include <string>

#include <glm/vec2.hpp>

#include "core/inner_system.h"
#include "ui/actions.h"

namespace innerscape::ui {

struct NameField {
  core::PartId part = 0;  // 0: closed
  std::string text;
  bool focus = false;
  bool just_placed = false;  // a part placed a moment ago: Esc takes the placing back

  void open(const core::Part& part, bool just_placed = false);
  // `at` is the screen point under the part where its label would be.
  void draw(const core::InnerSystem& system, glm::vec2 at, std::int64_t now, Actions& actions);
};

}  // namespace innerscape::ui
