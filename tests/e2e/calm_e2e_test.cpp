// End to end with calm mode, where a person in distress lands: F2 begins the breath, "I feel steadier"
// ends it (a breath the person began in Breathe goes on), and the word on finding help is there,
// with the person's own crisis contact once it is kept in Settings, Help.
#include <doctest/doctest.h>

#include <SDL.h>

#include <string>

#include "app/session.h"
#include "core/demo_system.h"
#include "e2e/driver.h"
#include "test_store.h"
#include "test_tmp.h"

using namespace innerscape;
using test::Driver;

namespace {

glm::vec2 calm_entry(Driver& d, const std::string& label) { return Driver::centre(d.session->overlay().calm.item_rects, label); }
glm::vec2 settings_entry(Driver& d, const std::string& label) { return Driver::centre(d.session->overlay().settings.item_rects, label); }

}  // namespace

TEST_CASE("calm mode: F2 begins the breath, I feel steadier ends it and says so; a breath begun in Breathe goes on") {
  Driver d;
  d.key(SDLK_F2);
  REQUIRE(d.session->overlay().calm.open);
  CHECK(d.session->breathing().running);
  const std::size_t logged = d.session->scene().system.breathing_log.size();
  // No crisis contact yet: the general word on help, and where to keep one's own.
  glm::vec2 at{};
  CHECK_FALSE(d.session->overlay().calm.item_rects.centre_of("crisis contact", at));

  d.click(calm_entry(d, "I feel steadier"));
  CHECK_FALSE(d.session->overlay().calm.open);
  CHECK_FALSE(d.session->breathing().running);
  CHECK(d.session->scene().system.breathing_log.size() == logged + 1);  // kept, as far as it went
  CHECK_FALSE(d.session->scene().system.breathing_log.back().completed);
  CHECK(d.session->overlay().notice.text.find("breath has stopped") != std::string::npos);

  // The person's own breath, begun before calm mode, is theirs to end.
  d.session->start_breathing(core::breath_presets()[0].pattern, 10.0);
  d.key(SDLK_F2);
  REQUIRE(d.session->overlay().calm.open);
  d.click(calm_entry(d, "I feel steadier"));
  CHECK_FALSE(d.session->overlay().calm.open);
  CHECK(d.session->breathing().running);
  d.session->stop_breathing();

  // Closing calm mode with its own close button is the same as feeling steadier.
  d.key(SDLK_F2);
  REQUIRE(d.session->breathing().running);
  d.session->act({ui::act::EndCalm{}});
  d.frames(2);
  CHECK_FALSE(d.session->breathing().running);
}

TEST_CASE("a crisis contact typed in Settings, Help is kept with the map and shown in calm mode") {
  const auto dir = test::fresh_dir("e2e_calm_contact");
  test::write_store(dir, core::make_demo_system());
  {
    Driver d(Driver::with_data(dir));
    d.click(d.dock_button("Settings"));
    REQUIRE(d.session->overlay().settings.open);
    d.click(settings_entry(d, "tab Help"));
    d.click(settings_entry(d, "crisis contact"));
    d.type("Sam, any hour: 555 0134");
    CHECK(d.session->settings().crisis_contact.empty());  // kept when the field is let go
    d.key(SDLK_RETURN);
    d.frames(2);
    CHECK(d.session->settings().crisis_contact == "Sam, any hour: 555 0134");
    REQUIRE(d.session->save_now().empty());
  }
  Driver d(Driver::with_data(dir));
  CHECK(d.session->settings().crisis_contact == "Sam, any hour: 555 0134");
  d.key(SDLK_F2);
  REQUIRE(d.session->overlay().calm.open);
  glm::vec2 at{};
  CHECK(d.session->overlay().calm.item_rects.centre_of("crisis contact", at));
}
