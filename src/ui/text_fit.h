// Text cut to a width with an ellipsis, on a character boundary: labels and previews stay tidy.
#pragma once

#include <string>

namespace innerscape::ui {

// The text as it fits in `width` pixels of the current font, ending in "…" when cut.
std::string fit_text(const std::string& text, float width);

}  // namespace innerscape::ui
