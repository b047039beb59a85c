// Words still being typed into a part's field, kept so a crash cannot take them: the store writes
// them as they are typed, and a restart puts them back in place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/inner_system.h"

namespace innerscape::core {

struct Draft {
  PartId part = 0;
  std::string field;  // a text field's key, as in part_text_fields()
  std::string text;
  bool operator==(const Draft&) const = default;
};

struct TextField {
  std::string_view key;
  std::string Part::*member;
};

// Every free-text field of a part, by a stable key.
const std::vector<TextField>& part_text_fields();

// The drafts `edited` holds against `saved`: one per text field that differs.
std::vector<Draft> drafts_between(const Part& saved, const Part& edited);

// Puts drafts back into their parts (unknown parts or fields are skipped). Returns the parts
// as they would be with the drafts in place, one per part that changed.
std::vector<Part> apply_drafts(const InnerSystem& system, const std::vector<Draft>& drafts);

}  // namespace innerscape::core
