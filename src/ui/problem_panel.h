// Tells a person, calmly, when part of the scene could not be drawn, with the details for a bug report.
#pragma once

#include <string>

namespace innerscape::ui {

struct ProblemPanel {
  bool open = true;

  void draw(const char* title, const std::string& details);
};

}  // namespace innerscape::ui
