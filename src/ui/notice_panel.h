// A short, gentle word at the bottom of the screen (a part blending with the Self, say), until dismissed.
#pragma once

#include <cstdint>
#include <string>

#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

struct NoticePanel {
  std::string text;  // empty: nothing shown
  // A word about a change Undo can take back (a part removed) offers Undo while the map's history is
  // still at the revision that change left it at, and no other word has taken its place.
  std::uint64_t undo_revision = 0;
  std::string undo_text;
  ItemRects item_rects;

  void offer_undo(const std::string& words, std::uint64_t revision) {
    text = undo_text = words;
    undo_revision = revision;
  }
  // `revision`: the map's history now (0: offer no Undo here).
  void draw(std::uint64_t revision, Actions& actions);
};

}  // namespace innerscape::ui
