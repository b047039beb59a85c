// Names (and ages) under the parts, drawn by ImGui behind every panel, the same size at every zoom.
#include "ui/scene_labels.h"

#include <string>

#include <imgui.h>

namespace innerscape::ui {
namespace {

constexpr float max_label_em = 11.0f;  // long names wrap onto a second line, then end with an ellipsis

// Cuts text to fit `width`, on a UTF-8 character boundary, adding an ellipsis.
std::string fit(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  std::string cut = text;
  while (!cut.empty() && ImGui::CalcTextSize((cut + "…").c_str()).x > width) {
    cut.pop_back();
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
    if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0x80) != 0) cut.pop_back();
  }
  return cut + "…";
}

}  // namespace

void draw_scene_labels(const LabelsView& labels) {
  if (labels.system == nullptr) return;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const float em = ImGui::GetFontSize();
  const glm::vec2 screen = glm::vec2(labels.view.viewport);
  const float ppu = core::pixels_per_unit(labels.view);
  const auto& parts = labels.system->parts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const core::Part& part = parts[i];
    if (part.id == labels.skip) continue;
    const glm::vec2 world = i < labels.positions.size() ? labels.positions[i] : part.position;
    const glm::vec2 at = core::world_to_screen(labels.view, world) + glm::vec2(0.0f, core::part_radius(part) * ppu * 1.6f + em * 0.2f);
    if (at.x < -em * 8 || at.y < -em * 2 || at.x > screen.x + em * 8 || at.y > screen.y + em * 2) continue;

    const std::string name = fit(part.name, em * max_label_em);
    const ImVec2 size = ImGui::CalcTextSize(name.c_str());
    const ImVec2 pos(at.x - size.x * 0.5f, at.y);
    const float fade = 1.0f - 0.35f * part.depth;
    const ImU32 ink = ImGui::GetColorU32(ImVec4(0.96f, 0.94f, 0.90f, fade));
    // A soft backing keeps the words readable over lines and glow, at every zoom.
    const float pad = em * 0.3f;
    const float height = size.y + (part.age ? ImGui::GetTextLineHeight() * 0.9f : 0.0f);
    draw->AddRectFilled(ImVec2(pos.x - pad, pos.y - pad * 0.3f), ImVec2(pos.x + size.x + pad, pos.y + height + pad * 0.3f),
                        ImGui::GetColorU32(ImVec4(0.03f, 0.035f, 0.08f, 0.45f * fade)), em * 0.4f);
    draw->AddText(pos, part.id == labels.selected ? ImGui::GetColorU32(ImVec4(1.0f, 0.85f, 0.55f, 1.0f)) : ink, name.c_str());
    if (part.age) {
      const std::string age = "age " + std::to_string(*part.age);
      const ImVec2 age_size = ImGui::CalcTextSize(age.c_str());
      const ImVec2 age_pos(at.x - age_size.x * 0.5f, at.y + size.y);
      draw->AddText(age_pos, ImGui::GetColorU32(ImVec4(0.75f, 0.74f, 0.80f, 0.85f * fade)), age.c_str());
    }
  }
}

}  // namespace innerscape::ui
