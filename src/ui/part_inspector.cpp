// Everything about one part, and "Meet this part": the guide's gentle questions, answered and kept.
#include "ui/part_inspector.h"

#include "ui/placement.h"

#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/archetypes.h"
#include "core/edits.h"
#include "ui/quiet_text.h"
#include "ui/text_state.h"
#include "ui/wrapped_field.h"

namespace innerscape::ui {
namespace {

// A multi-line answer that commits when the person leaves the field.
bool answer(const char* label, const char* hint, std::string* text, bool& active, ItemRects& rects) {
  ImGui::TextUnformatted(label);
  if (hint != nullptr && hint[0] != '\0') {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", hint);
    ImGui::PopStyleColor();
  }
  ImGui::PushID(label);
  wrapped_text_field("##answer", text, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3.2f));
  ImGui::PopID();
  rects.remember(label);
  active = active || ImGui::IsItemActive();
  return ImGui::IsItemDeactivatedAfterEdit();
}

// What each field asks after it: whether it is being typed in, whether it was just left changed.
void track(bool& active, bool& commit) {
  active = active || ImGui::IsItemActive();
  commit = commit || ImGui::IsItemDeactivatedAfterEdit();
}

}  // namespace

void PartInspector::draw(const char* title, const core::InnerSystem& system, std::int64_t now, Actions& actions) {
  if (!open) return;
  const core::Part* current = core::find_part(system, part);
  if (current == nullptr) {
    open = false;
    return;
  }
  if (!editing) draft = *current;  // follow undo, redo and drags while nothing is being typed

  const float em = ImGui::GetFontSize();
  // On the left, where the welcome was: the palette stays in view on the right.
  item_rects.clear();
  window(title, {Side::left, em * 21.0f, Height::full}, 0, [&] { draw_content(system, now, actions); });
}

void PartInspector::draw_content(const core::InnerSystem& system, std::int64_t now, Actions& actions) {
  const float em = ImGui::GetFontSize();
  ImGui::PushID(static_cast<int>(part));  // each part's fields are fields of their own

  bool commit = false;
  bool active = false;
  draw_name_and_portrait(system, actions, em, commit, active);
  draw_traits(em, commit, active);
  draw_questions(commit, active);
  draw_relations(system, actions);
  draw_journal_pages(system, actions);

  ImGui::Spacing();
  if (ImGui::Button("Remove this part")) actions.push(act::Edit{core::delete_part(system, part)});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("You can undo this (Ctrl+Z).");

  editing = active;
  if (commit) {
    actions.push(act::Edit{core::update_part(system, draft, now)});
    editing = false;
  }
  ImGui::PopID();
}

// Its name, its kind, and its portrait (or a way to draw one).
void PartInspector::draw_name_and_portrait(const core::InnerSystem& system, Actions& actions, float em, bool& commit, bool& active) {
  ImGui::SetNextItemWidth(-1.0f);
  forget_stale_text_state("##name");
  ImGui::InputTextWithHint("##name", "Its name", &draft.name);
  track(active, commit);
  item_rects.remember("name");

  int kind = static_cast<int>(draft.kind);
  const char* kinds[] = {"Manager", "Firefighter", "Exile"};
  ImGui::SetNextItemWidth(em * 9.0f);
  if (ImGui::Combo("Kind", &kind, kinds, IM_ARRAYSIZE(kinds))) {
    draft.kind = static_cast<core::PartKind>(kind);
    commit = true;
  }
  // A drawing of the part: made on the canvas, worn on its form in the map.
  const core::Part* shown = core::find_part(system, part);
  ImGui::SameLine();
  if (shown != nullptr && shown->portrait != 0 && core::find_drawing(system, shown->portrait) != nullptr) {
    if (ImGui::Button("Its portrait")) actions.push(act::OpenDrawing{shown->portrait});
    item_rects.remember("Its portrait");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open its drawing on the canvas; in the gallery you can begin another");
  } else {
    if (ImGui::Button("Draw this part")) actions.push(act::DrawPart{part});
    item_rects.remember("Draw this part");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A drawing of this part becomes its portrait in the map");
  }

  // The portrait itself, larger than on the part's form; a click opens it on the canvas.
  if (portrait != nullptr && shown != nullptr && shown->portrait != 0) {
    if (ImGui::ImageButton(portrait, ImVec2(em * 6.0f, em * 6.0f))) actions.push(act::OpenDrawing{shown->portrait});
    item_rects.remember("portrait");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open this drawing on the canvas");
  }
}

// What it is like: its archetype, its age, its colour, and how it is right now.
void PartInspector::draw_traits(float em, bool& commit, bool& active) {
  if (const core::Archetype* a = core::find_archetype(draft.archetype)) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", std::string(a->description).c_str());
    ImGui::PopStyleColor();
  }

  bool has_age = draft.age.has_value();
  if (ImGui::Checkbox("I know how old it feels", &has_age)) {
    draft.age = has_age ? std::optional<int>(10) : std::nullopt;
    commit = true;
  }
  if (draft.age) {
    int age = *draft.age;
    ImGui::SetNextItemWidth(em * 7.0f);
    if (ImGui::InputInt("years old", &age)) draft.age = age;
    track(active, commit);
  }

  float color[3] = {static_cast<float>((core::display_color(draft) >> 16) & 0xFF) / 255.0f,
                    static_cast<float>((core::display_color(draft) >> 8) & 0xFF) / 255.0f,
                    static_cast<float>(core::display_color(draft) & 0xFF) / 255.0f};
  if (ImGui::ColorEdit3("Colour", color, ImGuiColorEditFlags_NoInputs)) {
    draft.color = (static_cast<std::uint32_t>(color[0] * 255.0f + 0.5f) << 16) |
                  (static_cast<std::uint32_t>(color[1] * 255.0f + 0.5f) << 8) | static_cast<std::uint32_t>(color[2] * 255.0f + 0.5f);
  }
  track(active, commit);

  ImGui::Separator();
  ImGui::TextUnformatted("Right now");
  ImGui::SetNextItemWidth(-em * 8.0f);
  ImGui::SliderFloat("how stirred up", &draft.size, core::min_part_size, core::max_part_size, "%.1f");
  track(active, commit);
  ImGui::SetNextItemWidth(-em * 8.0f);
  ImGui::SliderFloat("how deep inside", &draft.depth, 0.0f, 1.0f, "%.1f");
  track(active, commit);
  ImGui::SetNextItemWidth(-em * 8.0f);
  ImGui::SliderInt("trust in the Self", &draft.trust, 0, 100, "%d%%");
  track(active, commit);
}

// "Meet this part", and its job and its fears: the guide's questions.
void PartInspector::draw_questions(bool& commit, bool& active) {
  ImGui::Spacing();
  if (ImGui::CollapsingHeader("Meet this part", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Take a breath. Turn toward this part with curiosity, and listen for what it says.");
    ImGui::PopStyleColor();
    commit |= answer("What is it feeling?", "", &draft.feeling, active, item_rects);
    commit |= answer("What does it need in order to feel safe?", "Often it is safety, under the wish for reassurance.",
                     &draft.needs_to_feel_safe, active, item_rects);
    commit |= answer("What does it need to hear from you?", "", &draft.needs_to_hear, active, item_rects);
    commit |= answer("What would comfort it?", "", &draft.comfort, active, item_rects);
  }
  if (ImGui::CollapsingHeader("Its job and its fears")) {
    commit |= answer("What does it do to protect you?", "", &draft.job, active, item_rects);
    commit |= answer("What is it afraid would happen if it stopped?", "", &draft.fears, active, item_rects);
    commit |= answer("Where do you feel it in your body?", "", &draft.body, active, item_rects);
    commit |= answer("Notes", "", &draft.notes, active, item_rects);
  }
}

void PartInspector::draw_relations(const core::InnerSystem& system, Actions& actions) {
  if (ImGui::CollapsingHeader("How it relates")) {
    for (const core::Relationship& r : system.relationships) {
      if (r.from != part && r.to != part) continue;
      const core::Part* other = core::find_part(system, r.from == part ? r.to : r.from);
      if (other == nullptr) continue;
      std::string line;
      if (r.kind == core::RelationKind::protects) {
        line = r.from == part ? "protects " + other->name : "is protected by " + other->name;
      } else {
        line = std::string(core::relation_name(r.kind)) + " " + other->name;
      }
      ImGui::PushID(static_cast<int>(other->id));
      ImGui::BulletText("%s", line.c_str());
      ImGui::SameLine();
      if (ImGui::SmallButton("let go")) actions.push(act::Edit{core::unrelate(system, r.from, r.to)});
      ImGui::PopID();
    }
    quiet_text("Right-click a part in the space to relate it to another.");
  }
}

void PartInspector::draw_journal_pages(const core::InnerSystem& system, Actions& actions) {
  // The journal pages about this part, newest first.
  int pages = 0;
  for (const core::Entry& e : system.journal) pages += std::find(e.parts.begin(), e.parts.end(), part) != e.parts.end() ? 1 : 0;
  const std::string journal_header = "In the journal (" + std::to_string(pages) + ")###journal";
  if (ImGui::CollapsingHeader(journal_header.c_str())) {
    for (auto it = system.journal.rbegin(); it != system.journal.rend(); ++it) {
      if (std::find(it->parts.begin(), it->parts.end(), part) == it->parts.end()) continue;
      ImGui::PushID(static_cast<int>(it->id));
      if (ImGui::Selectable(std::string(core::entry_type_spec(it->type).name).c_str())) actions.push(act::OpenEntry{it->id});
      ImGui::PopID();
    }
    if (ImGui::SmallButton("Write about this part")) actions.push(act::NewEntry{.type = core::EntryType::trigger, .for_part = part});
  }
}

}  // namespace innerscape::ui
