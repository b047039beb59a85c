// When the data file was damaged: what was set aside and which backup the map came back from, said
// plainly, with the other sound backups (date and what each holds) to choose instead. It waits for
// an answer before anything else can change.
#pragma once

#include <string>
#include <vector>

#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

struct RestoreDialog {
  std::string told;                  // what happened; empty: nothing to show
  std::vector<std::string> others;   // the other sound backups, described, fullest recent first
  bool pending = false;
  ItemRects item_rects;

  void tell(std::string what, std::vector<std::string> other_backups) {
    told = std::move(what);
    others = std::move(other_backups);
    pending = true;
  }
  void draw(Actions& actions);
};

}  // namespace innerscape::ui
