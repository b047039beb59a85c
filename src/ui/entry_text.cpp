// How a journal page and a day are named in lists.
#include "ui/entry_text.h"

#include <ctime>

namespace innerscape::ui {

std::string local_day(std::int64_t t) {
  const auto tt = static_cast<std::time_t>(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%d %b %Y", &tm);
  return text;
}

std::string first_words(const core::Entry& e) {
  for (const core::FieldSpec& f : core::entry_type_spec(e.type).fields) {
    const std::string_view words = e.answers.text(f.key);
    if (words.empty()) continue;
    return std::string(words.substr(0, words.find('\n')));
  }
  if (e.type == core::EntryType::check_in) return "The 8 C's, rated";
  return "(no words yet)";
}

}  // namespace innerscape::ui
