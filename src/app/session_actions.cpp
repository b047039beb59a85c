// The Session: what each action the overlay and the scene ask for does, and the one dispatch that runs them.
#include "app/session.h"
#include "app/session_detail.h"

#include "app/timelapse.h"
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <chrono>
#include <iostream>
#include <utility>
#include <imgui.h>
#include "core/arrange.h"
#include "core/demo_system.h"
#include "core/map_history.h"
#include "core/drafts.h"
#include "core/ink.h"
#include "core/live_breath.h"
#include "core/tone.h"
#include "core/wording.h"
#include "platform/paths.h"
#include "render/framebuffer.h"
#include "storage/backup.h"
#include "storage/json_format.h"
#include "storage/png.h"
#include "storage/settings_file.h"
#include "storage/store.h"
#include "ui/film_caption.h"
#include "ui/fonts.h"
#include "ui/placement.h"
#include "ui/scene_labels.h"
#include "ui/text_state.h"
#include "ui/theme.h"

namespace innerscape::app {

using namespace detail;

// What the overlay and the scene asked for, one small handler per kind of action. Each does what its
// action means and nothing more; Session::apply runs them in the order the actions were pushed, then
// settles what follows from all of them together (settle_after_actions).

// The map.
template <>
void Session::on(ui::act::Edit& a) {
  // Any part removed (by key, menu or page) says so, with an Undo at hand.
  const auto* removal = a.edit.steps.empty() ? nullptr : std::get_if<core::RemovePart>(&a.edit.steps.back());
  const std::optional<std::string> removed = removal != nullptr ? std::optional(removal->part.name) : std::nullopt;
  if (doc_->perform(std::move(a.edit)) && removed) {
    overlay_.notice.offer_undo("“" + *removed + "” stepped off the map.", doc_->undo_stack().revision);
  }
}
// On the canvas, undo and redo reach only this drawing's own steps: a change to the map, out of
// sight, is not taken back from here.
template <>
void Session::on(ui::act::Undo&) {
  const core::DrawingId drawing = overlay_.canvas.drawing;
  if (drawing != 0 && !(core::can_undo(doc_->undo_stack()) && only_this_drawing(doc_->undo_stack().done.back(), drawing))) return;
  doc_->undo();
}
template <>
void Session::on(ui::act::Redo&) {
  const core::DrawingId drawing = overlay_.canvas.drawing;
  if (drawing != 0 && !(core::can_redo(doc_->undo_stack()) && only_this_drawing(doc_->undo_stack().undone.back(), drawing))) return;
  doc_->redo();
}
template <>
void Session::on(ui::act::Arrange&) {
  doc_->perform(core::move_parts(doc_->system(), core::arranged_positions(doc_->system()), wall_clock_now()));
}
template <>
void Session::on(ui::act::Inspect& a) {
  // The inspector and the welcome share the left of the screen: the welcome steps aside (it is
  // not marked as seen, so it is there again next time until the person says Begin).
  overlay_.inspector.show(a.part);
  overlay_.welcome.open = false;
}
template <>
void Session::on(ui::act::NameInPlace& a) {
  if (const core::Part* p = core::find_part(doc_->system(), a.part)) overlay_.name_field.open(*p, a.just_placed);
}
template <>
void Session::on(ui::act::TakeBackPart& a) {
  // Placed, then let go with Esc before it was named: taken back as though it had never been placed
  // (the placing is the last edit), else removed as one step.
  const std::vector<core::Edit>& done = doc_->undo_stack().done;
  const auto* added = done.empty() || done.back().steps.size() != 1 ? nullptr : std::get_if<core::AddPart>(&done.back().steps.front());
  if (added != nullptr && added->part.id == a.part) {
    doc_->withdraw();
  } else {
    doc_->perform(core::delete_part(doc_->system(), a.part));
  }
}
template <>
void Session::on(ui::act::StartPlacing& a) {
  overlay_.controller.placing = std::move(a.part);
  overlay_.controller.place_by_keyboard = a.by_keyboard;  // placed in the next turn of the loop
}
template <> void Session::on(ui::act::Select& a) { overlay_.selected = a.part; }
template <> void Session::on(ui::act::CancelPlacing&) { overlay_.controller.placing.reset(); }
template <> void Session::on(ui::act::ContextPart& a) { overlay_.context_menu.open_for_part(a.part); }
template <> void Session::on(ui::act::ContextRelationship& a) { overlay_.context_menu.open_for_relationship(a.index); }
template <> void Session::on(ui::act::Notice& a) { if (!a.text.empty()) overlay_.notice.text = a.text; }

// Settings and view.
template <>
void Session::on(ui::act::DismissWelcome&) {
  doc_->mark_dirty(0.0);
  doc_->settings().welcome_seen = true;
  overlay_.welcome.open = false;
}
template <>
void Session::on(ui::act::StartFromExample&) {
  if (!doc_->system().parts.empty()) return;
  // The example's parts, relationships and drawings (not its journal pages: a journal is the
  // person's own words), as a first map that is theirs to change.
  core::InnerSystem example = core::make_demo_system();
  example.journal = {};
  example.breathing_log = {};
  example.soothing = doc_->system().soothing;
  load_system(std::move(example));
  scene_.view = frame_all_view(scene_.view.viewport);
  doc_->mark_dirty(0.0);
}
template <>
void Session::on(ui::act::AmbientAlways& a) {
  doc_->mark_dirty(0.0);
  pacer_.desc.ambient_always = doc_->settings().ambient_always = a.on;  // the pacer runs it; the settings keep it
}
template <>
void Session::on(ui::act::AmbientMotion& a) {
  doc_->mark_dirty(0.0);
  pacer_.desc.ambient_motion = doc_->settings().ambient_motion = a.on;
}
// The palette and the journal share the right of the screen: opening one puts the other away.
template <>
void Session::on(ui::act::TogglePalette&) {
  overlay_.palette.open = !overlay_.palette.open;
  if (overlay_.palette.open) overlay_.journal.open = false;
}
template <>
void Session::on(ui::act::ShowParts&) {
  overlay_.palette.open = overlay_.palette.focus = true;
  overlay_.journal.open = false;
}
template <>
void Session::on(ui::act::FrameAll&) {
  scene_.view_goal = frame_all_view(scene_.view.viewport);
  doc_->mark_dirty(1.0);
}
template <> void Session::on(ui::act::ToggleWelcome&) { overlay_.welcome.open = !overlay_.welcome.open; }
template <> void Session::on(ui::act::ToggleFullscreen&) { window_->toggle_fullscreen(); }
template <> void Session::on(ui::act::ToggleShortcuts&) { overlay_.shortcuts.focus = overlay_.shortcuts.open = !overlay_.shortcuts.open; }
template <> void Session::on(ui::act::ToggleSettings&) { overlay_.settings.open = !overlay_.settings.open; }
template <> void Session::on(ui::act::ToggleSoothing&) { overlay_.soothing.open = !overlay_.soothing.open; }
// The text's size, the overlay's scale and its colours: fonts and style are made again between frames.
template <>
void Session::on(ui::act::UiScalePercent& a) {
  doc_->settings().ui_scale_percent = std::clamp(a.percent, core::min_ui_scale_percent, core::max_ui_scale_percent);
  display_dirty_ = true;
  doc_->mark_dirty(0.5);
}
template <>
void Session::on(ui::act::FontPx& a) {
  doc_->settings().font_px = std::clamp(a.px, core::min_font_px, core::max_font_px);
  display_dirty_ = true;
  doc_->mark_dirty(0.5);
}
template <>
void Session::on(ui::act::Theme& a) {
  doc_->settings().theme = a.theme;
  display_dirty_ = true;
  doc_->mark_dirty(0.5);
}
template <>
void Session::on(ui::act::CrisisContact& a) {
  doc_->settings().crisis_contact = core::tidy_crisis_contact(a.text);
  doc_->mark_dirty(0.0);
}

// Files.
template <> void Session::on(ui::act::SavePicture& a) { pending_picture_ = std::filesystem::path(a.path); }
template <> void Session::on(ui::act::RestoreBackup& a) { if (a.which > 0) restore_from_backup(a.which); }
template <> void Session::on(ui::act::RetryStore&) { retry_store(); }
template <> void Session::on(ui::act::ExportCopy& a) { export_copy(expand_home(a.path)); }

// The map over time.
template <>
void Session::on(ui::act::ToggleTimeline&) {
  if (!overlay_.timeline.open) {
    begin_timeline();
  } else {
    overlay_.timeline.open = false;
    show_time(std::nullopt);  // closing it comes back to today
  }
}
template <>
void Session::on(ui::act::PlayTimelapse& a) {
  if (!a.play || !doc_->history_ready()) {
    past_.playing = false;
    return;
  }
  const core::TimelapseSpan span = core::timelapse_span(doc_->history(), wall_clock_now());
  // From the moment shown; at today (or past the story's end), from the very beginning.
  const double from = past_.time && *past_.time < span.end ? *past_.time : static_cast<double>(span.first);
  show_time(from, true, span.ease_s);
  past_.playing = past_.time.has_value();
  // The whole story in view: early parts often stood further out than today's.
  if (past_.playing) scene_.view_goal = framing(story_positions(doc_->history(), doc_->system()), scene_.view.viewport);
}
template <> void Session::on(ui::act::ShowToday&) { show_time(std::nullopt); }
template <> void Session::on(ui::act::ShowTime& a) { show_time(a.at); }
template <> void Session::on(ui::act::ClearHistory&) { clear_map_history(); }

// Privacy. A passphrase is wiped once it has been handed on.
template <>
void Session::on(ui::act::Unlock& a) {
  unlock(std::move(a.passphrase));
  storage::wipe(a.passphrase);
}
template <>
void Session::on(ui::act::LockChange& a) {
  doc_->change_lock(std::move(a.current), std::move(a.next));
  storage::wipe(a.current);
  storage::wipe(a.next);
}
template <>
void Session::on(ui::act::IdleLockMinutes& a) {
  doc_->settings().idle_lock_minutes = std::clamp(a.minutes, 0, core::max_idle_lock_minutes);
  doc_->mark_dirty(0.0);
}
template <>
void Session::on(ui::act::TogglePrivacy&) {
  overlay_.privacy.open = !overlay_.privacy.open;
  // Privacy and the welcome share the left of the screen: the welcome steps aside (not marked read).
  if (overlay_.privacy.open) overlay_.welcome.open = false;
}
template <> void Session::on(ui::act::LockNow&) { lock(); }

// Breathing, and calm mode.
template <>
void Session::on(ui::act::Calm&) {
  OverlayState& o = overlay_;
  if (o.canvas.open()) close_canvas();
  // Calm mode: the page of questions, and the guide's breath if none is running; other panels rest.
  o.calm.open = true;
  o.welcome.open = false;
  o.palette.open = false;
  o.journal.open = false;
  if (!breathing_.running) {
    start_breathing(core::breath_presets()[0].pattern, 5.0);
    calm_breath_ = true;
  }
}
template <>
void Session::on(ui::act::EndCalm&) {
  // Steadier: the breath calm mode began ends with it (one the person began in Breathe goes on).
  overlay_.calm.open = false;
  if (calm_breath_ && breathing_.running) {
    end_breathing(false);
    overlay_.notice.text = "Good to hear. The breath has stopped; it waits under Breathe whenever you want it again.";
  }
  calm_breath_ = false;
}
template <>
void Session::on(ui::act::StartBreathing& a) {
  start_breathing(a.pattern, a.minutes);
  calm_breath_ = false;  // the person's own choice of breath: it is theirs to end
}
template <>
void Session::on(ui::act::Tones& a) {
  doc_->settings().tones = a.on;
  doc_->mark_dirty(0.5);
}
template <>
void Session::on(ui::act::Volume& a) {
  doc_->settings().volume = std::clamp(a.percent, 0, 100);
  doc_->mark_dirty(0.5);
}
template <> void Session::on(ui::act::ToggleBreathing&) { overlay_.breathing.open = !overlay_.breathing.open; }
template <> void Session::on(ui::act::PauseBreathing& a) { breathing_.paused = a.pause; }
template <> void Session::on(ui::act::EndBreathing&) { end_breathing(false); }

// The journal. Opening it puts the palette away (they share the right of the screen).
template <>
void Session::on(ui::act::ToggleJournal&) {
  overlay_.journal.open = !overlay_.journal.open;
  if (overlay_.journal.open) overlay_.palette.open = false;
}
template <>
void Session::on(ui::act::SearchFocus&) {
  overlay_.journal.open = overlay_.journal.focus_search = true;
  overlay_.palette.open = false;
}
template <>
void Session::on(ui::act::NewEntryMenu&) {
  overlay_.journal.open = overlay_.journal.open_new_menu = true;
  overlay_.palette.open = false;
}
template <>
void Session::on(ui::act::NewEntry& a) {
  // A new entry starts tied to the selected part, if one is selected.
  const core::PartId tie = a.for_part != 0 ? a.for_part : overlay_.selected;
  overlay_.entry_editor.start(doc_->system(), a.type, tie != 0 ? std::vector<core::PartId>{tie} : std::vector<core::PartId>{});
}
template <>
void Session::on(ui::act::OpenEntry& a) {
  if (const core::Entry* e = core::find_entry(doc_->system(), a.entry)) overlay_.entry_editor.edit(doc_->system(), *e);
}
template <> void Session::on(ui::act::TakeUpPage& a) { overlay_.entry_editor.take_up(doc_->system(), a.page); }
template <> void Session::on(ui::act::LetGoPage& a) { core::remove_draft(overlay_.entry_editor.pages, a.page); }  // the journal asked the person first
template <> void Session::on(ui::act::Search&) { run_search(); }

// The canvas.
template <>
void Session::on(ui::act::NewDrawing& a) {
  core::Drawing fresh;
  if (const core::DrawingPrompt* prompt = core::find_prompt(a.prompt)) {
    fresh.title = std::string(prompt->title);
    fresh.prompt = std::string(prompt->key);
  }
  if (doc_->perform(core::add_drawing(doc_->system(), std::move(fresh), wall_clock_now()))) {
    open_drawing(doc_->system().drawings.back().id);
  }
}
template <>
void Session::on(ui::act::DrawPart& a) {
  const core::DrawingId id = core::peek_next_drawing_id(doc_->system());
  if (doc_->perform(core::draw_part(doc_->system(), a.part, wall_clock_now()))) open_drawing(id);
}
template <>
void Session::on(ui::act::CreativeTimer& a) {
  if (!a.start) {
    stop_creative_timer();
    return;
  }
  creative_started_s_ = window_->now_s();
  creative_drawing_ = overlay_.canvas.drawing;
  timer_second_shown_ = 0;
}
template <>
void Session::on(ui::act::ToggleCanvas&) {
  if (overlay_.canvas.open()) {
    close_canvas();
  } else {
    open_canvas();
  }
}
template <> void Session::on(ui::act::OpenDrawing& a) { open_drawing(a.drawing); }
template <> void Session::on(ui::act::CloseCanvas&) { close_canvas(); }
template <> void Session::on(ui::act::SaveDrawingPng& a) { overlay_.notice.text = save_drawing_png(a.path); }

void Session::apply(ui::Actions& actions) {
  const std::uint64_t revision = doc_->undo_stack().revision;
  // Words being typed are never changed under the field: an undo, or another page, ends its edit first.
  if (actions.has_any<ui::act::Undo, ui::act::Redo, ui::act::NewEntry, ui::act::OpenEntry, ui::act::TakeUpPage,
                      ui::act::RestoreBackup, ui::act::StartFromExample>()) {
    ui::end_text_edit();
  }
  for (ui::Action& action : actions) {
    std::visit([this](auto& a) { on(a); }, action);
    // A part removed by one action is not selected for the next (a new page is not tied to it).
    if (overlay_.selected != 0 && core::find_part(doc_->system(), overlay_.selected) == nullptr) overlay_.selected = 0;
  }
  settle_after_actions(revision, actions);
  // Whatever was asked for is drawn in the next frame, even if no more input comes.
  if (!actions.empty() || doc_->undo_stack().revision != revision) core::request_frame(pacer_);
}

void Session::settle_after_actions(std::uint64_t revision, const ui::Actions& actions) {
  OverlayState& o = overlay_;
  if (o.notice.undo_revision != 0 && o.notice.undo_revision != doc_->undo_stack().revision) {
    // The removal is no longer the last change: an undo has brought the part back (the word is no
    // longer true), or something else has happened since (Undo would take that back instead).
    if (actions.has<ui::act::Undo>() && o.notice.text == o.notice.undo_text) o.notice.text.clear();
    o.notice.undo_revision = 0;
  }
  if (o.selected != 0 && core::find_part(doc_->system(), o.selected) == nullptr) o.selected = 0;
  // The results follow the journal as it changes (once a frame: a Search has just run it).
  if (!o.journal.query.empty() && doc_->undo_stack().revision != revision && !actions.has<ui::act::Search>()) run_search();
  // A drawing deleted or undone away while open: show the newest left, or go back to the map.
  if (o.canvas.open() && core::find_drawing(doc_->system(), o.canvas.drawing) == nullptr) {
    if (doc_->system().drawings.empty()) {
      close_canvas();
    } else {
      open_drawing(doc_->system().drawings.back().id);
    }
  }
}

}  // namespace innerscape::app
