// Calm mode, one key (F2) or button from anywhere: the breath, the person's own soothing words, and two
// gentle questions whose answers can be kept as a trigger journal page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/inner_system.h"
#include "ui/actions.h"
#include "ui/item_rects.h"
#include "ui/panel.h"

namespace innerscape::ui {

struct CalmPanel : Panel {
  std::string which_part;  // what part of me is feeling this right now?
  std::string needs;       // what does it need to feel safe?
  ItemRects item_rects;

  // `crisis_contact`: the person's own (Settings, Help), shown with the word on finding help.
  void draw(const core::InnerSystem& system, std::string_view crisis_contact, std::int64_t now, Actions& actions);
  void draw_content(const core::InnerSystem& system, std::string_view crisis_contact, std::int64_t now, Actions& actions);
};

}  // namespace innerscape::ui
