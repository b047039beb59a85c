// The overlay's look: soft, translucent panels in the scene's night colours, warm accents from the Self;
// or a light one, warm paper and dark ink. Both share one shape (paddings, rounding).
#include "ui/theme.h"

namespace innerscape::ui {
namespace {

void shape(ImGuiStyle& style) {
  style.WindowRounding = 10.0f;
  style.ChildRounding = 8.0f;
  style.FrameRounding = 6.0f;
  style.PopupRounding = 8.0f;
  style.GrabRounding = 6.0f;
  style.ScrollbarRounding = 8.0f;
  style.WindowBorderSize = 1.0f;
  // Every control is outlined: whatever shows through a panel (a part's glow, the Self's light), a
  // checkbox, a field or a button stands out 3:1 from the panel around it (WCAG 1.4.11).
  style.FrameBorderSize = 1.0f;
  style.WindowPadding = ImVec2(16.0f, 14.0f);
  style.FramePadding = ImVec2(10.0f, 6.0f);
  style.ItemSpacing = ImVec2(10.0f, 8.0f);
  style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
}

// The colours both themes set, from a handful of named ones.
struct Palette {
  ImVec4 panel, popup, ink, muted, accent, accent_soft, frame, frame_hover, frame_active, title, title_active,
      button, button_hover, button_active, line, edge;
};

void colour(ImGuiStyle& style, const Palette& p) {
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.ink;
  c[ImGuiCol_TextDisabled] = p.muted;
  c[ImGuiCol_WindowBg] = p.panel;
  c[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
  c[ImGuiCol_PopupBg] = p.popup;  // menus are read quickly: no show-through
  c[ImGuiCol_Border] = p.edge;  // the outline of controls, and of the panels themselves
  c[ImGuiCol_FrameBg] = p.frame;
  c[ImGuiCol_FrameBgHovered] = p.frame_hover;
  c[ImGuiCol_FrameBgActive] = p.frame_active;
  c[ImGuiCol_TitleBg] = p.title;
  c[ImGuiCol_TitleBgActive] = p.title_active;
  c[ImGuiCol_TitleBgCollapsed] = ImVec4(p.title.x, p.title.y, p.title.z, 0.60f);
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_SliderGrab] = p.accent_soft;
  c[ImGuiCol_SliderGrabActive] = p.accent;
  c[ImGuiCol_Button] = p.button;
  c[ImGuiCol_ButtonHovered] = p.button_hover;
  c[ImGuiCol_ButtonActive] = p.button_active;
  c[ImGuiCol_Header] = p.button;
  c[ImGuiCol_HeaderHovered] = p.button_hover;
  c[ImGuiCol_HeaderActive] = p.button_active;
  c[ImGuiCol_Separator] = p.line;
  c[ImGuiCol_NavHighlight] = p.accent;
  c[ImGuiCol_Tab] = p.frame;
  c[ImGuiCol_TabHovered] = p.button_hover;
  c[ImGuiCol_TabActive] = p.button_active;
  c[ImGuiCol_TabUnfocused] = p.frame;
  c[ImGuiCol_TabUnfocusedActive] = p.button;
  c[ImGuiCol_ResizeGrip] = ImVec4(p.line.x, p.line.y, p.line.z, 0.10f);
  c[ImGuiCol_ResizeGripHovered] = p.accent_soft;
  c[ImGuiCol_ResizeGripActive] = p.accent;
  c[ImGuiCol_ScrollbarGrab] = p.button;
  c[ImGuiCol_ScrollbarGrabHovered] = p.button_hover;
  c[ImGuiCol_ScrollbarGrabActive] = p.button_active;
  c[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.30f);
}

const Palette calm_dark{
    .panel = {0.055f, 0.065f, 0.120f, 0.82f},  // translucent: the scene shows through
    .popup = {0.07f, 0.08f, 0.14f, 1.00f},
    .ink = {0.93f, 0.91f, 0.87f, 1.00f},
    .muted = {0.66f, 0.66f, 0.72f, 1.00f},
    .accent = {0.98f, 0.76f, 0.42f, 1.00f},  // the Self's gold
    .accent_soft = {0.98f, 0.76f, 0.42f, 0.55f},
    .frame = {0.16f, 0.16f, 0.26f, 0.70f},
    .frame_hover = {0.22f, 0.21f, 0.34f, 0.80f},
    .frame_active = {0.27f, 0.25f, 0.40f, 0.90f},
    .title = {0.07f, 0.08f, 0.15f, 0.85f},
    .title_active = {0.10f, 0.10f, 0.19f, 0.92f},
    .button = {0.36f, 0.32f, 0.52f, 0.60f},
    .button_hover = {0.46f, 0.40f, 0.64f, 0.75f},
    .button_active = {0.54f, 0.47f, 0.72f, 0.90f},
    .line = {0.98f, 0.85f, 0.65f, 0.16f},
    .edge = {0.70f, 0.66f, 0.84f, 0.80f},  // soft lilac: 3:1 on the panel even where the Self's light shows through
};

// Warm paper, nearly opaque (dark ink must not sit on the night showing through), lilac buttons,
// and a deep amber where the dark theme has gold (gold on paper would not read).
const Palette light{
    .panel = {0.975f, 0.960f, 0.930f, 0.97f},
    .popup = {0.985f, 0.975f, 0.950f, 1.00f},
    .ink = {0.15f, 0.14f, 0.20f, 1.00f},
    .muted = {0.38f, 0.37f, 0.44f, 1.00f},
    .accent = {0.62f, 0.33f, 0.04f, 1.00f},
    .accent_soft = {0.62f, 0.33f, 0.04f, 0.55f},
    .frame = {0.88f, 0.85f, 0.92f, 0.90f},
    .frame_hover = {0.83f, 0.79f, 0.90f, 0.95f},
    .frame_active = {0.78f, 0.73f, 0.88f, 1.00f},
    .title = {0.90f, 0.87f, 0.84f, 0.95f},
    .title_active = {0.86f, 0.82f, 0.90f, 0.98f},
    .button = {0.82f, 0.78f, 0.92f, 0.95f},
    .button_hover = {0.75f, 0.70f, 0.89f, 1.00f},
    .button_active = {0.68f, 0.62f, 0.85f, 1.00f},
    .line = {0.30f, 0.24f, 0.40f, 0.22f},
    .edge = {0.42f, 0.36f, 0.55f, 0.85f},  // dusk lilac: 3:1 on the paper
};

}  // namespace

ImGuiStyle theme_style(core::Theme theme) {
  ImGuiStyle style;  // the defaults: sizes at 100 %
  if (theme == core::Theme::light) {
    ImGui::StyleColorsLight(&style);
    colour(style, light);
  } else {
    ImGui::StyleColorsDark(&style);
    colour(style, calm_dark);
  }
  shape(style);
  return style;
}

void apply_theme(core::Theme theme, float scale) {
  ImGuiStyle style = theme_style(theme);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

ImVec4 accent_text() {
  ImVec4 c = ImGui::GetStyle().Colors[ImGuiCol_CheckMark];
  c.w = 1.0f;
  return c;
}

}  // namespace innerscape::ui
