// Small pieces of English composed from numbers and names.
#include "core/wording.h"

#include <cctype>

namespace innerscape::core {

std::string counted(long long n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 || n == -1 ? one : many);
}

std::string_view article_for(std::string_view word) {
  if (word.empty()) return "a";
  const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(word.front())));
  // By the first letter: right for every kind and archetype name the app has; English has exceptions
  // ("a unicorn", "an hour") that no name here is.
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ? "an" : "a";
}

std::string with_article(std::string_view word, bool capital) {
  std::string out(article_for(word));
  if (capital) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out + " " + std::string(word);
}

}  // namespace innerscape::core
