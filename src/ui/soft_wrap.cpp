// Word wrap for multi-line fields, as pure functions: wrap points, the display copy, and the way back.
#include "ui/soft_wrap.h"

#include <algorithm>

namespace innerscape::ui {
namespace {

struct Decoded {
  char32_t c;
  std::size_t n;  // bytes
};

// One UTF-8 character; a byte that starts no valid character stands alone, as U+FFFD.
Decoded decode(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = b(i);
  if (lead < 0x80) return {lead, 1};
  std::size_t n = 0;
  char32_t c = 0;
  if ((lead & 0xE0) == 0xC0) n = 2, c = lead & 0x1F;
  else if ((lead & 0xF0) == 0xE0) n = 3, c = lead & 0x0F;
  else if ((lead & 0xF8) == 0xF0) n = 4, c = lead & 0x07;
  else return {0xFFFD, 1};
  if (i + n > s.size()) return {0xFFFD, 1};
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
    c = (c << 6) | (b(i + k) & 0x3F);
  }
  return {c, n};
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool blank(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }

// Scripts written without spaces between words, where a line may break beside any character.
bool breaks_around(char32_t c) {
  return (c >= 0x3001 && c <= 0x30FF) ||   // CJK punctuation, hiragana, katakana
         (c >= 0x3400 && c <= 0x4DBF) ||   // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||   // CJK unified ideographs
         (c >= 0xAC00 && c <= 0xD7AF) ||   // Hangul syllables
         (c >= 0xF900 && c <= 0xFAFF) ||   // CJK compatibility ideographs
         (c >= 0xFF00 && c <= 0xFFEF) ||   // full-width forms
         (c >= 0x20000 && c <= 0x3FFFF);   // CJK extensions B and beyond
}

bool soft_break_at(std::string_view shown, std::size_t i) { return shown[i] == '\r'; }

}  // namespace

std::vector<std::size_t> wrap_points(std::string_view text, float width, const CharWidth& char_width) {
  std::vector<std::size_t> points;
  constexpr std::size_t none = std::string_view::npos;
  std::size_t line_start = 0;   // where the current visual line starts
  std::size_t opportunity = none;  // the last place on it where a break may go
  float x = 0.0f;
  std::size_t i = 0;
  while (i < text.size()) {
    const Decoded d = decode(text, i);
    if (d.c == '\n') {
      i += d.n;
      line_start = i, opportunity = none, x = 0.0f;
      continue;
    }
    const float w = char_width(d.c);
    if (blank(d.c)) {  // blanks hang at a line's end; the break goes after them
      x += w;
      i += d.n;
      opportunity = i;
      continue;
    }
    if (breaks_around(d.c) && i > line_start) opportunity = i;
    if (i > line_start && !(x + w <= width)) {  // (a NaN width breaks everywhere rather than nowhere)
      const std::size_t at = opportunity != none && opportunity > line_start ? opportunity : i;
      points.push_back(at);
      // The next line starts at the break: measured again from there.
      i = line_start = at;
      opportunity = none;
      x = 0.0f;
      continue;
    }
    x += w;
    i += d.n;
    if (breaks_around(d.c)) opportunity = i;
  }
  return points;
}

std::string soft_wrap(std::string_view text, float width, const CharWidth& char_width) {
  const std::vector<std::size_t> points = wrap_points(text, width, char_width);
  std::string shown;
  shown.reserve(text.size() + points.size() * soft_break.size());
  std::size_t from = 0;
  for (std::size_t at : points) {
    shown.append(text.substr(from, at - from));
    shown.append(soft_break);
    from = at;
  }
  shown.append(text.substr(from));
  return shown;
}

std::string soft_unwrap(std::string_view shown) {
  std::string text;
  text.reserve(shown.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (soft_break_at(shown, i)) {
      if (i + 1 < shown.size() && shown[i + 1] == '\n') ++i;
      continue;
    }
    text.push_back(shown[i]);
  }
  return text;
}

std::size_t text_position(std::string_view shown, std::size_t shown_pos) {
  shown_pos = std::min(shown_pos, shown.size());
  std::size_t n = 0;
  for (std::size_t i = 0; i < shown_pos; ++i) {
    if (soft_break_at(shown, i)) {
      if (i + 1 < shown_pos && shown[i + 1] == '\n') ++i;
      continue;
    }
    ++n;
  }
  return n;
}

std::size_t shown_position(std::string_view shown, std::size_t text_pos) {
  std::size_t n = 0;
  std::size_t i = 0;
  while (i < shown.size()) {
    if (soft_break_at(shown, i)) {
      i += i + 1 < shown.size() && shown[i + 1] == '\n' ? 2 : 1;
      continue;
    }
    if (n == text_pos) return i;
    ++n, ++i;
  }
  return shown.size();
}

TakenEdit take_edit(std::string_view before, std::string_view after, std::size_t cursor, bool delete_forward) {
  TakenEdit e;
  // Where bytes repeat, the same `after` can come from different edits ("\n" typed after a soft break,
  // or the soft break's own '\n' left behind by a deletion): the cursor tells them apart.
  cursor = std::min(cursor, after.size());
  const std::size_t common = std::min(before.size(), after.size());
  std::size_t p = 0;
  while (p < std::min(common, cursor) && before[p] == after[p]) ++p;
  std::size_t s = 0;
  while (s < std::min(common - p, after.size() - cursor) && before[before.size() - 1 - s] == after[after.size() - 1 - s]) ++s;
  e.shown_prefix = p, e.shown_suffix = s;

  const std::string before_text = soft_unwrap(before);
  std::size_t a = text_position(before, p);
  std::size_t b = text_position(before, before.size() - s);
  std::string inserted = soft_unwrap(after.substr(p, after.size() - s - p));  // soft breaks still whole in it are not the person's
  if (inserted.empty() && before.size() - s == p + 1 && a == b) {
    // One half of a soft break went, as Backspace or Delete take one character: the person meant the
    // character beside it. (A soft break selected whole and deleted changes nothing: it comes back.)
    if (delete_forward) {
      if (b < before_text.size()) {
        ++b;
        while (b < before_text.size() && continuation(before_text[b])) ++b;
      }
    } else if (a > 0) {
      --a;
      while (a > 0 && continuation(before_text[a])) --a;
    }
  }
  e.kept_before = a;
  e.kept_after = before_text.size() - b;
  e.text.reserve(a + inserted.size() + e.kept_after);
  e.text.append(before_text, 0, a);
  e.text.append(inserted);
  e.text.append(before_text, b, std::string::npos);
  return e;
}

std::size_t edited_position(const TakenEdit& edit, std::string_view before, std::string_view after, std::size_t after_pos) {
  after_pos = std::min(after_pos, after.size());
  if (after_pos <= edit.shown_prefix) return std::min(text_position(before, after_pos), edit.kept_before);
  if (after_pos >= after.size() - edit.shown_suffix) {
    const std::size_t before_pos = before.size() - (after.size() - after_pos);
    const std::size_t from_end = text_position(before, before.size()) - text_position(before, before_pos);
    return edit.text.size() - std::min(from_end, edit.kept_after);
  }
  const std::size_t n = edit.kept_before + text_position(after.substr(edit.shown_prefix), after_pos - edit.shown_prefix);
  return std::min(n, edit.text.size());
}

}  // namespace innerscape::ui
