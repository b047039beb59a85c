// What the three files of the Session share (session.cpp, session_actions.cpp, session_canvas.cpp):
// small helpers about time, paths and drawings. Internal to the app layer.
#pragma once

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

#include "core/edits.h"
#include "core/inner_system.h"

namespace innerscape::app::detail {

// Whether an edit only changes one drawing's strokes, title or paper: what undo may take back while
// that drawing is on the canvas.
inline bool only_this_drawing(const core::Edit& edit, core::DrawingId id) {
  for (const core::Step& step : edit.steps) {
    const auto* add = std::get_if<core::AddStroke>(&step);
    const auto* set = std::get_if<core::SetStrokes>(&step);
    const auto* replace = std::get_if<core::ReplaceDrawing>(&step);
    const bool ours = (add != nullptr && add->drawing == id) || (set != nullptr && set->drawing == id) ||
                      (replace != nullptr && replace->before.id == id);
    if (!ours) return false;
  }
  return !edit.steps.empty();
}

inline std::int64_t wall_clock_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

// "~/pictures/map.png" means the home folder, as people type it.
inline std::filesystem::path expand_home(const std::filesystem::path& path) {
  const std::string text = path.string();
  const char* home = std::getenv("HOME");
  if (home != nullptr && (text == "~" || text.starts_with("~/"))) return std::filesystem::path(home) / text.substr(text == "~" ? 1 : 2);
  return path;
}

inline std::string default_picture_path() {
  const char* home = std::getenv("HOME");
  const std::filesystem::path dir = home != nullptr ? std::filesystem::path(home) : std::filesystem::current_path();
  return (dir / "innerscape-map.png").string();
}

// A drawing's picture goes to the home folder under its title, made safe for any file system.
inline std::string default_drawing_path(const core::InnerSystem& system, core::DrawingId id) {
  const core::Drawing* d = core::find_drawing(system, id);
  std::string slug;
  for (const char ch : d != nullptr ? d->title : std::string()) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 && c < 128) {
      slug += static_cast<char>(std::tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) slug = "drawing-" + std::to_string(id);
  const char* home = std::getenv("HOME");
  const std::filesystem::path dir = home != nullptr ? std::filesystem::path(home) : std::filesystem::current_path();
  return (dir / ("innerscape-" + slug + ".png")).string();
}

}  // namespace innerscape::app::detail
