// End to end on the drawing canvas: the dock opens it, a drag with the button held draws a stroke
// that shows on the sheet, Ctrl+Z and Ctrl+Shift+Z take it away and bring it back, and a part
// drawn from its inspector wears the drawing in the map.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/session.h"
#include "core/demo_system.h"
#include "core/scene_view.h"
#include "e2e/driver.h"
#include "storage/png.h"

using namespace innerscape;
using test::Driver;

namespace {

int kept = 0;

// The app's own picture of this moment: scene or canvas with the overlay, as on screen.
core::Image picture(Driver& d) {
  const auto file = std::filesystem::temp_directory_path() / ("innerscape-canvas-e2e-" + std::to_string(::getpid()) + ".png");
  REQUIRE(d.session->save_picture(file, {1280, 720}).empty());
  core::Image image = storage::read_png(file);
  if (std::getenv("INNERSCAPE_KEEP_PICTURES") == nullptr) std::filesystem::remove(file);
  else std::filesystem::rename(file, file.string() + "." + std::to_string(++kept) + ".png");
  return image;
}

std::vector<glm::vec2> line(glm::vec2 a, glm::vec2 b, int steps) {
  std::vector<glm::vec2> points;
  for (int i = 0; i <= steps; ++i) points.push_back(a + (b - a) * (static_cast<float>(i) / static_cast<float>(steps)));
  return points;
}

bool near(std::array<std::uint8_t, 4> px, std::uint32_t rgb, int tolerance) {
  const int want[3] = {static_cast<int>((rgb >> 16) & 0xFF), static_cast<int>((rgb >> 8) & 0xFF), static_cast<int>(rgb & 0xFF)};
  for (int c = 0; c < 3; ++c) {
    if (std::abs(px[static_cast<std::size_t>(c)] - want[c]) > tolerance) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("Draw in the dock, drag on the sheet: a stroke is kept and shown; undo and redo walk it back and forth") {
  Driver d;
  d.click(d.dock_button("Draw"));
  REQUIRE(d.session->canvas_open());
  const core::InnerSystem& system = d.session->scene().system;
  REQUIRE(system.drawings.size() == 1);
  CHECK(system.drawings.front().strokes.empty());
  const std::uint32_t paper = system.drawings.front().paper;

  const ui::SheetRect sheet = ui::sheet_rect(d.session->overlay().canvas);
  REQUIRE(sheet.max.x > sheet.min.x + 200.0f);
  const glm::vec2 mid = (sheet.min + sheet.max) * 0.5f;
  const glm::vec2 from = mid - glm::vec2(150.0f, 0.0f);
  const glm::vec2 to = mid + glm::vec2(150.0f, 0.0f);
  d.drag(line(from, to, 60));

  REQUIRE(system.drawings.front().strokes.size() == 1);
  const core::Stroke& stroke = *system.drawings.front().strokes.front();
  CHECK(stroke.brush == core::Brush::pen);
  // The stroke runs where the hand did, in canvas pixels.
  CHECK(stroke.points.front().x == doctest::Approx(ui::window_to_canvas(sheet, from).x).epsilon(0.01));
  CHECK(stroke.points.back().x == doctest::Approx(ui::window_to_canvas(sheet, to).x).epsilon(0.01));

  // On screen: ink on the line, paper just above it. The pen is 5 canvas pixels wide, over one
  // screen pixel at this zoom; the sheet is filtered, so the ink is checked as clearly darker.
  core::Image shown = picture(d);
  const auto on_line = core::pixel(shown, static_cast<int>(mid.x), static_cast<int>(mid.y));
  const auto above = core::pixel(shown, static_cast<int>(mid.x), static_cast<int>(mid.y) - 30);
  CHECK(near(above, paper, 2));
  CHECK(on_line[0] + 40 < above[0]);

  d.key(SDLK_z, KMOD_LCTRL);
  CHECK(system.drawings.front().strokes.empty());
  shown = picture(d);
  CHECK(near(core::pixel(shown, static_cast<int>(mid.x), static_cast<int>(mid.y)), paper, 2));

  d.key(SDLK_z, KMOD_LCTRL | KMOD_LSHIFT);
  CHECK(system.drawings.front().strokes.size() == 1);
  // Undo on the canvas reaches only the drawing's own steps: making the drawing is not undone here.
  d.key(SDLK_z, KMOD_LCTRL);
  d.key(SDLK_z, KMOD_LCTRL);
  CHECK(system.drawings.size() == 1);

  d.click(Driver::centre(d.session->overlay().canvas_panel.item_rects, "Back to the map"));
  CHECK_FALSE(d.session->canvas_open());
}

TEST_CASE("Draw this part: the drawing becomes the part's portrait, worn on its form in the map") {
  Driver d;
  core::InnerSystem system = core::make_demo_system();
  d.session->load_system(system);
  d.frames(3);
  const core::Part* sunny = nullptr;
  for (const core::Part& p : d.session->scene().system.parts) {
    if (p.name == "Sunny") sunny = &p;
  }
  REQUIRE(sunny != nullptr);
  const core::PartId id = sunny->id;
  const glm::vec2 at = core::world_to_screen(d.session->scene().view, sunny->position);
  const auto before = core::pixel(picture(d), static_cast<int>(at.x), static_cast<int>(at.y));
  CHECK(before[2] > before[0]);  // a Manager: blue

  d.click(at, 2);  // a double click opens the inspector
  d.click(Driver::centre(d.session->overlay().inspector.item_rects, "Draw this part"));
  REQUIRE(d.session->canvas_open());
  const core::DrawingId drawing = d.session->scene().system.drawings.back().id;
  CHECK(core::find_part(d.session->scene().system, id)->portrait == drawing);
  CHECK(d.session->scene().system.drawings.back().title == "Sunny");

  // A short scribble in one corner: the middle of the sheet stays paper.
  const ui::SheetRect sheet = ui::sheet_rect(d.session->overlay().canvas);
  d.drag(line(sheet.min + glm::vec2(30.0f, 30.0f), sheet.min + glm::vec2(90.0f, 40.0f), 12));
  REQUIRE(d.session->scene().system.drawings.back().strokes.size() == 1);
  d.key(SDLK_ESCAPE);
  REQUIRE_FALSE(d.session->canvas_open());
  d.move_to({1100.0f, 560.0f});  // away from the part: not hovered
  d.frames(2);

  // The part's middle now shows the drawing's warm paper instead of its own blue.
  const glm::vec2 now_at = core::world_to_screen(d.session->scene().view, core::find_part(d.session->scene().system, id)->position);
  const auto after = core::pixel(picture(d), static_cast<int>(now_at.x), static_cast<int>(now_at.y));
  MESSAGE("before " << int(before[0]) << "," << int(before[1]) << "," << int(before[2]) << " after " << int(after[0]) << ","
                    << int(after[1]) << "," << int(after[2]));
  // A Manager near the surface is drawn opaque; its portrait keeps its own colours (no hover light).
  CHECK(near(after, d.session->scene().system.drawings.back().paper, 3));

  // About this part shows the portrait larger; a click on it opens the drawing again.
  d.click(now_at, 2);
  REQUIRE(d.session->overlay().inspector.open);
  d.click(Driver::centre(d.session->overlay().inspector.item_rects, "portrait"));
  CHECK(d.session->canvas_open());
  CHECK(d.session->overlay().canvas.drawing == drawing);
}

TEST_CASE("Save PNG writes the drawing where asked; the timer keeps creative time in the journal") {
  Driver d;
  d.click(d.dock_button("Draw"));
  REQUIRE(d.session->canvas_open());
  const ui::SheetRect sheet = ui::sheet_rect(d.session->overlay().canvas);
  const glm::vec2 mid = (sheet.min + sheet.max) * 0.5f;
  d.click(Driver::centre(d.session->overlay().canvas_panel.item_rects, "Start a timer"));
  d.drag(line(mid - glm::vec2(0.0f, 100.0f), mid + glm::vec2(0.0f, 100.0f), 40));

  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-canvas-png-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto file = dir / "line.png";
  glm::vec2 field{0.0f};
  REQUIRE(d.session->overlay().canvas_panel.item_rects.centre_of("png path", field));
  REQUIRE(field.y < 700.0f);  // every tool fits a 720-pixel window without scrolling
  d.click(field);
  d.type(file.string());  // the suggested path is selected: typing replaces it
  d.key(SDLK_RETURN);
  d.frames(2);
  REQUIRE(std::filesystem::exists(file));
  const core::Image saved = storage::read_png(file);
  REQUIRE(saved.size == core::canvas_size);
  // The saved picture is the drawing at full size: ink down the middle column, paper beside it.
  const glm::ivec2 centre = core::canvas_size / 2;
  CHECK(near(core::pixel(saved, centre.x, centre.y), 0x3b3a4a, 8));
  CHECK(near(core::pixel(saved, centre.x + 40, centre.y), 0xf7f2e8, 0));
  std::filesystem::remove_all(dir);

  // Stopping the timer (leaving the canvas stops it too) keeps a creative page of at least a minute.
  const std::size_t pages = d.session->scene().system.journal.size();
  d.key(SDLK_ESCAPE);
  REQUIRE(d.session->scene().system.journal.size() == pages + 1);
  const core::Entry& page = d.session->scene().system.journal.back();
  CHECK(page.type == core::EntryType::creative);
  CHECK(page.answers.text("minutes") == "1");
  CHECK(page.answers.text("what").find("Untitled drawing") != std::string::npos);
}
