// The calendar: leap years and month lengths, reading "YYYY-MM-DD", and local days (their starts,
// their ends, and counting them) in time zones set here, across the days the clocks change.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "core/calendar.h"

using namespace innerscape;
using namespace innerscape::core;

namespace {

// Sets TZ for one test and puts back what was there. POSIX rules written out, so no time zone
// files are needed.
class TimeZone {
 public:
  explicit TimeZone(const char* tz) {
    const char* before = std::getenv("TZ");
    had_ = before != nullptr;
    if (had_) saved_ = before;
    set(tz);
  }
  ~TimeZone() {
    if (had_) ::setenv("TZ", saved_.c_str(), 1);
    else ::unsetenv("TZ");
    ::tzset();
  }
  TimeZone(const TimeZone&) = delete;
  TimeZone& operator=(const TimeZone&) = delete;
  void set(const char* tz) {
    ::setenv("TZ", tz, 1);
    ::tzset();
  }

 private:
  bool had_ = false;
  std::string saved_;
};

// Central Europe: an hour ahead, two in summer (last Sunday of March 02:00 to last Sunday of October 03:00).
constexpr const char* central_europe = "CET-1CEST,M3.5.0,M10.5.0/3";

}  // namespace

TEST_CASE("leap years: every fourth, but not a century unless it is a fourth century") {
  CHECK(is_leap_year(2024));
  CHECK_FALSE(is_leap_year(2025));
  CHECK_FALSE(is_leap_year(1900));
  CHECK(is_leap_year(2000));
  CHECK_FALSE(is_leap_year(2100));
  CHECK(is_leap_year(2400));
}

TEST_CASE("month lengths, February's by the year, and a year of them makes 365 or 366 days") {
  CHECK(days_in_month(2025, 1) == 31);
  CHECK(days_in_month(2025, 2) == 28);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2025, 4) == 30);
  CHECK(days_in_month(2025, 6) == 30);
  CHECK(days_in_month(2025, 9) == 30);
  CHECK(days_in_month(2025, 11) == 30);
  CHECK(days_in_month(2025, 12) == 31);
  int year = 0, leap = 0;
  for (int m = 1; m <= 12; ++m) {
    year += days_in_month(2025, m);
    leap += days_in_month(2024, m);
  }
  CHECK(year == 365);
  CHECK(leap == 366);
}

TEST_CASE("a real day: a month of the year, a day of that month") {
  CHECK(is_real_day({2024, 2, 29}));
  CHECK(is_real_day({2025, 12, 31}));
  CHECK(is_real_day({2025, 1, 1}));
  CHECK_FALSE(is_real_day({2025, 2, 29}));
  CHECK_FALSE(is_real_day({2025, 4, 31}));
  CHECK_FALSE(is_real_day({2025, 13, 1}));
  CHECK_FALSE(is_real_day({2025, 0, 1}));
  CHECK_FALSE(is_real_day({2025, 1, 0}));
  CHECK_FALSE(is_real_day({2025, 1, 32}));
}

TEST_CASE("\"YYYY-MM-DD\" reads as that day, when it is written so and is a real day") {
  CHECK(parse_calendar_day("2026-03-14") == CalendarDay{2026, 3, 14});
  CHECK(parse_calendar_day("2024-02-29") == CalendarDay{2024, 2, 29});
  CHECK(parse_calendar_day("1969-12-31") == CalendarDay{1969, 12, 31});  // any year: --day itself asks for 1970 on
  for (const char* wrong : {"2025-02-29", "2025-13-01", "2025-04-31", "2025-00-10", "2025-01-00", "2025-6-1", "01-06-2025",
                            "yesterday", "2025-06-01x", "2025-06-1 ", " 2025-06-1", "-123-01-01", "2025-+6-01", "2025/06/01", ""}) {
    CAPTURE(wrong);
    CHECK_FALSE(parse_calendar_day(wrong).has_value());
  }
}

TEST_CASE("a local day starts at local midnight, whatever the time zone") {
  TimeZone tz("UTC");
  CHECK(local_day_start(1767225600) == 1767225600);                // 2026-01-01 00:00
  CHECK(local_day_start(1767225600 + 13 * 3600) == 1767225600);    // that afternoon
  CHECK(local_day_start(1767225600 + day_s - 1) == 1767225600);    // its last second
  CHECK(local_day_start(1767225600 - 1) == 1767225600 - day_s);    // the year before's last second
  tz.set("EST5");
  CHECK(local_day_start(1767225600) == 1767225600 - day_s + 5 * 3600);  // still 31 December in New York
  CHECK(local_day_start(1767225600 + 5 * 3600) == 1767225600 + 5 * 3600);
}

TEST_CASE("--day's moment is the last second of that day where the person is") {
  const char* before = std::getenv("TZ");
  const std::string saved = before != nullptr ? before : "";
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  CHECK(local_day_end({2026, 1, 1}) == 1767225600 + 86400 - 1);
  CHECK(local_day_end({2025, 12, 31}) == 1767225600 - 1);  // into the next year
  CHECK(local_day_end({2024, 2, 29}) == 1709251200 - 1);   // a leap day, into March
  ::setenv("TZ", "EST5", 1);  // five hours behind, written out (no time zone files needed)
  ::tzset();
  CHECK(local_day_end({2026, 1, 1}) == 1767225600 + 86400 + 5 * 3600 - 1);
  if (before != nullptr) ::setenv("TZ", saved.c_str(), 1);
  else ::unsetenv("TZ");
  ::tzset();
}

TEST_CASE("the day the clocks go forward is 23 hours long, and still one day") {
  TimeZone tz(central_europe);
  const std::int64_t start = 1774738800;  // 2026-03-29 00:00 CET; at 02:00 it is 03:00 CEST
  const std::int64_t next = 1774821600;   // 2026-03-30 00:00 CEST
  CHECK(local_day_start(start + 12 * 3600) == start);  // noon in summer time
  CHECK(local_day_start(start + 2 * 3600) == start);   // the first moment of summer time, 03:00
  CHECK(local_day_start(next - 1) == start);
  CHECK(local_day_start(next) == next);
  CHECK(next - start == 23 * 3600);
  CHECK(local_day_end({2026, 3, 29}) == next - 1);
  CHECK(local_day_end({2026, 3, 28}) == start - 1);
  CHECK(days_between(start, next) == 1);
  CHECK(days_between(start - day_s, next) == 2);
}

TEST_CASE("the day the clocks go back is 25 hours long, and still one day") {
  TimeZone tz(central_europe);
  const std::int64_t start = 1792879200;  // 2026-10-25 00:00 CEST; at 03:00 it is 02:00 CET again
  const std::int64_t next = 1792969200;   // 2026-10-26 00:00 CET
  CHECK(local_day_start(start + 12 * 3600) == start);
  CHECK(local_day_start(start + 3 * 3600) == start);  // 02:00 CET, the hour that comes twice
  CHECK(local_day_start(next - 1) == start);
  CHECK(local_day_start(next) == next);
  CHECK(next - start == 25 * 3600);
  CHECK(local_day_end({2026, 10, 25}) == next - 1);
  CHECK(local_day_end({2026, 10, 24}) == start - 1);
  CHECK(days_between(start, next) == 1);
  CHECK(days_between(start, next + day_s) == 2);
}

TEST_CASE("days between local midnights: a whole year across both clock changes, half of one, and none") {
  TimeZone tz(central_europe);
  const std::int64_t new_year = local_day_end({2025, 12, 31}) + 1;
  const std::int64_t next_year = local_day_end({2026, 12, 31}) + 1;
  CHECK(local_day_start(new_year) == new_year);
  CHECK(days_between(new_year, next_year) == 365);
  CHECK(days_between(new_year, new_year) == 0);
  const std::int64_t summer = local_day_end({2026, 6, 30}) + 1;  // 1 July
  CHECK(days_between(new_year, summer) == 181);
}
