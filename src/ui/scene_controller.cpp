// Turns what a person does to the scene (pointer, wheel, a few keys) into view changes and edits.
#include "ui/scene_controller.h"

#include <cmath>
#include <string>

#include <glm/geometric.hpp>

#include "core/arrange.h"
#include "core/picking.h"
#include "ui/shortcuts.h"

namespace innerscape::ui {
namespace {

constexpr float drag_threshold_px = 4.0f;
constexpr float pick_slack_px = 4.0f;      // a little grace around each form
constexpr float line_tolerance_px = 6.0f;
constexpr float zoom_per_notch = 1.15f;

void update_hover(SceneController& c, const SceneContext& ctx, glm::vec2 px) {
  const glm::vec2 world = core::screen_to_world(ctx.view, px);
  const float ppu = core::pixels_per_unit(ctx.view);
  c.hovered = core::pick_part(ctx.system, world, pick_slack_px / ppu);
  c.hovered_relationship.reset();
  if (c.hovered == 0) c.hovered_relationship = core::pick_relationship(ctx.system, world, line_tolerance_px / ppu);
}

void place(SceneController& c, const SceneContext& ctx, glm::vec2 world, Actions& actions) {
  core::Part part = *c.placing;
  part.position = world;
  const core::PartId id = core::peek_next_id(ctx.system);
  actions.push(act::Edit{core::add_part(ctx.system, std::move(part), ctx.now)});
  actions.push(act::Select{id});
  actions.push(act::NameInPlace{.part = id, .just_placed = true});
  c.placing.reset();
  c.place_by_keyboard = false;
}

void press(SceneController& c, const SceneContext& ctx, const PointerEvent& e, Actions& actions) {
  using Button = PointerEvent::Button;
  c.press_px = c.last_px = e.position;
  c.moved = false;
  const glm::vec2 world = core::screen_to_world(ctx.view, e.position);
  update_hover(c, ctx, e.position);

  if (e.button == Button::middle) {
    c.drag = SceneController::Drag::pan;
    return;
  }
  if (e.button == Button::right) {
    c.placing.reset();
    if (c.hovered != 0) {
      actions.push(act::Select{c.hovered});
      actions.push(act::ContextPart{c.hovered});
    } else if (c.hovered_relationship) {
      actions.push(act::ContextRelationship{*c.hovered_relationship});
    }
    return;
  }
  if (e.button != Button::left) return;

  if (c.placing) {
    place(c, ctx, world, actions);
    return;
  }
  if (c.hovered != 0) {
    const core::Part* part = core::find_part(ctx.system, c.hovered);
    actions.push(act::Select{c.hovered});
    if (e.clicks >= 2) {
      actions.push(act::Inspect{c.hovered});
      return;
    }
    c.drag = SceneController::Drag::part;
    c.dragged = c.hovered;
    c.grab_offset = part->position - world;
    c.drag_position = part->position;
    return;
  }
  actions.push(act::Select{core::PartId{0}});
  c.drag = SceneController::Drag::pan;
}

void release(SceneController& c, const SceneContext& ctx, Actions& actions) {
  if (c.drag == SceneController::Drag::part && c.moved) {
    if (const core::Part* part = core::find_part(ctx.system, c.dragged)) {
      core::Part moved = *part;
      moved.position = c.drag_position;
      const bool was = core::is_blended(*part);
      const bool now = core::is_blended(moved);
      std::string notice;
      if (!was && now) {
        notice = part->name + " has moved into the Self's place, and is blended with it. Its feelings may "
                 "feel like all of you right now. When you are ready, you could kindly ask it to step back "
                 "a little, so you can be with it.";
      } else if (was && !now) {
        notice = part->name + " has stepped back. Thank it for trusting you with a little space.";
      }
      // The move, then the word about it (the order the app has always applied them in).
      actions.push(act::Edit{core::move_part(ctx.system, c.dragged, c.drag_position, ctx.now)});
      if (!notice.empty()) actions.push(act::Notice{std::move(notice)});
    }
  }
  c.drag = SceneController::Drag::none;
  c.dragged = 0;
}

void move(SceneController& c, const SceneContext& ctx, const PointerEvent& e) {
  const glm::vec2 delta = e.position - c.last_px;
  c.last_px = e.position;
  if (c.drag != SceneController::Drag::none && glm::length(e.position - c.press_px) > drag_threshold_px) c.moved = true;
  switch (c.drag) {
    case SceneController::Drag::pan:
      core::pan_by_pixels(ctx.view, delta);
      break;
    case SceneController::Drag::part:
      if (c.moved) c.drag_position = core::screen_to_world(ctx.view, e.position) + c.grab_offset;
      break;
    case SceneController::Drag::none:
      update_hover(c, ctx, e.position);
      break;
  }
}

}  // namespace

void handle_scene_input(SceneController& c, SceneContext ctx, const SceneInput& input, Actions& actions) {
  // A part removed under a drag (by undo, say) ends the drag.
  if (c.drag == SceneController::Drag::part && core::find_part(ctx.system, c.dragged) == nullptr) {
    c.drag = SceneController::Drag::none;
  }
  for (const PointerEvent& e : input.pointer) {
    switch (e.type) {
      case PointerEvent::Type::press:
        press(c, ctx, e, actions);
        break;
      case PointerEvent::Type::release:
        release(c, ctx, actions);
        break;
      case PointerEvent::Type::move:
        move(c, ctx, e);
        break;
      case PointerEvent::Type::wheel:
        core::zoom_about(ctx.view, e.position, std::pow(zoom_per_notch, e.wheel));
        break;
    }
  }
  if (input.pointer_gone && c.drag == SceneController::Drag::none) {
    c.hovered = 0;
    c.hovered_relationship.reset();
  }
  if (c.placing && c.place_by_keyboard) place(c, ctx, core::open_spot_near_self(ctx.system, core::part_radius(*c.placing)), actions);
  for (int kind : input.new_entry_keys) {
    if (kind >= 0 && kind < core::entry_type_count) actions.push(act::NewEntry{static_cast<core::EntryType>(kind)});
  }
  for (SceneKey key : input.keys) {
    if (apply_common_key(key, actions)) continue;
    switch (key) {
      case SceneKey::undo:
        actions.push(act::Undo{});
        break;
      case SceneKey::redo:
        actions.push(act::Redo{});
        break;
      case SceneKey::remove:
        if (ctx.selected != 0) actions.push(act::Edit{core::delete_part(ctx.system, ctx.selected)});
        break;
      case SceneKey::frame_all:
        actions.push(act::FrameAll{});
        break;
      case SceneKey::search:
        actions.push(act::SearchFocus{});
        break;
      case SceneKey::journal:
        actions.push(act::ToggleJournal{});
        break;
      case SceneKey::parts:
        actions.push(act::ShowParts{});
        break;
      case SceneKey::new_entry_menu:
        actions.push(act::NewEntryMenu{});
        break;
      case SceneKey::cancel:
        if (c.placing) {
          c.placing.reset();
          c.place_by_keyboard = false;
        } else if (c.drag == SceneController::Drag::part) {
          c.drag = SceneController::Drag::none;  // the part goes back where it was
        } else {
          actions.push(act::Select{core::PartId{0}});
        }
        break;
      default:
        break;  // the keys every view shares, above
    }
  }
}

glm::vec2 shown_position(const SceneController& c, const core::Part& part) {
  return c.drag == SceneController::Drag::part && c.moved && c.dragged == part.id ? c.drag_position : part.position;
}

}  // namespace innerscape::ui
