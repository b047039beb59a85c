// innerscape --bench, run for a couple of frames a scenario: it works, names every scenario, and
// prints one valid JSON object. No timing is asserted here: speed belongs to the benchmark itself.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "smoke/run_process.h"

using innerscape::test::run_innerscape;

TEST_CASE("--bench --json --frames 2 prints one JSON object with every scenario and its figures") {
  const auto r = run_innerscape("--bench --json --frames 2");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json report = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(report.is_discarded());
  CHECK(report.at("renderer").is_string());
  std::set<std::string> names;
  for (const nlohmann::json& s : report.at("scenarios")) {
    const std::string name = s.at("name").get<std::string>();
    names.insert(name);
    INFO(name);
    if (s.contains("frame_ms_p50")) {
      CHECK(s.at("frames").get<long>() == 2);
      CHECK(s.at("frame_ms_p50").get<double>() > 0.0);
      CHECK(s.at("frame_ms_p99").get<double>() >= s.at("frame_ms_p50").get<double>());
      CHECK(s.at("draw_calls").get<int>() >= 0);
      CHECK(s.at("rss_mb").get<double>() > 0.0);
      CHECK(s.at("ratio_to_imgui_demo").get<double>() > 0.0);
    }
  }
  for (const char* expected : {"imgui_demo", "scene_demo", "scene_1000_parts", "breathing", "canvas_empty", "canvas_100k_strokes",
                               "idle", "journal_100k_startup", "journal_100k_search", "history_5y_startup"}) {
    CHECK_MESSAGE(names.count(expected) == 1, expected);
  }
  for (const nlohmann::json& s : report.at("scenarios")) {
    const std::string name = s.at("name").get<std::string>();
    if (name == "idle") CHECK(s.at("frames").is_number_integer());
    if (name == "journal_100k_startup") {
      CHECK(s.at("startup_ms").get<double>() > 0.0);
      CHECK(s.at("empty_startup_ms").get<double>() > 0.0);
    }
    if (name == "history_5y_startup") {
      CHECK(s.at("startup_ms").get<double>() > 0.0);
      CHECK(s.at("empty_startup_ms").get<double>() > 0.0);
      CHECK(s.at("history_rows").get<long>() > 5 * 365 * 2);  // five years of days, a few changes each
      CHECK(s.at("store_mb").get<double>() > 0.0);
      CHECK(s.at("history_read_ms").get<double>() > 0.0);  // the history is all there, and reads back whole
      CHECK(s.at("timelapse_state_ms").get<double>() > 0.0);  // and plays, with parts in every moment
      CHECK(s.at("same_map_startup_ms").get<double>() > 0.0);
    }
    if (name == "journal_100k_search") {
      CHECK(s.at("pages_found").get<long>() > 0);  // the searches found the words the journal holds
      CHECK(s.at("search_ms_p99").get<double>() >= s.at("search_ms_p50").get<double>());
    }
  }
}

TEST_CASE("--bench --only runs one scenario and the yardstick; an unknown one is refused") {
  const auto one = run_innerscape("--bench --json --frames 2 --only scene_demo");
  REQUIRE(one.exit_code == 0);
  const nlohmann::json report = nlohmann::json::parse(one.out, nullptr, false);
  REQUIRE_FALSE(report.is_discarded());
  REQUIRE(report.at("scenarios").size() == 2);
  CHECK(report.at("scenarios")[0].at("name") == "imgui_demo");
  CHECK(report.at("scenarios")[1].at("name") == "scene_demo");

  const auto wrong = run_innerscape("--bench --only fastest");
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.find("--only 'fastest' is not a scenario") != std::string::npos);
}
