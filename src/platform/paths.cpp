// Finding the app's own files (shaders, assets, fonts) in the build folder or the install prefix.
#include "platform/paths.h"

#include <system_error>

#include <SDL.h>

namespace innerscape::platform {

std::filesystem::path executable_dir() {
  char* base = SDL_GetBasePath();
  if (base == nullptr) return {};
  std::filesystem::path dir(base);
  SDL_free(base);
  return dir;
}

std::filesystem::path find_resource_root(const std::vector<std::filesystem::path>& candidates,
                                         const std::filesystem::path& probe) {
  for (const auto& dir : candidates) {
    std::error_code ec;
    if (!dir.empty() && std::filesystem::exists(dir / probe, ec)) return dir;
  }
  return {};
}

std::vector<std::filesystem::path> resource_candidates(const std::filesystem::path& exe_dir,
                                                       const std::filesystem::path& configured_datadir) {
  std::vector<std::filesystem::path> out;
  if (!exe_dir.empty()) {
    out.push_back(exe_dir);
    out.push_back((exe_dir / ".." / "share" / "innerscape").lexically_normal());
  }
  if (!configured_datadir.empty()) out.push_back(configured_datadir);
  return out;
}

std::vector<std::filesystem::path> ui_font_candidates() {
  return {
      "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  };
}

std::vector<ui::FallbackFont> ui_fallback_fonts() {
  const std::filesystem::path noto = "/usr/share/fonts/truetype/noto";
  auto face = [&noto](const char* file, std::vector<std::pair<char32_t, char32_t>> blocks) {
    return ui::FallbackFont{noto / file, std::move(blocks)};
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

}  // namespace innerscape::platform
