// One open Innerscape: the window, the scene state, the renderer and the overlay, wired together.
// The interactive loop, screenshots, benchmarks and end-to-end tests all drive the same session.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/animation_clock.h"
#include "doc/document.h"
#include "core/frame_pacer.h"
#include "core/glide.h"
#include "core/undo_stack.h"
#include "core/ink.h"
#include "core/inner_system.h"
#include "core/live_breath.h"
#include "core/map_history.h"
#include "core/scene_view.h"
#include "platform/audio.h"
#include "platform/window.h"
#include "render/canvas_renderer.h"
#include "render/image_texture.h"
#include "render/portrait_atlas.h"
#include "render/scene_renderer.h"
#include "ui/breathing_panel.h"
#include "ui/calm_panel.h"
#include "ui/canvas_controller.h"
#include "ui/canvas_panel.h"
#include "ui/context_menu.h"
#include "ui/dock_panel.h"
#include "ui/entry_editor.h"
#include "ui/fonts.h"
#include "ui/journal_panel.h"
#include "ui/name_field.h"
#include "ui/notices.h"
#include "ui/palette_panel.h"
#include "ui/part_inspector.h"
#include "ui/lock_panel.h"
#include "ui/lock_screen.h"
#include "ui/scene_controller.h"
#include "ui/screen_space.h"
#include "ui/settings_panel.h"
#include "ui/shortcuts_panel.h"
#include "ui/soothing_panel.h"
#include "ui/timeline_panel.h"
#include "ui/welcome_panel.h"

namespace innerscape::app {

struct SessionDesc {
  glm::ivec2 size{1280, 720};
  bool hidden = false;
  bool vsync = true;
  bool demo = false;
  std::filesystem::path shader_dir;  // empty: found beside the binary or in the install prefix
  std::filesystem::path data_dir;    // the person's store; empty: nothing is read or saved (a demo)
  std::shared_ptr<const storage::Key> key;  // a locked store's key (storage::unlock_store); null when unlocked
  // This computer's comfort settings (settings.json) live here, read before a locked store opens;
  // empty: none read or kept, the store's own are used (the demo, pictures, the bench, tests).
  std::filesystem::path config_dir;
  // Tests: shown every state handed to the store, before the writer can commit it, so a test that
  // kills the app knows each state the disk may hold (tests/stress/monkey.cpp).
  std::function<void(const storage::Snapshot&)> on_submit;
};

// How the scene is seen; updated by the app, read by render and ui. The map itself is the Document's.
struct SceneState {
  core::SceneView view;                     // what is shown
  std::optional<core::SceneView> view_goal;  // where the camera is easing to (frame all)
  core::AnimationClock clock;
};

// The map and how it is seen, as one read-only view (tests and tools read it so).
struct SceneRef {
  const core::InnerSystem& system;
  const core::UndoStack& undo_stack;
  const core::SceneView& view;
  const core::AnimationClock& clock;
};

// The overlay's own state: panels, the scene controller, what is selected.
struct OverlayState {
  ui::SceneController controller;
  core::PartId selected = 0;
  ui::WelcomePanel welcome;
  ui::PalettePanel palette;
  ui::PartInspector inspector;
  ui::NameField name_field;
  ui::ContextMenu context_menu;
  ui::Notice notice;  // a short word above the dock (ui/notices.h, as are the three below)
  ui::DockPanel dock;
  ui::Notice problems{.level = ui::Level::problem, .title = "Something could not be drawn"};
  ui::Notice restore{.level = ui::Level::choice, .title = "Your map's file was damaged"};
  ui::Notice store_card{.level = ui::Level::waiting, .title = "Your map is waiting"};
  ui::JournalPanel journal;
  ui::EntryEditor entry_editor;
  ui::SoothingPanel soothing;
  ui::BreathingPanel breathing;
  ui::CalmPanel calm;
  ui::CanvasController canvas;  // open while a drawing is on the canvas
  ui::CanvasPanel canvas_panel;
  ui::LockScreen lock_screen;  // over everything while the store is locked
  ui::LockPanel privacy;
  ui::SettingsPanel settings;
  ui::ShortcutsPanel shortcuts;  // F1
  ui::TimelinePanel timeline;    // the map over time
  ui::ScreenSpace space;         // where the panels stand and what is written onto the scene, this frame
};

class Session {
 public:
  static std::unique_ptr<Session> open(const SessionDesc& desc, std::string& error);
  ~Session();  // hands the last changes to the store and waits until they are on disk

  // Events: what the person did, given to the scene (ImGui has already seen them).
  void handle_events(const platform::FrameEvents& events, double now_s);

  // One frame, in plain sections: update the scene on the animation clock, draw it, draw the
  // overlay on top, apply what the overlay asked for. Draws into the bound framebuffer of
  // target_size (the window's, or an offscreen one when `offscreen`).
  void frame(double real_dt_s, double now_s, glm::ivec2 target_size, bool offscreen);

  // One turn of the interactive loop without waiting: events, update, draw, present. For tests.
  void step(double real_dt_s);

  // Renders one frame of the scene and overlay into a picture and writes it as PNG. Empty on success.
  std::string save_picture(const std::filesystem::path& path, glm::ivec2 size);

  platform::Window& window() { return *window_; }
  core::FramePacer& pacer() { return pacer_; }
  SceneRef scene() const { return {doc_->system(), doc_->undo_stack(), scene_.view, scene_.clock}; }
  const doc::Document& document() const { return *doc_; }
  const OverlayState& overlay() const { return overlay_; }
  const std::string& render_problems() const { return render_problems_; }
  const core::Settings& settings() const { return doc_->settings(); }
  float font_px() const { return font_px_; }
  int last_draw_calls() const { return canvas_open() ? canvas_draw_calls_ : renderer_.last_stats().draw_calls; }

  // Whether something needs frames even with nobody there: a glide, the camera, a save coming due,
  // a passphrase being checked.
  bool animating() const {
    return gliding_ || scene_.view_goal.has_value() || doc_->save_pending() || core::breath_moving(breathing_) || doc_->unlocking() ||
           doc_->changing_lock() || doc_->exporting() || past_.playing || doc_->history_loading();
  }

  // The passphrase lock. A locked store shows the lock screen at start (nothing of it is read until
  // the passphrase is right), after the chosen idle time, and on Lock now.
  bool locked() const { return overlay_.lock_screen.shown; }
  // Why the map could not be opened just now (busy, a full disk...), while the calm card waits; else empty.
  const std::string& store_problem() const { return overlay_.store_card.text; }
  bool store_locked() const { return doc_->store_locked(); }
  void lock();                       // saves, then shows the lock screen over the blurred scene
  void unlock(std::string passphrase);  // checked off the frame; the screen says how it went
  // Waits for a passphrase being checked, and takes in the answer (tests).
  void wait_for_unlock();

  // A readable copy of everything (JSON) written at `path` off the frame, with a progress card; the
  // notice says how it went. One at a time.
  void export_copy(const std::filesystem::path& path);
  bool exporting() const { return doc_->exporting(); }
  float export_progress() const { return doc_->export_progress(); }
  void wait_for_export() {
    doc_->wait_for_export();
    drain();
  }
  // Waits for a change to the lock (Privacy) to be made, and takes in the result (tests).
  void wait_for_lock_change() {
    doc_->wait_for_lock_change();
    drain();
  }

  // Starts a breathing session (the overlay's Begin does this too). `frozen` holds it at `at_s`, for
  // pictures of a given moment of the breath.
  void start_breathing(const core::BreathPattern& pattern, double minutes, double at_s = 0.0, bool frozen = false);
  const core::LiveBreath& breathing() const { return breathing_; }
  void stop_breathing() { end_breathing(false); }

  // Hands the current state to the store now, if anything changed, and waits until it is on disk.
  // Empty on success, else why it could not be written (the changes are kept and retried).
  std::string save_now();

  // The journal is read after the first frame, so years of pages do not hold up the start. Until
  // it is here, the journal panel says so; what is written meanwhile joins it.
  bool journal_ready() const { return doc_->journal_ready(); }
  // Waits for the journal to be read, and takes it in (tests, and before the last save).
  void wait_for_journal() {
    doc_->wait_for_journal();
    drain();
  }

  // The drawing canvas: open on a drawing (tests and benchmarks use this; the overlay's Draw too).
  void open_drawing(core::DrawingId id);
  void open_canvas();  // the drawing last worked on, or a fresh sheet when there is none
  bool canvas_open() const { return overlay_.canvas.open(); }
  const core::InkCanvas* canvas_ink() const { return ink_.get(); }
  // Feeds pointer input to the canvas as a person's hand would (benchmarks draw live strokes so).
  void canvas_input(const ui::SceneInput& input);

  // While the canvas's timer runs its clock changes once a second: the loop wakes for it, then
  // asks for a frame when the shown second changed.
  double timer_wake_in_s(double now_s) const;
  bool timer_ticked(double now_s);

  // Does what the overlay would ask for: the command line's --journal and --calm open so.
  void act(ui::Actions actions) { apply(actions); }

  // Performs an edit as the overlay would (undoable, saved soon after). For tests and tools.
  bool perform_edit(core::Edit edit);

  // The map over time. Its history is read from the store when first asked for, off the frame (the
  // example map has its own); today's edits join it as they happen.
  void load_map_history() {
    doc_->load_history();
    drain();
  }
  bool map_history_ready() const { return doc_->history_ready(); }
  void wait_for_map_history() {
    doc_->wait_for_history();
    drain();
  }
  const core::MapHistory& map_history() { return doc_->history(); }
  // Shows the map as it was at `t` (seconds since 1970) instead of today's, read-only: nothing can
  // be changed while it is shown. `eased`: as a frame of the time-lapse (core::timelapse_state, each
  // change easing in over `ease_s`). nullopt: today's map, live.
  void show_time(std::optional<double> t, bool eased = false, double ease_s = 0.0);
  std::optional<double> shown_time() const { return past_.time; }
  // The map on screen: today's, or the past moment shown.
  const core::InnerSystem& shown_map() const { return shown_system(); }
  bool timelapse_playing() const { return past_.playing; }
  // Forgets the map's past and keeps the present (the timeline's "Start the story again").
  void clear_map_history();
  // Why the history could not be read (empty when it was, or has not been asked for).
  const std::string& map_history_problem() const { return doc_->history_problem(); }
  // Opens the timeline panel on the moment `t` (a --screenshot --day picture).
  void open_timeline(double t) {
    begin_timeline();
    wait_for_map_history();
    show_time(t);
    if (scene_.view_goal) set_view(*scene_.view_goal);  // a picture does not wait for the camera
  }

  // The view that shows all of `centres` with room for each part and the dock, as Show everything
  // frames the map (a time-lapse frames every place a part has been); and showing it at once.
  core::SceneView framing(const std::vector<glm::vec2>& centres, glm::ivec2 viewport) const;
  void set_view(const core::SceneView& view) {
    scene_.view = view;
    scene_.view_goal.reset();
  }

  // Frames of a time-lapse video: the scene and its names, no panels, `film_caption` (the day)
  // quietly low on the left.
  bool film = false;
  std::string film_caption;

  // Replaces the whole system (benchmarks and tests load large ones); clears the history.
  void load_system(core::InnerSystem system);

  // Benchmarks swap the scene for ImGui's own demo window, the yardstick for frame cost.
  bool imgui_demo_only = false;

 private:
  // The overlay: made ready (update), drawn from the state as it is (it changes nothing and returns
  // what was asked for), and the words being typed kept by the document after it.
  void prepare_overlay(std::int64_t now);
  ui::Actions draw_overlay();
  void draw_canvas_overlay(std::int64_t now, ui::Actions& actions);
  bool draw_scene_words(std::int64_t now);
  void draw_map_panels(std::int64_t now, ui::Actions& actions);
  void draw_messages(std::int64_t now, bool breath_words_by_self, ui::Actions& actions);
  void keep_typing();
  // The characters beyond Latin the overlay is about to show; the fonts load them between frames.
  bool note_glyphs();
  ui::GlyphNeeds glyphs_;
  std::uint64_t glyphs_revision_ = ~std::uint64_t{0};
  std::size_t glyphs_entries_ = 0;  // journal pages already read for characters
  std::pair<core::DraftSerial, std::size_t> glyphs_pages_{0, 0};  // the pages being written, as last read for characters
  // Applies what was asked for, in the order asked (session.cpp); each kind of action has its own
  // small handler, a specialization of `on`.
  void apply(ui::Actions& actions);
  template <class Action>
  void on(Action& action);
  void settle_after_actions(std::uint64_t revision_before, const ui::Actions& actions);
  core::SceneView frame_all_view(glm::ivec2 viewport) const;
  void update_motion(double real_dt_s);

  std::unique_ptr<platform::Window> window_;
  render::SceneRenderer renderer_;
  std::string render_problems_;
  bool demo_ = false;
  float font_px_ = 17.0f;
  // The text size, UI scale and theme: fonts rasterized again and the style scaled, between frames.
  void apply_display(bool upload_font_texture);
  bool display_dirty_ = false;
  core::FramePacer pacer_;
  SceneState scene_;
  OverlayState overlay_;
  std::vector<glm::vec2> shown_positions_;  // per part: where it is drawn this frame
  std::vector<float> pulses_;               // per part: recent triggers make it pulse
  std::uint64_t pulses_revision_ = ~std::uint64_t{0};
  std::int64_t pulses_hour_ = -1;
  core::Glide glide_;
  bool gliding_ = false;
  std::optional<std::filesystem::path> pending_picture_;

  // The document: what it has to tell is taken in here (each event asks for a frame), after every
  // call that may have something to say and at the start of each turn of the loop.
  void drain();
  void on(doc::event::Notice& e);
  void on(doc::event::LockedAtStart& e);
  void on(doc::event::StoreWaiting& e);
  void on(doc::event::StoreOpened& e);
  void on(doc::event::JournalArrived& e);
  void on(doc::event::HistoryArrived& e);
  void on(doc::event::ExportDone& e);
  void on(doc::event::UnlockAnswer& e);
  void on(doc::event::LockChanged& e);
  void reset_view();  // a map just opened or replaced is seen whole, nothing selected or open on it
  void retry_store();
  void restore_from_backup(int choice);  // 1 + the index of the restore dialog's other backups
  void run_search();
  void end_breathing(bool completed);  // logs the session (not a frozen picture's)

  // The map over time: the past moment shown instead of today (the history is the Document's).
  struct MapPast {
    std::optional<double> time;  // shown instead of today
    bool eased = false;
    double ease_s = 0.0;
    bool playing = false;
    core::InnerSystem shown;  // the map at `time` (parts, relationships, the Self's light)
    std::vector<glm::vec2> positions;
    std::vector<float> pulse;
    std::optional<double> shown_for;  // the time `shown` was made for
    std::size_t shown_for_changes = 0;
  };
  MapPast past_;
  void frame_story_if_ready();
  // Opens the timeline: the history is read, the welcome steps aside, and once the history is here
  // the camera eases out to every place a part has stood.
  void begin_timeline();
  bool frame_story_ = false;
  void update_past(double real_dt_s);
  const core::InnerSystem& shown_system() const { return past_.time ? past_.shown : doc_->system(); }

  // The canvas: the ink of the open drawing kept in step with its strokes and shown; thumbnails,
  // portraits and the gallery's pictures follow each change.
  void update_canvas();
  void update_pictures();
  void render_canvas();
  void stop_creative_timer();  // logs the time as a creative journal page
  void close_canvas();
  std::string save_drawing_png(const std::filesystem::path& path);
  render::CanvasRenderer canvas_renderer_;
  render::PortraitAtlas portraits_;
  // The thumbnail each picture was made from, held so that a new thumbnail is always a new pointer.
  std::map<core::DrawingId, std::shared_ptr<const core::Image>> portrait_sources_;
  std::map<core::DrawingId, render::ImageTexture> gallery_textures_;
  std::map<core::DrawingId, std::shared_ptr<const core::Image>> gallery_sources_;
  render::ImageTexture inspector_portrait_;  // the inspected part's portrait, shown larger
  std::shared_ptr<const core::Image> inspector_portrait_source_;
  std::unique_ptr<core::InkCanvas> ink_;
  core::DrawingId ink_of_ = 0;
  std::uint32_t ink_paper_ = 0;
  double creative_started_s_ = -1.0;  // the canvas's timer, on the window's clock; negative: not running
  core::DrawingId creative_drawing_ = 0;
  long timer_second_shown_ = -1;
  int canvas_draw_calls_ = 0;
  core::LiveBreath breathing_;
  bool calm_breath_ = false;  // calm mode began the breath that runs now: it ends when calm mode does
  std::unique_ptr<platform::Audio> audio_;  // opened when first needed; silent without a device
  double last_input_s_ = 0.0;
  render::Framebuffer lock_backdrop_;  // the scene, small...
  render::Framebuffer lock_blur_;      // ...and smaller still: stretched, it is the lock screen's blur
  bool backdrop_drawn_ = false;
  void render_locked(glm::ivec2 target_size);
  // Last, so that it goes first: the last save is made while the window and the view still stand.
  std::unique_ptr<doc::Document> doc_;
};

// The interactive loop: events, update, render, present, sleeping between frames as long as the
// pacer allows. Runs until the window closes or, when deadline_s >= 0, until that time on the
// window's clock. Returns the number of frames drawn.
long run_loop(Session& session, double deadline_s = -1.0);

}  // namespace innerscape::app
