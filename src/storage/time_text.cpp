// Times as text for files people read: UTC, in the forms the export formats promise.
#include "storage/time_text.h"

#include <ctime>

namespace innerscape::storage {
namespace {

std::string format_utc(std::int64_t t, const char* format) {
  const auto tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char text[32];
  std::strftime(text, sizeof text, format, &tm);
  return text;
}

}  // namespace

std::string utc_timestamp(std::int64_t t) { return format_utc(t, "%Y-%m-%dT%H:%M:%SZ"); }
std::string utc_date(std::int64_t t) { return format_utc(t, "%Y-%m-%d"); }

bool parse_utc_timestamp(const std::string& text, std::int64_t& out) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0') return false;
  out = static_cast<std::int64_t>(timegm(&tm));
  return true;
}

}  // namespace innerscape::storage
