// File content made safe to show in a message: control characters escaped, long content cut.
#include "storage/printable.h"

#include <cstdio>

namespace innerscape::storage {
namespace {

// The length of the UTF-8 sequence starting at text[i] and the code point it encodes; 0 when the
// bytes there are not well-formed UTF-8 (then the first byte is shown as \xNN).
std::size_t decode(std::string_view text, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  std::size_t n = 0;
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  if (b >= 0xC2 && b <= 0xDF) n = 2, cp = b & 0x1Fu;
  else if (b >= 0xE0 && b <= 0xEF) n = 3, cp = b & 0x0Fu;
  else if (b >= 0xF0 && b <= 0xF4) n = 4, cp = b & 0x07u;
  else return 0;
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Characters a terminal acts on, or that change how the text around them reads, without showing.
bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

void escape(char32_t cp, std::string& out) {
  switch (cp) {
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
  }
  char code[8];
  std::snprintf(code, sizeof code, "\\u%04x", static_cast<unsigned>(cp));
  out += code;
}

// printable() of `text`, also escaping quotes and backslashes when `as_json`, stopping after
// `max_chars` characters (and saying so with "…").
std::string shown(std::string_view text, bool as_json, std::size_t max_chars) {
  std::string out;
  out.reserve(text.size());
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (chars++ == max_chars) {
      out += "…";
      break;
    }
    char32_t cp = 0;
    const std::size_t n = decode(text, i, cp);
    if (n == 0) {
      char code[8];
      std::snprintf(code, sizeof code, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
      out += code;
      ++i;
      continue;
    }
    if (is_control(cp)) escape(cp, out);
    else if (as_json && (cp == '"' || cp == '\\')) out += '\\', out += static_cast<char>(cp);
    else out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::string printable(std::string_view text) { return shown(text, false, std::string::npos); }

std::string in_quotes(std::string_view text, std::size_t max_chars) { return "\"" + shown(text, true, max_chars) + "\""; }

}  // namespace innerscape::storage
