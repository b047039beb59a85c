// Where panels appear: side by side at the top, each on its side; notes in strips at the bottom and top.
#include "ui/placement.h"

#include <algorithm>
#include <cfloat>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

namespace innerscape::ui {
namespace {

constexpr float least_width_em = 13.0f;  // narrower than this a panel reads poorly: it waits instead
constexpr float side_share = 0.4f;       // of the screen's width, at most, for a panel at either side

// What the arrangement knows of each panel lives in its own window's storage, so a panel keeps no
// placement state of its own and a closed one is simply no longer asked for.
struct Keys {
  ImGuiID side = ImHashStr("innerscape.home.side");    // Side + 1; 0: not a panel with a home
  ImGuiID width = ImHashStr("innerscape.home.width");  // as asked, in pixels
  ImGuiID least = ImHashStr("innerscape.home.least");
  ImGuiID asked = ImHashStr("innerscape.home.asked");    // the frame it was last asked for
  ImGuiID opened = ImHashStr("innerscape.home.opened");  // the frame it opened on
  ImGuiID moved = ImHashStr("innerscape.home.moved");    // the person moved or resized it
};
const Keys& keys() {
  static const Keys k;  // constant hashes, not state
  return k;
}

bool held_by_person(ImGuiWindow* window) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.MovingWindow != nullptr && g.MovingWindow->RootWindow == window) return true;
  if (window->ResizeBorderHeld != -1) return true;
  for (int n = 0; n < 4; ++n) {
    if (g.ActiveId != 0 && g.ActiveId == ImGui::GetWindowResizeCornerID(window, n)) return true;
  }
  return false;
}

}  // namespace

bool place_panel(const char* window_name, Side side, float width_px, Height height) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const Keys& k = keys();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  const float margin = em * margin_em;
  const int frame = ImGui::GetFrameCount();
  // A panel at the side never covers the Self in the middle, however large the UI is.
  if (side != Side::centre) width_px = std::min(width_px, viewport->WorkSize.x * side_share);
  const float least = std::min(width_px, std::max(em * least_width_em, width_px * 0.6f));
  const float max_height = std::max(viewport->WorkSize.y - 2.0f * margin, ImGui::GetFrameHeight() * 2.0f);

  // The last frame before this one in which panels were drawn at all: while the canvas or the lock
  // screen had the screen, none were, and those open before are not opened anew after it.
  constexpr int never = -2;
  int last_drawn = never;
  for (ImGuiWindow* w : g.Windows) {
    const int asked = w->StateStorage.GetInt(k.asked, never);
    if (asked < frame) last_drawn = std::max(last_drawn, asked);
  }
  ImGuiWindow* self = ImGui::FindWindowByName(window_name);
  bool moved = false;
  if (self != nullptr) {
    ImGuiStorage& s = self->StateStorage;
    const int asked = s.GetInt(k.asked, never);
    if (asked == never || (asked < frame - 1 && asked != last_drawn)) s.SetInt(k.opened, frame);  // opened (again) now
    s.SetInt(k.asked, frame);
    s.SetInt(k.side, static_cast<int>(side) + 1);
    s.SetFloat(k.width, width_px);
    s.SetFloat(k.least, least);
    if (held_by_person(self)) s.SetBool(k.moved, true);
    moved = s.GetBool(k.moved);
  }
  if (moved) {
    ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), ImVec2(FLT_MAX, max_height));
    return true;
  }

  // Every panel asked for this frame or the last, and not moved by the person: side by side.
  std::vector<HomeAsk> asks;
  std::size_t mine = static_cast<std::size_t>(-1);
  for (ImGuiWindow* w : g.Windows) {
    const ImGuiStorage& s = w->StateStorage;
    const int asked_side = s.GetInt(k.side, 0);
    if (asked_side == 0 || s.GetBool(k.moved) || s.GetInt(k.asked, never) < frame - 1) continue;
    if (w == self) mine = asks.size();
    asks.push_back({.side = static_cast<Side>(asked_side - 1),
                    .width = s.GetFloat(k.width),
                    .min_width = s.GetFloat(k.least),
                    .opened = static_cast<std::uint64_t>(std::max(s.GetInt(k.opened, frame), 0))});
  }
  if (mine == static_cast<std::size_t>(-1)) {  // its very first frame: its window is made by the Begin that follows
    mine = asks.size();
    asks.push_back({.side = side, .width = width_px, .min_width = least, .opened = static_cast<std::uint64_t>(frame)});
  }
  const std::vector<HomePlace> places =
      arrange_homes(asks, viewport->WorkPos.x + margin, viewport->WorkPos.x + viewport->WorkSize.x - margin, margin);
  const HomePlace& place = places[mine];
  if (!place.shown) return false;
  ImGui::SetNextWindowPos(ImVec2(place.x, viewport->WorkPos.y + margin), ImGuiCond_Always);
  // A height of 0 fits the content, every frame.
  ImGui::SetNextWindowSize(ImVec2(place.width, height == Height::full ? max_height : 0.0f), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(place.width, 0.0f), ImVec2(place.width, max_height));
  return true;
}

void place_above_bottom(float width_px) {
  const auto* viewport = static_cast<const ImGuiViewportP*>(ImGui::GetMainViewport());
  // Above what this frame has reserved so far, with a little air.
  const float bottom = viewport->Pos.y + viewport->Size.y + viewport->BuildWorkOffsetMax.y - ImGui::GetFontSize() * 0.6f;
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, bottom), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(std::min(width_px, viewport->Size.x - ImGui::GetFontSize() * margin_em * 2.0f), 0.0f));
}

void place_below_top(float width_px) {
  const auto* viewport = static_cast<const ImGuiViewportP*>(ImGui::GetMainViewport());
  const float top = viewport->Pos.y + viewport->BuildWorkOffsetMin.y + ImGui::GetFontSize() * margin_em;
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, top), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(std::min(width_px, viewport->Size.x - ImGui::GetFontSize() * margin_em * 2.0f), 0.0f));
}

float reserved_bottom() {
  const auto* viewport = static_cast<const ImGuiViewportP*>(ImGui::GetMainViewport());
  return -viewport->WorkOffsetMax.y;
}

void reserve_bottom(float height_px) {
  auto* viewport = static_cast<ImGuiViewportP*>(ImGui::GetMainViewport());
  viewport->BuildWorkOffsetMax.y -= height_px;
}

void reserve_top(float height_px) {
  auto* viewport = static_cast<ImGuiViewportP*>(ImGui::GetMainViewport());
  viewport->BuildWorkOffsetMin.y += height_px;
}

}  // namespace innerscape::ui
