// The overlay's typeface: a real TTF rasterized by FreeType at a size that reads well.
#include "ui/fonts.h"

#include <system_error>

#include <imgui.h>
#include <imgui_freetype.h>

namespace innerscape::ui {
namespace {

// The heading font is the atlas's second font when a TTF loaded; index 0 otherwise.
constexpr int heading_font_index = 1;

// Latin and Latin-1, plus general punctuation (the ellipsis, dashes, curly quotes) the words use.
// Constant data: the atlas keeps a pointer to it for its whole life.
constexpr ImWchar glyph_ranges[] = {0x0020, 0x00FF, 0x2010, 0x205E, 0};

}  // namespace

FontResult load_fonts(const std::vector<std::filesystem::path>& candidates, float pixel_size) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;


  for (const auto& path : candidates) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    ImFontConfig config;
    config.OversampleH = 1;  // FreeType hints; oversampling would only blur and cost atlas space
    config.OversampleV = 1;
    ImFont* body = io.Fonts->AddFontFromFileTTF(path.c_str(), pixel_size, &config, glyph_ranges);
    if (body == nullptr) continue;
    io.Fonts->AddFontFromFileTTF(path.c_str(), pixel_size * 1.45f, &config, glyph_ranges);
    return {path, {}};
  }
  ImFontConfig fallback;
  fallback.SizePixels = pixel_size;
  io.Fonts->AddFontDefault(&fallback);
  return {{}, "No TTF font was found (looked for Noto Sans and DejaVu Sans); using ImGui's built-in font. "
              "Install fonts-noto-core or fonts-dejavu-core for clearer text."};
}

void push_heading_font() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  ImGui::PushFont(atlas->Fonts.Size > heading_font_index ? atlas->Fonts[heading_font_index] : atlas->Fonts[0]);
}

void pop_heading_font() { ImGui::PopFont(); }

}  // namespace innerscape::ui
