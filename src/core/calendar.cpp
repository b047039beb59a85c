// Calendar arithmetic, and local days through the C library's own time zone rules (TZ).
#include "core/calendar.h"

#include <cassert>
#include <ctime>

namespace innerscape::core {
namespace {

bool read_digits(std::string_view text, int& out) {
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  assert(month >= 1 && month <= 12);
  constexpr int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return days_in[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0);
}

bool is_real_day(const CalendarDay& day) {
  return day.month >= 1 && day.month <= 12 && day.day >= 1 && day.day <= days_in_month(day.year, day.month);
}

std::optional<CalendarDay> parse_calendar_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  CalendarDay day;
  if (!read_digits(text.substr(0, 4), day.year) || !read_digits(text.substr(5, 2), day.month) ||
      !read_digits(text.substr(8, 2), day.day) || !is_real_day(day)) {
    return std::nullopt;
  }
  return day;
}

std::int64_t local_day_start(std::int64_t t) {
  const auto tt = static_cast<std::time_t>(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
  tm.tm_isdst = -1;
  return static_cast<std::int64_t>(std::mktime(&tm));
}

std::int64_t local_day_end(const CalendarDay& day) {
  std::tm next{};
  next.tm_year = day.year - 1900;
  next.tm_mon = day.month - 1;
  next.tm_mday = day.day + 1;  // mktime carries it into the next month or year
  next.tm_isdst = -1;          // whatever the clocks said that day
  return static_cast<std::int64_t>(std::mktime(&next)) - 1;
}

std::int64_t days_between(std::int64_t from_day_start, std::int64_t to_day_start) {
  return (to_day_start - from_day_start + day_s / 2) / day_s;
}

}  // namespace innerscape::core
