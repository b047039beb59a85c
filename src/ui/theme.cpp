// The overlay's look: soft, translucent panels in the scene's night colours, warm accents from the Self.
#include "ui/theme.h"

#include <imgui.h>

namespace innerscape::ui {

void apply_calm_theme(float scale) {
  ImGuiStyle style;  // start from the defaults so a second call does not compound the scale
  ImGui::StyleColorsDark(&style);

  style.WindowRounding = 10.0f;
  style.ChildRounding = 8.0f;
  style.FrameRounding = 6.0f;
  style.PopupRounding = 8.0f;
  style.GrabRounding = 6.0f;
  style.ScrollbarRounding = 8.0f;
  style.WindowBorderSize = 1.0f;
  style.FrameBorderSize = 0.0f;
  style.WindowPadding = ImVec2(16.0f, 14.0f);
  style.FramePadding = ImVec2(10.0f, 6.0f);
  style.ItemSpacing = ImVec2(10.0f, 8.0f);
  style.WindowTitleAlign = ImVec2(0.0f, 0.5f);

  const ImVec4 night(0.055f, 0.065f, 0.120f, 0.82f);  // translucent: the scene shows through
  const ImVec4 ink(0.93f, 0.91f, 0.87f, 1.00f);
  const ImVec4 muted(0.66f, 0.66f, 0.72f, 1.00f);
  const ImVec4 gold(0.98f, 0.76f, 0.42f, 1.00f);
  const ImVec4 gold_soft(0.98f, 0.76f, 0.42f, 0.55f);
  const ImVec4 lilac(0.36f, 0.32f, 0.52f, 0.60f);
  const ImVec4 lilac_hover(0.46f, 0.40f, 0.64f, 0.75f);
  const ImVec4 lilac_active(0.54f, 0.47f, 0.72f, 0.90f);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ink;
  c[ImGuiCol_TextDisabled] = muted;
  c[ImGuiCol_WindowBg] = night;
  c[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
  c[ImGuiCol_PopupBg] = ImVec4(0.07f, 0.08f, 0.14f, 1.00f);  // menus are read quickly: no show-through
  c[ImGuiCol_Border] = ImVec4(0.98f, 0.85f, 0.65f, 0.14f);
  c[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.16f, 0.26f, 0.70f);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.22f, 0.21f, 0.34f, 0.80f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.27f, 0.25f, 0.40f, 0.90f);
  c[ImGuiCol_TitleBg] = ImVec4(0.07f, 0.08f, 0.15f, 0.85f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.10f, 0.10f, 0.19f, 0.92f);
  c[ImGuiCol_TitleBgCollapsed] = ImVec4(0.07f, 0.08f, 0.15f, 0.60f);
  c[ImGuiCol_CheckMark] = gold;
  c[ImGuiCol_SliderGrab] = gold_soft;
  c[ImGuiCol_SliderGrabActive] = gold;
  c[ImGuiCol_Button] = lilac;
  c[ImGuiCol_ButtonHovered] = lilac_hover;
  c[ImGuiCol_ButtonActive] = lilac_active;
  c[ImGuiCol_Header] = lilac;
  c[ImGuiCol_HeaderHovered] = lilac_hover;
  c[ImGuiCol_HeaderActive] = lilac_active;
  c[ImGuiCol_Separator] = ImVec4(0.98f, 0.85f, 0.65f, 0.16f);
  c[ImGuiCol_NavHighlight] = gold;
  c[ImGuiCol_Tab] = ImVec4(0.16f, 0.16f, 0.26f, 0.80f);
  c[ImGuiCol_TabHovered] = lilac_hover;
  c[ImGuiCol_TabActive] = ImVec4(0.28f, 0.26f, 0.42f, 1.00f);
  c[ImGuiCol_TabUnfocused] = ImVec4(0.16f, 0.16f, 0.26f, 0.80f);
  c[ImGuiCol_TabUnfocusedActive] = ImVec4(0.24f, 0.22f, 0.36f, 1.00f);
  c[ImGuiCol_ResizeGrip] = ImVec4(0.98f, 0.85f, 0.65f, 0.10f);
  c[ImGuiCol_ResizeGripHovered] = gold_soft;
  c[ImGuiCol_ResizeGripActive] = gold;
  c[ImGuiCol_ScrollbarGrab] = lilac;
  c[ImGuiCol_ScrollbarGrabHovered] = lilac_hover;
  c[ImGuiCol_ScrollbarGrabActive] = lilac_active;
  c[ImGuiCol_TextSelectedBg] = ImVec4(0.98f, 0.76f, 0.42f, 0.30f);

  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace innerscape::ui
