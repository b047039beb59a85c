// One open Innerscape: the window, the scene state, the renderer and the overlay, wired together.
#include "app/session.h"

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
namespace {

std::filesystem::path find_shader_dir() {
  const auto candidates = platform::resource_candidates(platform::executable_dir(), INNERSCAPE_INSTALL_DATADIR);
  const auto root = platform::find_resource_root(candidates, "shaders/background.frag");
  return root.empty() ? std::filesystem::path() : root / "shaders";
}

// Whether an edit only changes one drawing's strokes, title or paper: what undo may take back while
// that drawing is on the canvas.
bool only_this_drawing(const core::Edit& edit, core::DrawingId id) {
  for (const core::Step& step : edit.steps) {
    const auto* add = std::get_if<core::AddStroke>(&step);
    const auto* set = std::get_if<core::SetStrokes>(&step);
    const auto* replace = std::get_if<core::ReplaceDrawing>(&step);
    const bool ours = (add != nullptr && add->drawing == id) || (set != nullptr && set->drawing == id) ||
                      (replace != nullptr && replace->before.id == id);
    if (!ours) return false;
  }
  return !edit.steps.empty();
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

// A drawing's picture goes to the home folder under its title, made safe for any file system.
std::string default_drawing_path(const core::InnerSystem& system, core::DrawingId id) {
  const core::Drawing* d = core::find_drawing(system, id);
  std::string slug;
  for (const char ch : d != nullptr ? d->title : std::string()) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 && c < 128) {
      slug += static_cast<char>(std::tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) slug = "drawing-" + std::to_string(id);
  const char* home = std::getenv("HOME");
  const std::filesystem::path dir = home != nullptr ? std::filesystem::path(home) : std::filesystem::current_path();
  return (dir / ("innerscape-" + slug + ".png")).string();
}

}  // namespace

std::unique_ptr<Session> Session::open(const SessionDesc& desc, std::string& error) {
  auto session = std::unique_ptr<Session>(new Session());
  session->window_ = platform::Window::create(
      {.title = "Innerscape", .size = desc.size, .hidden = desc.hidden, .vsync = desc.vsync, .imgui = true}, error);
  if (!session->window_) return nullptr;
  session->demo_ = desc.demo;

  const auto shader_dir = desc.shader_dir.empty() ? find_shader_dir() : desc.shader_dir;
  if (shader_dir.empty()) {
    session->render_problems_ =
        "The shaders folder was not found beside the program or under share/innerscape. "
        "Reinstall Innerscape, or run it from its build folder.";
  } else {
    session->render_problems_ = session->renderer_.init({.shader_dir = shader_dir});
    const std::string canvas_problems = session->canvas_renderer_.init(shader_dir);
    if (!canvas_problems.empty()) session->render_problems_ += (session->render_problems_.empty() ? "" : "\n\n") + canvas_problems;
  }
  // Still start: a person's data matters more than the background. The overlay says what failed.
  if (!session->render_problems_.empty()) std::cerr << "innerscape: " << session->render_problems_ << "\n";
  session->overlay_.problems.text = session->render_problems_;

  session->pacer_ = core::make_frame_pacer({}, session->window_->now_s());
  session->scene_.view.viewport = desc.size;
  session->last_input_s_ = session->window_->now_s();
  Session* s = session.get();
  session->doc_ = std::make_unique<doc::Document>(doc::DocumentDesc{
      .data_dir = desc.data_dir,
      .key = desc.key,
      .config_dir = desc.config_dir,
      .demo = desc.demo,
      .clock = {.now_s = [s] { return s->window_->now_s(); }, .wall_s = wall_clock_now},
      .wake = [] { platform::Window::wake(); },
      .camera = [s] { return s->scene_.view; },
      .on_submit = desc.on_submit});
  if (std::string e = session->doc_->open(); !e.empty()) {
    error = e;
    return nullptr;
  }
  // Stillness from the very first frame, the lock screen's too.
  session->pacer_.desc.ambient_motion = session->doc_->settings().ambient_motion;
  session->pacer_.desc.ambient_always = session->doc_->settings().ambient_always;
  session->reset_view();
  if (session->doc_->store_unborn()) session->overlay_.welcome.open = !session->doc_->settings().welcome_seen;
  session->drain();
  // The person's text size and theme from the first frame (a locked store's come once it opens),
  // with every script's face at hand for the characters the map shows.
  session->glyphs_.fallbacks = ui::fallback_fonts();
  session->apply_display(false);
  return session;
}

void Session::retry_store() {
  if (locked()) return;
  doc_->retry_open();
  drain();
}

void Session::drain() {
  for (doc::Event& event : doc_->poll()) {
    std::visit([this](auto& e) { on(e); }, event);
    core::request_frame(pacer_);
  }
  frame_story_if_ready();
}

void Session::on(doc::event::Notice& e) { overlay_.notice.text = std::move(e.text); }

void Session::on(doc::event::LockedAtStart&) {
  overlay_.welcome.open = false;
  overlay_.lock_screen.show();
}

void Session::on(doc::event::StoreWaiting& e) {
  // Nothing is shown or saved until the map opens: the calm card says why, and offers Try again.
  if (e.emptied) {
    reset_view();
    overlay_.welcome.open = false;
  }
  overlay_.store_card.show(e.text);
}

void Session::on(doc::event::StoreOpened& e) {
  reset_view();
  if (e.camera) {
    scene_.view.center = e.camera->center;
    scene_.view.zoom = e.camera->zoom;
  }
  past_ = MapPast{};  // a store opened again is read afresh when the timeline asks
  display_dirty_ = true;
  pacer_.desc.ambient_motion = doc_->settings().ambient_motion;
  pacer_.desc.ambient_always = doc_->settings().ambient_always;
  overlay_.welcome.open = !e.welcome_seen;
  // After damage: what happened, and the other sound backups, should the person want another.
  if (e.set_aside) overlay_.restore.show(*e.set_aside, std::move(e.other_backups));
  // Journal pages being written when Innerscape closed wait as they were; the one that was open is open again.
  core::take_stored(overlay_.entry_editor.pages, e.pages);
  overlay_.entry_editor.open = overlay_.entry_editor.pages.open != 0;
  overlay_.entry_editor.focus = overlay_.entry_editor.open;
  if (overlay_.timeline.open) doc_->load_history();
  if (e.reopened) {
    overlay_.store_card.text.clear();
    scene_.view = frame_all_view(scene_.view.viewport);
  }
}

void Session::on(doc::event::JournalArrived&) {
  pulses_revision_ = ~std::uint64_t{0};  // which parts pulse is worked out again
  if (!overlay_.journal.query.empty()) run_search();
}

void Session::on(doc::event::HistoryArrived&) {}  // the story is framed (frame_story_if_ready) once it is here

void Session::on(doc::event::ExportDone& e) { overlay_.notice.text = std::move(e.text); }

void Session::on(doc::event::UnlockAnswer& e) {
  const double now = window_->now_s();
  if (!e.opened) {
    overlay_.lock_screen.refused(now, e.why);
    return;
  }
  overlay_.lock_screen.opened();
  last_input_s_ = now;
}

void Session::on(doc::event::LockChanged& e) {
  last_input_s_ = window_->now_s();
  overlay_.privacy.done(e.problem);
}

void Session::start_breathing(const core::BreathPattern& pattern, double minutes, double at_s, bool frozen) {
  breathing_ = core::begin_breath(pattern, minutes, at_s, frozen);
  breathing_.tones = doc_->settings().tones;
  breathing_.volume = doc_->settings().volume;
  core::request_frame(pacer_);
}

void Session::end_breathing(bool completed) {
  const std::optional<core::BreathingSession> done = core::end_breath(breathing_, wall_clock_now(), completed);
  if (!done) return;  // none was running, or it was a picture's frozen moment
  doc_->log_breathing(*done);
}

void Session::run_search() {
  ui::JournalPanel& j = overlay_.journal;
  if (j.query.empty()) {
    j.results.reset();
    return;
  }
  j.results = doc_->search(j.query);
}

void Session::restore_from_backup(int choice) {
  if (!doc_->restore_backup(choice)) return;
  drain();
  scene_.view = frame_all_view(scene_.view.viewport);
}

void Session::lock() {
  if (!doc_->store_locked() || locked()) return;
  // Everything is on disk before the screen goes dark; what is open stays open behind it.
  if (const std::string problem = doc_->save_now(); !problem.empty()) std::cerr << "innerscape: " << problem << "\n";
  overlay_.lock_screen.show();
  overlay_.privacy.clear_secrets();
  backdrop_drawn_ = false;
  core::request_frame(pacer_);
}

void Session::unlock(std::string passphrase) {
  if (locked()) doc_->unlock(std::move(passphrase));
  storage::wipe(passphrase);
}

void Session::wait_for_unlock() {
  doc_->wait_for_unlock();
  drain();
}

void Session::export_copy(const std::filesystem::path& path) {
  doc_->export_copy(path);
  drain();
  core::request_frame(pacer_);
}

void Session::render_locked(glm::ivec2 target_size) {
  // The scene drawn a tenth of its size, filtered down to a fortieth and stretched back: soft
  // enough that no name or shape can be read, only where the lights are.
  const unsigned target = render::bound_draw_framebuffer();
  const glm::ivec2 small = glm::max(target_size / 10, glm::ivec2(8));
  const glm::ivec2 tiny = glm::max(target_size / 40, glm::ivec2(2));
  if (!lock_backdrop_.valid() || lock_backdrop_.size() != small) {
    lock_backdrop_ = render::Framebuffer();
    lock_blur_ = render::Framebuffer();
    if (!lock_backdrop_.create(small) || !lock_blur_.create(tiny)) {
      render::bind_framebuffer(target, target_size);
      render::clear({render::scene_clear_rgb[0], render::scene_clear_rgb[1], render::scene_clear_rgb[2], 1.0f});
      return;
    }
    backdrop_drawn_ = false;
  }
  if (!backdrop_drawn_) {
    lock_backdrop_.bind();
    core::SceneView view = scene_.view;
    view.viewport = small;
    renderer_.render({.view = view,
                      .scene_time_s = scene_.clock.scene_seconds,
                      .self = doc_->system().self,
                      .system = {.system = &doc_->system(), .positions = shown_positions_, .pulse = pulses_, .portraits = &portraits_},
                      .ambient = 0.0f});
    lock_blur_.bind();
    lock_backdrop_.blit_to(render::bound_draw_framebuffer(), tiny);
    backdrop_drawn_ = true;
  }
  lock_blur_.blit_to(target, target_size);
}

Session::~Session() {
  doc_.reset();  // the last changes are on disk before the window goes
}

void Session::begin_timeline() {
  overlay_.timeline.open = true;
  overlay_.welcome.open = false;  // it is not marked as read: it is there again next time
  frame_story_ = true;
  doc_->load_history();
  drain();
}

void Session::frame_story_if_ready() {
  if (!frame_story_ || !doc_->history_ready()) return;
  frame_story_ = false;
  if (overlay_.timeline.open) scene_.view_goal = framing(story_positions(doc_->history(), doc_->system()), scene_.view.viewport);
}

void Session::show_time(std::optional<double> t, bool eased, double ease_s) {
  if (t && !doc_->history_ready()) doc_->load_history();
  if (t && *t >= static_cast<double>(wall_clock_now())) t.reset();  // now is today's map, live
  past_.time = t;
  past_.eased = eased && ease_s > 0.0;
  past_.ease_s = ease_s;
  if (!t) past_.playing = false;
  overlay_.controller.placing.reset();
  core::request_frame(pacer_);
}

void Session::clear_map_history() {
  if (doc_->clear_history()) show_time(std::nullopt);
  drain();
}

void Session::update_past(double real_dt_s) {
  if (!past_.time) return;
  if (past_.playing && doc_->history_ready()) {
    const core::TimelapseSpan span = core::timelapse_span(doc_->history(), wall_clock_now());
    const double speed = ui::timelapse_speeds[std::clamp(overlay_.timeline.speed, 0, 3)];
    past_.ease_s = span.ease_s;
    past_.eased = true;
    *past_.time += std::clamp(real_dt_s, 0.0, 0.1) * span.rate * speed;
    if (*past_.time >= span.end) {
      show_time(std::nullopt);  // the story has come to today: nothing changes after this
      return;
    }
  }
  const core::MapHistory& h = doc_->history();
  if (past_.shown_for == past_.time && past_.shown_for_changes == h.size()) return;
  const core::MapState state = past_.eased ? core::timelapse_state(h, *past_.time, past_.ease_s)
                                           : core::state_at(h, static_cast<std::int64_t>(std::floor(*past_.time)));
  past_.shown.self = state.self;
  past_.shown.parts = state.parts;
  past_.shown.relationships = state.relationships;
  past_.positions.clear();
  for (const core::Part& p : past_.shown.parts) past_.positions.push_back(p.position);
  past_.pulse.assign(past_.shown.parts.size(), 0.0f);
  past_.shown_for = past_.time;
  past_.shown_for_changes = h.size();
}

std::string Session::save_now() { return doc_->save_now(); }
void Session::load_system(core::InnerSystem system) {
  doc_->replace(std::move(system));
  reset_view();
}

void Session::reset_view() {
  overlay_.selected = 0;
  overlay_.controller = {};
  overlay_.canvas.close();
  ink_.reset();
  ink_of_ = 0;
  scene_.view = frame_all_view(scene_.view.viewport);  // a system just opened is seen whole
}

core::SceneView Session::frame_all_view(glm::ivec2 viewport) const {
  std::vector<glm::vec2> centres;
  for (const core::Part& p : doc_->system().parts) centres.push_back(p.position);
  return framing(centres, viewport);
}

core::SceneView Session::framing(const std::vector<glm::vec2>& centres, glm::ivec2 viewport) const {
  // Room for each part's form, its trust ring and the label underneath.
  constexpr float part_room = 0.2f;
  const float em = font_px_;
  // A film has no panels: only its caption, one line low on the left.
  if (film) return core::framed(core::SceneView{.viewport = viewport}, centres, part_room, em * 2.0f, 0.0f, 0.0f);
  // The dock as it was last drawn (about four lines before it has been), and room for the names
  // under the lowest parts.
  const float dock_px = std::max(ui::reserved_bottom(), em * 5.0f) + em * 2.5f;
  // The welcome keeps to the left, the palette or the journal to the right (their widths in font
  // heights, and the margin): the parts are framed between them.
  const float margins = em * 2.0f * ui::margin_em;
  const float left_px = overlay_.welcome.open ? std::min(em * 21.0f, static_cast<float>(viewport.x) * 0.4f) + margins : 0.0f;
  const float right_px = overlay_.palette.open ? em * 17.0f + margins : overlay_.journal.open ? em * 19.0f + margins : 0.0f;
  // The timeline sits at the top: its height as last drawn, or about what it will be.
  const float top_px = overlay_.timeline.open ? (overlay_.timeline.bottom_px > 0.0f ? overlay_.timeline.bottom_px : em * 19.0f) : 0.0f;
  return core::framed(core::SceneView{.viewport = viewport}, centres, part_room, dock_px, left_px, right_px, top_px);
}

void Session::handle_events(const platform::FrameEvents& events, double now_s) {
  drain();
  if (events.input) {
    core::note_input(pacer_, now_s);
    last_input_s_ = now_s;
  }
  if (events.woken) core::request_frame(pacer_);  // a save finished or failed: show how it went
  // With the lock on, a while untouched locks it; while locked, only the lock screen listens.
  if (doc_->store_locked() && !locked() && doc_->settings().idle_lock_minutes > 0 &&
      now_s - last_input_s_ >= doc_->settings().idle_lock_minutes * 60.0) {
    lock();
  }
  if (locked()) {
    doc_->save_if_due();
    return;
  }
  scene_.view.viewport = window_->drawable_size();
  const core::SceneView before = scene_.view;
  ui::Actions actions;
  if (overlay_.canvas.open()) {
    ui::handle_canvas_input(overlay_.canvas, doc_->system(), events.scene, wall_clock_now(), actions);
  } else if (past_.time) {
    // The past can be looked around (pan and zoom), not changed: whatever else the input asks is let go.
    ui::handle_scene_input(overlay_.controller, {.system = past_.shown, .view = scene_.view, .selected = 0, .now = wall_clock_now()},
                           events.scene, actions);
    // Only what does not touch the map is kept: opening and closing things.
    actions.keep_only<ui::act::ToggleTimeline, ui::act::Calm, ui::act::ToggleShortcuts, ui::act::ToggleFullscreen, ui::act::FrameAll>();
    overlay_.controller.placing.reset();
  } else {
    ui::handle_scene_input(overlay_.controller,
                           {.system = doc_->system(), .view = scene_.view, .selected = overlay_.selected, .now = wall_clock_now()},
                           events.scene, actions);
  }
  if (!core::same_view(before, scene_.view)) {
    scene_.view_goal.reset();  // the person's own pan or zoom wins
    doc_->mark_dirty(0.5);    // views are saved after a short pause, not on every move
  }
  apply(actions);
  doc_->save_if_due();
}

void Session::update_motion(double dt) {
  const bool still = !pacer_.desc.ambient_motion;  // reduced motion: everything arrives at once
  gliding_ = core::advance_glide(glide_, doc_->system(), dt, still, shown_positions_);
  for (std::size_t i = 0; i < doc_->system().parts.size(); ++i) {
    const core::Part& part = doc_->system().parts[i];
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
  // Update: the animation clock, and where each part is shown. The model does not change while drawing.
  core::advance(scene_.clock, real_dt_s, core::ambient_speed(pacer_, now_s));
  scene_.view.viewport = target_size;
  update_motion(real_dt_s);
  const core::BreathStep breath_step = core::advance_breath(breathing_, real_dt_s);
  // A soft tone marks each change of phase, if the person wants them.
  if (breath_step.phase_began && doc_->settings().tones && doc_->settings().volume > 0) {
    if (!audio_) {
      audio_ = std::make_unique<platform::Audio>();
      if (!audio_->available()) std::cerr << "innerscape: " << audio_->problem() << "\n";
    }
    audio_->play(core::soft_tone(core::phase_tone_frequency(*breath_step.phase_began), 0.7, 0.4f * static_cast<float>(doc_->settings().volume) / 100.0f));
  }
  if (breath_step.finished) {
    end_breathing(true);
    overlay_.notice.text = "That was " + core::counted(std::lround(breathing_.planned_s / 60.0), "minute", "minutes") +
                           " of slow breathing. Notice how your body feels now.";
    core::request_frame(pacer_);
  }
  // Which parts pulse changes only with the journal, or as the week moves on: worked out again then,
  // not every frame (a journal can hold years of pages).
  const std::int64_t hour = wall_clock_now() / 3600;
  if (doc_->undo_stack().revision != pulses_revision_ || hour != pulses_hour_ || pulses_.size() != doc_->system().parts.size()) {
    pulses_revision_ = doc_->undo_stack().revision;
    pulses_hour_ = hour;
    const auto pulse = core::recent_trigger_pulse(doc_->system().journal, wall_clock_now());
    pulses_.assign(doc_->system().parts.size(), 0.0f);
    for (std::size_t i = 0; i < doc_->system().parts.size() && !pulse.empty(); ++i) {
      if (const auto it = pulse.find(doc_->system().parts[i].id); it != pulse.end()) pulses_[i] = it->second;
    }
  }
  update_canvas();
  update_pictures();
  update_past(real_dt_s);
  doc_->save_if_due();

  // A change to the lock is made once a frame has shown that it is being made (it takes a moment).
  drain();

  // Render the scene (or the canvas), then the overlay on top of it.
  if (imgui_demo_only) {
    render::clear({0.10f, 0.10f, 0.12f, 1.0f});
  } else if (locked()) {
    render_locked(target_size);
  } else if (overlay_.canvas.open()) {
    render_canvas();
  } else {
    const ui::SceneController& c = overlay_.controller;
    // While a session runs, the Self's light breathes with the person.
    const bool past = past_.time.has_value();
    core::SelfState self = shown_system().self;
    float breath = -1.0f;
    if (breathing_.running) {
      breath = core::breath_at(breathing_.pattern, breathing_.elapsed_s).amount;
      self.glow = std::clamp(self.glow * (0.7f + 0.45f * breath), 0.0f, 1.0f);
    }
    renderer_.render({.view = scene_.view,
                      .scene_time_s = scene_.clock.scene_seconds,
                      .self = self,
                      .system = {.system = &shown_system(),
                                 .positions = past ? past_.positions : shown_positions_,
                                 .pulse = past ? past_.pulse : pulses_,
                                 .hovered = past ? core::PartId{0} : c.hovered,
                                 .selected = past ? core::PartId{0} : overlay_.selected,
                                 .hovered_relationship = past ? std::nullopt : c.hovered_relationship,
                                 .portraits = &portraits_},
                      .ambient = static_cast<float>(core::ambient_speed(pacer_, now_s)),
                      .breath = breath});
  }
  if (note_glyphs()) {
    ui::load_fonts(ui::font_candidates(), font_px_, &glyphs_);
    window_->reload_font_texture();
  }
  window_->begin_ui_frame(offscreen ? std::optional<glm::ivec2>(target_size) : std::nullopt);
  ui::Actions actions;
  if (imgui_demo_only) {
    ImGui::ShowDemoWindow();
  } else {
    // The map's panels are made ready first and the words typed into them kept after: drawing changes nothing.
    const bool map_panels = !overlay_.lock_screen.shown && !overlay_.canvas.open() && !film;
    if (map_panels) prepare_overlay(wall_clock_now());
    actions = draw_overlay();
    if (map_panels) keep_typing();
  }
  window_->render_ui();
  // What the overlay asked for is applied once, after the frame is drawn: nothing changed the model
  // while it was being drawn.
  apply(actions);
  if (display_dirty_) apply_display(true);  // the atlas may change only between frames
}

void Session::apply_display(bool upload_font_texture) {
  display_dirty_ = false;
  const float scale = core::ui_scale(doc_->settings(), window_->content_scale());
  font_px_ = core::font_pixels(doc_->settings(), window_->content_scale());
  const ui::FontResult font = ui::load_fonts(ui::font_candidates(), font_px_, &glyphs_);
  if (!font.message.empty() && !upload_font_texture) std::cerr << "innerscape: " << font.message << "\n";
  ui::apply_theme(doc_->settings().theme, scale);
  if (upload_font_texture) window_->reload_font_texture();
}

bool Session::note_glyphs() {
  const OverlayState& o = overlay_;
  bool fresh = false;
  // What is typed this frame, and the words in the fields being edited (pasted ones too).
  for (ImWchar c : ImGui::GetIO().InputQueueCharacters) fresh = glyphs_.note(static_cast<char32_t>(c)) || fresh;
  fresh = glyphs_.note(o.name_field.text) || fresh;
  fresh = glyphs_.note(o.journal.query) || fresh;
  auto note_part = [this, &fresh](const core::Part& p) {
    for (const std::string* words : {&p.name, &p.job, &p.fears, &p.needs_to_feel_safe, &p.needs_to_hear, &p.body, &p.feeling,
                                     &p.comfort, &p.notes}) {
      fresh = glyphs_.note(*words) || fresh;
    }
  };
  if (o.inspector.open && o.inspector.editing) note_part(o.inspector.draft);  // pasted words, too
  // The page being written as it is typed; the pages put aside (listed by their first words) when
  // the list changes.
  const core::PageDrafts& pages = o.entry_editor.pages;
  for (const core::PageDraft& page : pages.pages) {
    if (page.serial != pages.open && glyphs_pages_ == std::pair(pages.next_serial, pages.pages.size())) continue;
    for (const auto& field : page.entry.answers) fresh = glyphs_.note(field.text()) || fresh;
  }
  glyphs_pages_ = {pages.next_serial, pages.pages.size()};
  // The map's own words when it changes; the whole journal when it arrives or grows (an import).
  if (doc_->undo_stack().revision == glyphs_revision_ && doc_->system().journal.size() == glyphs_entries_) return fresh;
  glyphs_revision_ = doc_->undo_stack().revision;
  for (const core::Part& p : doc_->system().parts) note_part(p);
  for (const std::string& words : doc_->system().soothing) fresh = glyphs_.note(words) || fresh;
  for (const core::Drawing& d : doc_->system().drawings) fresh = glyphs_.note(d.title) || fresh;
  // Pages are added at the end (written, imported, read at start); one brought back by undo was seen before.
  const std::size_t seen = glyphs_entries_ < doc_->system().journal.size() ? glyphs_entries_ : doc_->system().journal.size();
  for (auto it = std::next(doc_->system().journal.begin(), static_cast<std::ptrdiff_t>(seen)); it != doc_->system().journal.end(); ++it) {
    for (const auto& field : it->answers) fresh = glyphs_.note(field.text()) || fresh;
  }
  glyphs_entries_ = doc_->system().journal.size();
  return fresh;
}

void Session::prepare_overlay(std::int64_t now) {
  OverlayState& o = overlay_;
  // The inspected part's portrait, made again only when its thumbnail is new.
  o.inspector.portrait = nullptr;
  if (const core::Part* inspected = o.inspector.open ? core::find_part(doc_->system(), o.inspector.part) : nullptr) {
    const auto worn = portrait_sources_.find(inspected->portrait);
    if (worn != portrait_sources_.end()) {
      if (inspector_portrait_source_ != worn->second) {
        inspector_portrait_.set(core::portrait_from_thumbnail(*worn->second));
        inspector_portrait_source_ = worn->second;
      }
      o.inspector.portrait = inspector_portrait_.imgui_id();
    }
  }
  // A name being typed for a part that has gone (undone, removed) is let go.
  if (!past_.time && core::find_part(doc_->system(), o.name_field.part) == nullptr) o.name_field.part = 0;
  o.journal.loading = o.entry_editor.journal_loading = !doc_->journal_ready();
  if (o.breathing.open && !breathing_.running) {
    breathing_.minutes_per_day = core::breathing_minutes_per_day(doc_->system().breathing_log, now, 14);
  }
  breathing_.tones = doc_->settings().tones;
  breathing_.volume = doc_->settings().volume;
}

void Session::keep_typing() {
  // Words being typed are kept as drafts, so a crash cannot take them; written soon after typing.
  const OverlayState& o = overlay_;
  std::vector<core::Draft> drafts;
  if (o.inspector.open && o.inspector.editing) {
    if (const core::Part* part = core::find_part(doc_->system(), o.inspector.part)) drafts = core::drafts_between(*part, o.inspector.draft);
  }
  if (const core::Part* part = core::find_part(doc_->system(), o.name_field.part); part != nullptr && !o.name_field.text.empty() &&
                                                                                  o.name_field.text != part->name) {
    drafts.push_back({part->id, "name", o.name_field.text});
  }
  doc_->keep_drafts(std::move(drafts));
  doc_->keep_pages(o.entry_editor.pages);
}

ui::Actions Session::draw_overlay() {
  OverlayState& o = overlay_;
  const std::int64_t now = wall_clock_now();
  ui::Actions actions;
  o.space.begin_frame();
  if (o.lock_screen.shown) {
    o.lock_screen.draw(window_->now_s(), actions);
    if (doc_->has_store()) ui::draw_notice(ui::disk_warning(doc_->save_problem()), actions);
    return actions;
  }
  if (o.canvas.open()) {
    draw_canvas_overlay(now, actions);
    return actions;
  }
  // A disk that cannot be written to is said first, at the top: the panels keep below it.
  if (!film && doc_->has_store()) ui::draw_notice(ui::disk_warning(doc_->save_problem()), actions);
  const bool breath_words_by_self = draw_scene_words(now);
  if (film) return {};  // a frame of a film asks for nothing
  draw_map_panels(now, actions);
  draw_messages(now, breath_words_by_self, actions);
  return actions;
}

void Session::draw_canvas_overlay(std::int64_t now, ui::Actions& actions) {
  // The canvas has the screen to itself: its tools, its gallery, and what the app has to say.
  OverlayState& o = overlay_;
  const core::DrawingId id = o.canvas.drawing;
  const core::UndoStack& undo = doc_->undo_stack();
  ui::CanvasPanelView view{
      .system = &doc_->system(),
      .undo_label = can_undo(undo) && only_this_drawing(undo.done.back(), id) ? core::undo_label(undo) : std::string(),
      .redo_label = can_redo(undo) && only_this_drawing(undo.undone.back(), id) ? core::redo_label(undo) : std::string(),
      .timer_s = creative_started_s_ >= 0.0 ? window_->now_s() - creative_started_s_ : -1.0,
      .default_png_path = default_drawing_path(doc_->system(), id)};
  for (const auto& [drawing, texture] : gallery_textures_) view.thumbnails[drawing] = texture.imgui_id();
  o.canvas_panel.draw(o.canvas, view, now, actions);
  // The brush's outline under the pointer, so its size is plain before a mark is made.
  if (o.canvas.pointer_px.x >= 0.0f && !ImGui::GetIO().WantCaptureMouse) {
    const float radius = o.canvas.tool.size() * 0.5f * ui::sheet_rect(o.canvas).scale();
    ImGui::GetForegroundDrawList()->AddCircle(ImVec2(o.canvas.pointer_px.x, o.canvas.pointer_px.y), std::max(radius, 2.0f),
                                              IM_COL32(90, 90, 110, 160), 0, 1.2f);
  }
  ui::draw_notice(o.notice, actions);  // the canvas's Undo reaches only its own drawing: no part comes back from here
  o.shortcuts.draw("Keyboard shortcuts", actions);
  ui::draw_notice(o.problems, actions);
  if (doc_->has_store()) ui::draw_notice(ui::disk_warning(doc_->save_problem()), actions);
}

bool Session::draw_scene_words(std::int64_t now) {
  // Words written onto the scene find their places first, clear of the panels (as they stood in the
  // last frame); the names of the parts give way to them. True when the breath's words stand by the Self.
  OverlayState& o = overlay_;
  if (film) ui::draw_film_caption(film_caption, o.space);
  const bool breath_words_by_self =
      film || o.breathing.draw_form(breathing_, core::world_to_screen(scene_.view, {0.0f, 0.0f}),
                                    core::self_radius * 1.4f * core::pixels_per_unit(scene_.view), !pacer_.desc.ambient_motion, o.space);
  // In calm moments (no page, no welcome open), one of the person's soothing words, softly.
  if (!film && !o.entry_editor.open && !o.welcome.open && !o.soothing.open && !o.calm.open && !o.timeline.open) {
    ui::draw_soothing_line(doc_->system().soothing, static_cast<long>(now / 86400), o.space);
  }
  ui::draw_scene_labels({.system = &shown_system(),
                         .positions = past_.time ? past_.positions : shown_positions_,
                         .view = scene_.view,
                         .selected = past_.time ? core::PartId{0} : o.selected,
                         .skip = past_.time ? core::PartId{0} : o.name_field.part},
                        o.space);
  return breath_words_by_self;
}

void Session::draw_map_panels(std::int64_t now, ui::Actions& actions) {
  OverlayState& o = overlay_;
  const core::InnerSystem& system = doc_->system();
  o.welcome.draw(demo_ ? "Innerscape - example system" : "Innerscape",
                 {.demo = demo_,
                  .first_run = !demo_ && (doc_->has_store() || doc_->store_unborn()) && !doc_->settings().welcome_seen &&
                               system.parts.empty() && system.journal.empty(),
                  .offer_lock = !doc_->store_locked(),
                  .ambient_always = pacer_.desc.ambient_always,
                  .ambient_motion = pacer_.desc.ambient_motion},
                 actions);
  o.palette.draw("Parts", {.placing = o.controller.placing.has_value()}, actions);
  // What is about today's map (a part's page, its name being typed, its menu) waits while the past is
  // shown, just as it was: the map on screen is not the one it would change.
  if (!past_.time) {
    o.inspector.draw("About this part", system, now, actions);
    if (const core::Part* naming = core::find_part(system, o.name_field.part)) {
      const std::size_t i = core::part_index(system, naming->id);
      const glm::vec2 under = core::world_to_screen(scene_.view, shown_positions_[i]) +
                              glm::vec2(0.0f, core::part_radius(*naming) * core::pixels_per_unit(scene_.view) * 1.6f);
      o.name_field.draw(system, under, now, actions);
    }
    o.context_menu.draw(system, actions);
  }
  o.journal.draw(system, o.entry_editor.pages, now, actions);
  o.soothing.draw(system, actions);
  o.breathing.draw(breathing_, actions);
  o.calm.draw(system, doc_->settings().crisis_contact, now, actions);
  o.entry_editor.draw(system, now, actions);
  ui::draw_notice(o.restore, actions);
  ui::draw_notice(o.store_card, actions);
  o.dock.draw("##dock",
              {.welcome_open = o.welcome.open,
               .palette_open = o.palette.open,
               .journal_open = o.journal.open,
               .timeline_open = o.timeline.open,
               .undo_label = core::undo_label(doc_->undo_stack()),
               .redo_label = core::redo_label(doc_->undo_stack()),
               .default_picture_path = default_picture_path()},
              actions);
  core::Settings shown = doc_->settings();
  shown.ambient_motion = pacer_.desc.ambient_motion;
  shown.ambient_always = pacer_.desc.ambient_always;
  o.settings.draw(shown, o.privacy.open, window_->fullscreen(), actions);
  o.privacy.draw({.locked = doc_->store_locked(),
                  .busy = doc_->changing_lock(),
                  .idle_lock_minutes = doc_->settings().idle_lock_minutes,
                  .demo = doc_->data_dir().empty(),
                  .nothing_yet = doc_->store_unborn()},
                 actions);
}

void Session::draw_messages(std::int64_t now, bool breath_words_by_self, ui::Actions& actions) {
  OverlayState& o = overlay_;
  // Short notes in a strip of their own above the dock, each above the one before: they cover
  // nothing, and the panels keep above them.
  ui::draw_notice(o.notice, actions, doc_->undo_stack().revision);
  if (!breath_words_by_self) o.breathing.draw_words_note(breathing_);
  if (doc_->exporting()) ui::draw_notice(ui::progress("Saving a copy of everything...", export_progress()), actions);
  if (doc_->changing_lock()) ui::draw_notice(ui::progress("Changing the lock safely...", -1.0f), actions);
  o.shortcuts.draw("Keyboard shortcuts", actions);
  if (o.timeline.open) {
    const core::MapHistory& h = doc_->history();
    o.timeline.draw("Your map over time",
                    {.system = &doc_->system(),
                     .first = h.empty() ? now : h.front().at,
                     .today = now,
                     .shown = past_.time,
                     .ready = doc_->history_ready(),
                     .playing = past_.playing,
                     .problem = doc_->history_problem()},
                    actions);
  }
  ui::draw_notice(o.problems, actions);
}

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

void Session::open_drawing(core::DrawingId id) {
  if (core::find_drawing(doc_->system(), id) == nullptr) return;
  OverlayState& o = overlay_;
  if (o.canvas.drawing != id) o.canvas.show(id);
  // The map's panels rest while drawing; the notice and problems stay.
  o.context_menu = {};
  o.name_field.part = 0;
  o.controller.placing.reset();
  core::request_frame(pacer_);
}

void Session::open_canvas() {
  const core::Drawing* latest = nullptr;
  for (const core::Drawing& d : doc_->system().drawings) {
    if (latest == nullptr || d.updated_at >= latest->updated_at) latest = &d;
  }
  if (latest == nullptr) {
    if (!doc_->perform(core::add_drawing(doc_->system(), {}, wall_clock_now()))) return;
    latest = &doc_->system().drawings.back();
  }
  open_drawing(latest->id);
}

void Session::close_canvas() {
  if (creative_started_s_ >= 0.0) stop_creative_timer();
  overlay_.canvas.close();
  ink_.reset();  // the ink is painted again from the strokes when the canvas next opens
  ink_of_ = 0;
  gallery_textures_.clear();
  gallery_sources_.clear();
  core::request_frame(pacer_);
}

bool Session::perform_edit(core::Edit edit) {
  ui::Actions actions{ui::act::Edit{std::move(edit)}};
  const std::uint64_t before = doc_->undo_stack().revision;
  apply(actions);
  return doc_->undo_stack().revision != before;
}

void Session::canvas_input(const ui::SceneInput& input) {
  ui::Actions actions;
  ui::handle_canvas_input(overlay_.canvas, doc_->system(), input, wall_clock_now(), actions);
  apply(actions);
}

void Session::stop_creative_timer() {
  const double seconds = window_->now_s() - creative_started_s_;
  creative_started_s_ = -1.0;
  timer_second_shown_ = -1;
  const core::Drawing* d = core::find_drawing(doc_->system(), creative_drawing_);
  core::Entry entry;
  entry.type = core::EntryType::creative;
  std::string what = "Drawing";
  if (d != nullptr) {
    what += ": " + d->title;
    if (const core::DrawingPrompt* prompt = core::find_prompt(d->prompt); prompt != nullptr && prompt->title != d->title) {
      what += " (" + std::string(prompt->title) + ")";
    }
    for (const core::Part& p : doc_->system().parts) {
      if (p.portrait == d->id) entry.parts.push_back(p.id);
    }
  }
  const long minutes = std::max(1L, std::lround(seconds / 60.0));
  entry.answers.set_text("what", what);
  entry.answers.set_text("minutes", std::to_string(minutes));
  if (doc_->perform(core::add_entry(doc_->system(), std::move(entry), wall_clock_now()))) {
    overlay_.notice.text = "Your journal keeps " + core::counted(minutes, "minute", "minutes") +
                           " of creative time. How do you feel now?";
  }
}

double Session::timer_wake_in_s(double now_s) const {
  double wake = -1.0;
  auto sooner = [&wake](double s) { wake = wake < 0.0 ? s : std::min(wake, s); };
  if (creative_started_s_ >= 0.0 && overlay_.canvas.open()) sooner(1.0 - std::fmod(now_s - creative_started_s_, 1.0) + 0.01);
  // The lock screen counts down the wait after a wrong passphrase, a second at a time.
  if (locked() && overlay_.lock_screen.retry_at_s > now_s) sooner(std::min(1.0, overlay_.lock_screen.retry_at_s - now_s) + 0.01);
  // An idle lock comes due even when nothing else happens.
  if (doc_->store_locked() && !locked() && doc_->settings().idle_lock_minutes > 0) {
    sooner(std::max(0.0, last_input_s_ + doc_->settings().idle_lock_minutes * 60.0 - now_s) + 0.01);
  }
  return wake;
}

bool Session::timer_ticked(double now_s) {
  if (locked() && overlay_.lock_screen.retry_at_s > now_s - 1.0) return true;  // the countdown, and its end
  if (creative_started_s_ < 0.0) return false;
  const long second = static_cast<long>(now_s - creative_started_s_);
  if (second == timer_second_shown_) return false;
  timer_second_shown_ = second;
  return true;
}

std::string Session::save_drawing_png(const std::filesystem::path& path) {
  const core::Drawing* d = core::find_drawing(doc_->system(), overlay_.canvas.drawing);
  if (d == nullptr || ink_ == nullptr) return "Open a drawing first, then save it.";
  const std::filesystem::path where = expand_home(path);
  const std::string problem = storage::write_png(where, core::flatten(ink_->ink(), d->paper));
  return problem.empty() ? "The drawing is saved: " + where.string() : problem;
}

void Session::update_canvas() {
  ui::CanvasController& c = overlay_.canvas;
  if (!c.open()) return;
  const core::Drawing* d = core::find_drawing(doc_->system(), c.drawing);
  if (d == nullptr) return;
  const bool fresh = ink_ == nullptr || ink_of_ != d->id;
  if (fresh) {
    ink_ = std::make_unique<core::InkCanvas>();
    ink_of_ = d->id;
    ink_paper_ = d->paper;
  }
  core::PixelRect changed = ink_->sync(d->strokes);
  if (fresh) changed = {0, 0, core::canvas_size.x, core::canvas_size.y};
  if (!changed.empty()) canvas_renderer_.upload_ink(ink_->ink(), changed);
  // A new thumbnail when the picture changed (a stroke, undo, a clear, the paper), or none was kept.
  if ((!fresh && !changed.empty()) || ink_paper_ != d->paper || doc_->thumbnails().count(d->id) == 0) {
    doc_->thumbnails()[d->id] = std::make_shared<const core::Image>(core::thumbnail(ink_->ink(), d->paper));
    ink_paper_ = d->paper;
    doc_->mark_dirty(0.3);
  }
  if (!c.live_dirty.empty()) {
    canvas_renderer_.upload_live(c.live.coverage(), c.live_dirty);
    c.live_dirty = {};
  }
}

void Session::update_pictures() {
  // Portraits: each part wears its drawing's middle square, made again only when the thumbnail is new.
  std::map<core::DrawingId, std::shared_ptr<const core::Image>> worn;
  // A blank sheet is not worn: the part keeps its own light until something is drawn.
  for (const core::Part& p : doc_->system().parts) {
    if (p.portrait == 0) continue;
    const core::Drawing* d = core::find_drawing(doc_->system(), p.portrait);
    if (d == nullptr || d->strokes.empty()) continue;
    if (const auto it = doc_->thumbnails().find(p.portrait); it != doc_->thumbnails().end()) worn[p.portrait] = it->second;
  }
  for (auto it = portrait_sources_.begin(); it != portrait_sources_.end();) {
    if (worn.count(it->first) == 0) {
      portraits_.remove(it->first);
      it = portrait_sources_.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& [id, thumb] : worn) {
    std::shared_ptr<const core::Image>& source = portrait_sources_[id];
    if (source == thumb) continue;
    portraits_.set(id, core::portrait_from_thumbnail(*thumb));
    source = thumb;
  }
  // Thumbnails of drawings that are gone are let go; a drawing with none yet (an import) is painted,
  // one a frame so a large import does not stall the window.
  for (auto it = doc_->thumbnails().begin(); it != doc_->thumbnails().end();) {
    it = core::find_drawing(doc_->system(), it->first) == nullptr ? doc_->thumbnails().erase(it) : std::next(it);
  }
  for (const core::Drawing& d : doc_->system().drawings) {
    if (doc_->thumbnails().count(d.id) != 0 || d.id == ink_of_) continue;
    doc_->thumbnails()[d.id] = std::make_shared<const core::Image>(core::thumbnail(core::paint_drawing(d), d.paper));
    doc_->mark_dirty(0.5);
    core::request_frame(pacer_);
    break;
  }
  // The gallery's pictures, while the canvas is open.
  if (!overlay_.canvas.open()) return;
  for (const auto& [id, thumb] : doc_->thumbnails()) {
    std::shared_ptr<const core::Image>& source = gallery_sources_[id];
    if (source == thumb) continue;
    gallery_textures_[id].set(*thumb);
    source = thumb;
  }
  for (auto it = gallery_textures_.begin(); it != gallery_textures_.end();) {
    if (doc_->thumbnails().count(it->first) == 0) {
      gallery_sources_.erase(it->first);
      it = gallery_textures_.erase(it);
    } else {
      ++it;
    }
  }
}

void Session::render_canvas() {
  ui::CanvasController& c = overlay_.canvas;
  const glm::vec2 viewport = glm::vec2(scene_.view.viewport);
  // Before the panels have laid themselves out once, the sheet has the whole window.
  if (c.area_max.x <= c.area_min.x || c.area_max.y <= c.area_min.y) {
    c.area_min = glm::vec2(0.0f);
    c.area_max = viewport;
  }
  render::clear({0.13f, 0.12f, 0.17f, 1.0f});
  const core::Drawing* d = core::find_drawing(doc_->system(), c.drawing);
  if (d == nullptr) return;
  const ui::SheetRect sheet = ui::sheet_rect(c);
  const core::Stroke style = c.live.active() ? c.live.style() : c.tool.style();
  canvas_draw_calls_ = 0;
  canvas_renderer_.draw({.viewport = scene_.view.viewport,
                         .sheet_min = sheet.min,
                         .sheet_max = sheet.max,
                         .paper = d->paper,
                         .live_color = style.color,
                         .live_opacity = style.opacity,
                         .live_erase = style.brush == core::Brush::eraser},
                        canvas_draw_calls_);
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
  // A picture asked for in this frame is a request: served now the frame is done, as a full frame
  // of its own drawn offscreen, never from inside another.
  if (pending_picture_) {
    const std::filesystem::path path = expand_home(*std::exchange(pending_picture_, std::nullopt));
    const std::string problem = save_picture(path, window_->drawable_size());
    overlay_.notice.text = problem.empty() ? "The picture is saved: " + path.string() : problem;
    core::request_frame(pacer_);
  }
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
    // The canvas's timer shows whole seconds: wake for the next one.
    if (const double tick = session.timer_wake_in_s(before); tick >= 0.0 && (timeout < 0.0 || timeout > tick)) timeout = tick;
    const platform::FrameEvents events = window.pump_events(timeout);
    if (events.quit) break;
    const double now = window.now_s();
    if (session.timer_ticked(now)) core::request_frame(pacer);
    session.handle_events(events, now);
    // Keys held for ImGui's next frame are drawn for at once: a quick tap waits on no timer.
    if (core::next_wait(pacer, now, session.animating()).kind != core::Wait::Kind::draw_now && !window.holding_events()) continue;

    session.frame(now - last_frame, now, window.drawable_size(), false);
    window.present();
    core::note_frame(pacer, now);
    last_frame = now;
    ++frames;
  }
  return frames;
}

}  // namespace innerscape::app
