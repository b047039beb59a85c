// Numbers and names in plain English, a crisis contact kept tidy, and open places for a new part.
#include <doctest/doctest.h>

#include "core/archetypes.h"
#include "core/arrange.h"
#include "core/demo_system.h"
#include "core/edits.h"
#include "core/picking.h"
#include "core/settings.h"
#include "core/wording.h"

using namespace innerscape;

TEST_CASE("counts agree with their nouns, and kinds take the article they are spoken with") {
  CHECK(core::counted(1, "minute", "minutes") == "1 minute");
  CHECK(core::counted(0, "relationship", "relationships") == "0 relationships");
  CHECK(core::counted(2, "part", "parts") == "2 parts");
  CHECK(core::counted(-1, "day", "days") == "-1 day");
  CHECK(core::with_article(core::kind_name(core::PartKind::exile), true) == "An Exile");
  CHECK(core::with_article(core::kind_name(core::PartKind::manager), true) == "A Manager");
  CHECK(core::with_article(core::kind_name(core::PartKind::firefighter)) == "a Firefighter");
  CHECK(core::article_for("") == "a");
}

TEST_CASE("a crisis contact is kept as one tidy line, never longer than its limit, never cut inside a character") {
  CHECK(core::tidy_crisis_contact("  Sam\n555 0134\t(evenings) ") == "Sam 555 0134 (evenings)");
  CHECK(core::tidy_crisis_contact("\x1b]0;x\x07Line") == "]0;xLine");  // control characters go
  CHECK(core::tidy_crisis_contact("") == "");
  const std::string long_greek(150, 'a');
  std::string text = long_greek;
  for (int i = 0; i < 40; ++i) text += "λ";  // two bytes each: the limit falls inside one
  text += "x";
  const std::string kept = core::tidy_crisis_contact(text);
  CHECK(kept.size() <= core::max_crisis_contact_bytes);
  CHECK(kept.size() % 2 == 0);  // 150 ASCII + whole two-byte letters
  CHECK(core::tidy_crisis_contact(kept) == kept);
}

TEST_CASE("a part placed from the keyboard lands clear of every part and every relationship's line") {
  // A line from far left to far right runs through the first place the rings offer (on the right).
  core::InnerSystem system;
  core::Part a = core::blank_part(core::PartKind::manager, {-3.0f, 0.0f});
  a.id = 1;
  core::Part b = core::blank_part(core::PartKind::exile, {3.0f, 0.0f});
  b.id = 2;
  system.parts = {a, b};
  system.relationships.push_back({.from = 1, .to = 2, .kind = core::RelationKind::protects});
  const float radius = core::part_radius(a);
  const glm::vec2 first_ring_right{core::self_radius * 2.5f, 0.0f};
  REQUIRE(core::pick_relationship(system, first_ring_right, radius).has_value());
  const glm::vec2 spot = core::open_spot_near_self(system, radius);
  CHECK_FALSE(core::pick_relationship(system, spot, radius).has_value());
  CHECK(core::pick_part(system, spot, radius) == 0);

  // The example map: every new part, placed one after another, finds open air.
  core::InnerSystem demo = core::make_demo_system();
  for (int i = 0; i < 6; ++i) {
    const glm::vec2 at = core::open_spot_near_self(demo, radius);
    CHECK_FALSE(core::pick_relationship(demo, at, radius).has_value());
    CHECK(core::pick_part(demo, at, radius) == 0);
    core::Part p = core::blank_part(core::PartKind::firefighter, at);
    p.id = core::peek_next_id(demo);
    demo.parts.push_back(p);
    demo.next_id = p.id + 1;
  }
  const glm::vec2 free = core::free_spot(demo);
  CHECK_FALSE(core::pick_relationship(demo, free, 0.1f).has_value());
}
