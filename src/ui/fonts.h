// The overlay's typeface: a real TTF rasterized by FreeType at a size that reads well.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <imgui.h>

namespace innerscape::ui {

struct FontResult {
  std::filesystem::path path;  // the file used; empty when ImGui's built-in font stands in
  std::string message;         // why no TTF was used, for the log
};

// A script's own face (Noto Sans Arabic, Hebrew, Devanagari...), merged into the overlay's font for
// the characters of its blocks that the text uses. No blocks: a last resort for anything still missing.
struct FallbackFont {
  std::filesystem::path file;
  std::vector<std::pair<char32_t, char32_t>> blocks;
};

// The characters beyond Latin that the overlay shows, gathered from the text it actually draws
// (names, journal pages, what is typed), so the atlas holds those glyphs and no more. When new
// ones appear, load the fonts again between frames (and upload the atlas).
struct GlyphNeeds {
  std::vector<FallbackFont> fallbacks;  // tried in order; a face found missing on disk is skipped
  std::set<char32_t> wanted;            // beyond the base ranges, within ImGui's 16-bit characters

  bool note(std::string_view utf8);     // true when the text holds a character not wanted before
  bool note(char32_t c);

  // Kept for the atlas, which holds pointers to its ranges until it is cleared.
  std::vector<ImWchar> body_ranges;
  std::vector<std::vector<ImWchar>> fallback_ranges;
};

// TTF files to try for the overlay, best first, from Debian's font packages (load_fonts' candidates).
std::vector<std::filesystem::path> font_candidates();

// Each script's own Noto face (fonts-noto-core), for the names and words Noto Sans has no glyphs
// for, then DejaVu Sans as a last resort for symbols. Only faces the text needs are ever loaded.
std::vector<FallbackFont> fallback_fonts();

// Loads the first candidate that exists as the default font at pixel_size, plus a larger one
// for headings; with `needs`, both merge the fallback faces for the wanted characters.
// Call before the first UI frame (or between frames, then upload the atlas again).
FontResult load_fonts(const std::vector<std::filesystem::path>& candidates, float pixel_size, GlyphNeeds* needs = nullptr);

// The heading font loaded by load_fonts (the default font if none).
void push_heading_font();
void pop_heading_font();

}  // namespace innerscape::ui
