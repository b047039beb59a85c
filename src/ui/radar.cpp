// The 8 C's as a radar: eight spokes, a soft polygon whose reach on each is its 0..10 rating.
#include "ui/radar.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <imgui.h>

#include "core/journal.h"

namespace innerscape::ui {

void draw_eight_cs_radar(const core::Answers& ratings, float size) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Centred in the space there is, so the names around it are never cut.
  const float width = std::max(size, ImGui::GetContentRegionAvail().x);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  origin.x += (width - size) * 0.5f;
  const ImVec2 centre(origin.x + size * 0.5f, origin.y + size * 0.5f);
  const float radius = size * 0.30f;  // room for the names around it
  const auto cs = core::eight_cs();
  const int n = static_cast<int>(cs.size());
  auto spoke = [&](int i, float reach) {
    const float a = -std::numbers::pi_v<float> * 0.5f + 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(n);
    return ImVec2(centre.x + std::cos(a) * radius * reach, centre.y + std::sin(a) * radius * reach);
  };
  const ImU32 grid = ImGui::GetColorU32(ImVec4(0.98f, 0.85f, 0.65f, 0.18f));
  for (float ring : {0.5f, 1.0f}) {
    for (int i = 0; i < n; ++i) draw->AddLine(spoke(i, ring), spoke((i + 1) % n, ring), grid);
  }
  ImVec2 points[8];
  for (int i = 0; i < n; ++i) {
    draw->AddLine(centre, spoke(i, 1.0f), grid);
    const float value = static_cast<float>(ratings.rating(cs[static_cast<std::size_t>(i)].key).value_or(0)) / static_cast<float>(core::max_rating);
    points[i] = spoke(i, std::max(value, 0.02f));
  }
  draw->AddConvexPolyFilled(points, n, ImGui::GetColorU32(ImVec4(0.98f, 0.76f, 0.42f, 0.35f)));
  draw->AddPolyline(points, n, ImGui::GetColorU32(ImVec4(0.98f, 0.76f, 0.42f, 0.95f)), ImDrawFlags_Closed, 2.0f);
  for (int i = 0; i < n; ++i) {
    const std::string_view name = cs[static_cast<std::size_t>(i)].name;
    const ImVec2 at = spoke(i, 1.28f);
    const ImVec2 text_size = ImGui::CalcTextSize(name.data(), name.data() + name.size());
    draw->AddText(ImVec2(at.x - text_size.x * 0.5f, at.y - text_size.y * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), name.data(),
                  name.data() + name.size());
  }
  ImGui::Dummy(ImVec2(width, size));
}

}  // namespace innerscape::ui
