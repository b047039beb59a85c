// How a journal page and a day are named in lists: the date in the person's own time zone, and a
// page's first words.
#pragma once

#include <cstdint>
#include <string>

#include "core/journal.h"

namespace innerscape::ui {

std::string local_day(std::int64_t t);  // "03 Mar 2026"
std::string first_words(const core::Entry& e);

}  // namespace innerscape::ui
