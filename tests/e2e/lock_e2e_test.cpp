// End to end with the passphrase lock: a locked map opens on the lock screen and reads nothing until
// the passphrase is right; a wrong one is refused calmly, with a wait, and changes nothing; the idle
// lock and Lock now hide the map behind a dimmed blur; Privacy turns the lock on and off.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include <imgui.h>

#include "app/session.h"
#include "core/demo_system.h"
#include "core/scene_view.h"
#include "e2e/driver.h"
#include "storage/passphrase_lock.h"
#include "storage/png.h"
#include "storage/settings_file.h"
#include "storage/store.h"
#include "test_store.h"
#include "test_tmp.h"
#include "ui/theme.h"

using namespace innerscape;
using test::Driver;

namespace {

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

core::Image picture(Driver& d) {
  const auto file = std::filesystem::temp_directory_path() / ("innerscape-lock-e2e-" + std::to_string(::getpid()) + ".png");
  REQUIRE(d.session->save_picture(file, {1280, 720}).empty());
  core::Image image = storage::read_png(file);
  static int kept = 0;
  if (std::getenv("INNERSCAPE_KEEP_PICTURES") == nullptr) std::filesystem::remove(file);
  else std::filesystem::rename(file, file.string() + "." + std::to_string(++kept) + ".png");
  return image;
}

// The spread of brightness in a square around a point: sharp shapes and text spread wide; a blur does not.
int contrast_around(const core::Image& image, glm::vec2 at, int half) {
  int lo = 255 * 3, hi = 0;
  for (int y = static_cast<int>(at.y) - half; y <= static_cast<int>(at.y) + half; ++y) {
    for (int x = static_cast<int>(at.x) - half; x <= static_cast<int>(at.x) + half; ++x) {
      if (x < 0 || y < 0 || x >= image.size.x || y >= image.size.y) continue;
      const auto px = core::pixel(image, x, y);
      const int sum = px[0] + px[1] + px[2];
      lo = std::min(lo, sum);
      hi = std::max(hi, sum);
    }
  }
  return hi - lo;
}

glm::vec2 part_on_screen(const app::Session& s, std::size_t i) {
  return core::world_to_screen(s.scene().view, s.scene().system.parts[i].position);
}

void wait_s(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

glm::vec2 lock_entry(Driver& d, const std::string& label) { return Driver::centre(d.session->overlay().lock_screen.item_rects, label); }
glm::vec2 privacy_entry(Driver& d, const std::string& label) { return Driver::centre(d.session->overlay().privacy.item_rects, label); }

// Privacy lives in Settings: the dock's Settings, its Privacy tab, then Privacy and the lock.
void open_privacy(Driver& d) {
  if (!d.session->overlay().settings.open) d.click(d.dock_button("Settings"));
  REQUIRE(d.session->overlay().settings.open);
  if (!d.session->overlay().privacy.open) {
    d.click(Driver::centre(d.session->overlay().settings.item_rects, "tab Privacy"));
    d.click(Driver::centre(d.session->overlay().settings.item_rects, "Privacy"));
  }
}

}  // namespace

TEST_CASE("a locked map opens on the lock screen: a wrong passphrase waits and changes nothing, the right one opens it") {
  const auto dir = test::fresh_dir("e2e_locked_start");
  test::write_store(dir, core::make_demo_system());
  REQUIRE(storage::set_lock(dir, nullptr, "harbour lights", storage::KdfCost::test_minimum).empty());
  const std::string db_before = file_bytes(dir / "innerscape.db");

  Driver d(Driver::with_data(dir));
  REQUIRE(d.session->locked());
  CHECK(d.session->scene().system.parts.empty());  // nothing of the map is read before the passphrase

  d.click(lock_entry(d, "passphrase"));
  d.type("harbour light");
  d.key(SDLK_RETURN);
  d.session->wait_for_unlock();
  d.frames(2);
  const ui::LockScreen& screen = d.session->overlay().lock_screen;
  CHECK(d.session->locked());
  CHECK(screen.failures == 1);
  CHECK(screen.message.find("not the passphrase") != std::string::npos);
  CHECK(screen.retry_at_s > d.session->window().now_s());
  CHECK(screen.passphrase.empty());  // what was typed is gone
  CHECK(file_bytes(dir / "innerscape.db") == db_before);
  CHECK(d.session->scene().system.parts.empty());
  // A second wrong try waits longer than the first.
  wait_s(ui::LockScreen::wait_after(1) + 0.1);
  d.frames(2);
  d.type("harbour");
  d.key(SDLK_RETURN);
  d.session->wait_for_unlock();
  CHECK(screen.failures == 2);
  CHECK(ui::LockScreen::wait_after(2) > ui::LockScreen::wait_after(1));

  wait_s(ui::LockScreen::wait_after(2) + 0.1);
  d.frames(2);
  d.type("harbour lights");
  d.key(SDLK_RETURN);
  d.session->wait_for_unlock();
  d.session->wait_for_journal();
  d.frames(3);
  CHECK_FALSE(d.session->locked());
  CHECK(d.session->scene().system.parts.size() == core::make_demo_system().parts.size());
  CHECK(d.session->scene().system.journal.size() == core::make_demo_system().journal.size());
  CHECK(d.session->store_locked());
}

TEST_CASE("the lock screen is drawn the person's way: their size from settings.json, and still from the first frame") {
  const auto dir = test::fresh_dir("e2e_locked_comfort");
  test::write_store(dir, core::make_demo_system());
  REQUIRE(storage::set_lock(dir, nullptr, "tall letters", storage::KdfCost::test_minimum).empty());
  const auto config = test::fresh_dir("e2e_locked_comfort_config");
  core::Settings comfort{.ambient_motion = false, .ui_scale_percent = 200, .theme = core::Theme::light};
  REQUIRE(storage::write_settings_file(config / storage::settings_file_name, comfort).empty());

  std::string error;
  auto session = app::Session::open({.size = {1280, 720}, .hidden = false, .vsync = false, .shader_dir = INNERSCAPE_SHADER_DIR,
                                     .data_dir = dir, .config_dir = config},
                                    error);
  REQUIRE_MESSAGE(session != nullptr, error);
  REQUIRE(session->locked());
  const float usual_px = core::font_pixels(core::Settings{}, session->window().content_scale());
  CHECK(session->font_px() == doctest::Approx(usual_px * 2.0f));
  CHECK_FALSE(session->pacer().desc.ambient_motion);
  session->step(1.0 / 60.0);
  CHECK(ImGui::GetFontSize() == doctest::Approx(usual_px * 2.0f));  // the lock screen's own words, at 200 %
  CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(usual_px * 2.0f));
  CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x == ui::theme_style(core::Theme::light).Colors[ImGuiCol_WindowBg].x);
  CHECK(session->scene().clock.scene_seconds == 0.0);  // not one frame of drift behind the lock
  // The passphrase field is as tall as its letters.
  float field_height = 0.0f;
  for (const auto& [label, rect] : session->overlay().lock_screen.item_rects.rects) {
    if (label == "passphrase") field_height = rect.w - rect.y;
  }
  CHECK(field_height >= usual_px * 2.0f);

  Driver d(std::move(session));
  const core::Image locked_screen = picture(d);  // INNERSCAPE_KEEP_PICTURES keeps it, to look at
  CHECK(locked_screen.size == glm::ivec2(1280, 720));
  d.click(lock_entry(d, "passphrase"));
  d.type("tall letters");
  d.key(SDLK_RETURN);
  d.session->wait_for_unlock();
  d.session->wait_for_journal();
  d.frames(2);
  CHECK_FALSE(d.session->locked());
  CHECK(d.session->settings().ui_scale_percent == 200);  // this computer's, not the map's usual 100 %
  CHECK(ImGui::GetFontSize() == doctest::Approx(usual_px * 2.0f));
}

TEST_CASE("idle for the chosen time, or Lock now: the map is hidden behind a dimmed blur until the passphrase") {
  const auto dir = test::fresh_dir("e2e_idle_lock");
  test::write_store(dir, core::make_demo_system());
  REQUIRE(storage::set_lock(dir, nullptr, "quiet morning", storage::KdfCost::test_minimum).empty());
  Driver d(Driver::with_data(dir));
  d.click(lock_entry(d, "passphrase"));
  d.type("quiet morning");
  d.key(SDLK_RETURN);
  d.session->wait_for_unlock();
  d.session->wait_for_journal();
  d.frames(3);
  REQUIRE_FALSE(d.session->locked());

  const glm::vec2 part = part_on_screen(*d.session, 0);
  const core::Image open = picture(d);
  // Fourteen minutes untouched: still open. Sixteen: locked.
  const double now = d.session->window().now_s();
  d.session->handle_events({}, now + 14 * 60.0);
  CHECK_FALSE(d.session->locked());
  d.session->handle_events({}, now + 16 * 60.0);
  REQUIRE(d.session->locked());
  d.frames(2);
  const core::Image hidden = picture(d);
  // The part and its name were sharp; behind the lock only a soft glow is left.
  const int sharp = contrast_around(open, part, 24);
  const int soft = contrast_around(hidden, part, 24);
  INFO("contrast around the part: open ", sharp, ", locked ", soft);
  CHECK(sharp > 150);
  CHECK(soft * 4 < sharp);

  d.click(lock_entry(d, "passphrase"));
  d.type("quiet morning");
  d.key(SDLK_RETURN);
  d.session->wait_for_unlock();
  d.frames(2);
  CHECK_FALSE(d.session->locked());
}

TEST_CASE("Privacy (from Settings): turn the lock on with a passphrase typed twice, lock now, come back, and turn it off") {
  const auto dir = test::fresh_dir("e2e_privacy");
  core::InnerSystem system = core::make_demo_system();
  test::write_store(dir, system);
  const std::string name = system.parts[0].name;
  REQUIRE(file_bytes(dir / "innerscape.db").find(name) != std::string::npos);

  Driver d(Driver::with_data(dir));
  open_privacy(d);
  REQUIRE(d.session->overlay().privacy.open);
  d.click(privacy_entry(d, "new passphrase"));
  d.type("a garden at dusk");
  d.click(privacy_entry(d, "again"));
  d.type("a garden at dusk");
  d.click(privacy_entry(d, "understood"));
  d.click(privacy_entry(d, "Turn the lock on"));
  CHECK(d.session->animating());  // made off the frame, with a card saying so
  d.session->wait_for_lock_change();
  d.frames(2);
  INFO("message: ", d.session->overlay().privacy.message);
  REQUIRE(storage::store_is_locked(dir));
  CHECK(d.session->store_locked());
  CHECK(d.session->overlay().privacy.next.empty());  // the typed passphrase is gone
  CHECK(file_bytes(dir / "innerscape.db").find(name) == std::string::npos);
  // Still open, and still saving: a change made now is kept in the locked store.
  CHECK(d.session->save_now().empty());

  d.click(privacy_entry(d, "Lock now"));
  REQUIRE(d.session->locked());
  d.click(lock_entry(d, "passphrase"));
  d.type("a garden at dusk");
  d.key(SDLK_RETURN);
  d.session->wait_for_unlock();
  d.frames(2);
  REQUIRE_FALSE(d.session->locked());

  open_privacy(d);
  REQUIRE(d.session->overlay().privacy.open);
  d.click(privacy_entry(d, "current"));
  d.type("a garden at dusk");
  d.click(privacy_entry(d, "Turn the lock off"));
  d.session->wait_for_lock_change();
  d.frames(2);
  INFO("message: ", d.session->overlay().privacy.message);
  CHECK_FALSE(storage::store_is_locked(dir));
  CHECK_FALSE(d.session->store_locked());
  CHECK(d.session->save_now().empty());
  d.session.reset();
  CHECK(file_bytes(dir / "innerscape.db").find(name) != std::string::npos);
}

TEST_CASE("the first run offers the lock before anything is written: chosen, not one word reaches the disk in plaintext") {
  const auto dir = test::fresh_dir("e2e_first_run_lock");
  Driver d(Driver::with_data(dir));
  REQUIRE(d.session->overlay().welcome.open);
  const auto& welcome = d.session->overlay().welcome.item_rects;
  const bool offered = std::any_of(welcome.rects.begin(), welcome.rects.end(),
                                   [](const auto& r) { return r.first == "Lock it with a passphrase first"; });
  if (test::locked_run()) {
    CHECK_FALSE(offered);  // locked already: nothing to offer
    return;
  }
  REQUIRE(offered);
  // Truly nothing yet: a few frames of the welcome have written no database, keyinfo or backup.
  d.frames(5);
  CHECK(storage::store_is_new(dir));
  CHECK(!std::filesystem::exists(dir / "innerscape.db"));
  const glm::vec2 offer = Driver::centre(welcome, "Lock it with a passphrase first");
  INFO("the offer at ", offer.x, ", ", offer.y);
  d.click(offer);
  REQUIRE(d.session->overlay().privacy.open);
  // Nothing is there yet to keep a copy of, so none is offered before the lock.
  const auto& privacy_rects = d.session->overlay().privacy.item_rects.rects;
  CHECK(std::none_of(privacy_rects.begin(), privacy_rects.end(), [](const auto& r) { return r.first == "Save a copy"; }));
  d.click(privacy_entry(d, "new passphrase"));
  d.type("first light on the water");
  d.click(privacy_entry(d, "again"));
  d.type("first light on the water");
  d.click(privacy_entry(d, "understood"));
  d.click(privacy_entry(d, "Turn the lock on"));
  d.session->wait_for_lock_change();
  d.frames(2);
  INFO("message: ", d.session->overlay().privacy.message);
  REQUIRE(d.session->store_locked());
  // The store was made with the key: its very first page is ciphertext.
  REQUIRE(std::filesystem::exists(dir / "innerscape.db"));
  CHECK(file_bytes(dir / "innerscape.db").rfind("SQLite format 3", 0) == std::string::npos);

  // Now the person begins, with the example's words as their own, and saves.
  const core::InnerSystem example = core::make_demo_system();
  d.session->act({ui::act::DismissWelcome{}, ui::act::StartFromExample{}});
  d.frames(2);
  REQUIRE(d.session->scene().system.parts.size() == example.parts.size());
  REQUIRE(d.session->save_now().empty());
  d.session.reset();
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    const std::string bytes = file_bytes(e.path());
    for (const core::Part& p : example.parts) {
      INFO(e.path().string(), ": ", p.name);
      CHECK(bytes.find(p.name) == std::string::npos);
    }
  }
}

TEST_CASE("a first run writes nothing until there is something to keep; the first change makes the map") {
  const auto dir = test::fresh_dir("e2e_first_run_nothing_written");
  {
    Driver d(Driver::with_data(dir));
    REQUIRE(d.session->overlay().welcome.open);
    d.frames(10);
    d.click(d.dock_button("Breathe"));  // looking around changes nothing of the map
    d.frames(3);
  }
  CHECK(storage::store_is_new(dir));
  {
    // Opened again, it is still a first run, and the first choice makes the store.
    Driver d(Driver::with_data(dir));
    REQUIRE(d.session->overlay().welcome.open);
    d.session->act({ui::act::DismissWelcome{}, ui::act::StartFromExample{}});
    d.frames(2);
    REQUIRE(d.session->save_now().empty());
    CHECK(!storage::store_is_new(dir));
  }
  Driver d(Driver::with_data(dir));
  CHECK_FALSE(d.session->overlay().welcome.open);  // seen: kept with the map
  CHECK(d.session->scene().system.parts.size() == core::make_demo_system().parts.size());
  CHECK(!d.session->scene().system.soothing.empty());  // the starting soothing words came with it
}

TEST_CASE("the window layout (imgui.ini) is written for the person alone (0600)") {
  const auto dir = test::fresh_dir("e2e_layout_private");
  std::filesystem::create_directories(dir / "data");
  const mode_t old_mask = ::umask(022);
  {
    Driver d(Driver::with_data(dir / "data"));
    d.session->window().keep_layout(dir / "imgui.ini");
    d.frames(2);
  }  // ImGui writes the layout when it closes
  ::umask(old_mask);
  REQUIRE(std::filesystem::exists(dir / "imgui.ini"));
  CHECK(std::filesystem::file_size(dir / "imgui.ini") > 0);
  struct stat st {};
  REQUIRE(::stat((dir / "imgui.ini").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}
