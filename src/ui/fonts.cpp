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

bool in_base_ranges(char32_t c) {
  for (const ImWchar* r = glyph_ranges; r[0] != 0; r += 2) {
    if (c >= r[0] && c <= r[1]) return true;
  }
  return false;
}

// The wanted characters as ImGui ranges (pairs, zero-ended); `base` adds the Latin ones first.
std::vector<ImWchar> ranges_of(const std::set<char32_t>& chars, bool base) {
  ImFontGlyphRangesBuilder builder;
  if (base) builder.AddRanges(glyph_ranges);
  for (char32_t c : chars) builder.AddChar(static_cast<ImWchar>(c));
  ImVector<ImWchar> built;
  builder.BuildRanges(&built);
  return {built.begin(), built.end()};
}

bool in_blocks(const FallbackFont& font, char32_t c) {
  if (font.blocks.empty()) return true;
  for (const auto& [first, last] : font.blocks) {
    if (c >= first && c <= last) return true;
  }
  return false;
}

// Works out, once per load, which fallback faces are needed and for which characters.
void plan_fallbacks(GlyphNeeds& needs) {
  needs.body_ranges = ranges_of(needs.wanted, true);
  needs.fallback_ranges.assign(needs.fallbacks.size(), {});
  for (std::size_t i = 0; i < needs.fallbacks.size(); ++i) {
    std::set<char32_t> mine;
    for (char32_t c : needs.wanted) {
      if (in_blocks(needs.fallbacks[i], c)) mine.insert(c);
    }
    std::error_code ec;
    if (!mine.empty() && std::filesystem::is_regular_file(needs.fallbacks[i].file, ec)) needs.fallback_ranges[i] = ranges_of(mine, false);
  }
}

// Merges each needed fallback face into the font just added. ImGui keeps the glyphs a face before
// it already has, so the main face wins and each script's own face fills in what it lacks.
void merge_fallbacks(const GlyphNeeds& needs, float pixel_size) {
  ImGuiIO& io = ImGui::GetIO();
  for (std::size_t i = 0; i < needs.fallbacks.size(); ++i) {
    if (needs.fallback_ranges[i].empty()) continue;
    ImFontConfig config;
    config.MergeMode = true;
    config.OversampleH = 1;
    config.OversampleV = 1;
    io.Fonts->AddFontFromFileTTF(needs.fallbacks[i].file.c_str(), pixel_size, &config, needs.fallback_ranges[i].data());
  }
}

}  // namespace

bool GlyphNeeds::note(char32_t c) {
  if (c < 0x20 || c > 0xFFFF || in_base_ranges(c)) return false;  // ImGui 1.86 as Debian builds it: 16-bit characters
  return wanted.insert(c).second;
}

bool GlyphNeeds::note(std::string_view utf8) {
  bool fresh = false;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {  // the common case: nothing to do
      ++i;
      continue;
    }
    const int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    char32_t c = length == 4 ? b & 0x07u : length == 3 ? b & 0x0Fu : b & 0x1Fu;
    for (int k = 1; k < length && i + static_cast<std::size_t>(k) < utf8.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    }
    if (length > 1) fresh = note(c) || fresh;
    i += static_cast<std::size_t>(length);
  }
  return fresh;
}

FontResult load_fonts(const std::vector<std::filesystem::path>& candidates, float pixel_size, GlyphNeeds* needs) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  if (needs != nullptr) plan_fallbacks(*needs);
  const ImWchar* ranges = needs != nullptr ? needs->body_ranges.data() : glyph_ranges;

  for (const auto& path : candidates) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    ImFontConfig config;
    config.OversampleH = 1;  // FreeType hints; oversampling would only blur and cost atlas space
    config.OversampleV = 1;
    ImFont* body = io.Fonts->AddFontFromFileTTF(path.c_str(), pixel_size, &config, ranges);
    if (body == nullptr) continue;
    if (needs != nullptr) merge_fallbacks(*needs, pixel_size);
    io.Fonts->AddFontFromFileTTF(path.c_str(), pixel_size * 1.45f, &config, ranges);
    if (needs != nullptr) merge_fallbacks(*needs, pixel_size * 1.45f);
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

std::vector<std::filesystem::path> font_candidates() {
  return {
      "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  };
}

std::vector<FallbackFont> fallback_fonts() {
  const std::filesystem::path noto = "/usr/share/fonts/truetype/noto";
  auto face = [&noto](const char* file, std::vector<std::pair<char32_t, char32_t>> blocks) {
    return FallbackFont{noto / file, std::move(blocks)};
  };
  return {
      face("NotoSansArmenian-Regular.ttf", {{0x0530, 0x058F}, {0xFB13, 0xFB17}}),
      face("NotoSansHebrew-Regular.ttf", {{0x0590, 0x05FF}, {0xFB1D, 0xFB4F}}),
      face("NotoSansArabic-Regular.ttf", {{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}}),
      face("NotoSansDevanagari-Regular.ttf", {{0x0900, 0x097F}, {0xA8E0, 0xA8FF}}),
      face("NotoSansBengali-Regular.ttf", {{0x0980, 0x09FF}}),
      face("NotoSansGurmukhi-Regular.ttf", {{0x0A00, 0x0A7F}}),
      face("NotoSansGujarati-Regular.ttf", {{0x0A80, 0x0AFF}}),
      face("NotoSansOriya-Regular.ttf", {{0x0B00, 0x0B7F}}),
      face("NotoSansTamil-Regular.ttf", {{0x0B80, 0x0BFF}}),
      face("NotoSansTelugu-Regular.ttf", {{0x0C00, 0x0C7F}}),
      face("NotoSansKannada-Regular.ttf", {{0x0C80, 0x0CFF}}),
      face("NotoSansMalayalam-Regular.ttf", {{0x0D00, 0x0D7F}}),
      face("NotoSansSinhala-Regular.ttf", {{0x0D80, 0x0DFF}}),
      face("NotoSansThai-Regular.ttf", {{0x0E00, 0x0E7F}}),
      face("NotoSansLao-Regular.ttf", {{0x0E80, 0x0EFF}}),
      face("NotoSansMyanmar-Regular.ttf", {{0x1000, 0x109F}}),
      face("NotoSansGeorgian-Regular.ttf", {{0x10A0, 0x10FF}, {0x2D00, 0x2D2F}, {0x1C90, 0x1CBF}}),
      face("NotoSansEthiopic-Regular.ttf", {{0x1200, 0x139F}, {0x2D80, 0x2DDF}}),
      face("NotoSansCherokee-Regular.ttf", {{0x13A0, 0x13FF}}),
      face("NotoSansKhmer-Regular.ttf", {{0x1780, 0x17FF}}),
      face("NotoSansMongolian-Regular.ttf", {{0x1800, 0x18AF}}),
      face("NotoSansSymbols-Regular.ttf", {{0x2100, 0x2BFF}}),
      face("NotoSansSymbols2-Regular.ttf", {{0x2190, 0x2BFF}}),
      // Chinese and Japanese from one compact face (fonts-droid-fallback, a few MB, where Noto's CJK
      // package is hundreds): CJK symbols, kana, Bopomofo, the unified ideographs (and extension A),
      // compatibility ideographs, full-width forms. It has no Hangul: Korean needs a face of its own.
      {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
       {{0x2E80, 0x2FDF}, {0x3000, 0x312F}, {0x31A0, 0x31BF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0xFF00, 0xFFEF}}},
      // Korean from a small Hangul face (fonts-alee, 3 MB; fonts-nanum would be 33): the jamo, the
      // compatibility jamo and every syllable.
      {"/usr/share/fonts/truetype/alee/Guseul.ttf", {{0x1100, 0x11FF}, {0x3130, 0x318F}, {0xA960, 0xA97F}, {0xAC00, 0xD7FF}, {0xFFA0, 0xFFDC}}},
      // Symbols and monochrome emoji the Noto faces above lack (fonts-symbola, 3 MB): stars, hearts,
      // weather, dingbats such as U+2728 sparkles. Only up to U+FFFF: Debian's ImGui has 16-bit
      // characters, so the emoji beyond (most faces, hands, food) cannot be drawn.
      {"/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", {{0x2000, 0x2BFF}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3299}}},
      {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", {}},
  };
}

}  // namespace innerscape::ui
