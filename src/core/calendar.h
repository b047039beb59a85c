// The calendar: days as people name them (a year, a month, a day), how long months are, and where
// a day begins and ends in the person's own time zone (which can make a day 23 or 25 hours long).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace innerscape::core {

// A day as a clock counts it: 24 hours. A local day is an hour shorter or longer when the clocks
// change, so whole days between two local midnights are counted by rounding (days_between).
inline constexpr std::int64_t day_s = 24 * 60 * 60;

// A day of the calendar (the Gregorian one), as "2026-03-14" names it.
struct CalendarDay {
  int year = 0;
  int month = 0;  // 1 .. 12
  int day = 0;    // 1 .. 31
  bool operator==(const CalendarDay&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // month 1 .. 12
bool is_real_day(const CalendarDay& day);  // a month of the year and a day of that month

// "2026-03-14" (four digits, two, two): the day it names, if it is a real day of the calendar.
std::optional<CalendarDay> parse_calendar_day(std::string_view text);

// The start of the local day that holds `t` (seconds since 1970).
std::int64_t local_day_start(std::int64_t t);

// The last second of `day` in local time (seconds since 1970).
std::int64_t local_day_end(const CalendarDay& day);

// How many days lie between the starts of two local days, `to` at or after `from`: rounded to the
// nearest whole day, so a day the clocks changed in still counts as one.
std::int64_t days_between(std::int64_t from_day_start, std::int64_t to_day_start);

}  // namespace innerscape::core
