// Word wrap for multi-line fields, as pure functions: where a text's lines break to fit a width, the
// display copy with a soft break at each of those places, and the way back to the text. Dear ImGui
// 1.86 cannot wrap an InputTextMultiline, so the field edits the display copy (ui/wrapped_field.h).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace innerscape::ui {

// A soft break: a line break the person never typed. ImGui drops '\r' from typed and pasted text and
// neither draws nor measures it, so "\r\n" can only ever be one of these; '\n' alone is the person's own.
inline constexpr std::string_view soft_break = "\r\n";

// The width of one character, in pixels.
using CharWidth = std::function<float(char32_t)>;

// Where the lines of `text` break so that each fits in `width`: byte offsets into text, increasing,
// each the first byte of a line that continues the one before. Greedy, line by line of the text's own
// ('\n'): a line breaks after its last blank that fits, or beside a CJK character (those scripts put no
// spaces between words); a word longer than a whole line is broken where it overflows. Blanks at a
// line's end may hang past the edge, as in a word processor. Never 0, never text.size().
std::vector<std::size_t> wrap_points(std::string_view text, float width, const CharWidth& char_width);

// The display copy: `text` with soft_break at each wrap point. `text` holds no '\r' (the field takes
// them out first: a carriage return is never typed).
std::string soft_wrap(std::string_view text, float width, const CharWidth& char_width);

// The text of a display copy: every soft break taken out (and any '\r' an edit left alone).
// soft_unwrap(soft_wrap(t, ...)) == t for every t without '\r'.
std::string soft_unwrap(std::string_view shown);

// A position in the display copy as one in its text: the bytes before it that are not soft breaks.
std::size_t text_position(std::string_view shown, std::size_t shown_pos);
// A position in the text as one in its display copy; where a soft break sits at that place, the
// position after it (the start of the next line, where typing goes on).
std::size_t shown_position(std::string_view shown, std::size_t text_pos);

// An edit the person made to a display copy, taken back to the text. `before` is the display copy as
// it was (soft breaks only where soft_wrap put them); `after` is what the field holds now, its soft
// breaks perhaps cut in two or moved by the edit, and `cursor` where its cursor is now (an edit ends
// there: typing leaves it after what was typed, deleting where the text went). The changed span is
// found between the common start and end, on either side of the cursor; only what was inserted there
// is kept as typed (a '\n' on its own), so an edit near a soft break never turns it into a line break
// of the person's. A key that deletes half of a soft break (Backspace at the start of a wrapped line)
// deletes the character beside it instead, before it or, `delete_forward`, after it.
struct TakenEdit {
  std::string text;            // the whole text after the edit
  std::size_t shown_prefix = 0;  // bytes of `before` and `after` alike at the start...
  std::size_t shown_suffix = 0;  // ...and at the end
  std::size_t kept_before = 0;   // text bytes kept before the changed span
  std::size_t kept_after = 0;    // text bytes kept after it
};
TakenEdit take_edit(std::string_view before, std::string_view after, std::size_t cursor, bool delete_forward);
// A position in `after` (the cursor, a selection's end) as one in the edited text.
std::size_t edited_position(const TakenEdit& edit, std::string_view before, std::string_view after, std::size_t after_pos);

}  // namespace innerscape::ui
