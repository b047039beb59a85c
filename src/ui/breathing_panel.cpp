// The breathing guide's panel, and the breathing form drawn around the Self.
#include "ui/breathing_panel.h"

#include "ui/placement.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include <imgui.h>

namespace innerscape::ui {

void BreathingPanel::draw(const core::LiveBreath& view, Actions& actions) {
  item_rects.clear();
  if (!open) return;
  const float em = ImGui::GetFontSize();
  window("Breathe", {Side::left, em * 17.0f}, ImGuiWindowFlags_AlwaysAutoResize, [&] { draw_content(view, actions); });
}

void BreathingPanel::draw_content(const core::LiveBreath& view, Actions& actions) {
  const float em = ImGui::GetFontSize();
  const auto presets = core::breath_presets();
  if (!view.running) {
    ImGui::TextWrapped("Breathing slowly tells the body it is safe. Five to ten minutes is a good while.");
    const int custom_index = static_cast<int>(presets.size());
    const std::string current = preset == custom_index ? "My own rhythm" : std::string(presets[static_cast<std::size_t>(preset)].name);
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##pattern", current.c_str())) {
      for (int i = 0; i < static_cast<int>(presets.size()); ++i) {
        if (ImGui::Selectable(std::string(presets[static_cast<std::size_t>(i)].name).c_str(), preset == i)) preset = i;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(presets[static_cast<std::size_t>(i)].description).c_str());
      }
      if (ImGui::Selectable("My own rhythm", preset == custom_index)) preset = custom_index;
      ImGui::EndCombo();
    }
    if (preset == custom_index) {
      const char* names[4] = {"in", "hold", "out", "hold after"};
      for (int i = 0; i < 4; ++i) {
        ImGui::SetNextItemWidth(-em * 5.0f);
        ImGui::SliderFloat(names[i], &custom[i], (i == 0 || i == 2) ? 0.1f : 0.0f, 20.0f, "%.1f s");
        custom[i] = std::round(custom[i] * 10.0f) / 10.0f;  // tenths of a second
      }
    }
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::SliderInt("##minutes", &minutes, 1, 20, minutes == 1 ? "%d minute" : "%d minutes");
    item_rects.remember("minutes");
    ImGui::Checkbox("Guide my hands", &hands);
    bool tones = view.tones;
    if (ImGui::Checkbox("Soft tones at each change", &tones)) actions.push(act::Tones{tones});
    if (tones) {
      int volume = view.volume;
      ImGui::SetNextItemWidth(-1.0f);
      if (ImGui::SliderInt("##volume", &volume, 0, 100, "volume %d%%")) actions.push(act::Volume{volume});
    }
    if (!view.minutes_per_day.empty()) {
      ImGui::TextDisabled("Minutes a day, the last two weeks");
      ImGui::PlotHistogram("##history", view.minutes_per_day.data(), static_cast<int>(view.minutes_per_day.size()), 0, nullptr,
                           0.0f, FLT_MAX, ImVec2(em * 15.0f, em * 2.5f));  // a width of its own: the panel sizes itself to its contents
      item_rects.remember("minutes a day");
    }
    if (ImGui::Button("Begin")) {
      core::BreathPattern pattern;
      if (preset < static_cast<int>(presets.size())) {
        pattern = presets[static_cast<std::size_t>(preset)].pattern;
      } else {
        for (int i = 0; i < 4; ++i) pattern.tenths[static_cast<std::size_t>(i)] = static_cast<int>(std::lround(custom[i] * 10.0f));
        pattern.key = "custom";
      }
      actions.push(act::StartBreathing{.pattern = pattern, .minutes = minutes});
    }
  } else {
    const double left = std::max(view.planned_s - view.elapsed_s, 0.0);
    ImGui::Text("%s, %d:%02d left", core::pattern_text(view.pattern).c_str(), static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    if (ImGui::Button(view.paused ? "Go on" : "Pause")) actions.push(act::PauseBreathing{!view.paused});
    ImGui::SameLine();
    if (ImGui::Button("End here")) actions.push(act::EndBreathing{});
  }
}

namespace {

constexpr const char* hands_guide = "One hand on your chest, one on your belly: let the belly rise.";

// The breath in plain words: the phase, the seconds left of it, and the session's time left.
struct BreathWords {
  std::string phase, count, left;
};

BreathWords breath_words(const core::LiveBreath& view) {
  const core::BreathState s = core::breath_at(view.pattern, view.elapsed_s);
  const int left = static_cast<int>(std::max(view.planned_s - view.elapsed_s, 0.0));
  return {.phase = view.paused ? std::string("Paused") : std::string(core::phase_words(s.phase)),
          .count = view.paused ? std::string() : std::to_string(static_cast<int>(std::ceil(s.seconds_left - 1e-6))),
          .left = std::to_string(left / 60) + ":" + (left % 60 < 10 ? "0" : "") + std::to_string(left % 60) + " left"};
}

// Lines of `text` as ImGui would wrap them at `width`.
std::vector<std::string> wrapped_lines(const std::string& text, float width) {
  std::vector<std::string> lines;
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  const char* at = text.c_str();
  const char* end = at + text.size();
  while (at < end) {
    const char* cut = font->CalcWordWrapPositionA(scale, at, end, width);
    if (cut == at) cut = at + 1;
    std::string line(at, cut);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(line);
    at = cut;
    while (at < end && *at == ' ') ++at;
  }
  return lines;
}

struct Line {
  std::string text;
  ImU32 colour;
};

}  // namespace

bool BreathingPanel::draw_form(const core::LiveBreath& view, glm::vec2 centre, float base_radius_px, bool reduced_motion, ScreenSpace& space) {
  if (!view.running) {
    note_px = 0.0f;
    return true;
  }
  const core::BreathState s = core::breath_at(view.pattern, view.elapsed_s);
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImVec2 c(centre.x, centre.y);
  const float em = ImGui::GetFontSize();
  // The form: a soft ring that grows with the breath (or, with reduced motion, only brightens).
  const float grow = reduced_motion ? 0.6f : s.amount;
  const float radius = base_radius_px * (1.0f + 0.9f * grow);
  const float light = reduced_motion ? 0.25f + 0.65f * s.amount : 0.55f;
  for (int layer = 0; layer < 4; ++layer) {
    const float r = radius + static_cast<float>(layer) * em * 0.35f;
    draw->AddCircle(c, r, ImGui::GetColorU32(ImVec4(1.0f, 0.86f, 0.62f, light * (1.0f - 0.22f * static_cast<float>(layer)))), 96,
                    layer == 0 ? 3.0f : 1.5f);
  }
  // The session's progress: an arc around everything, from the top, clockwise.
  const float progress = view.planned_s > 0.0 ? static_cast<float>(std::min(view.elapsed_s / view.planned_s, 1.0)) : 0.0f;
  const float ring = base_radius_px * 2.1f + em * 1.6f;
  const float start = -std::numbers::pi_v<float> * 0.5f;
  draw->PathArcTo(c, ring, start, start + 2.0f * std::numbers::pi_v<float>, 96);
  draw->PathStroke(ImGui::GetColorU32(ImVec4(1.0f, 1.0f, 1.0f, 0.10f)), 0, 2.0f);
  if (progress > 0.0f) {
    draw->PathArcTo(c, ring, start, start + 2.0f * std::numbers::pi_v<float> * progress, 96);
    draw->PathStroke(ImGui::GetColorU32(ImVec4(0.98f, 0.76f, 0.42f, 0.85f)), 0, 2.5f);
  }

  // The words go where they cover no panel and no other words: the time left at the top of the
  // ring, the phase, its count and the guide for the hands below it (or above, when below is taken).
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const glm::vec4 bounds(viewport->WorkPos.x, viewport->WorkPos.y, viewport->WorkPos.x + viewport->WorkSize.x,
                         viewport->WorkPos.y + viewport->WorkSize.y);
  const BreathWords words = breath_words(view);
  const float pad = em * 0.3f;
  const ImVec2 left_size = ImGui::CalcTextSize(words.left.c_str());
  const glm::vec4 left_rect(c.x - left_size.x * 0.5f - pad, c.y - ring - left_size.y - em * 0.3f - pad, c.x + left_size.x * 0.5f + pad,
                            c.y - ring - em * 0.3f + pad);
  // While the words are in their note, the panels are that much shorter than they will be once it
  // goes: the words come back by the Self only where they will still be clear then, or they would
  // come and go with every frame.
  ScreenSpace grown = space;
  for (ScreenRect& p : grown.panels) p.rect.w += note_px;
  const bool left_on_top = grown.free(left_rect, bounds);
  const ImU32 soft = ImGui::GetColorU32(ImVec4(0.85f, 0.85f, 0.90f, 0.6f));
  std::vector<Line> lines{{words.phase, ImGui::GetColorU32(ImVec4(1.0f, 0.95f, 0.86f, 0.95f))}};
  if (!words.count.empty()) lines.push_back({words.count, ImGui::GetColorU32(ImVec4(1.0f, 0.86f, 0.62f, 0.8f))});
  if (hands) {
    for (std::string& line : wrapped_lines(hands_guide, em * 24.0f)) lines.push_back({std::move(line), soft});
  }
  if (!left_on_top) lines.push_back({words.left, soft});
  float block_w = 0.0f;
  for (const Line& line : lines) block_w = std::max(block_w, ImGui::CalcTextSize(line.text.c_str()).x);
  const float line_h = ImGui::GetTextLineHeight();
  const float block_h = line_h * static_cast<float>(lines.size());
  const ImU32 backing = ImGui::GetColorU32(ImVec4(0.03f, 0.035f, 0.08f, 0.45f));

  if (left_on_top) {
    draw->AddText(ImVec2(c.x - left_size.x * 0.5f, left_rect.y + pad), ImGui::GetColorU32(ImVec4(0.85f, 0.85f, 0.90f, 0.55f)),
                  words.left.c_str());
    space.add(words.left, left_rect);
  }
  const float below = c.y + ring + em * 0.6f;
  const float above = (left_on_top ? left_rect.y : c.y - ring) - em * 0.3f - block_h;
  for (const float top : {below, above}) {
    const glm::vec4 rect(c.x - block_w * 0.5f - pad, top - pad, c.x + block_w * 0.5f + pad, top + block_h + pad);
    if (!space.free(rect, bounds) || !grown.free(rect, bounds)) continue;
    draw->AddRectFilled(ImVec2(rect.x, rect.y), ImVec2(rect.z, rect.w), backing, em * 0.4f);
    float y = top;
    for (const Line& line : lines) {
      const float w = ImGui::CalcTextSize(line.text.c_str()).x;
      draw->AddText(ImVec2(c.x - w * 0.5f, y), line.colour, line.text.c_str());
      y += line_h;
    }
    space.add(words.phase, rect);
    note_px = 0.0f;
    return true;
  }
  return false;  // no room by the Self: draw_words_note shows them in a note low on the screen
}

void BreathingPanel::draw_words_note(const core::LiveBreath& view) {
  if (!view.running) return;
  const float em = ImGui::GetFontSize();
  const BreathWords words = breath_words(view);
  // As short as it can be: the panels above it have little room already when it is needed.
  place_above_bottom(em * 32.0f);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize |
                                     ImGuiWindowFlags_NoMove;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.8f, em * 0.4f));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(em * 0.6f, em * 0.1f));
  if (ImGui::Begin("##breath_words", nullptr, flags)) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string first = words.count.empty() ? words.phase : words.phase + "  " + words.count;
    const float first_w = ImGui::CalcTextSize(first.c_str()).x + style.ItemSpacing.x * 2.0f + ImGui::CalcTextSize(words.left.c_str()).x;
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - first_w) * 0.5f);
    ImGui::TextUnformatted(first.c_str());
    ImGui::SameLine(0.0f, style.ItemSpacing.x * 2.0f);
    ImGui::TextDisabled("%s", words.left.c_str());
    if (hands) {
      for (const std::string& line : wrapped_lines(hands_guide, ImGui::GetContentRegionAvail().x)) {
        ImGui::SetCursorPosX((ImGui::GetWindowWidth() - ImGui::CalcTextSize(line.c_str()).x) * 0.5f);
        ImGui::TextDisabled("%s", line.c_str());
      }
    }
    note_px = ImGui::GetWindowHeight() + em * 0.6f;
    reserve_bottom(note_px);
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace innerscape::ui
