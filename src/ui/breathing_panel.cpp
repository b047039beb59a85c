// The breathing guide's panel, and the breathing form drawn around the Self.
#include "ui/breathing_panel.h"

#include "ui/placement.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>
#include <string>

#include <imgui.h>

namespace innerscape::ui {

void BreathingPanel::draw(const BreathingView& view, UiActions& actions) {
  item_rects.clear();
  if (!open) return;
  const float em = ImGui::GetFontSize();
  place_at_top(Side::left);
  ImGui::SetNextWindowSize(ImVec2(em * 17.0f, 0.0f), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Breathe", &open, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
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
    if (ImGui::Checkbox("Soft tones at each change", &tones)) actions.tones = tones;
    if (tones) {
      int volume = view.volume;
      ImGui::SetNextItemWidth(-1.0f);
      if (ImGui::SliderInt("##volume", &volume, 0, 100, "volume %d%%")) actions.volume = volume;
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
      actions.start_breathing = pattern;
      actions.breathing_minutes = minutes;
    }
  } else {
    const double left = std::max(view.planned_s - view.elapsed_s, 0.0);
    ImGui::Text("%s, %d:%02d left", core::pattern_text(view.pattern).c_str(), static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    if (ImGui::Button(view.paused ? "Go on" : "Pause")) actions.pause_breathing = !view.paused;
    ImGui::SameLine();
    if (ImGui::Button("End here")) actions.end_breathing = true;
  }
  ImGui::End();
}

void draw_breathing_form(const BreathingView& view, glm::vec2 centre, float base_radius_px, bool reduced_motion, bool hands) {
  if (!view.running) return;
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
  // The phase in plain words, and the count.
  const std::string words = view.paused ? std::string("Paused") : std::string(core::phase_words(s.phase));
  const std::string count = view.paused ? std::string() : std::to_string(static_cast<int>(std::ceil(s.seconds_left - 1e-6)));
  const ImVec2 words_size = ImGui::CalcTextSize(words.c_str());
  const ImVec2 at(c.x - words_size.x * 0.5f, c.y + ring + em * 0.6f);
  draw->AddText(at, ImGui::GetColorU32(ImVec4(1.0f, 0.95f, 0.86f, 0.95f)), words.c_str());
  if (!count.empty()) {
    const ImVec2 count_size = ImGui::CalcTextSize(count.c_str());
    draw->AddText(ImVec2(c.x - count_size.x * 0.5f, at.y + words_size.y), ImGui::GetColorU32(ImVec4(1.0f, 0.86f, 0.62f, 0.8f)), count.c_str());
  }
  // Time left in the session, small, at the top of its ring.
  const int left = static_cast<int>(std::max(view.planned_s - view.elapsed_s, 0.0));
  const std::string left_text = std::to_string(left / 60) + ":" + (left % 60 < 10 ? "0" : "") + std::to_string(left % 60) + " left";
  const ImVec2 left_size = ImGui::CalcTextSize(left_text.c_str());
  draw->AddText(ImVec2(c.x - left_size.x * 0.5f, c.y - ring - left_size.y - em * 0.3f), ImGui::GetColorU32(ImVec4(0.85f, 0.85f, 0.90f, 0.55f)),
                left_text.c_str());
  if (hands) {
    const char* guide = "One hand on your chest, one on your belly: let the belly rise.";
    const ImVec2 size = ImGui::CalcTextSize(guide);
    draw->AddText(ImVec2(c.x - size.x * 0.5f, at.y + words_size.y * 2.2f), ImGui::GetColorU32(ImVec4(0.85f, 0.85f, 0.90f, 0.6f)), guide);
  }
}

}  // namespace innerscape::ui
