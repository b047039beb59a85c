// A short, gentle word at the bottom of the screen (a part blending with the Self, say), until dismissed.
#pragma once

#include <string>

namespace innerscape::ui {

struct NoticePanel {
  std::string text;  // empty: nothing shown

  void draw();
};

}  // namespace innerscape::ui
