// The Session: the drawing canvas, its ink, the pictures made from it (thumbnails, portraits, the
// gallery), and the creative timer.
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

}  // namespace innerscape::app
