// End to end with Settings: the dock's Settings opens them; a bigger UI scale draws the text again at
// its new pixel size, the light theme colours the overlay, still motion stops the scene; all of it
// is saved, and the next start honours it from the very first frame. Privacy is reached from here too.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <imgui.h>

#include "app/session.h"
#include "core/demo_system.h"
#include "core/frame_pacer.h"
#include "e2e/driver.h"
#include "storage/map_store.h"
#include "storage/settings_file.h"
#include "test_store.h"
#include "test_tmp.h"
#include "ui/theme.h"

using namespace innerscape;
using test::Driver;

namespace {

// With INNERSCAPE_KEEP_PICTURES set, a picture of the moment is kept in the temp folder, to look at.
void keep_picture(Driver& d, const std::string& name) {
  if (std::getenv("INNERSCAPE_KEEP_PICTURES") == nullptr) return;
  const auto file = std::filesystem::temp_directory_path() / ("innerscape-settings-e2e-" + name + ".png");
  CHECK(d.session->save_picture(file, {1280, 720}).empty());
}

glm::vec2 settings_entry(Driver& d, const std::string& label) { return Driver::centre(d.session->overlay().settings.item_rects, label); }

}  // namespace

TEST_CASE("Settings: UI scale 150 %, the light theme and a still scene, kept and honoured from the first frame") {
  const auto dir = test::fresh_dir("e2e_settings");
  test::write_store(dir, core::make_demo_system());
  {
    Driver d(Driver::with_data(dir));
    const float usual_px = d.session->font_px();
    CHECK(ImGui::GetFontSize() == doctest::Approx(usual_px));
    d.click(d.dock_button("Settings"));
    REQUIRE(d.session->overlay().settings.open);

    // Privacy is one more step away now: Settings, then Privacy.
    d.click(settings_entry(d, "tab Privacy"));
    d.click(settings_entry(d, "Privacy"));
    CHECK(d.session->overlay().privacy.open);
    d.click(settings_entry(d, "Privacy"));
    CHECK_FALSE(d.session->overlay().privacy.open);

    keep_picture(d, "dark-100");
    d.click(settings_entry(d, "tab Display"));
    d.click(settings_entry(d, "scale 150"));
    d.frames(2);
    CHECK(d.session->settings().ui_scale_percent == 150);
    CHECK(d.session->font_px() == doctest::Approx(usual_px * 1.5f));
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(usual_px * 1.5f));  // rasterized anew
    CHECK(ImGui::GetIO().Fonts->TexID != nullptr);                                         // and uploaded
    CHECK(ImGui::GetIO().FontGlobalScale == 1.0f);

    d.click(settings_entry(d, "Light"));
    d.frames(2);
    CHECK(d.session->settings().theme == core::Theme::light);
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x == ui::theme_style(core::Theme::light).Colors[ImGuiCol_WindowBg].x);
    keep_picture(d, "light-150");

    d.click(settings_entry(d, "tab Motion"));
    d.click(settings_entry(d, "Let the scene move"));
    d.frames(2);
    CHECK_FALSE(d.session->pacer().desc.ambient_motion);

    REQUIRE(d.session->save_now().empty());
  }
  // The next start: the same size, colours and stillness before anything is clicked.
  std::string error;
  auto session = app::Session::open({.size = {1280, 720}, .hidden = false, .vsync = false, .shader_dir = INNERSCAPE_SHADER_DIR,
                                     .data_dir = dir, .key = test::store_key(dir)},
                                    error);
  REQUIRE_MESSAGE(session != nullptr, error);
  CHECK(session->settings().ui_scale_percent == 150);
  CHECK(session->settings().theme == core::Theme::light);
  CHECK(ImGui::GetIO().Fonts->ConfigData[0].SizePixels == doctest::Approx(session->font_px()));  // built at the first frame
  CHECK(session->font_px() == doctest::Approx(core::font_pixels(session->settings(), session->window().content_scale())));
  CHECK_FALSE(session->pacer().desc.ambient_motion);
  CHECK(core::ambient_speed(session->pacer(), session->window().now_s()) == 0.0);
  session->step(1.0 / 60.0);
  CHECK(ImGui::GetFontSize() == doctest::Approx(session->font_px()));
  CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(session->font_px()));
  CHECK(session->scene().clock.scene_seconds == 0.0);  // not one frame of drift
  session->step(1.0 / 60.0);
  CHECK(session->scene().clock.scene_seconds == 0.0);
}

namespace {

// A session as the open app makes it: the person's map and this computer's config folder.
std::unique_ptr<app::Session> open_with_config(const std::filesystem::path& data, const std::filesystem::path& config) {
  std::string error;
  auto session = app::Session::open({.size = {1280, 720}, .hidden = false, .vsync = false, .shader_dir = INNERSCAPE_SHADER_DIR,
                                     .data_dir = data, .key = test::store_key(data), .config_dir = config},
                                    error);
  REQUIRE_MESSAGE(session != nullptr, error);
  session->wait_for_journal();
  return session;
}

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("comfort settings live in the config folder: taken once from a map that had them, kept for every map, a damaged file left alone") {
  const auto root = test::fresh_dir("e2e_settings_config");
  const auto config = root / "config";
  std::filesystem::create_directories(config);
  const auto file = config / storage::settings_file_name;

  // A map from before settings.json keeps 150 % and the light theme in its store.
  const auto older = root / "older";
  std::filesystem::create_directories(older);
  test::write_store(older, core::make_demo_system());
  {
    storage::OpenedStore store = test::open_test_store(older);
    REQUIRE(store.error.empty());
    storage::Snapshot next = store.loaded.snapshot;
    next.settings.ui_scale_percent = 150;
    next.settings.theme = core::Theme::light;
    next.settings.welcome_seen = true;
    REQUIRE(storage::save_changes(*store.db, store.loaded.snapshot, next).empty());
  }
  {
    auto session = open_with_config(older, config);
    CHECK(session->settings().ui_scale_percent == 150);  // taken from the map, once
    CHECK(session->settings().theme == core::Theme::light);
  }
  REQUIRE(std::filesystem::exists(file));
  CHECK(storage::read_settings_file(file).comfort->ui_scale_percent == 150);
  CHECK(file_text(file).find("welcome_seen") == std::string::npos);  // the map's own state stays in the map

  // Another map on this computer opens the person's way, though its store has the usual settings.
  const auto other = root / "other";
  std::filesystem::create_directories(other);
  test::write_store(other, core::make_demo_system());
  {
    Driver d(open_with_config(other, config));
    CHECK(d.session->settings().ui_scale_percent == 150);
    CHECK(d.session->settings().theme == core::Theme::light);
    CHECK_FALSE(d.session->settings().welcome_seen);  // that map's welcome is its own
    d.click(d.dock_button("Settings"));
    d.click(settings_entry(d, "tab Display"));
    d.click(settings_entry(d, "scale 125"));
    REQUIRE(d.session->save_now().empty());
    CHECK(storage::read_settings_file(file).comfort->ui_scale_percent == 125);
  }

  // A damaged file: said, the usual settings meanwhile, and not written over while nothing changes.
  const std::string damaged = "{\"ui_scale_percent\": 125, \"theme\": ";
  { std::ofstream(file, std::ios::trunc) << damaged; }
  {
    Driver d(open_with_config(other, config));
    CHECK(d.session->settings().ui_scale_percent == 100);
    CHECK(d.session->settings().theme == core::Theme::calm_dark);
    CHECK(d.session->overlay().notice.text.find("settings.json could not be read") != std::string::npos);
    REQUIRE(d.session->save_now().empty());
  }
  CHECK(file_text(file) == damaged);
  {
    // A change is the person's word: the file is written anew, whole.
    Driver d(open_with_config(other, config));
    d.click(d.dock_button("Settings"));
    d.click(settings_entry(d, "tab Display"));
    d.click(settings_entry(d, "scale 175"));
  }
  CHECK(storage::read_settings_file(file).comfort->ui_scale_percent == 175);
}
