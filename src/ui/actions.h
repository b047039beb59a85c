// What the overlay and the scene controller ask the app to do this frame. Panels never change the
// model themselves: they build edits (core/edits.h) and the app performs them, so each can be undone.
//
// Each request is a small value with one meaning (ui::act::ToggleJournal, ui::act::Select{part}...),
// pushed onto an Actions list as it happens; the app applies the list in the order pushed
// (app::Session::apply, one small handler per kind). A key pressed twice is two actions.
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
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

namespace act {

// Settings and view.
struct AmbientAlways { bool on; };         // keep the background moving even when no one is here
struct AmbientMotion { bool on; };         // false: a still scene (reduced motion)
struct DismissWelcome {};
struct StartFromExample {};                // a first map: the example's parts, lines and drawings, as the person's own
struct ToggleWelcome {};
struct TogglePalette {};
struct FrameAll {};                        // frame the Self and every part
struct ToggleFullscreen {};
struct ToggleSettings {};                  // the Settings panel (the dock's Settings)
struct UiScalePercent { int percent; };    // the overlay's size (core::Settings)
struct FontPx { int px; };                 // the text's size at 100 %
struct Theme { core::Theme theme; };       // the overlay's colours
struct CrisisContact { std::string text; };  // the person's own crisis contact (core::tidy_crisis_contact)
struct ToggleShortcuts {};                 // the F1 sheet
struct ShowParts {};                       // the palette, open and focused on its list (N)

// The map.
struct Edit { core::Edit edit; };          // performed as its own undo step
struct Undo {};                            // one step back (one press: one action)
struct Redo {};
struct Arrange {};                         // exiles near the Self, protectors around them (one edit)
struct Select { core::PartId part; };      // 0 clears the selection
struct Inspect { core::PartId part; };     // open the inspector on this part
struct NameInPlace {                       // a text field under the part, focused
  core::PartId part;
  bool just_placed = false;                // ...for a part placed a moment ago (Esc takes it back)
};
struct TakeBackPart { core::PartId part; };  // a part placed and let go with Esc before it was named: not kept
struct StartPlacing {                      // a part from the palette, placed by the next click...
  core::Part part;
  bool by_keyboard = false;                // ...or, chosen with the keyboard, at once in open space
};
struct CancelPlacing {};
struct ContextPart { core::PartId part; };  // open the scene's context menu on a part
struct ContextRelationship { std::size_t index; };
struct Notice { std::string text; };       // a gentle word to show (blending and unblending)

// The journal.
struct NewEntry {                          // open the editor on a new entry of this kind
  core::EntryType type;
  core::PartId for_part = 0;               // ...tied to this part (0: the selected part, if any)
};
struct OpenEntry { core::EntryId entry; };  // open the editor on an existing entry
struct TakeUpPage { core::DraftSerial page; };  // open the editor on a page put aside
struct LetGoPage { core::DraftSerial page; };   // forget a page put aside (the person has said so)
struct Search { std::string query; };      // the journal's search words changed
struct ToggleJournal {};
struct ToggleSoothing {};
struct SearchFocus {};                     // open the journal with its search field ready
struct NewEntryMenu {};                    // open the journal with its new-entry menu (Ctrl+N)

// Breathing.
struct StartBreathing {
  core::BreathPattern pattern;
  int minutes = 5;
};
struct PauseBreathing { bool pause; };     // true: pause; false: go on
struct EndBreathing {};
struct ToggleBreathing {};
struct Calm {};                            // calm mode: the breath, soothing words, two questions
struct EndCalm {};                         // calm mode closed (I feel steadier): the breath it began ends too
struct Tones { bool on; };
struct Volume { int percent; };

// Drawing.
struct ToggleCanvas {};                    // the canvas and its gallery (the dock's Draw)
struct CloseCanvas {};                     // back to the map
struct OpenDrawing { core::DrawingId drawing; };  // show this drawing on the canvas
struct NewDrawing { std::string prompt; };  // begin a new drawing with this prompt key ("" for none)
struct DrawPart { core::PartId part; };    // begin a drawing of this part, worn as its portrait
struct SaveDrawingPng { std::string path; };  // the open drawing as a PNG at this path
struct CreativeTimer { bool start; };      // true: start timing; false: stop and log the time

// Privacy.
struct Unlock { std::string passphrase; };  // a passphrase typed on the lock screen
using LockChange = ui::LockChange;         // turn the lock on, change it or turn it off
struct LockNow {};
struct IdleLockMinutes { int minutes; };
struct TogglePrivacy {};

// The map over time.
struct ToggleTimeline {};
struct ShowTime { double at; };            // show the map as it was then (seconds since 1970), read-only
struct ShowToday {};                       // back to today's map, live
struct PlayTimelapse { bool play; };       // true: play on from the moment shown (from the start, at today); false: pause
struct ClearHistory {};                    // forget the map's past, keep the present (the panel has warned)

// Files.
struct ExportCopy { std::string path; };   // everything as JSON at this path (readable: the person's choice)
struct RestoreBackup { int which; };       // 1 + which of the restore dialog's other backups to bring the map back from
struct RetryStore {};                      // try again to open a map that could not be opened (busy, disk full...)
struct SavePicture { std::string path; };  // a PNG of the scene and overlay at this path

}  // namespace act

// One request. The order of the kinds here means nothing: a list is applied in the order pushed.
using Action = std::variant<
    // Settings and view.
    act::AmbientAlways, act::AmbientMotion, act::DismissWelcome, act::StartFromExample, act::ToggleWelcome, act::TogglePalette,
    act::FrameAll, act::ToggleFullscreen, act::ToggleSettings, act::UiScalePercent, act::FontPx, act::Theme, act::CrisisContact,
    act::ToggleShortcuts, act::ShowParts,
    // The map.
    act::Edit, act::Undo, act::Redo, act::Arrange, act::Select, act::Inspect, act::NameInPlace, act::TakeBackPart,
    act::StartPlacing, act::CancelPlacing, act::ContextPart, act::ContextRelationship, act::Notice,
    // The journal.
    act::NewEntry, act::OpenEntry, act::TakeUpPage, act::LetGoPage, act::Search, act::ToggleJournal, act::ToggleSoothing,
    act::SearchFocus, act::NewEntryMenu,
    // Breathing.
    act::StartBreathing, act::PauseBreathing, act::EndBreathing, act::ToggleBreathing, act::Calm, act::EndCalm, act::Tones,
    act::Volume,
    // Drawing.
    act::ToggleCanvas, act::CloseCanvas, act::OpenDrawing, act::NewDrawing, act::DrawPart, act::SaveDrawingPng,
    act::CreativeTimer,
    // Privacy.
    act::Unlock, act::LockChange, act::LockNow, act::IdleLockMinutes, act::TogglePrivacy,
    // The map over time.
    act::ToggleTimeline, act::ShowTime, act::ShowToday, act::PlayTimelapse, act::ClearHistory,
    // Files.
    act::ExportCopy, act::RestoreBackup, act::RetryStore, act::SavePicture>;

// What was asked for in one frame, in the order it was asked: panels push, the app applies.
class Actions {
 public:
  Actions() = default;
  Actions(std::initializer_list<Action> actions) : list_(actions) {}  // Session::act({ui::act::Calm{}})

  void push(Action action) { list_.push_back(std::move(action)); }

  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  auto begin() { return list_.begin(); }
  auto end() { return list_.end(); }
  auto begin() const { return list_.begin(); }
  auto end() const { return list_.end(); }

  // For tests and filters: whether an action of a kind is there, how many, the last one pushed
  // (the one that would count, were there several), and all of them in order.
  template <class T>
  bool has() const {
    return std::ranges::any_of(list_, [](const Action& a) { return std::holds_alternative<T>(a); });
  }
  template <class... T>
  bool has_any() const {
    return (has<T>() || ...);
  }
  template <class T>
  std::size_t count() const {
    return static_cast<std::size_t>(std::ranges::count_if(list_, [](const Action& a) { return std::holds_alternative<T>(a); }));
  }
  template <class T>
  const T* last() const {
    for (auto it = list_.rbegin(); it != list_.rend(); ++it) {
      if (const T* found = std::get_if<T>(&*it)) return found;
    }
    return nullptr;
  }
  template <class T>
  std::vector<T> all() const {
    std::vector<T> found;
    for (const Action& a : list_) {
      if (const T* one = std::get_if<T>(&a)) found.push_back(*one);
    }
    return found;
  }
  // Keeps only the actions of these kinds, in their order.
  template <class... T>
  void keep_only() {
    std::erase_if(list_, [](const Action& a) { return !(std::holds_alternative<T>(a) || ...); });
  }

 private:
  std::vector<Action> list_;
};

}  // namespace innerscape::ui
