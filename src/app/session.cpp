// One open Innerscape: the window, the scene state, the renderer and the overlay, wired together.
#include "app/session.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <utility>

#include <imgui.h>

#include "core/arrange.h"
#include "core/demo_system.h"
#include "core/drafts.h"
#include "core/tone.h"
#include "platform/paths.h"
#include "render/framebuffer.h"
#include "storage/png.h"
#include "storage/store.h"
#include "ui/fonts.h"
#include "ui/save_banner.h"
#include "ui/scene_labels.h"
#include "ui/theme.h"

namespace innerscape::app {
namespace {

constexpr float base_font_px = 17.0f;  // reads comfortably at 96 dpi; scaled with the display

std::filesystem::path find_shader_dir() {
  const auto candidates = platform::resource_candidates(platform::executable_dir(), INNERSCAPE_INSTALL_DATADIR);
  const auto root = platform::find_resource_root(candidates, "shaders/background.frag");
  return root.empty() ? std::filesystem::path() : root / "shaders";
}

std::int64_t wall_clock_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

// "~/pictures/map.png" means the home folder, as people type it.
std::filesystem::path expand_home(const std::filesystem::path& path) {
  const std::string text = path.string();
  const char* home = std::getenv("HOME");
  if (home != nullptr && (text == "~" || text.starts_with("~/"))) return std::filesystem::path(home) / text.substr(text == "~" ? 1 : 2);
  return path;
}

std::string default_picture_path() {
  const char* home = std::getenv("HOME");
  const std::filesystem::path dir = home != nullptr ? std::filesystem::path(home) : std::filesystem::current_path();
  return (dir / "innerscape-map.png").string();
}

}  // namespace

std::unique_ptr<Session> Session::open(const SessionDesc& desc, std::string& error) {
  auto session = std::unique_ptr<Session>(new Session());
  session->window_ = platform::Window::create(
      {.title = "Innerscape", .size = desc.size, .hidden = desc.hidden, .vsync = desc.vsync, .imgui = true}, error);
  if (!session->window_) return nullptr;
  session->demo_ = desc.demo;

  const float scale = session->window_->content_scale();
  session->font_px_ = base_font_px * scale;
  const ui::FontResult font = ui::load_fonts(platform::ui_font_candidates(), session->font_px_);
  if (!font.message.empty()) std::cerr << "innerscape: " << font.message << "\n";
  ui::apply_calm_theme(scale);

  const auto shader_dir = desc.shader_dir.empty() ? find_shader_dir() : desc.shader_dir;
  if (shader_dir.empty()) {
    session->render_problems_ =
        "The shaders folder was not found beside the program or under share/innerscape. "
        "Reinstall Innerscape, or run it from its build folder.";
  } else {
    session->render_problems_ = session->renderer_.init({.shader_dir = shader_dir});
  }
  // Still start: a person's data matters more than the background. The overlay says what failed.
  if (!session->render_problems_.empty()) std::cerr << "innerscape: " << session->render_problems_ << "\n";

  session->pacer_ = core::make_frame_pacer({}, session->window_->now_s());
  session->scene_.view.viewport = desc.size;
  if (desc.data_dir.empty()) {
    session->load_system(desc.demo ? core::make_demo_system() : core::InnerSystem{});
  } else if (std::string e = session->open_store(desc.data_dir); !e.empty()) {
    error = e;
    return nullptr;
  }
  return session;
}

std::string Session::open_store(const std::filesystem::path& data_dir) {
  data_dir_ = data_dir;
  storage::OpenedStore store = storage::open_store(data_dir);
  if (!store.error.empty()) return store.error;
  storage::Snapshot& loaded = store.loaded.snapshot;
  load_system(loaded.system);
  if (store.loaded.had_view) {
    scene_.view.center = loaded.view.center;
    scene_.view.zoom = loaded.view.zoom;
  }
  settings_ = loaded.settings;
  if (!settings_.soothing_seeded) {
    // A new map starts with a few soothing words, offered once; an emptied list stays empty.
    scene_.system.soothing = core::starting_soothing_words();
    settings_.soothing_seeded = true;
    save_due_s_ = 0.0;
  }
  pacer_.desc.ambient_motion = loaded.settings.ambient_motion;
  pacer_.desc.ambient_always = loaded.settings.ambient_always;
  overlay_.welcome.open = !loaded.settings.welcome_seen;
  restorable_backup_ = store.restorable_backup;
  if (!store.notice.empty()) {
    std::cerr << "innerscape: " << store.notice << "\n";
    if (restorable_backup_.empty()) overlay_.notice.text = store.notice;  // else the restore dialog says it
  }
  if (!restorable_backup_.empty()) overlay_.restore.offer(restorable_backup_.filename().string());
  // A journal page that was being written when Innerscape closed is open again, as it was.
  if (loaded.entry_draft) {
    entry_draft_ = loaded.entry_draft;
    overlay_.entry_editor.edit(*loaded.entry_draft);
  }
  // What the store holds now is what the autosaver diffs against: the snapshot as it was loaded.
  storage::Snapshot on_disk = loaded;
  autosaver_ = std::make_unique<storage::Autosaver>(std::move(store.db), std::move(on_disk), [] { platform::Window::wake(); });
  // Words that were being typed when Innerscape last closed go back where they were, as an edit
  // that can be undone like any other.
  const std::vector<core::Part> recovered = core::apply_drafts(scene_.system, loaded.drafts);
  for (const core::Part& part : recovered) {
    core::perform(scene_.system, scene_.history, core::update_part(scene_.system, part, wall_clock_now()));
  }
  if (!recovered.empty()) {
    overlay_.notice.text = "Innerscape closed while you were writing. What you had typed is back in place (Undo takes it out).";
    saved_revision_ = scene_.history.revision;
    save_due_s_ = 0.0;  // store the recovered words as part of the map, and clear the drafts
  }
  return {};
}

void Session::start_breathing(const core::BreathPattern& pattern, double minutes, double at_s, bool frozen) {
  breathing_ = {.running = true, .paused = false, .pattern = pattern, .elapsed_s = at_s, .planned_s = std::clamp(minutes, 1.0, 20.0) * 60.0,
                .minutes_per_day = {}, .tones = settings_.tones, .volume = settings_.volume};
  last_cycle_ = -1;  // the first phase gets its tone too
  breathing_frozen_ = frozen;
  core::request_frame(pacer_);
}

void Session::end_breathing(bool completed) {
  if (!breathing_.running) return;
  breathing_.running = false;
  if (breathing_frozen_) return;  // a picture of a moment is no session to remember
  scene_.system.breathing_log.push_back({.started_at = wall_clock_now() - static_cast<std::int64_t>(breathing_.elapsed_s),
                                         .pattern = breathing_.pattern,
                                         .planned_s = breathing_.planned_s,
                                         .actual_s = std::min(breathing_.elapsed_s, breathing_.planned_s),
                                         .completed = completed});
  mark_dirty(window_->now_s(), 0.0);
}

void Session::run_search() {
  ui::JournalPanel& j = overlay_.journal;
  if (j.query.empty()) {
    j.results.reset();
    return;
  }
  if (autosaver_ == nullptr) {
    j.results = core::search_in_memory(scene_.system.journal, j.query);
    return;
  }
  // The store's full-text index, once it holds what is on screen.
  autosaver_->submit(snapshot());
  save_due_s_ = -1.0;
  autosaver_->flush();
  std::vector<core::EntryId> found;
  const std::string query = j.query;
  autosaver_->call([&](storage::Database& db) {
    found = storage::search_entries(db, query);
    return std::string();
  });
  j.results = std::move(found);
}

void Session::restore_from_backup() {
  if (restorable_backup_.empty()) return;
  autosaver_.reset();  // closes the stand-in empty map's database
  const std::string problem = storage::restore_backup(data_dir_, restorable_backup_);
  const std::filesystem::path backup = restorable_backup_;
  const std::string reopened = open_store(data_dir_);
  overlay_.notice.text = !problem.empty()  ? "The backup could not be restored: " + problem + ". You are on a new, empty map."
                         : reopened.empty() ? "Your map is back, as it was in " + backup.filename().string() + "."
                                            : "The backup was restored but could not be opened: " + reopened;
  scene_.view = frame_all_view(scene_.view.viewport);
}

Session::~Session() {
  if (autosaver_ == nullptr) return;
  if (const std::string problem = save_now(); !problem.empty()) {
    std::cerr << "innerscape: your last changes could not be saved: " << problem << "\n";
  }
}

storage::Snapshot Session::snapshot() const {
  storage::Snapshot s{.system = scene_.system, .view = scene_.view, .settings = settings_, .drafts = drafts_,
                      .entry_draft = entry_draft_};
  s.settings.ambient_motion = pacer_.desc.ambient_motion;
  s.settings.ambient_always = pacer_.desc.ambient_always;
  return s;
}

void Session::mark_dirty(double now_s, double delay_s) {
  if (autosaver_ == nullptr) return;
  const double due = now_s + delay_s;
  save_due_s_ = save_due_s_ < 0.0 ? due : std::min(save_due_s_, due);
}

void Session::submit_if_due(double now_s) {
  if (autosaver_ == nullptr || save_due_s_ < 0.0 || now_s < save_due_s_) return;
  autosaver_->submit(snapshot());
  save_due_s_ = -1.0;
}

std::string Session::save_now() {
  if (autosaver_ == nullptr) return {};
  autosaver_->submit(snapshot());
  save_due_s_ = -1.0;
  return autosaver_->flush();
}

void Session::load_system(core::InnerSystem system) {
  scene_.system = std::move(system);
  scene_.history = {};
  overlay_.selected = 0;
  overlay_.controller = {};
  scene_.view = frame_all_view(scene_.view.viewport);  // a system just opened is seen whole
}

core::SceneView Session::frame_all_view(glm::ivec2 viewport) const {
  std::vector<glm::vec2> centres;
  for (const core::Part& p : scene_.system.parts) centres.push_back(p.position);
  // Room for each part's form, its trust ring and the label underneath.
  constexpr float part_room = 0.2f;
  const float dock_px = font_px_ * 4.0f;  // the dock is about four lines tall
  return core::framed(core::SceneView{.viewport = viewport}, centres, part_room, dock_px);
}

void Session::handle_events(const platform::FrameEvents& events, double now_s) {
  if (events.input) core::note_input(pacer_, now_s);
  if (events.woken) core::request_frame(pacer_);  // a save finished or failed: show how it went
  scene_.view.viewport = window_->drawable_size();
  const core::SceneView before = scene_.view;
  ui::UiActions actions;
  ui::handle_scene_input(overlay_.controller,
                         {.system = scene_.system, .view = scene_.view, .selected = overlay_.selected, .now = wall_clock_now()},
                         events.scene, actions);
  if (!core::same_view(before, scene_.view)) {
    scene_.view_goal.reset();  // the person's own pan or zoom wins
    mark_dirty(now_s, 0.5);    // views are saved after a short pause, not on every move
  }
  apply(actions);
  submit_if_due(now_s);
}

void Session::update_motion(double dt) {
  const bool still = !pacer_.desc.ambient_motion;  // reduced motion: everything arrives at once
  gliding_ = core::advance_glide(glide_, scene_.system, dt, still, shown_positions_);
  for (std::size_t i = 0; i < scene_.system.parts.size(); ++i) {
    const core::Part& part = scene_.system.parts[i];
    // A part under the pointer is where the pointer is; when let go, it glides on from there.
    const glm::vec2 dragged = ui::shown_position(overlay_.controller, part);
    if (dragged != part.position) shown_positions_[i] = glide_.shown[part.id] = dragged;
  }
  if (scene_.view_goal) {
    scene_.view_goal->viewport = scene_.view.viewport;
    scene_.view = still ? *scene_.view_goal : core::ease_view(scene_.view, *scene_.view_goal, dt);
    if (core::same_view(scene_.view, *scene_.view_goal)) scene_.view_goal.reset();
  }
}

void Session::frame(double real_dt_s, double now_s, glm::ivec2 target_size, bool offscreen) {
  // A picture asked for in the last frame is taken first, as its own full frame.
  if (pending_picture_) {
    const std::filesystem::path path = expand_home(*std::exchange(pending_picture_, std::nullopt));
    const std::string problem = save_picture(path, target_size);
    overlay_.notice.text = problem.empty() ? "The picture is saved: " + path.string() : problem;
  }
  // Update: the animation clock, and where each part is shown. The model does not change while drawing.
  core::advance(scene_.clock, real_dt_s, core::ambient_speed(pacer_, now_s));
  scene_.view.viewport = target_size;
  update_motion(real_dt_s);
  if (breathing_.running && !breathing_.paused && !breathing_frozen_) {
    breathing_.elapsed_s += std::clamp(real_dt_s, 0.0, 0.25);
    // A soft tone marks each change of phase, if the person wants them.
    const core::BreathState now_breath = core::breath_at(breathing_.pattern, breathing_.elapsed_s);
    if ((now_breath.phase != last_phase_ || now_breath.cycle != last_cycle_) && settings_.tones && settings_.volume > 0) {
      if (!audio_) {
        audio_ = std::make_unique<platform::Audio>();
        if (!audio_->available()) std::cerr << "innerscape: " << audio_->problem() << "\n";
      }
      audio_->play(core::soft_tone(core::phase_tone_frequency(now_breath.phase), 0.7, 0.4f * static_cast<float>(settings_.volume) / 100.0f));
    }
    last_phase_ = now_breath.phase;
    last_cycle_ = now_breath.cycle;
    if (breathing_.elapsed_s >= breathing_.planned_s) {
      end_breathing(true);
      overlay_.notice.text = "That was " + std::to_string(static_cast<int>(breathing_.planned_s / 60.0)) +
                             " minutes of slow breathing. Notice how your body feels now.";
      core::request_frame(pacer_);
    }
  }
  // Which parts pulse changes only with the journal, or as the week moves on: worked out again then,
  // not every frame (a journal can hold years of pages).
  const std::int64_t hour = wall_clock_now() / 3600;
  if (scene_.history.revision != pulses_revision_ || hour != pulses_hour_ || pulses_.size() != scene_.system.parts.size()) {
    pulses_revision_ = scene_.history.revision;
    pulses_hour_ = hour;
    const auto pulse = core::recent_trigger_pulse(scene_.system.journal, wall_clock_now());
    pulses_.assign(scene_.system.parts.size(), 0.0f);
    for (std::size_t i = 0; i < scene_.system.parts.size() && !pulse.empty(); ++i) {
      if (const auto it = pulse.find(scene_.system.parts[i].id); it != pulse.end()) pulses_[i] = it->second;
    }
  }
  submit_if_due(now_s);

  // Render the scene, then the overlay on top of it.
  if (imgui_demo_only) {
    render::clear({0.10f, 0.10f, 0.12f, 1.0f});
  } else {
    const ui::SceneController& c = overlay_.controller;
    // While a session runs, the Self's light breathes with the person.
    core::SelfState self = scene_.system.self;
    float breath = -1.0f;
    if (breathing_.running) {
      breath = core::breath_at(breathing_.pattern, breathing_.elapsed_s).amount;
      self.glow = std::clamp(self.glow * (0.7f + 0.45f * breath), 0.0f, 1.0f);
    }
    renderer_.render({.view = scene_.view,
                      .scene_time_s = scene_.clock.scene_seconds,
                      .self = self,
                      .system = {.system = &scene_.system,
                                 .positions = shown_positions_,
                                 .pulse = pulses_,
                                 .hovered = c.hovered,
                                 .selected = overlay_.selected,
                                 .hovered_relationship = c.hovered_relationship},
                      .ambient = static_cast<float>(core::ambient_speed(pacer_, now_s)),
                      .breath = breath});
  }
  window_->begin_ui_frame(offscreen ? std::optional<glm::ivec2>(target_size) : std::nullopt);
  if (imgui_demo_only) {
    ImGui::ShowDemoWindow();
  } else {
    draw_overlay(target_size);
  }
  window_->render_ui();
}

void Session::draw_overlay(glm::ivec2 target_size) {
  OverlayState& o = overlay_;
  const std::int64_t now = wall_clock_now();
  ui::UiActions actions;

  ui::draw_scene_labels({.system = &scene_.system,
                         .positions = shown_positions_,
                         .view = scene_.view,
                         .selected = o.selected,
                         .skip = o.name_field.part});
  o.welcome.draw(demo_ ? "Innerscape - example system" : "Innerscape",
                 {.demo = demo_, .ambient_always = pacer_.desc.ambient_always, .ambient_motion = pacer_.desc.ambient_motion},
                 actions);
  o.palette.draw("Parts", {.placing = o.controller.placing.has_value()}, actions);
  o.inspector.draw("About this part", scene_.system, now, actions);
  if (const core::Part* naming = core::find_part(scene_.system, o.name_field.part)) {
    const std::size_t i = core::part_index(scene_.system, naming->id);
    const glm::vec2 under = core::world_to_screen(scene_.view, shown_positions_[i]) +
                            glm::vec2(0.0f, core::part_radius(*naming) * core::pixels_per_unit(scene_.view) * 1.6f);
    o.name_field.draw(scene_.system, under, now, actions);
  } else {
    o.name_field.part = 0;
  }
  o.context_menu.draw(scene_.system, actions);
  o.journal.draw(scene_.system, now, actions);
  o.soothing.draw(scene_.system, actions);
  if (o.breathing.open && !breathing_.running) {
    breathing_.minutes_per_day = core::breathing_minutes_per_day(scene_.system.breathing_log, now, 14);
  }
  breathing_.tones = settings_.tones;
  breathing_.volume = settings_.volume;
  o.breathing.draw(breathing_, actions);
  o.calm.draw(scene_.system, now, actions);
  ui::draw_breathing_form(breathing_, core::world_to_screen(scene_.view, {0.0f, 0.0f}),
                          core::self_radius * 1.4f * core::pixels_per_unit(scene_.view), !pacer_.desc.ambient_motion,
                          o.breathing.hands);
  // In calm moments (no page, no welcome open), one of the person's soothing words, softly.
  if (!o.entry_editor.open && !o.welcome.open && !o.soothing.open && !o.calm.open) {
    ui::draw_soothing_line(scene_.system.soothing, static_cast<long>(now / 86400));
  }
  o.entry_editor.draw(scene_.system, now, actions);

  // Words being typed are kept as drafts, so a crash cannot take them; written soon after typing.
  std::vector<core::Draft> drafts;
  if (o.inspector.open && o.inspector.editing) {
    if (const core::Part* part = core::find_part(scene_.system, o.inspector.part)) drafts = core::drafts_between(*part, o.inspector.draft);
  }
  if (const core::Part* part = core::find_part(scene_.system, o.name_field.part); part != nullptr && !o.name_field.text.empty() &&
                                                                                  o.name_field.text != part->name) {
    drafts.push_back({part->id, "name", o.name_field.text});
  }
  if (drafts != drafts_) {
    drafts_ = std::move(drafts);
    mark_dirty(window_->now_s(), 0.3);
  }
  if (o.entry_editor.draft != entry_draft_) {
    entry_draft_ = o.entry_editor.draft;
    mark_dirty(window_->now_s(), 0.3);
  }
  o.notice.draw();
  o.restore.draw(actions);
  o.dock.draw("##dock",
              {.welcome_open = o.welcome.open,
               .palette_open = o.palette.open,
               .journal_open = o.journal.open,
               .fullscreen = window_->fullscreen(),
               .undo_label = core::undo_label(scene_.history),
               .redo_label = core::redo_label(scene_.history),
               .default_picture_path = default_picture_path()},
              actions);
  o.problems.draw("Something could not be drawn", render_problems_);
  if (autosaver_ != nullptr) ui::draw_save_banner(autosaver_->problem());
  (void)target_size;

  // Apply what the overlay asked for, after it has drawn.
  apply(actions);
}

void Session::apply(ui::UiActions& a) {
  OverlayState& o = overlay_;
  const std::uint64_t revision = scene_.history.revision;
  bool changed = false;

  for (core::Edit& edit : a.edits) core::perform(scene_.system, scene_.history, std::move(edit));
  for (int i = 0; i < a.undo; ++i) core::undo(scene_.system, scene_.history);
  for (int i = 0; i < a.redo; ++i) core::redo(scene_.system, scene_.history);
  if (a.arrange) {
    core::perform(scene_.system, scene_.history,
                  core::move_parts(scene_.system, core::arranged_positions(scene_.system), wall_clock_now()));
  }

  if (a.select) o.selected = *a.select;
  if (a.inspect) o.inspector.show(*a.inspect);
  if (a.name_in_place) {
    if (const core::Part* p = core::find_part(scene_.system, *a.name_in_place)) o.name_field.open(*p);
  }
  if (a.start_placing) o.controller.placing = std::move(a.start_placing);
  if (a.cancel_placing) o.controller.placing.reset();
  if (a.context_part) o.context_menu.open_for_part(*a.context_part);
  if (a.context_relationship) o.context_menu.open_for_relationship(*a.context_relationship);
  if (!a.notice.empty()) o.notice.text = a.notice;
  if (o.selected != 0 && core::find_part(scene_.system, o.selected) == nullptr) o.selected = 0;

  if (scene_.history.revision != saved_revision_) {
    saved_revision_ = scene_.history.revision;
    mark_dirty(window_->now_s(), 0.0);  // an edit goes to the store at once
  }
  if (a.ambient_always || a.ambient_motion || a.dismiss_welcome) mark_dirty(window_->now_s(), 0.0);
  if (a.dismiss_welcome) settings_.welcome_seen = true;
  if (a.ambient_always) pacer_.desc.ambient_always = *a.ambient_always;
  if (a.ambient_motion) pacer_.desc.ambient_motion = *a.ambient_motion;
  if (a.dismiss_welcome) o.welcome.open = false;
  if (a.toggle_welcome) o.welcome.open = !o.welcome.open;
  // The palette and the journal share the right of the screen: opening one puts the other away.
  if (a.toggle_palette) {
    o.palette.open = !o.palette.open;
    if (o.palette.open) o.journal.open = false;
  }
  if (a.frame_all) {
    scene_.view_goal = frame_all_view(scene_.view.viewport);
    mark_dirty(window_->now_s(), 1.0);
  }
  if (a.toggle_fullscreen) window_->toggle_fullscreen();
  if (a.save_picture) pending_picture_ = std::filesystem::path(*a.save_picture);
  if (a.restore_backup) restore_from_backup();
  if (a.toggle_soothing) o.soothing.open = !o.soothing.open;
  if (a.toggle_breathing) o.breathing.open = !o.breathing.open;
  if (a.calm) {
    // Calm mode: the page of questions, and the guide's breath if none is running; other panels rest.
    o.calm.open = true;
    o.welcome.open = false;
    o.palette.open = false;
    o.journal.open = false;
    if (!breathing_.running) start_breathing(core::breath_presets()[0].pattern, 5.0);
  }
  if (a.tones) settings_.tones = *a.tones;
  if (a.volume) settings_.volume = std::clamp(*a.volume, 0, 100);
  if (a.tones || a.volume) mark_dirty(window_->now_s(), 0.5);
  if (a.start_breathing) start_breathing(*a.start_breathing, a.breathing_minutes);
  if (a.pause_breathing) breathing_.paused = *a.pause_breathing;
  if (a.end_breathing) end_breathing(false);
  if (a.toggle_journal) o.journal.open = !o.journal.open;
  if (a.search_focus) {
    o.journal.open = true;
    o.journal.focus_search = true;
  }
  if ((a.toggle_journal || a.search_focus) && o.journal.open) o.palette.open = false;
  if (a.new_entry) {
    // A new entry starts tied to the selected part, if one is selected.
    const core::PartId tie = a.new_entry_for != 0 ? a.new_entry_for : o.selected;
    o.entry_editor.start(*a.new_entry, tie != 0 ? std::vector<core::PartId>{tie} : std::vector<core::PartId>{});
  }
  if (a.open_entry) {
    if (const core::Entry* e = core::find_entry(scene_.system, *a.open_entry)) o.entry_editor.edit(*e);
  }
  if (a.search || (!o.journal.query.empty() && scene_.history.revision != revision)) run_search();

  changed = scene_.history.revision != revision || a.select || a.inspect || a.name_in_place || a.start_placing ||
            a.cancel_placing || a.context_part || a.context_relationship || !a.notice.empty() || a.ambient_always ||
            a.ambient_motion || a.dismiss_welcome || a.toggle_welcome || a.toggle_palette || a.frame_all ||
            a.toggle_fullscreen || a.save_picture || a.restore_backup || a.toggle_journal || a.search_focus ||
            a.new_entry || a.open_entry || a.search || a.toggle_soothing || a.toggle_breathing || a.start_breathing ||
            a.pause_breathing || a.end_breathing || a.tones || a.volume || a.calm;
  // Whatever changed is drawn in the next frame, even if no more input comes.
  if (changed) core::request_frame(pacer_);
}

std::string Session::save_picture(const std::filesystem::path& path, glm::ivec2 size) {
  render::Framebuffer target;
  if (!target.create(size)) return "The graphics driver could not make a picture of that size.";
  const unsigned previous = render::bound_draw_framebuffer();
  const core::SceneView view = scene_.view;
  target.bind();
  frame(0.0, window_->now_s(), size, true);  // the same path as --screenshot: scene and overlay
  const core::Image image = target.read_pixels();
  scene_.view = view;
  render::bind_framebuffer(previous, view.viewport);
  return storage::write_png(path, image);
}

void Session::step(double real_dt_s) {
  const platform::FrameEvents events = window_->pump_events(0.0);
  const double now = window_->now_s();
  handle_events(events, now);
  render::bind_window_framebuffer(window_->drawable_size());
  frame(real_dt_s, now, window_->drawable_size(), false);
  window_->present();
  core::note_frame(pacer_, now);
}

long run_loop(Session& session, double deadline_s) {
  platform::Window& window = session.window();
  core::FramePacer& pacer = session.pacer();
  double last_frame = window.now_s();
  long frames = 0;
  for (;;) {
    const double before = window.now_s();
    if (deadline_s >= 0.0 && before >= deadline_s) break;
    const core::Wait wait = core::next_wait(pacer, before, session.animating());
    double timeout = wait.kind == core::Wait::Kind::until_event     ? -1.0
                     : wait.kind == core::Wait::Kind::sleep_then_draw ? wait.seconds
                                                                      : 0.0;
    if (deadline_s >= 0.0 && (timeout < 0.0 || timeout > deadline_s - before)) timeout = deadline_s - before;
    const platform::FrameEvents events = window.pump_events(timeout);
    if (events.quit) break;
    const double now = window.now_s();
    session.handle_events(events, now);
    if (core::next_wait(pacer, now, session.animating()).kind != core::Wait::Kind::draw_now) continue;

    session.frame(now - last_frame, now, window.drawable_size(), false);
    window.present();
    core::note_frame(pacer, now);
    last_frame = now;
    ++frames;
  }
  return frames;
}

}  // namespace innerscape::app
