// The scene controller: clicks, drags, the wheel and keys become the right edits and view changes.
#include <doctest/doctest.h>

#include "core/archetypes.h"
#include "core/edits.h"
#include "ui/scene_controller.h"

using namespace innerscape;
using ui::PointerEvent;
using Type = PointerEvent::Type;
using Button = PointerEvent::Button;

namespace {

struct Scene {
  core::InnerSystem system;
  core::SceneView view{.viewport = {800, 600}};  // 300 px per world unit, origin at (400, 300)
  ui::SceneController controller;
  core::PartId selected = 0;

  Scene() {
    core::apply_edit(system, core::add_part(system, core::blank_part(core::PartKind::manager, {0.5f, 0.0f}), 1));
    core::apply_edit(system, core::add_part(system, core::blank_part(core::PartKind::exile, {-0.5f, 0.0f}), 1));
    core::apply_edit(system, core::relate(system, system.parts[0].id, system.parts[1].id, core::RelationKind::protects));
  }

  ui::Actions send(std::vector<PointerEvent> pointer, std::vector<ui::SceneKey> keys = {}) {
    ui::Actions actions;
    ui::SceneInput input{.pointer = std::move(pointer), .keys = std::move(keys)};
    ui::handle_scene_input(controller, {.system = system, .view = view, .selected = selected, .now = 42}, input, actions);
    if (const auto* select = actions.last<ui::act::Select>()) selected = select->part;
    for (const ui::act::Edit& e : actions.all<ui::act::Edit>()) core::apply_edit(system, e.edit);
    return actions;
  }

  glm::vec2 px(glm::vec2 world) const { return core::world_to_screen(view, world); }
};

PointerEvent press(glm::vec2 p, Button b = Button::left, int clicks = 1) {
  return {.type = Type::press, .button = b, .position = p, .clicks = clicks};
}
PointerEvent release(glm::vec2 p, Button b = Button::left) { return {.type = Type::release, .button = b, .position = p}; }
PointerEvent move(glm::vec2 p) { return {.type = Type::move, .position = p}; }

}  // namespace

TEST_CASE("a click on a part selects it without moving it") {
  Scene s;
  const glm::vec2 at = s.px({0.5f, 0.0f});
  const auto a = s.send({press(at), move(at + glm::vec2(2.0f, 0.0f)), release(at)});
  CHECK(s.selected == s.system.parts[0].id);
  CHECK_FALSE(a.has<ui::act::Edit>());
}

TEST_CASE("dragging a part moves it by one edit, shown under the pointer meanwhile") {
  Scene s;
  const glm::vec2 at = s.px({0.5f, 0.0f});
  s.send({press(at), move(at + glm::vec2(30.0f, 0.0f)), move(at + glm::vec2(60.0f, -30.0f))});
  CHECK(ui::shown_position(s.controller, s.system.parts[0]).x == doctest::Approx(0.7f));
  CHECK(s.system.parts[0].position == glm::vec2(0.5f, 0.0f));  // the model waits for the release
  const auto a = s.send({release(at + glm::vec2(60.0f, -30.0f))});
  REQUIRE(a.count<ui::act::Edit>() == 1);
  CHECK(s.system.parts[0].position.x == doctest::Approx(0.7f));
  CHECK(s.system.parts[0].position.y == doctest::Approx(0.1f));
}

TEST_CASE("Escape during a drag puts the part back") {
  Scene s;
  const glm::vec2 at = s.px({0.5f, 0.0f});
  s.send({press(at), move(at + glm::vec2(50.0f, 0.0f))}, {ui::SceneKey::cancel});
  const auto a = s.send({release(at + glm::vec2(50.0f, 0.0f))});
  CHECK_FALSE(a.has<ui::act::Edit>());
  CHECK(ui::shown_position(s.controller, s.system.parts[0]) == glm::vec2(0.5f, 0.0f));
}

TEST_CASE("dragging empty space pans the view and clears the selection") {
  Scene s;
  s.selected = s.system.parts[0].id;
  const glm::vec2 at{400.0f, 500.0f};
  const auto a = s.send({press(at), move(at + glm::vec2(-90.0f, 0.0f)), release(at + glm::vec2(-90.0f, 0.0f))});
  CHECK_FALSE(a.has<ui::act::Edit>());
  CHECK(s.selected == 0);
  CHECK(s.view.center.x == doctest::Approx(0.3f));
}

TEST_CASE("the wheel zooms toward the pointer") {
  Scene s;
  const glm::vec2 at = s.px({0.5f, 0.0f});
  s.send({{.type = Type::wheel, .position = at, .wheel = 2.0f}});
  CHECK(s.view.zoom > 1.2f);
  const glm::vec2 still = core::screen_to_world(s.view, at);
  CHECK(still.x == doctest::Approx(0.5f));
}

TEST_CASE("a double click opens the inspector on the part") {
  Scene s;
  const auto a = s.send({press(s.px({-0.5f, 0.0f}), Button::left, 2)});
  REQUIRE(a.has<ui::act::Inspect>());
  CHECK(a.last<ui::act::Inspect>()->part == s.system.parts[1].id);
}

TEST_CASE("placing from the palette adds the part where clicked and asks for its name") {
  Scene s;
  s.controller.placing = core::part_from_archetype(*core::find_archetype("numbing"), {});
  const core::PartId expected = core::peek_next_id(s.system);
  const auto a = s.send({press({700.0f, 100.0f})});
  REQUIRE(s.system.parts.size() == 3);
  const core::Part& placed = s.system.parts.back();
  CHECK(placed.id == expected);
  CHECK(placed.name == "Numbing");
  CHECK(placed.position.x == doctest::Approx(1.0f));
  CHECK(placed.position.y == doctest::Approx(2.0f / 3.0f));
  REQUIRE(a.has<ui::act::NameInPlace>());
  CHECK(a.last<ui::act::NameInPlace>()->part == expected);
  CHECK(s.selected == expected);
  CHECK_FALSE(s.controller.placing.has_value());
}

TEST_CASE("right-click opens the menu for a part, or for a line") {
  Scene s;
  const auto on_part = s.send({press(s.px({0.5f, 0.0f}), Button::right)});
  REQUIRE(on_part.has<ui::act::ContextPart>());
  CHECK(on_part.last<ui::act::ContextPart>()->part == s.system.parts[0].id);
  const auto on_line = s.send({press(s.px({0.0f, 0.0f}) + glm::vec2(0.0f, 3.0f), Button::right)});
  REQUIRE(on_line.has<ui::act::ContextRelationship>());
  CHECK(on_line.last<ui::act::ContextRelationship>()->index == 0);
  const auto on_nothing = s.send({press({50.0f, 50.0f}, Button::right)});
  CHECK_FALSE(on_nothing.has<ui::act::ContextPart>());
  CHECK_FALSE(on_nothing.has<ui::act::ContextRelationship>());
}

TEST_CASE("hovering finds the part, then the line, then nothing") {
  Scene s;
  s.send({move(s.px({0.5f, 0.0f}))});
  CHECK(s.controller.hovered == s.system.parts[0].id);
  s.send({move(s.px({0.0f, 0.0f}))});
  CHECK(s.controller.hovered == 0);
  CHECK(s.controller.hovered_relationship == std::optional<std::size_t>(0));
  s.send({move({20.0f, 20.0f})});
  CHECK_FALSE(s.controller.hovered_relationship.has_value());
}

TEST_CASE("keys: Delete removes the selected part, undo and redo are counted, Home frames all") {
  Scene s;
  s.selected = s.system.parts[1].id;
  const auto a = s.send({}, {ui::SceneKey::remove, ui::SceneKey::undo, ui::SceneKey::undo, ui::SceneKey::redo,
                              ui::SceneKey::frame_all});
  CHECK(s.system.parts.size() == 1);
  CHECK(s.system.relationships.empty());
  CHECK(a.count<ui::act::Undo>() == 2);
  CHECK(a.count<ui::act::Redo>() == 1);
  CHECK(a.has<ui::act::FrameAll>());
}

TEST_CASE("dropping a part on the Self blends it, with a gentle word; moving it away unblends") {
  Scene s;
  const glm::vec2 at = s.px({0.5f, 0.0f});
  const glm::vec2 self = s.px({0.0f, 0.0f});
  const auto blended = s.send({press(at), move(self), release(self)});
  CHECK(core::is_blended(s.system.parts[0]));
  REQUIRE(blended.has<ui::act::Notice>());
  CHECK(blended.last<ui::act::Notice>()->text.find("blended") != std::string::npos);
  const auto back = s.send({press(self), move(at), release(at)});
  CHECK_FALSE(core::is_blended(s.system.parts[0]));
  REQUIRE(back.has<ui::act::Notice>());
  CHECK(back.last<ui::act::Notice>()->text.find("stepped back") != std::string::npos);
}
