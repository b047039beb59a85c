// Small pieces of English the app composes from numbers and names: "1 minute", "3 parts", "an Exile".
#pragma once

#include <string>
#include <string_view>

namespace innerscape::core {

// "1 relationship", "0 relationships", "12 relationships".
std::string counted(long long n, std::string_view one, std::string_view many);

// The article a word takes when it is spoken: "an" before a vowel sound, else "a" ("an Exile", "a Manager").
std::string_view article_for(std::string_view word);

// The word with its article, the article capitalized when `capital`: "An Exile", "a Firefighter".
std::string with_article(std::string_view word, bool capital = false);

}  // namespace innerscape::core
