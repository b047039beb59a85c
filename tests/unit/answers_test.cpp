// A journal page's answers, packed: found by key, kept in one order whatever order they were given,
// replaced and removed in place, and no more bytes than the words need.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/answers.h"
#include "core/demo_system.h"

using innerscape::core::Answers;

TEST_CASE("answers are found by key, of their own kind only") {
  Answers a;
  CHECK(a.empty());
  a.set_text("what_happened", "No reply all evening.");
  a.set_rating("intensity_before", 8);
  a.set_choices("distortions", {"mind_reading", "catastrophizing"});
  CHECK(a.text("what_happened") == "No reply all evening.");
  CHECK(a.rating("intensity_before") == 8);
  CHECK(a.choices("distortions") == std::vector<std::string_view>{"mind_reading", "catastrophizing"});
  CHECK(a.chosen("distortions", "catastrophizing"));
  CHECK_FALSE(a.chosen("distortions", "labeling"));
  // The same key of another kind is another field.
  CHECK(a.text("intensity_before").empty());
  CHECK_FALSE(a.rating("what_happened").has_value());
  CHECK(a.choices("what_happened").empty());
  CHECK(a.field_count() == 3);
  CHECK_FALSE(a.empty());
}

TEST_CASE("answers keep one order, so equal answers are equal however they were written") {
  Answers one, other;
  one.set_text("b", "second");
  one.set_rating("z", 3);
  one.set_text("a", "first");
  one.set_choices("c", {"x"});
  other.set_choices("c", {"x"});
  other.set_text("a", "first");
  other.set_rating("z", 3);
  other.set_text("b", "second");
  CHECK(one == other);
  std::vector<std::string> order;
  for (const Answers::Field& f : one) order.push_back(std::to_string(static_cast<int>(f.kind)) + ":" + std::string(f.key));
  CHECK(order == std::vector<std::string>{"0:a", "0:b", "1:z", "2:c"});
  other.set_rating("z", 4);
  CHECK_FALSE(one == other);
}

TEST_CASE("setting replaces in place, and an empty answer is no answer") {
  Answers a;
  a.set_text("a", "one");
  a.set_text("b", "two");
  a.set_text("c", "three");
  a.set_text("b", std::string(5000, 'w') + " ☀ 小");  // grows in the middle
  CHECK(a.text("a") == "one");
  CHECK(a.text("b").size() == 5000 + std::string(" ☀ 小").size());
  CHECK(a.text("c") == "three");
  a.set_text("b", "2");  // shrinks
  CHECK(a.text("b") == "2");
  CHECK(a.text("c") == "three");
  a.set_text("a", "");
  CHECK(a.field_count() == 2);
  CHECK(a.text("a").empty());
  a.set_choices("list", {"p"});
  a.set_chosen("list", "q", true);
  a.set_chosen("list", "p", true);  // chosen again: once, and now last
  CHECK(a.choices("list") == std::vector<std::string_view>{"q", "p"});
  a.set_chosen("list", "q", false);
  a.set_chosen("list", "p", false);
  CHECK(a.choices("list").empty());
  a.set_rating("r", -7);  // kept as given; sanitize() is what clamps
  CHECK(a.rating("r") == -7);
  a.erase_rating("r");
  CHECK_FALSE(a.rating("r").has_value());
  CHECK(a.field_count() == 2);
}

TEST_CASE("keep_if takes fields away and keeps the rest exactly") {
  Answers a;
  a.set_text("keep", "kept words");
  a.set_text("drop", "gone");
  a.set_rating("keep", 6);
  a.set_choices("keep", {"one", "two"});
  a.keep_if([](const Answers::Field& f) { return f.key == "keep"; });
  CHECK(a.field_count() == 3);
  CHECK(a.text("keep") == "kept words");
  CHECK(a.text("drop").empty());
  CHECK(a.rating("keep") == 6);
  CHECK(a.choices("keep") == std::vector<std::string_view>{"one", "two"});
}

TEST_CASE("a key longer than any field's is not kept, and nothing else is disturbed") {
  Answers a;
  a.set_text("a", "words");
  a.set_text(std::string(Answers::max_key_size + 1, 'k'), "lost");
  a.set_text(std::string(Answers::max_key_size, 'k'), "kept");
  CHECK(a.field_count() == 2);
  CHECK(a.text(std::string(Answers::max_key_size, 'k')) == "kept");
}

TEST_CASE("a page's answers cost little more than their words") {
  // The long journal of the benchmark: about 190 bytes of words a page over three fields.
  const auto system = innerscape::core::make_long_journal(2000, 1700000000);
  std::size_t words = 0, bytes = 0, fields = 0;
  for (const auto& e : system.journal) {
    for (const Answers::Field& f : e.answers) {
      words += f.bytes.size();
      ++fields;
    }
    bytes += e.answers.byte_size();
  }
  REQUIRE(fields > 0);
  // Per field: its kind, its key's number and the value's size (6 bytes), beside the words. The
  // entry types' own keys are known, so none is spelled out.
  CHECK(bytes == words + 6 * fields);
  // A key no entry type has is kept too, spelled out, and found again.
  Answers odd;
  odd.set_text("what_happened", "x");
  odd.set_text("a_key_of_its_own", "y");
  CHECK(odd.byte_size() == (6 + 1) + (6 + std::string_view("a_key_of_its_own").size() + 1));
  CHECK(odd.text("a_key_of_its_own") == "y");
  CHECK(odd.text("what_happened") == "x");
}
