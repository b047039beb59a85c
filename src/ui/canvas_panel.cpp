// The drawing canvas's panels: tools on the left, the gallery on the right.
#include "ui/canvas_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/edits.h"
#include "ui/keyboard_focus.h"
#include "ui/placement.h"
#include "ui/text_state.h"
#include "ui/undo_buttons.h"

namespace innerscape::ui {
namespace {

ImVec4 to_imgui(std::uint32_t rgb, float alpha = 1.0f) {
  float c[3];
  unpack_color(rgb, c);
  return ImVec4(c[0], c[1], c[2], alpha);
}

void dim_text(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

// A quiet heading over a group of tools.
void section(const char* title) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", title);
}

// A row of colour swatches; returns the one clicked. The chosen one has a ring.
bool swatches(const char* id, std::span<const std::uint32_t> colors, std::uint32_t chosen, std::uint32_t& clicked, float side) {
  bool any = false;
  ImGui::PushID(id);
  const float avail = ImGui::GetContentRegionAvail().x;
  const int per_row = std::max(1, static_cast<int>((avail + ImGui::GetStyle().ItemSpacing.x) / (side + ImGui::GetStyle().ItemSpacing.x)));
  for (std::size_t i = 0; i < colors.size(); ++i) {
    if (i % static_cast<std::size_t>(per_row) != 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    const bool is_chosen = colors[i] == chosen;
    if (is_chosen) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.5f);
    char name[16];
    std::snprintf(name, sizeof name, "#%06X", static_cast<unsigned>(colors[i]));
    if (ImGui::ColorButton(name, to_imgui(colors[i]), ImGuiColorEditFlags_NoAlpha, ImVec2(side, side))) {
      clicked = colors[i];
      any = true;
    }
    if (is_chosen) ImGui::PopStyleVar();
    ImGui::PopID();
  }
  ImGui::PopID();
  return any;
}

// The canvas's two panels stay where they are put.
constexpr ImGuiWindowFlags fixed_window = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoSavedSettings;

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds);
  char text[32];
  std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  return text;
}

}  // namespace

void unpack_color(std::uint32_t rgb, float out[3]) {
  out[0] = static_cast<float>((rgb >> 16) & 0xFF) / 255.0f;
  out[1] = static_cast<float>((rgb >> 8) & 0xFF) / 255.0f;
  out[2] = static_cast<float>(rgb & 0xFF) / 255.0f;
}

std::uint32_t pack_color(const float rgb[3]) {
  auto byte = [](float v) { return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
  return (byte(rgb[0]) << 16) | (byte(rgb[1]) << 8) | byte(rgb[2]);
}

void CanvasPanel::draw(CanvasController& c, const CanvasPanelView& view, std::int64_t now, Actions& actions) {
  const core::InnerSystem& system = *view.system;
  const core::Drawing* drawing = core::find_drawing(system, c.drawing);
  if (drawing == nullptr) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  const float margin = em * margin_em;
  item_rects.clear();

  // --- Tools, down the left ---
  const float tools_width = em * 16.5f;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y + margin), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(tools_width, viewport->WorkSize.y - 2.0f * margin), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.88f);
  if (ImGui::Begin("Drawing", nullptr, fixed_window)) {
    belongs_to_view();  // the canvas's own tools: its keys (D, Esc) still work after a click here
    draw_header(view, *drawing, now, actions);
    draw_brush_and_colour(c, *drawing, system, now, actions, tools_width, em);
    draw_zoom(c);
    draw_portrait(system, *drawing, now, actions);
    draw_timer_and_png(view, actions, em);
  }
  const float tools_right = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x;
  ImGui::End();

  // --- The gallery, down the right ---
  float gallery_left = viewport->WorkPos.x + viewport->WorkSize.x;
  if (gallery_open) {
    const float gallery_width = em * 13.0f;
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - margin, viewport->WorkPos.y + margin), ImGuiCond_Always,
                            ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(gallery_width, viewport->WorkSize.y - 2.0f * margin), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.88f);
    if (ImGui::Begin("Gallery", &gallery_open, fixed_window)) {
      belongs_to_view();
      draw_gallery(view, *drawing, actions);
    }
    gallery_left = ImGui::GetWindowPos().x;
    ImGui::End();
  }

  c.area_min = glm::vec2(tools_right + margin, viewport->WorkPos.y + margin);
  c.area_max = glm::vec2(gallery_left - margin, viewport->WorkPos.y + viewport->WorkSize.y - margin);
}

// Back to the map, the gallery's toggle, the title, the prompt, undo, redo and Clear.
void CanvasPanel::draw_header(const CanvasPanelView& view, const core::Drawing& drawing_ref, std::int64_t now, Actions& actions) {
  const core::InnerSystem& system = *view.system;
  const core::Drawing* drawing = &drawing_ref;
  if (ImGui::Button("Back to the map")) actions.push(act::CloseCanvas{});
  item_rects.remember("Back to the map");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Esc. Everything is kept as you drew it.");
  ImGui::SameLine();
  ImGui::Checkbox("Gallery", &gallery_open);

  // The title, committed when the field is left.
  if (title_of != drawing->id) {
    title = drawing->title;
    title_of = drawing->id;
  }
  ImGui::SetNextItemWidth(-1.0f);
  forget_stale_text_state("##title");
  ImGui::InputTextWithHint("##title", "A name for this drawing", &title);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    core::Drawing changed = *drawing;
    changed.title = title;
    actions.push(act::Edit{core::update_drawing(system, changed, now)});
  } else if (!ImGui::IsItemActive()) {
    title = drawing->title;  // follows undo and redo
  }
  if (const core::DrawingPrompt* prompt = core::find_prompt(drawing->prompt)) dim_text(std::string(prompt->text).c_str());

  undo_redo_buttons(view.undo_label, view.redo_label, actions, item_rects);
  ImGui::SameLine();
  ImGui::BeginDisabled(drawing->strokes.empty());
  if (ImGui::Button("Clear")) actions.push(act::Edit{core::clear_drawing(system, drawing->id, now)});
  ImGui::EndDisabled();
  item_rects.remember("Clear");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("A fresh sheet; Undo brings the drawing back");
}

// The brushes, size and opacity, the ink's colour and the paper's.
void CanvasPanel::draw_brush_and_colour(CanvasController& c, const core::Drawing& drawing_ref, const core::InnerSystem& system,
                                        std::int64_t now, Actions& actions, float tools_width, float em) {
  const core::Drawing* drawing = &drawing_ref;
  section("Brush");
  for (const core::BrushSpec& b : core::brushes()) {
    const std::string name(b.name);
    if (ImGui::RadioButton(name.c_str(), c.tool.brush == b.brush)) c.tool.brush = b.brush;
    item_rects.remember(name.c_str());
    if (b.brush == core::Brush::soft || b.brush == core::Brush::eraser) continue;
    ImGui::SameLine(tools_width * 0.5f);
  }
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::SliderFloat("##size", &c.tool.size(), core::min_brush_size, core::max_brush_size, "size %.0f px",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  float percent = c.tool.opacity() * 100.0f;
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderFloat("##opacity", &percent, 5.0f, 100.0f, c.tool.brush == core::Brush::eraser ? "strength %.0f%%" : "opacity %.0f%%",
                         ImGuiSliderFlags_AlwaysClamp)) {
    c.tool.opacity() = percent / 100.0f;
  }

  section(c.tool.brush == core::Brush::eraser ? "Colour (the eraser takes ink away)" : "Colour");
  ImGui::BeginDisabled(c.tool.brush == core::Brush::eraser);
  std::uint32_t clicked = 0;
  if (swatches("ink", core::calm_colors(), c.tool.color, clicked, em * 1.35f)) c.tool.color = clicked;
  ImGui::SameLine();
  float rgb[3];
  unpack_color(c.tool.color, rgb);
  if (ImGui::ColorEdit3("##any colour", rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_PickerHueWheel)) {
    c.tool.color = pack_color(rgb);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Any colour at all");
  ImGui::EndDisabled();

  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Paper");
  ImGui::SameLine();
  std::uint32_t paper = 0;
  if (swatches("paper", core::paper_colors(), drawing->paper, paper, em * 1.35f)) {
    core::Drawing changed = *drawing;
    changed.paper = paper;
    actions.push(act::Edit{core::update_drawing(system, changed, now)});
  }
}

// Zooming out, to fit, and in, with the scale shown.
void CanvasPanel::draw_zoom(CanvasController& c) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Zoom");
  ImGui::SameLine();
  if (ImGui::Button("-")) zoom_canvas_about(c, (c.area_min + c.area_max) * 0.5f, 1.0f / 1.25f);
  ImGui::SameLine();
  if (ImGui::Button("Fit")) {
    c.zoom = 1.0f;
    c.pan = glm::vec2(0.0f);
  }
  ImGui::SameLine();
  if (ImGui::Button("+")) zoom_canvas_about(c, (c.area_min + c.area_max) * 0.5f, 1.25f);
  ImGui::SameLine();
  ImGui::Text("%.0f%%", static_cast<double>(sheet_rect(c).scale() * 100.0f));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Wheel to zoom, right or middle button to move the sheet");
}

// Which part, if any, wears this drawing as its portrait.
void CanvasPanel::draw_portrait(const core::InnerSystem& system, const core::Drawing& drawing_ref, std::int64_t now, Actions& actions) {
  const core::Drawing* drawing = &drawing_ref;
  const core::Part* wearer = nullptr;
  for (const core::Part& p : system.parts) {
    if (p.portrait == drawing->id) wearer = &p;
  }
  ImGui::SetNextItemWidth(-1.0f);
  const std::string worn_by = wearer != nullptr ? "Portrait of " + wearer->name : std::string("Not a part's portrait");
  if (ImGui::BeginCombo("##portrait", worn_by.c_str())) {
    if (ImGui::Selectable("Not a part's portrait", wearer == nullptr) && wearer != nullptr) {
      actions.push(act::Edit{core::set_portrait(system, wearer->id, 0, now)});
    }
    for (const core::Part& p : system.parts) {
      ImGui::PushID(static_cast<int>(p.id));
      if (ImGui::Selectable(p.name.c_str(), &p == wearer) && &p != wearer) {
        core::Edit edit = core::set_portrait(system, p.id, drawing->id, now);
        if (wearer != nullptr && !edit.empty()) {
          // One portrait, one part: the drawing moves from one to the other in a single step.
          core::Edit off = core::set_portrait(system, wearer->id, 0, now);
          edit.steps.insert(edit.steps.begin(), off.steps.begin(), off.steps.end());
        }
        actions.push(act::Edit{std::move(edit)});
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The part wears this drawing on its form in the map");
}

// The creative timer, and saving the drawing as a PNG.
void CanvasPanel::draw_timer_and_png(const CanvasPanelView& view, Actions& actions, float em) {
  ImGui::Spacing();
  if (view.timer_s < 0.0) {
    if (ImGui::Button("Start a timer")) actions.push(act::CreativeTimer{true});
    item_rects.remember("Start a timer");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("When you stop, the time goes in your journal as creative time");
  } else {
    ImGui::Text("%s", clock_text(view.timer_s).c_str());
    ImGui::SameLine();
    if (ImGui::Button("Stop and keep")) actions.push(act::CreativeTimer{false});
    item_rects.remember("Stop and keep");
  }
  if (png_path.empty()) png_path = view.default_png_path;
  ImGui::SetNextItemWidth(-em * 5.0f);
  forget_stale_text_state("##png");
  const bool enter =
      ImGui::InputText("##png", &png_path, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  item_rects.remember("png path");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Where to save the drawing as a PNG picture");
  ImGui::SameLine();
  if (ImGui::Button("Save PNG") || enter) actions.push(act::SaveDrawingPng{png_path});
  item_rects.remember("Save PNG");
}

// The gallery's contents: new drawings, the prompts, and every drawing's thumbnail, newest first.
void CanvasPanel::draw_gallery(const CanvasPanelView& view, const core::Drawing& drawing_ref, Actions& actions) {
  const core::InnerSystem& system = *view.system;
  const core::Drawing* drawing = &drawing_ref;
  if (ImGui::Button("New drawing", ImVec2(-1.0f, 0.0f))) actions.push(act::NewDrawing{std::string()});
  item_rects.remember("New drawing");
  dim_text("or begin with a gentle prompt:");
  for (const core::DrawingPrompt& p : core::drawing_prompts()) {
    const std::string label(p.title);
    if (ImGui::Button(label.c_str(), ImVec2(-1.0f, 0.0f))) actions.push(act::NewDrawing{std::string(p.key)});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(p.text).c_str());
  }
  ImGui::Separator();
  const float thumb_w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().FramePadding.x * 2.0f;
  const ImVec2 thumb(thumb_w, thumb_w * static_cast<float>(core::canvas_size.y) / static_cast<float>(core::canvas_size.x));
  // Newest first.
  for (auto it = system.drawings.rbegin(); it != system.drawings.rend(); ++it) {
    const core::Drawing& d = *it;
    ImGui::PushID(static_cast<int>(d.id));
    const bool current = d.id == drawing->id;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const auto found = view.thumbnails.find(d.id);
    bool clicked = false;
    if (found != view.thumbnails.end() && found->second != nullptr) {
      clicked = ImGui::ImageButton(found->second, thumb);
    } else {
      clicked = ImGui::Button("(being painted)", ImVec2(thumb.x + ImGui::GetStyle().FramePadding.x * 2.0f, thumb.y));
    }
    if (current) ImGui::PopStyleColor();
    if (clicked && !current) actions.push(act::OpenDrawing{d.id});
    if (ImGui::BeginPopupContextItem("drawing")) {
      if (ImGui::MenuItem("Delete this drawing")) actions.push(act::Edit{core::delete_drawing(system, d.id)});
      ImGui::EndPopup();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Right-click to delete (Undo brings it back)");
    ImGui::TextWrapped("%s", d.title.c_str());
    ImGui::PopID();
    ImGui::Spacing();
  }
}

}  // namespace innerscape::ui
