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
#include "core/frame_pacer.h"
#include "core/glide.h"
#include "core/history.h"
#include "core/ink.h"
#include "core/inner_system.h"
#include "core/live_breath.h"
#include "core/map_history.h"
#include "core/scene_view.h"
#include "core/task.h"
#include "platform/audio.h"
#include "platform/window.h"
#include "render/canvas_renderer.h"
#include "render/image_texture.h"
#include "render/portrait_atlas.h"
#include "render/scene_renderer.h"
#include "storage/autosaver.h"
#include "storage/backup.h"
#include "storage/passphrase_lock.h"
#include "storage/store.h"
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
#include "ui/notice_panel.h"
#include "ui/palette_panel.h"
#include "ui/part_inspector.h"
#include "ui/problem_panel.h"
#include "ui/restore_dialog.h"
#include "ui/store_card.h"
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

// What the scene shows; updated by the app, read by render and ui.
struct SceneState {
  core::SceneView view;                     // what is shown
  std::optional<core::SceneView> view_goal;  // where the camera is easing to (frame all)
  core::AnimationClock clock;
  core::InnerSystem system;
  core::History history;
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
  ui::NoticePanel notice;
  ui::DockPanel dock;
  ui::ProblemPanel problems;
  ui::RestoreDialog restore;
  ui::StoreCard store_card;
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
  const SceneState& scene() const { return scene_; }
  const OverlayState& overlay() const { return overlay_; }
  const std::string& render_problems() const { return render_problems_; }
  const core::Settings& settings() const { return settings_; }
  float font_px() const { return font_px_; }
  int last_draw_calls() const { return canvas_open() ? canvas_draw_calls_ : renderer_.last_stats().draw_calls; }

  // Whether something needs frames even with nobody there: a glide, the camera, a save coming due,
  // a passphrase being checked.
  bool animating() const {
    return gliding_ || scene_.view_goal.has_value() || save_due_s_ >= 0.0 || core::breath_moving(breathing_) ||
           unlocking_.running() || lock_change_.done.running() || export_.done.running() || past_.playing || past_.loader.running();
  }

  // The passphrase lock. A locked store shows the lock screen at start (nothing of it is read until
  // the passphrase is right), after the chosen idle time, and on Lock now.
  bool locked() const { return overlay_.lock_screen.shown; }
  // Why the map could not be opened just now (busy, a full disk...), while the calm card waits; else empty.
  const std::string& store_problem() const { return overlay_.store_card.text; }
  bool store_locked() const { return key_ != nullptr; }
  void lock();                       // saves, then shows the lock screen over the blurred scene
  void unlock(std::string passphrase);  // checked off the frame; the screen says how it went
  // Waits for a passphrase being checked, and takes in the answer (tests).
  void wait_for_unlock();

  // A readable copy of everything (JSON) written at `path` off the frame, with a progress card; the
  // notice says how it went. One at a time.
  void export_copy(const std::filesystem::path& path);
  bool exporting() const { return export_.done.running(); }
  float export_progress() const { return export_.fraction ? export_.fraction->load() : 0.0f; }
  void wait_for_export() { take_export(true); }
  // Waits for a change to the lock (Privacy) to be made, and takes in the result (tests).
  void wait_for_lock_change() { take_lock_change(true); }

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
  bool journal_ready() const { return journal_ready_; }
  // Waits for the journal to be read, and takes it in (tests, and before the last save).
  void wait_for_journal() { take_journal(true); }

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
  void load_map_history();
  bool map_history_ready() const { return past_.ready; }
  void wait_for_map_history() { take_map_history(true); }
  const core::MapHistory& map_history();
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
  const std::string& map_history_problem() const { return past_.problem; }
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
  ui::Actions draw_overlay(glm::ivec2 target_size);  // draws from the state as it is; returns what was asked for
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

  // Saving: changes are handed to the autosaver soon after they happen (edits at once, pans and
  // zooms after a short pause), never on every mouse move.
  void mark_dirty(double now_s, double delay_s);
  void submit_if_due(double now_s);
  void submit();  // hands the current state to the autosaver (which must be open)
  std::function<void(const storage::Snapshot&)> on_submit_;
  storage::Snapshot snapshot() const;
  // Loads the map, starts the autosaver; `problem` says why it did not open.
  std::string open_store(const std::filesystem::path& data_dir, storage::StoreProblem* problem = nullptr);
  // A problem the person can wait out or fix (busy, disk full, a missing lock file...): the calm card,
  // and nothing shown or saved until the map opens. False for any other problem.
  bool wait_for_store(storage::StoreProblem problem, const std::string& text);
  void retry_store();
  void restore_from_backup(int choice);  // 1 + the index in restore_choices_
  void run_search();
  void take_journal(bool wait);  // installs the journal once it has been read
  struct JournalRead {
    std::vector<core::Entry> journal;
    std::string error;
    std::string backup_problem;  // the day's backup, made after the journal, could not be made
  };
  core::Task<JournalRead> journal_loader_;
  bool journal_ready_ = true;
  void end_breathing(bool completed);  // logs the session (not a frozen picture's)

  // The map over time: the history, and the past moment shown instead of today.
  struct HistoryRead {
    core::MapHistory history;
    std::string error;
  };
  struct MapPast {
    core::MapHistory history;
    core::MapState seen;  // what the history ends with: today's edits are recorded from here on
    std::uint64_t seen_revision = ~std::uint64_t{0};
    bool ready = false;
    std::string problem;
    core::Task<HistoryRead> loader;
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
  void take_map_history(bool wait);
  // Opens the timeline: the history is read, the welcome steps aside, and once the history is here
  // the camera eases out to every place a part has stood.
  void begin_timeline();
  bool frame_story_ = false;
  void update_past(double real_dt_s);
  const core::InnerSystem& shown_system() const { return past_.time ? past_.shown : scene_.system; }

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
  std::map<core::DrawingId, std::shared_ptr<const core::Image>> thumbnails_;
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
  std::unique_ptr<storage::Autosaver> autosaver_;
  std::filesystem::path data_dir_;
  std::shared_ptr<const storage::Key> key_;
  bool store_waiting_ = false;  // locked at start, or not openable just now: the store opens once it can
  // A first run (storage::store_is_new): nothing is written to the data folder until there is
  // something to keep, so the passphrase lock can be chosen before a word reaches the disk.
  bool store_unborn_ = false;
  void await_first_save(const std::filesystem::path& data_dir);
  bool make_store();  // the first save of a first run: the store is made now (locked, if chosen first)
  core::Task<storage::Unlocked> unlocking_;
  struct ExportTask {
    core::Task<std::string> done;
    std::shared_ptr<std::atomic<float>> fraction;
    std::filesystem::path path;
  };
  ExportTask export_;
  void take_export(bool wait);
  // A change to the lock, made off the frame: the saver is closed, the store re-keyed, then reopened.
  struct LockChangeResult {
    std::string problem;
    std::optional<storage::Key> new_key;
  };
  struct LockChangeTask {
    core::Task<LockChangeResult> done;
    storage::Snapshot on_disk;  // what the store holds, for the saver when it opens again
    bool turning_on = false;
    bool turning_off = false;
    bool before_store = false;  // a first run's lock, chosen before the store was made
  };
  LockChangeTask lock_change_;
  void begin_lock_change(ui::LockChange change);
  void take_lock_change(bool wait);
  double last_input_s_ = 0.0;
  render::Framebuffer lock_backdrop_;  // the scene, small...
  render::Framebuffer lock_blur_;      // ...and smaller still: stretched, it is the lock screen's blur
  bool backdrop_drawn_ = false;
  void take_unlock(bool wait);
  void render_locked(glm::ivec2 target_size);  // every connection to a locked store uses it; wiped when the last holder goes
  std::vector<storage::BackupInfo> restore_choices_;  // after damage: the other sound backups the dialog offers
  core::Settings settings_;
  // The comfort part of the settings, kept in the config folder's settings.json when it changes.
  std::filesystem::path settings_file_;
  core::Settings comfort_kept_;     // what settings.json holds (the defaults while it is missing or damaged)
  bool comfort_from_file_ = false;  // else a map from before settings.json brings its own, once
  std::string comfort_problem_;     // the last write's problem, said once
  void read_comfort(const std::filesystem::path& config_dir);
  void keep_comfort();
  core::Settings current_settings() const;  // settings_ with the motion the pacer has now
  std::vector<core::Draft> drafts_;  // words being typed in the inspector or the name field
  core::PageDrafts page_drafts_;  // the journal pages being written, as last handed to the store
  double save_due_s_ = -1.0;
  std::uint64_t saved_revision_ = 0;
};

// The interactive loop: events, update, render, present, sleeping between frames as long as the
// pacer allows. Runs until the window closes or, when deadline_s >= 0, until that time on the
// window's clock. Returns the number of frames drawn.
long run_loop(Session& session, double deadline_s = -1.0);

}  // namespace innerscape::app
