// File content made safe to show in a message: a file a person imports may hold anything, and what a
// message repeats from it must never move, retitle or clear their terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace innerscape::storage {

// `text` with every control character written out as an escape, so it shows rather than acts: line
// breaks and tabs as \n, \r and \t, other C0 and C1 controls, DEL and the invisible marks that turn
// text around (bidirectional overrides and isolates, line and paragraph separators) as \u001b and
// the like, and bytes that are not UTF-8 as \xff. Everything else, any script, passes unchanged.
// What comes out holds no control character, so printable(printable(t)) == printable(t).
std::string printable(std::string_view text);

// A piece of file content (an id, a name) for a message: printable(), with its quotes and
// backslashes escaped as JSON writes them, in double quotes, and cut to `max_chars` characters
// (then ending in "…"), so a message stays one short line however long the content.
std::string in_quotes(std::string_view text, std::size_t max_chars = 60);

}  // namespace innerscape::storage
