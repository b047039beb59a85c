// When the map could not be opened for a passing reason (busy, a full disk, a read-only folder, no
// permission, an I/O error, a missing lock file): a calm card saying what is wrong and what to do,
// with Try again. Nothing is shown or saved behind it until the map opens.
#pragma once

#include <string>

#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

struct StoreCard {
  std::string text;  // what is wrong and what to do; empty: no card
  bool pending = false;
  ItemRects item_rects;

  void show(std::string what) {
    text = std::move(what);
    pending = true;
  }
  void draw(Actions& actions);
};

}  // namespace innerscape::ui
