// What the overlay and the scene controller ask the app to do this frame. Panels never change the
// model themselves: they build edits (core/edits.h) and the app performs them, so each can be undone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/breathing.h"
#include "core/edits.h"
#include "core/page_drafts.h"
#include "core/settings.h"

namespace innerscape::ui {

// A change to the passphrase lock: `current` empty turns it on; `next` empty turns it off.
struct LockChange {
  std::string current;
  std::string next;
};

struct UiActions {
  // Settings and view.
  std::optional<bool> ambient_always;  // keep the background moving even when no one is here
  std::optional<bool> ambient_motion;  // false: a still scene (reduced motion)
  bool dismiss_welcome = false;
  bool start_from_example = false;     // a first map: the example's parts, lines and drawings, as the person's own
  bool toggle_welcome = false;
  bool toggle_palette = false;
  bool frame_all = false;              // frame the Self and every part
  bool toggle_fullscreen = false;
  bool toggle_settings = false;        // the Settings panel (the dock's Settings)
  std::optional<int> ui_scale_percent; // the overlay's size (core::Settings)
  std::optional<int> font_px;          // the text's size at 100 %
  std::optional<core::Theme> theme;    // the overlay's colours
  std::optional<std::string> crisis_contact;  // the person's own crisis contact (core::tidy_crisis_contact)
  bool toggle_shortcuts = false;       // the F1 sheet
  bool show_parts = false;             // the palette, open and focused on its list (N)

  // The map.
  std::vector<core::Edit> edits;       // performed in order, each its own undo step
  int undo = 0;
  int redo = 0;
  bool arrange = false;                // exiles near the Self, protectors around them (one edit)
  std::optional<core::PartId> select;  // 0 clears the selection
  std::optional<core::PartId> inspect; // open the inspector on this part
  std::optional<core::PartId> name_in_place;  // a text field under the part, focused
  bool name_just_placed = false;              // ...for a part placed a moment ago (Esc takes it back)
  std::optional<core::PartId> take_back_part; // a part placed and let go with Esc before it was named: not kept
  std::optional<core::Part> start_placing;    // a part from the palette, placed by the next click...
  bool place_by_keyboard = false;             // ...or, chosen with the keyboard, at once in open space
  bool cancel_placing = false;
  std::optional<core::PartId> context_part;   // open the scene's context menu on a part
  std::optional<std::size_t> context_relationship;
  std::string notice;                  // a gentle word to show (blending and unblending)

  // The journal.
  std::optional<core::EntryType> new_entry;   // open the editor on a new entry of this kind
  core::PartId new_entry_for = 0;             // ...tied to this part (0: the selected part, if any)
  std::optional<core::EntryId> open_entry;    // open the editor on an existing entry
  std::optional<core::DraftSerial> take_up_page;  // open the editor on a page put aside
  std::optional<core::DraftSerial> let_go_page;   // forget a page put aside (the person has said so)
  std::optional<std::string> search;          // the journal's search words changed
  bool toggle_journal = false;
  bool toggle_soothing = false;
  bool search_focus = false;                  // open the journal with its search field ready
  bool new_entry_menu = false;                // open the journal with its new-entry menu (Ctrl+N)

  // Breathing.
  std::optional<core::BreathPattern> start_breathing;
  int breathing_minutes = 5;
  std::optional<bool> pause_breathing;  // true: pause; false: go on
  bool end_breathing = false;
  bool toggle_breathing = false;
  bool calm = false;                    // calm mode: the breath, soothing words, two questions
  bool end_calm = false;                // calm mode closed (I feel steadier): the breath it began ends too
  std::optional<bool> tones;
  std::optional<int> volume;

  // Drawing.
  bool toggle_canvas = false;                   // the canvas and its gallery (the dock's Draw)
  bool close_canvas = false;                    // back to the map
  std::optional<core::DrawingId> open_drawing;  // show this drawing on the canvas
  std::optional<std::string> new_drawing;       // begin a new drawing with this prompt key ("" for none)
  std::optional<core::PartId> draw_part;        // begin a drawing of this part, worn as its portrait
  std::optional<std::string> save_drawing_png;  // the open drawing as a PNG at this path
  std::optional<bool> creative_timer;           // true: start timing; false: stop and log the time

  // Privacy.
  std::optional<std::string> unlock;          // a passphrase typed on the lock screen
  std::optional<LockChange> lock_change;
  bool lock_now = false;
  std::optional<int> idle_lock_minutes;
  bool toggle_privacy = false;

  // The map over time.
  bool toggle_timeline = false;
  std::optional<double> show_time;     // show the map as it was then (seconds since 1970), read-only
  bool show_today = false;             // back to today's map, live
  std::optional<bool> play_timelapse;  // true: play on from the moment shown (from the start, at today); false: pause
  bool clear_history = false;          // forget the map's past, keep the present (the panel has warned)

  // Files.
  std::optional<std::string> export_copy;    // everything as JSON at this path (readable: the person's choice)
  int restore_backup = 0;              // 1 + which of the restore dialog's other backups to bring the map back from
  bool retry_store = false;            // try again to open a map that could not be opened (busy, disk full...)
  std::optional<std::string> save_picture;  // a PNG of the scene and overlay at this path
};

}  // namespace innerscape::ui
