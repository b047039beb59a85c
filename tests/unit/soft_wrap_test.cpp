// Word wrap for multi-line fields: the display copy's soft breaks come out exactly, lines fit their
// width and break at the last blank that fits, long words are broken, positions map both ways, and an
// edit of the display copy (its soft breaks cut or moved) comes back as the edit of the text it meant.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "ui/soft_wrap.h"

using namespace innerscape;

namespace {

// A stand-in for a font: Latin narrow, other scripts wider, CJK wide, combining marks none.
float width_of(char32_t c) {
  if (c < 0x80) return 7.0f;
  if (c >= 0x0300 && c <= 0x036F) return 0.0f;
  if ((c >= 0x3000 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xFF00 && c <= 0xFFEF)) return 16.0f;
  if (c >= 0x10000) return 18.0f;
  return 9.0f;
}
const ui::CharWidth font = width_of;

std::vector<char32_t> decode(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : 4;
    char32_t c = n == 1 ? lead : n == 2 ? lead & 0x1F : n == 3 ? lead & 0x0F : lead & 0x07;
    for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += n;
  }
  return out;
}

float width_of(const std::string& line) {
  float w = 0.0f;
  for (char32_t c : decode(line)) w += width_of(c);
  return w;
}

std::vector<std::string> lines_of(const std::string& shown) {
  std::vector<std::string> lines(1);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (shown[i] == '\r') continue;
    if (shown[i] == '\n') lines.emplace_back();
    else lines.back().push_back(shown[i]);
  }
  return lines;
}

std::string without_trailing_blanks(std::string line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
  while (line.size() >= 3 && line.compare(line.size() - 3, 3, "\u3000") == 0) line.resize(line.size() - 3);
  return line;
}

// What may not be parted from the start of a line: up to its first blank or line break, or one
// character of a script written without spaces.
std::string first_word(const std::string& line) {
  std::string word;
  for (std::size_t i = 0; i < line.size();) {
    const auto lead = static_cast<unsigned char>(line[i]);
    const std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : 4;
    const char32_t c = decode(line.substr(i, n)).front();
    if (c == ' ' || c == '\t' || c == '\n' || c == 0x3000) break;
    const bool cjk = (c >= 0x3001 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF);
    if (cjk && !word.empty()) break;
    word += line.substr(i, n);
    i += n;
    if (cjk) break;
  }
  return word;
}

// Words in many scripts, some long enough to need breaking, as answers are typed.
const std::vector<std::string> words = {
    "I",        "felt",       "small",     "when",        "she",           "didn't",  "answer,",   "and",      "then",
    "worried",  "über",       "naïve",     "café",        "Малыш",         "боится",  "остаться",  "одна",     "ילדה",
    "מפחדת",    "طفل",        "خائف",      "बच्चा",        "डरता",           "Ελπίδα",  "ความหวังของฉันยังอยู่ที่นี่", "希望",    "我很害怕被留下",
    "ひかり",   "こわかった", "희망",      "마음이",      "아팠다",        "❤",       "🌱",        "😊",       "e\u0301",
    "Pneumonoultramicroscopicsilicovolcanoconiosis", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "—",    "…",
};

std::string random_text(std::mt19937& rng) {
  std::uniform_int_distribution<int> count(0, 60);
  std::uniform_int_distribution<std::size_t> pick(0, words.size() - 1);
  std::uniform_int_distribution<int> sep(0, 19);
  std::string s;
  const int n = count(rng);
  for (int i = 0; i < n; ++i) {
    s += words[pick(rng)];
    const int k = sep(rng);
    s += k == 0 ? "\n" : k == 1 ? "  " : k == 2 ? "\n\n" : k == 3 ? "\t" : k == 4 ? "\u3000" : k == 5 ? "" : " ";
  }
  return s;
}

}  // namespace

TEST_CASE("a soft break is made of what a person can never type, and the first examples wrap as a reader expects") {
  CHECK(ui::soft_break == "\r\n");
  CHECK(ui::soft_wrap("hello world", 8 * 7.0f, font) == "hello \r\nworld");
  CHECK(ui::soft_wrap("hello world", 11 * 7.0f, font) == "hello world");  // fits exactly
  CHECK(ui::soft_wrap("one two three four", 9 * 7.0f, font) == "one two \r\nthree \r\nfour");
  CHECK(ui::soft_wrap("abcdefghij", 4 * 7.0f, font) == "abcd\r\nefgh\r\nij");  // a long word is broken
  CHECK(ui::soft_wrap("to abcdefghij", 4 * 7.0f, font) == "to \r\nabcd\r\nefgh\r\nij");
  CHECK(ui::soft_wrap("ab\ncd", 2 * 7.0f, font) == "ab\ncd");       // the person's own breaks stay as they are
  CHECK(ui::soft_wrap("ab cd\n\nef gh", 3 * 7.0f, font) == "ab \r\ncd\n\nef \r\ngh");
  CHECK(ui::soft_wrap("我很害怕被留下", 2 * 16.0f, font) == "我很\r\n害怕\r\n被留\r\n下");  // no spaces: beside any character
  CHECK(ui::soft_wrap("hi 我很害怕", 4 * 16.0f, font) == "hi 我很\r\n害怕");
  CHECK(ui::soft_wrap("word    ", 4 * 7.0f, font) == "word    ");  // blanks hang; no empty line after them
  CHECK(ui::soft_wrap("", 10.0f, font).empty());
  CHECK(ui::soft_wrap("abc", 0.0f, font) == "a\r\nb\r\nc");  // no room at all: a character a line, never none
  CHECK(ui::wrap_points("hello world", 8 * 7.0f, font) == std::vector<std::size_t>{6});
}

TEST_CASE("wrap and unwrap round-trip exactly for thousands of texts in many scripts, at every width") {
  std::mt19937 rng(1717);
  std::uniform_real_distribution<float> widths(0.0f, 600.0f);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(rng);
    const float width = round % 10 == 0 ? 7.0f : widths(rng);
    CAPTURE(text);
    CAPTURE(width);
    const std::string shown = ui::soft_wrap(text, width, font);
    REQUIRE(ui::soft_unwrap(shown) == text);
    // Every line fits, but for blanks hanging at its end or a single character wider than the field.
    for (const std::string& line : lines_of(shown)) {
      const std::string inked = without_trailing_blanks(line);
      if (decode(inked).size() > 1) CHECK(width_of(inked) <= width);
    }
    // Greedy: the first word of each wrapped line would not have fitted on the line before it.
    const std::vector<std::size_t> points = ui::wrap_points(text, width, font);
    for (std::size_t k = 0; k < points.size(); ++k) {
      std::size_t line_start = text.rfind('\n', points[k] - 1);
      line_start = line_start == std::string::npos ? 0 : line_start + 1;
      if (k > 0 && points[k - 1] > line_start) line_start = points[k - 1];
      const std::string before = text.substr(line_start, points[k] - line_start);
      const std::string next = first_word(text.substr(points[k], k + 1 < points.size() ? points[k + 1] - points[k] : std::string::npos));
      REQUIRE(!next.empty());
      CHECK(width_of(before) + width_of(next) > width);
    }
    // Positions map both ways: every text position has its place on screen and comes back from it.
    for (std::size_t t = 0; t <= text.size(); ++t) CHECK(ui::text_position(shown, ui::shown_position(shown, t)) == t);
  }
}

TEST_CASE("an edit near a soft break means what the person did: typing, Enter, Backspace and Delete across it") {
  const std::string before = ui::soft_wrap("hello world", 8 * 7.0f, font);  // "hello \r\nworld"
  REQUIRE(before == "hello \r\nworld");
  // The edited display copy, and where its cursor is after the edit.
  auto edit = [&](const std::string& after, std::size_t cursor, bool forward = false) { return ui::take_edit(before, after, cursor, forward).text; };
  CHECK(edit("hello X\r\nworld", 7) == "hello Xworld");     // typed at the end of the first line
  CHECK(edit("hello \r\nXworld", 9) == "hello Xworld");     // at the start of the next
  CHECK(edit("hello \rX\nworld", 8) == "hello Xworld");     // between the two halves of the soft break
  CHECK(edit("hello \n\r\nworld", 7) == "hello \nworld");   // Enter before it: the person's own break
  CHECK(edit("hello \r\n\nworld", 8) == "hello \nworld");   // Enter inside it...
  CHECK(edit("hello \r\n\nworld", 9) == "hello \nworld");   // ...or after it: the same
  CHECK(edit("hello \rworld", 7) == "helloworld");          // Backspace at the start of the wrapped line: the blank before goes
  CHECK(edit("hello \rworld", 7, true) == "hello orld");    // Delete at the end of the first line: the letter after goes
  CHECK(edit("hello \r\norld", 8) == "hello orld");
  CHECK(edit("hellorld", 4) == "hellorld");                  // a selection across the break, deleted
  CHECK(edit("hellXorld", 5) == "hellXorld");                // ...or typed over
  CHECK(edit("hello \r\nworld", 8) == "hello world");       // no edit at all
  // The same bytes from two edits: a line break typed over "o \r" (the soft break's '\n' left
  // behind), or "o \r" deleted; only the cursor tells them apart.
  CHECK(edit("hell\nworld", 5) == "hell\nworld");
  CHECK(edit("hell\nworld", 4) == "hellworld");

  // The cursor after the edit, as a text position.
  const std::string after = "hello \r\nXworld";
  const ui::TakenEdit e = ui::take_edit(before, after, 9, false);
  CHECK(ui::edited_position(e, before, after, 9) == 7);   // just after the typed X
  CHECK(ui::edited_position(e, before, after, 0) == 0);
  CHECK(ui::edited_position(e, before, after, after.size()) == e.text.size());
  const ui::TakenEdit back = ui::take_edit(before, "hello \rworld", 7, false);
  CHECK(ui::edited_position(back, before, "hello \rworld", 7) == 5);  // where the blank was
}

TEST_CASE("random edits of the display copy come back as the same edits of the text") {
  std::mt19937 rng(4242);
  const std::vector<std::string> typed = {"a", "é", "ж", "希", "😊", " ", "\n", "word ", "two\nlines", ""};
  for (int round = 0; round < 4000; ++round) {
    const std::string text = random_text(rng);
    const float width = std::uniform_real_distribution<float>(20.0f, 300.0f)(rng);
    const std::string before = ui::soft_wrap(text, width, font);
    // Any span of the display copy replaced by what might be typed or pasted: from and to character
    // boundaries, never between the two halves of a soft break (the field keeps its cursor and its
    // selection out of there; the keys that take half of one are checked above).
    std::vector<std::size_t> bounds;
    for (std::size_t i = 0; i <= before.size(); ++i) {
      if (i > 0 && before[i - 1] == '\r') continue;
      if (i == before.size() || (static_cast<unsigned char>(before[i]) & 0xC0) != 0x80) bounds.push_back(i);
    }
    std::uniform_int_distribution<std::size_t> at(0, bounds.size() - 1);
    std::size_t x = bounds[at(rng)], y = bounds[at(rng)];
    if (x > y) std::swap(x, y);
    if (y - x > 12) y = x;  // mostly small edits, as keys make them
    const std::string inserted = typed[std::uniform_int_distribution<std::size_t>(0, typed.size() - 1)(rng)];
    const std::string after = before.substr(0, x) + inserted + before.substr(y);
    CAPTURE(before);
    CAPTURE(after);
    const std::size_t tx = ui::text_position(before, x), ty = ui::text_position(before, y);
    const ui::TakenEdit e = ui::take_edit(before, after, x + inserted.size(), false);
    const std::string meant = text.substr(0, tx) + inserted + text.substr(ty);
    REQUIRE(e.text == meant);
    // The cursor after what was inserted lands after it in the text as well.
    CHECK(ui::edited_position(e, before, after, x + inserted.size()) == tx + inserted.size());
  }
}
