// Everything the app has to say to the person, as one kind of thing: a Notice with a level. The level
// decides where it stands and how it looks; one function, draw_notice, draws any of them:
//
//   note      a short, gentle word above the dock (a part blending with the Self, say), until Thank
//             you; one about a change Undo can take back offers Undo (offer_undo)
//   progress  long work done off the frame (a copy of years of journal): a small card above the dock
//             with a bar; `fraction` below 0 for work whose length is not known
//   problem   part of the scene could not be drawn: a panel on the right, calm, with `text` as the
//             details for a bug report; its x closes it
//   warning   changes cannot reach the disk: a banner at the top in warm dark colours, `text` the
//             disk's own words below what happened, that nothing is lost and what to do
//   choice    the data file was damaged: `text` says what was set aside and where the map came back
//             from, with the other sound backups (`choices`) to use instead; it waits for an answer
//   waiting   the map cannot be opened for a passing reason: `text` says what and what to do, with
//             Try again; nothing is shown or saved behind it until the map opens
//
// The notes, the problem, the choice and the waiting card live in the overlay and are drawn while
// their text is set; the banner and the progress cards are made afresh each frame from what the
// document says (disk_warning, progress).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ui/actions.h"
#include "ui/item_rects.h"

namespace innerscape::ui {

enum class Level : std::uint8_t { note, progress, problem, warning, choice, waiting };

struct Notice {
  Level level = Level::note;
  std::string title;                 // the window's title (problem, choice, waiting)
  std::string text;                  // what is said; empty: nothing shown
  std::vector<std::string> choices;  // choice: the other sound backups, described, fullest recent first
  float fraction = -1.0f;            // progress: how far, 0 to 1; below 0: not known
  bool open = true;                  // problem: its window's close button clears it
  bool pending = false;              // choice, waiting: its modal window is still to be opened
  // A note about a change Undo can take back (a part removed) offers Undo while the map's history is
  // still at the revision that change left it at, and no other word has taken its place.
  std::uint64_t undo_revision = 0;
  std::string undo_text;
  ItemRects item_rects;  // its buttons, by label, as drawn last

  void offer_undo(const std::string& words, std::uint64_t revision) {
    text = undo_text = words;
    undo_revision = revision;
  }
  // A choice or a waiting card, to be opened when next drawn.
  void show(std::string what, std::vector<std::string> options = {}) {
    text = std::move(what);
    choices = std::move(options);
    pending = true;
  }
};

// The banner for changes that cannot reach the disk: `problem` is the disk's own words (empty: none).
Notice disk_warning(std::string problem);
// A progress card for `what`, `fraction` of the way (below 0: not known).
Notice progress(std::string what, float fraction);

// Draws `notice` at its level's place with its level's look; nothing while its text is empty.
// `revision`: the map's history now, for a note's Undo (0: offer none here). A button's answer goes
// into `actions` (Undo, a backup chosen, Try again).
void draw_notice(Notice& notice, Actions& actions, std::uint64_t revision = 0);
inline void draw_notice(Notice&& notice, Actions& actions) { draw_notice(notice, actions); }

}  // namespace innerscape::ui
