// Names (and ages) under the parts, drawn by ImGui behind every panel, the same size at every zoom.
#include "ui/scene_labels.h"

#include "ui/text_fit.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

namespace innerscape::ui {
namespace {

constexpr float max_label_em = 11.0f;  // long names wrap onto a second line, then end with an ellipsis

// ImDrawList::AddRectFilled with rounding, the same vertices and anti-aliased rim, but its inside cut
// into narrow upright slices (pairing the top and bottom edges) instead of a fan from one corner.
// A software rasterizer shades every 4x4 block a triangle touches, once per triangle: a fan's long
// thin triangles each cross most of the label, which made a crowded map's label backings cost
// several times their area.
void fill_rounded_rect(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 col, float rounding) {
  draw->PathRect(min, max, rounding);
  const int n = draw->_Path.Size;
  if ((draw->Flags & ImDrawListFlags_AntiAliasedFill) == 0 || n < 4 || n % 4 != 0) {
    draw->PathFillConvex(col);  // not four corners alike: the plain way
    return;
  }
  const ImVec2* points = draw->_Path.Data;
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  const ImU32 clear = col & ~IM_COL32_A_MASK;
  const float half_fringe = draw->_FringeScale * 0.5f;
  draw->PrimReserve((n - 2) * 3 + n * 6, n * 2);
  const unsigned base = draw->_VtxCurrentIdx;
  auto index = [&](unsigned i) { draw->PrimWriteIdx(static_cast<ImDrawIdx>(i)); };
  // The path runs clockwise from the left end of the top edge; point k on the top faces point
  // n - 1 - k on the bottom. Inner vertex of point i: base + 2i; its outer (transparent) one: + 1.
  for (int k = 0; k + 1 < n / 2; ++k) {
    const auto top = static_cast<unsigned>(k), bottom = static_cast<unsigned>(n - 1 - k);
    index(base + 2 * top), index(base + 2 * bottom), index(base + 2 * (top + 1));
    index(base + 2 * (top + 1)), index(base + 2 * bottom), index(base + 2 * (bottom - 1));
  }
  // The rim, as ImGui draws it: each point moved half a fringe in and out along its averaged normal.
  auto normal = [&](int i) {  // of the edge from point i to the next
    const ImVec2 a = points[i], b = points[(i + 1) % n];
    float dx = b.x - a.x, dy = b.y - a.y;
    const float d2 = dx * dx + dy * dy;
    if (d2 > 0.0f) {
      const float inv = 1.0f / std::sqrt(d2);
      dx *= inv, dy *= inv;
    }
    return ImVec2(dy, -dx);
  };
  for (int i0 = n - 1, i1 = 0; i1 < n; i0 = i1++) {
    const ImVec2 n0 = normal(i0), n1 = normal(i1);
    float mx = (n0.x + n1.x) * 0.5f, my = (n0.y + n1.y) * 0.5f;
    const float d2 = mx * mx + my * my;
    if (d2 > 0.000001f) {
      const float inv = std::min(1.0f / d2, 100.0f);
      mx *= inv, my *= inv;
    }
    mx *= half_fringe, my *= half_fringe;
    draw->PrimWriteVtx(ImVec2(points[i1].x - mx, points[i1].y - my), uv, col);
    draw->PrimWriteVtx(ImVec2(points[i1].x + mx, points[i1].y + my), uv, clear);
    const auto inner0 = base + 2 * static_cast<unsigned>(i0), inner1 = base + 2 * static_cast<unsigned>(i1);
    index(inner1), index(inner0), index(inner0 + 1);
    index(inner0 + 1), index(inner1 + 1), index(inner1);
  }
  draw->PathClear();
}

// The boxes already taken (label boxes drawn, panels, words), in a coarse grid that keeps the
// overlap test near constant time.
struct Taken {
  std::vector<ImVec4> placed;  // label boxes already drawn (min x, min y, max x, max y)
  float cell;
  int cols;
  int rows;
  std::vector<std::vector<int>> grid;

  Taken(glm::vec2 screen, float em)
      : cell(em * 6.0f),
        cols(std::max(1, static_cast<int>(screen.x / cell) + 3)),
        rows(std::max(1, static_cast<int>(screen.y / cell) + 3)),
        grid(static_cast<std::size_t>(cols * rows)) {}

  template <typename Visit>
  bool cells(const ImVec4& box, Visit&& visit) {
    const int x0 = std::clamp(static_cast<int>(box.x / cell) + 1, 0, cols - 1);
    const int x1 = std::clamp(static_cast<int>(box.z / cell) + 1, 0, cols - 1);
    const int y0 = std::clamp(static_cast<int>(box.y / cell) + 1, 0, rows - 1);
    const int y1 = std::clamp(static_cast<int>(box.w / cell) + 1, 0, rows - 1);
    for (int y = y0; y <= y1; ++y) {
      for (int x = x0; x <= x1; ++x) {
        if (visit(grid[static_cast<std::size_t>(y * cols + x)])) return true;
      }
    }
    return false;
  }
  bool covered(const ImVec4& box) {
    return cells(box, [&](const std::vector<int>& bucket) {
      for (int k : bucket) {
        const ImVec4& o = placed[static_cast<std::size_t>(k)];
        if (box.x < o.z && o.x < box.z && box.y < o.w && o.y < box.w) return true;
      }
      return false;
    });
  }
  void add(const ImVec4& box) {
    cells(box, [&](std::vector<int>& bucket) {
      bucket.push_back(static_cast<int>(placed.size()));
      return false;
    });
    placed.push_back(box);
  }
};

// Labels must not pile on top of each other: the selected part's first, then larger parts before
// smaller ones, and a label that would cover one already placed waits until the view is closer.
std::vector<std::size_t> label_order(const LabelsView& labels) {
  const auto& parts = labels.system->parts;
  std::vector<std::size_t> order(parts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const bool sa = parts[a].id == labels.selected, sb = parts[b].id == labels.selected;
    if (sa != sb) return sa;
    return parts[a].size > parts[b].size;
  });
  return order;
}

// Where one part's label goes, once found.
struct Spot {
  std::string name;
  ImVec2 size{-1.0f, 0.0f};
  float height = 0.0f;
  glm::vec2 at{0.0f};
  ImVec4 box;
};

// The sizes label spots are measured with.
struct LabelSizes {
  float em;
  float pad;
  float age_height;
  ImVec2 margin;
};

// Below the part, as usual; where that is taken, above it; else the name waits for a closer view (false).
bool find_spot(const core::Part& part, glm::vec2 centre, float clear, const LabelSizes& sp, Taken& taken, Spot& spot) {
  const float em = sp.em, pad = sp.pad, age_height = sp.age_height;
  const ImVec2 margin = sp.margin;
  std::string& name = spot.name;
  ImVec2& size = spot.size;
  float& height = spot.height;
  glm::vec2& at = spot.at;
  ImVec4& box = spot.box;
  for (const bool above : {false, true}) {
    if (above && size.x < 0.0f) break;  // below was taken before the name was even measured: so is most of the crowd
    at = centre + glm::vec2(0.0f, clear);
    if (!above && taken.covered(ImVec4(at.x, at.y, at.x + 1.0f, at.y + 1.0f))) continue;  // taken at once: no need to measure
    if (size.x < 0.0f) {
      const ImVec2 measured = ImGui::CalcTextSize(part.name.c_str());
      const float max_width = em * max_label_em;
      name = measured.x <= max_width ? part.name : fit_text(part.name, max_width);
      size = measured.x <= max_width ? measured : ImGui::CalcTextSize(name.c_str());
      height = size.y + (part.age ? age_height : 0.0f);
    }
    if (above) at = centre - glm::vec2(0.0f, clear + height);
    box = ImVec4(at.x - size.x * 0.5f - pad, at.y - pad * 0.3f, at.x + size.x * 0.5f + pad, at.y + height + pad * 0.3f);
    const ImVec4 room(box.x - margin.x, box.y - margin.y, box.z + margin.x, box.w + margin.y);
    if (!taken.covered(room)) return true;
  }
  return false;
}

// The label itself: its backing, the name, and the age under it.
void draw_label(ImDrawList* draw, const LabelsView& labels, const core::Part& part, const Spot& spot, float em) {
  const std::string& name = spot.name;
  const ImVec2& size = spot.size;
  const glm::vec2& at = spot.at;
  const ImVec4& box = spot.box;
  const ImVec2 pos(at.x - size.x * 0.5f, at.y);
  const float fade = 1.0f - 0.35f * part.depth;
  // A soft backing keeps the words readable over lines and glow, at every zoom.
  fill_rounded_rect(draw, ImVec2(box.x, box.y), ImVec2(box.z, box.w), ImGui::GetColorU32(ImVec4(0.03f, 0.035f, 0.08f, 0.45f * fade)),
                    em * 0.4f);
  const ImU32 ink = part.id == labels.selected ? ImGui::GetColorU32(ImVec4(1.0f, 0.85f, 0.55f, 1.0f))
                                               : ImGui::GetColorU32(ImVec4(0.96f, 0.94f, 0.90f, fade));
  draw->AddText(pos, ink, name.c_str());
  if (part.age) {
    const std::string age = "age " + std::to_string(*part.age);
    const ImVec2 age_size = ImGui::CalcTextSize(age.c_str());
    draw->AddText(ImVec2(at.x - age_size.x * 0.5f, at.y + size.y), ImGui::GetColorU32(ImVec4(0.75f, 0.74f, 0.80f, 0.85f * fade)),
                  age.c_str());
  }
}

}  // namespace

void draw_scene_labels(const LabelsView& labels, ScreenSpace& space) {
  if (labels.system == nullptr) return;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const float em = ImGui::GetFontSize();
  const glm::vec2 screen = glm::vec2(labels.view.viewport);
  const float ppu = core::pixels_per_unit(labels.view);
  const auto& parts = labels.system->parts;

  const std::vector<std::size_t> order = label_order(labels);
  Taken taken(screen, em);
  // Labels keep a little space between them, so that in a crowded view each reads as a name of its
  // own rather than one block of text (and fewer are drawn: names wait until the view is closer).
  const ImVec2 margin(em * 0.6f, em * 0.3f);
  // What is there already is in the way of every name: the panels (a name behind one would show
  // through it) and words written before the names.
  auto block = [&](const glm::vec4& r) { taken.add(ImVec4(r.x, r.y, r.z, r.w)); };
  for (const ScreenRect& p : space.panels) block(p.rect);
  for (const ScreenRect& t : space.texts) block(t.rect);
  const float pad = em * 0.3f;
  const float age_height = ImGui::GetTextLineHeight() * 0.9f;
  const LabelSizes spacing{em, pad, age_height, margin};

  for (std::size_t i : order) {
    const core::Part& part = parts[i];
    if (part.id == labels.skip) continue;
    // Level of detail: a part only a few pixels across keeps its name until the view comes closer.
    if (core::part_radius(part) * ppu < core::detail_radius_px[0] && part.id != labels.selected) continue;
    const glm::vec2 world = i < labels.positions.size() ? labels.positions[i] : part.position;
    const glm::vec2 centre = core::world_to_screen(labels.view, world);
    const float clear = core::part_radius(part) * ppu * 1.6f + em * 0.2f;  // from the part's centre to its label
    if (centre.x < -em * 8 || centre.y < -em * 4 || centre.x > screen.x + em * 8 || centre.y > screen.y + em * 4) continue;

    Spot spot;
    if (!find_spot(part, centre, clear, spacing, taken, spot)) continue;
    taken.add(spot.box);
    space.add(spot.name, glm::vec4(spot.box.x, spot.box.y, spot.box.z, spot.box.w));
    draw_label(draw, labels, part, spot, em);
  }
}

}  // namespace innerscape::ui
