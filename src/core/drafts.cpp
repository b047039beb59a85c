// Words still being typed into a part's field, kept so a crash cannot take them.
#include "core/drafts.h"

#include <algorithm>

namespace innerscape::core {

const std::vector<TextField>& part_text_fields() {
  static const std::vector<TextField> fields = {
      {"name", &Part::name},       {"job", &Part::job},
      {"fears", &Part::fears},     {"needs_to_feel_safe", &Part::needs_to_feel_safe},
      {"needs_to_hear", &Part::needs_to_hear}, {"body", &Part::body},
      {"feeling", &Part::feeling}, {"comfort", &Part::comfort},
      {"notes", &Part::notes},
  };
  return fields;
}

std::vector<Draft> drafts_between(const Part& saved, const Part& edited) {
  std::vector<Draft> out;
  for (const TextField& f : part_text_fields()) {
    if (saved.*f.member != edited.*f.member) out.push_back({saved.id, std::string(f.key), edited.*f.member});
  }
  return out;
}

std::vector<Part> apply_drafts(const InnerSystem& system, const std::vector<Draft>& drafts) {
  std::vector<Part> changed;
  for (const Draft& d : drafts) {
    const Part* part = find_part(system, d.part);
    const auto field = std::find_if(part_text_fields().begin(), part_text_fields().end(),
                                    [&](const TextField& f) { return f.key == d.field; });
    if (part == nullptr || field == part_text_fields().end()) continue;
    auto it = std::find_if(changed.begin(), changed.end(), [&](const Part& p) { return p.id == d.part; });
    if (it == changed.end()) {
      changed.push_back(*part);
      it = changed.end() - 1;
    }
    (*it).*(field->member) = d.text;
  }
  return changed;
}

}  // namespace innerscape::core
