// The scene's right-click menu: for a part (learn about it, rename, relate, remove) or for a line.
#pragma once

#include <optional>

#include "core/inner_system.h"
#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

struct ContextMenu {
 public:
  core::PartId part = 0;
  std::optional<std::size_t> relationship;
  bool pending = false;  // open at the next frame
  ItemRects item_rects;  // where each entry was drawn last frame, by label

  void open_for_part(core::PartId id) {
    part = id;
    relationship.reset();
    pending = true;
  }
  void open_for_relationship(std::size_t index) {
    part = 0;
    relationship = index;
    pending = true;
  }
  void draw(const core::InnerSystem& system, Actions& actions);

 private:
  void draw_menu(const core::InnerSystem& system, Actions& actions);
};

}  // namespace innerscape::ui
