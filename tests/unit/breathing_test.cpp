// The breathing timeline: presets, custom patterns and their edge cases, no drift over ten minutes.
#include <doctest/doctest.h>

#include "core/breathing.h"
#include "storage/database.h"
#include "storage/json_format.h"
#include "storage/map_store.h"
#include "storage/migrations.h"

using namespace innerscape::core;

TEST_CASE("the guide's 4-4-6 comes first, then box, 4-7-8 and resonant") {
  const auto presets = breath_presets();
  REQUIRE(presets.size() == 4);
  CHECK(presets[0].pattern.tenths == std::array<int, 4>{40, 40, 60, 0});
  CHECK(cycle_seconds(presets[0].pattern) == doctest::Approx(14.0));
  CHECK(pattern_text(presets[0].pattern) == "4-4-6");
  CHECK(pattern_text(presets[3].pattern) == "5.5-0-5.5");
}

TEST_CASE("phases, progress and the eased breath across one 4-4-6 cycle") {
  const BreathPattern p = breath_presets()[0].pattern;
  CHECK(breath_at(p, 0.0).phase == BreathPhase::inhale);
  CHECK(breath_at(p, 0.0).amount == doctest::Approx(0.0f));
  CHECK(breath_at(p, 2.0).amount == doctest::Approx(0.5f));  // eased, symmetric at the middle
  CHECK(breath_at(p, 1.0).amount < 0.25f);                   // slow start
  CHECK(breath_at(p, 4.0).phase == BreathPhase::hold_in);
  CHECK(breath_at(p, 6.0).amount == doctest::Approx(1.0f));
  CHECK(breath_at(p, 8.0).phase == BreathPhase::exhale);
  CHECK(breath_at(p, 11.0).amount == doctest::Approx(0.5f));
  CHECK(breath_at(p, 11.0).seconds_left == doctest::Approx(3.0));
  CHECK(breath_at(p, 14.0).phase == BreathPhase::inhale);
  CHECK(breath_at(p, 14.0).cycle == 1);
}

TEST_CASE("no drift: after ten minutes the boundaries are exactly where the pattern puts them") {
  for (const BreathPreset& preset : breath_presets()) {
    const BreathPattern& p = preset.pattern;
    const double cycle = cycle_seconds(p);
    // Stepping a simulated clock in frame-sized steps, as the app does, for ten minutes.
    double t = 0.0;
    for (int frame = 0; frame < 36000; ++frame) t += 1.0 / 60.0;
    const long cycles = static_cast<long>(600.0 / cycle);
    const double boundary = static_cast<double>(cycles) * cycle;
    INFO(preset.key);
    CHECK(breath_at(p, boundary).phase == BreathPhase::inhale);
    CHECK(breath_at(p, boundary).progress == doctest::Approx(0.0));
    CHECK(breath_at(p, boundary).cycle == cycles);
    CHECK(breath_at(p, boundary + p.tenths[0] / 10.0).phase != BreathPhase::inhale);
    CHECK(breath_at(p, boundary - 0.05).cycle == cycles - 1);
    CHECK(std::abs(t - 600.0) < 1e-6);
  }
}

TEST_CASE("custom patterns: parsed and checked, with zero-length holds and 20 s phases") {
  BreathPattern p;
  CHECK(parse_breath_pattern("4-4-6", p).empty());
  CHECK(p.key == "guide_446");
  CHECK(parse_breath_pattern("20-0-20-0", p).empty());
  CHECK(breath_at(p, 20.0).phase == BreathPhase::exhale);  // a zero hold is skipped over
  CHECK(breath_at(p, 40.0).cycle == 1);
  CHECK(parse_breath_pattern("5.5-0-5.5", p).empty());
  CHECK(p.key == "resonant");
  CHECK(parse_breath_pattern("3.3-1-7.1-2", p).empty());
  CHECK(pattern_text(p) == "3.3-1-7.1-2");
  CHECK(parse_breath_pattern("4-4", p).find("at least") != std::string::npos);
  CHECK(parse_breath_pattern("21-0-4", p).find("0 to 20") != std::string::npos);
  CHECK(parse_breath_pattern("4-x-6", p).find("'x'") != std::string::npos);
  CHECK(parse_breath_pattern("0-4-6", p).find("some time") != std::string::npos);
  CHECK(parse_breath_pattern("4-4-6-4-4", p).find("at most four") != std::string::npos);
  CHECK(parse_breath_pattern("4.25-4-6", p).find("tenths") != std::string::npos);
}

TEST_CASE("breathing sessions are remembered: stored, exported, imported, and charted by day") {
  using namespace innerscape;
  std::string error;
  auto db = storage::Database::open(":memory:", error);
  REQUIRE(db != nullptr);
  REQUIRE(storage::migrate(*db).empty());
  const std::int64_t day = 86400, now = 2000000000;
  storage::Snapshot saved;
  storage::Snapshot current;
  current.system.breathing_log.push_back({.started_at = now - 3600, .pattern = breath_presets()[0].pattern,
                                          .planned_s = 300, .actual_s = 300, .completed = true});
  current.system.breathing_log.push_back({.started_at = now - 2 * day, .pattern = breath_presets()[1].pattern,
                                          .planned_s = 600, .actual_s = 90, .completed = false});
  REQUIRE(storage::save_changes(*db, saved, current).empty());
  saved = current;
  current.system.breathing_log.push_back({.started_at = now - 600, .pattern = breath_presets()[3].pattern,
                                          .planned_s = 120, .actual_s = 120, .completed = true});
  REQUIRE(storage::save_changes(*db, saved, current).empty());
  CHECK(storage::load_snapshot(*db).snapshot.system.breathing_log == current.system.breathing_log);

  const storage::JsonImport back = storage::from_json(storage::to_json(current, now));
  REQUIRE_MESSAGE(back.error.empty(), back.error);
  CHECK(back.snapshot.system.breathing_log == current.system.breathing_log);
  CHECK(storage::from_json(R"({"format": "innerscape", "version": 1, "breathing_sessions": [{"pattern": "4-4", "started_at": "2026-01-01T00:00:00Z"}]})")
            .error.find("breathing_sessions[0].pattern") != std::string::npos);

  const auto minutes = breathing_minutes_per_day(current.system.breathing_log, now, 14);
  REQUIRE(minutes.size() == 14);
  CHECK(minutes[13] == doctest::Approx(7.0f));   // today: 5 + 2 minutes
  CHECK(minutes[11] == doctest::Approx(1.5f));   // two days ago: 90 seconds
  CHECK(minutes[0] == 0.0f);
}
