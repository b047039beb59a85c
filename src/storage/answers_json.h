// A journal page's answers as JSON, the one shape both the database (an entry's body) and the JSON
// export use: {"text": {key: words}, "ratings": {key: 0..10}, "checked": {key: [choice keys]}}.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/journal.h"

namespace innerscape::storage {

nlohmann::ordered_json answers_to_json(const core::Answers& answers);

// Reads the three groups from `page` (an object holding them) into `into`.
// With `spec`, strictly: a field the entry type lacks, a value of the wrong kind, a rating outside
// 0..10 or a choice the field does not offer is an error naming where (`where`.group.key), and the
// message is returned. Without, leniently: anything malformed is skipped (a damaged row still opens).
std::string read_answers(const nlohmann::json& page, core::Answers& into, const core::EntryTypeSpec* spec = nullptr,
                         const std::string& where = {});

}  // namespace innerscape::storage
