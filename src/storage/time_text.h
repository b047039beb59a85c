// Times as text for files people read: UTC, in the forms the export formats promise.
#pragma once

#include <cstdint>
#include <string>

namespace innerscape::storage {

// "2026-11-29T08:30:00Z"
std::string utc_timestamp(std::int64_t seconds_since_1970);
// "2026-11-29"
std::string utc_date(std::int64_t seconds_since_1970);
// Reads "2026-11-29T08:30:00Z" back; false if the text is not in that form.
bool parse_utc_timestamp(const std::string& text, std::int64_t& out);

}  // namespace innerscape::storage
