// The person's own choices: the few that need more than a plain value checked.
#include "core/settings.h"

namespace innerscape::core {

std::string tidy_crisis_contact(std::string_view typed) {
  std::string out;
  out.reserve(typed.size());
  for (const char c : typed) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (u >= 0x20 && u != 0x7f) {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  const std::size_t lead = out.find_first_not_of(' ');
  out.erase(0, lead == std::string::npos ? out.size() : lead);
  if (out.size() > max_crisis_contact_bytes) {
    std::size_t cut = max_crisis_contact_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.resize(cut);
  }
  return out;
}

}  // namespace innerscape::core
