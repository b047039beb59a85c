// One open Innerscape: the window, the scene state, the renderer and the overlay, wired together.
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
namespace {

std::filesystem::path find_shader_dir() {
  const auto candidates = platform::resource_candidates(platform::executable_dir(), INNERSCAPE_INSTALL_DATADIR);
  const auto root = platform::find_resource_root(candidates, "shaders/background.frag");
  return root.empty() ? std::filesystem::path() : root / "shaders";
}
}  // namespace

using namespace detail;

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
