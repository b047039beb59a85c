// End to end with Settings: the dock's Settings opens them; a bigger UI scale draws the text again at
// its new pixel size, the light theme colours the overlay, still motion stops the scene; all of it
// is saved, and the next start honours it from the very first frame. Privacy is reached from here too.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <imgui.h>

#include "app/session.h"
#include "core/demo_system.h"
#include "core/frame_pacer.h"
#include "e2e/driver.h"
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
