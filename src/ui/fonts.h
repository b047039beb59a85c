// The overlay's typeface: a real TTF rasterized by FreeType at a size that reads well.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace innerscape::ui {

struct FontResult {
  std::filesystem::path path;  // the file used; empty when ImGui's built-in font stands in
  std::string message;         // why no TTF was used, for the log
};

// Loads the first candidate that exists as the default font at pixel_size, plus a larger one
// for headings. Call before the first UI frame (or after clearing the atlas).
FontResult load_fonts(const std::vector<std::filesystem::path>& candidates, float pixel_size);

// The heading font loaded by load_fonts (the default font if none).
void push_heading_font();
void pop_heading_font();

}  // namespace innerscape::ui
