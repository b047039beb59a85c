// Names in many scripts render as their own glyphs, not ImGui's missing-glyph box: the fonts gather
// the characters the text uses, merge each script's Noto face for them, and the pixels drawn for a
// name differ from the box drawn for as many missing characters.
#include <doctest/doctest.h>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/image.h"
#include "gl/gl_context.h"
#include "render/framebuffer.h"
#include "storage/png.h"
#include "ui/fonts.h"

using namespace innerscape;

namespace {

constexpr glm::ivec2 size{320, 48};
constexpr float font_px = 24.0f;

std::vector<char32_t> codepoints(const std::string& utf8) {
  ui::GlyphNeeds probe;  // decodes the UTF-8 the same way the app does
  std::vector<char32_t> out;
  probe.note(utf8);
  out.assign(probe.wanted.begin(), probe.wanted.end());
  return out;
}

// One line of text drawn by ImGui into an offscreen framebuffer, white on black.
core::Image draw_text(const std::string& text) {
  render::Framebuffer fb;
  REQUIRE(fb.create(size));
  fb.bind();
  render::clear({0.0f, 0.0f, 0.0f, 1.0f});
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DeltaTime = 1.0f / 60.0f;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  ImGui::GetForegroundDrawList()->AddText(ImVec2(4.0f, 8.0f), IM_COL32_WHITE, text.c_str());
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  return fb.read_pixels();
}

int inked(const core::Image& image) {
  int n = 0;
  for (std::size_t i = 0; i < image.rgba.size(); i += 4) n += image.rgba[i] > 64 ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("names in Cyrillic, Hebrew, Arabic, Devanagari, Greek, Georgian, Armenian, Thai, Ethiopic, Chinese, Japanese and Korean, and symbols, draw real glyphs") {
  test::gl_window();
  ImGui::SetCurrentContext(ImGui::CreateContext());
  REQUIRE(ImGui_ImplOpenGL3_Init("#version 330 core"));
  const std::vector<std::string> names = {"Малыш", "ילדה", "طفل", "बच्चा", "Ελπίδα", "იმედი", "Հույս", "ความหวัง", "ተስፋ",
                                          "希望", "ひかり", "희망", "마음",
                                          // Symbols and monochrome emoji in 16 bits: sun, star, heart, sparkles, smile, check, snowflake.
                                          "☀", "★", "♥", "✨", "☺", "✔", "❄"};

  ui::GlyphNeeds needs;
  needs.fallbacks = ui::fallback_fonts();
  for (const std::string& name : names) CHECK(needs.note(name));
  CHECK(needs.note(std::string("\u2764\uFE0F")));
  CHECK_FALSE(needs.note(std::string("Малыш")));  // nothing new: the atlas is not built again
  const ui::FontResult font = ui::load_fonts(ui::font_candidates(), font_px, &needs);
  REQUIRE_MESSAGE(!font.path.empty(), font.message);
  REQUIRE(ImGui::GetIO().Fonts->Build());

  ImFont* body = ImGui::GetIO().Fonts->Fonts[0];
  for (const std::string& name : names) {
    for (char32_t c : codepoints(name)) {
      CAPTURE(name);
      CAPTURE(static_cast<unsigned>(c));
      CHECK(body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    }
  }
  // The atlas holds these glyphs, not whole scripts: it stays small.
  CHECK(ImGui::GetIO().Fonts->TexHeight <= 1024);

  // U+E000 is private use, in no face: ImGui draws its fallback glyph for each.
  for (const std::string& name : names) {
    CAPTURE(name);
    const std::size_t count = codepoints(name).size();
    std::string boxes;
    for (std::size_t i = 0; i < count; ++i) boxes += "\xEE\x80\x80";
    const core::Image real = draw_text(name);
    const core::Image missing = draw_text(boxes);
    CHECK(inked(real) > 20);
    CHECK(real.rgba != missing.rgba);
    if (std::getenv("INNERSCAPE_KEEP_PICTURES") != nullptr) {
      storage::write_png(std::filesystem::temp_directory_path() / ("innerscape-unicode-" + std::to_string(&name - names.data()) + ".png"), real);
    }
  }
  // A heart written as emoji (U+2764 U+FE0F) draws as the heart alone: the selector takes no room.
  CHECK(draw_text("\u2764\uFE0F").rgba == draw_text("\u2764").rgba);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}

TEST_CASE("without the characters noted, the atlas holds Latin alone") {
  test::gl_window();
  ImGui::SetCurrentContext(ImGui::CreateContext());
  ui::GlyphNeeds needs;
  needs.fallbacks = ui::fallback_fonts();
  REQUIRE(!ui::load_fonts(ui::font_candidates(), font_px, &needs).path.empty());
  REQUIRE(ImGui::GetIO().Fonts->Build());
  CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(u'ש') == nullptr);
  CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(u'é') != nullptr);
  ImGui::DestroyContext();
}
