// A quiet line (the theme's muted colour) that wraps at the panel's width, so a hint or a note never
// runs past the panel's edge at any text size.
#pragma once

#include <string>

namespace innerscape::ui {

void quiet_text(const std::string& text);

}  // namespace innerscape::ui
