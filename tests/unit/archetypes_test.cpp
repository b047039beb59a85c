// The presets: every archetype of the guide, with its kind, a description and a stable key.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/archetypes.h"
#include "core/arrange.h"
#include "core/demo_system.h"

#include <glm/geometric.hpp>

using namespace innerscape::core;

TEST_CASE("seven Managers, five Firefighters and four Exiles, each described") {
  int count[part_kind_count] = {};
  std::set<std::string_view> keys;
  for (const Archetype& a : archetypes()) {
    ++count[static_cast<int>(a.kind)];
    CHECK_FALSE(a.description.empty());
    CHECK_FALSE(a.name.empty());
    CHECK(keys.insert(a.key).second);
    CHECK(find_archetype(a.key) == &a);
  }
  CHECK(count[static_cast<int>(PartKind::manager)] == 7);
  CHECK(count[static_cast<int>(PartKind::firefighter)] == 5);
  CHECK(count[static_cast<int>(PartKind::exile)] == 4);
  CHECK(find_archetype("nonexistent") == nullptr);
}

TEST_CASE("a part from a preset carries the preset's name, kind and key") {
  const Part p = part_from_archetype(*find_archetype("over_analyzer"), {0.1f, 0.2f});
  CHECK(p.name == "The Over-Analyzer");
  CHECK(p.kind == PartKind::manager);
  CHECK(p.archetype == "over_analyzer");
  CHECK(p.position == glm::vec2(0.1f, 0.2f));
  CHECK(blank_part(PartKind::exile, {}).depth > 0.0f);  // exiles sit deeper
}

TEST_CASE("the demo system has parts of every kind, named, aged, with every kind of relationship") {
  const InnerSystem s = make_demo_system();
  CHECK(s.parts.size() >= 8);
  int kinds[part_kind_count] = {};
  for (const Part& p : s.parts) {
    ++kinds[static_cast<int>(p.kind)];
    CHECK_FALSE(p.name.empty());
    CHECK(p.age.has_value());
  }
  for (int k : kinds) CHECK(k > 0);
  int relations[relation_kind_count] = {};
  for (const Relationship& r : s.relationships) ++relations[static_cast<int>(r.kind)];
  for (int r : relations) CHECK(r > 0);
  // The same every time.
  CHECK(make_demo_system().parts == s.parts);
}

TEST_CASE("arranging puts exiles on the inner ring and protectors on the outer one") {
  const InnerSystem s = make_demo_system();
  const auto placed = arranged_positions(s);
  CHECK(placed.size() == s.parts.size());
  for (const auto& [id, pos] : placed) {
    const Part* p = find_part(s, id);
    REQUIRE(p != nullptr);
    const float r = glm::length(pos);
    CHECK(r == doctest::Approx(p->kind == PartKind::exile ? exile_ring_radius : protector_ring_radius).epsilon(0.001));
    CHECK_FALSE(is_blended(Part{.position = pos}));
  }
  // No two parts land on the same spot.
  for (std::size_t i = 0; i < placed.size(); ++i) {
    for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK(glm::length(placed[i].second - placed[j].second) > 0.1f);
  }
}

TEST_CASE("the large benchmark system has what it promises, with no duplicate pairs") {
  const InnerSystem s = make_large_system(1000, 2000);
  CHECK(s.parts.size() == 1000);
  CHECK(s.relationships.size() == 2000);
  std::set<std::pair<PartId, PartId>> pairs;
  for (const Relationship& r : s.relationships) {
    CHECK(r.from != r.to);
    CHECK(pairs.insert({std::min(r.from, r.to), std::max(r.from, r.to)}).second);
  }
  CHECK(find_part(s, s.next_id - 1) != nullptr);
}
