#include "storage/answers_json.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace innerscape::storage {

nlohmann::ordered_json answers_to_json(const core::Answers& answers) {
  nlohmann::ordered_json text = nlohmann::ordered_json::object();
  nlohmann::ordered_json ratings = nlohmann::ordered_json::object();
  nlohmann::ordered_json checked = nlohmann::ordered_json::object();
  for (const core::Answers::Field& f : answers) {
    const std::string key(f.key);
    switch (f.kind) {
      case core::Answers::Kind::text: text[key] = std::string(f.text()); break;
      case core::Answers::Kind::rating: ratings[key] = f.rating(); break;
      case core::Answers::Kind::choices: {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (std::string_view c : f.choices()) list.push_back(std::string(c));
        checked[key] = std::move(list);
        break;
      }
    }
  }
  return {{"text", std::move(text)}, {"ratings", std::move(ratings)}, {"checked", std::move(checked)}};
}

std::string read_answers(const nlohmann::json& page, core::Answers& into, const core::EntryTypeSpec* spec,
                         const std::string& where) {
  // All the room at once (a little more than needed: keys known to every entry type are shorter).
  std::size_t bytes = into.byte_size();
  for (const char* group : {"text", "ratings", "checked"}) {
    const auto found = page.find(group);
    if (found == page.end() || !found->is_object()) continue;
    for (const auto& [key, value] : found->items()) {
      bytes += 6 + key.size() + (value.is_string() ? value.get_ref<const std::string&>().size() : 4);
      if (value.is_array()) {
        for (const auto& c : value) bytes += 2 + (c.is_string() ? c.get_ref<const std::string&>().size() : 0);
      }
    }
  }
  into.reserve(bytes);
  for (const char* group : {"text", "ratings", "checked"}) {
    const auto found = page.find(group);
    if (found == page.end() || found->is_null()) continue;
    if (!found->is_object()) {
      if (spec != nullptr) return where + "." + group + ": expected an object";
      continue;
    }
    const std::string_view kind(group);
    for (const auto& [key, value] : found->items()) {
      const std::string at = where + "." + group + "." + key;
      const core::FieldSpec* field = spec != nullptr ? core::find_field(*spec, key) : nullptr;
      if (spec != nullptr && field == nullptr) return at + ": " + std::string(spec->key) + " entries have no such field";
      if (kind == "text") {
        if (value.is_string()) {
          into.set_text(key, value.get_ref<const std::string&>());
        } else if (spec != nullptr) {
          return at + ": expected a string";
        }
      } else if (kind == "ratings") {
        const bool whole = value.is_number_integer();
        if (spec != nullptr && (!whole || value.get<long long>() < 0 || value.get<long long>() > core::max_rating)) {
          return at + ": expected a whole number from 0 to " + std::to_string(core::max_rating);
        }
        if (whole) into.set_rating(key, static_cast<int>(std::clamp<long long>(value.get<long long>(), 0, core::max_rating)));
      } else {
        if (!value.is_array()) {
          if (spec != nullptr) return at + ": expected a list";
          continue;
        }
        std::vector<std::string_view> chosen;
        for (const auto& c : value) {
          const bool offered = c.is_string() && (field == nullptr || std::any_of(field->choices.begin(), field->choices.end(),
                                                                                  [&](const core::ChoiceSpec& s) { return s.key == c.get_ref<const std::string&>(); }));
          if (spec != nullptr && !offered) return at + ": expected choices this field offers";
          if (c.is_string()) chosen.push_back(c.get_ref<const std::string&>());
        }
        into.set_choices(key, chosen);
      }
    }
  }
  return {};
}

}  // namespace innerscape::storage
