// When the data file could not be read: a calm, plain choice between the newest sound backup and the
// new, empty map. It waits for an answer before anything else can change.
#pragma once

#include <string>

#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

struct RestoreDialog {
  std::string backup_name;  // empty: nothing to offer
  bool pending = false;
  ItemRects item_rects;

  void offer(const std::string& name) {
    backup_name = name;
    pending = true;
  }
  void draw(UiActions& actions);
};

}  // namespace innerscape::ui
