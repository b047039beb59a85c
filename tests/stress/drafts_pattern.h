// What the drafts writer types, shared with the test that checks it: word i goes to page (i - 1) % 5,
// so after n words every page's text is known exactly.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/page_drafts.h"

namespace innerscape::test {

inline constexpr std::size_t drafts_pages = 5;

inline std::size_t page_of_word(long i) { return static_cast<std::size_t>(i - 1) % drafts_pages; }
inline core::EntryType kind_of_page(std::size_t k) { return static_cast<core::EntryType>(k); }
// The first free-text field of a kind of page: where its words go.
inline std::string_view field_of(core::EntryType type) {
  for (const core::FieldSpec& f : core::entry_type_spec(type).fields) {
    if (f.kind == core::FieldKind::text) return f.key;
  }
  return {};
}
inline std::string word(long i) { return "w" + std::to_string(i) + "\u2600 "; }  // a sun: not only ASCII

// Words on a page as the writer types them (each ends with a space).
inline long words_on(const core::PageDraft& page) {
  const std::string_view text = page.entry.answers.text(field_of(page.entry.type));
  return static_cast<long>(std::count(text.begin(), text.end(), ' '));
}

// Page k's text after n words in all.
inline std::string expected_text(std::size_t k, long n) {
  std::string out;
  for (long i = static_cast<long>(k) + 1; i <= n; i += static_cast<long>(drafts_pages)) out += word(i);
  return out;
}

}  // namespace innerscape::test
