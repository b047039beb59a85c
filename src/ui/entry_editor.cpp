// Writing one journal entry: the prompts of its type, the parts it is about, the radar for a check-in.
#include "ui/entry_editor.h"

#include "ui/placement.h"

#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/archetypes.h"
#include "core/arrange.h"
#include "core/edits.h"
#include "ui/radar.h"

namespace innerscape::ui {

void EntryEditor::start(core::EntryType type, std::vector<core::PartId> parts) {
  draft = core::Entry{.type = type, .parts = std::move(parts)};
  open = true;
  focus = true;
}

void EntryEditor::edit(const core::Entry& entry) {
  draft = entry;
  open = true;
  focus = true;
}

void EntryEditor::draw(const core::InnerSystem& system, std::int64_t now, UiActions& actions) {
  item_rects.clear();
  if (!open || !draft) return;
  const core::EntryTypeSpec& spec = core::entry_type_spec(draft->type);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  place_at_top(Side::centre);
  ImGui::SetNextWindowSize(ImVec2(em * 26.0f, viewport->WorkSize.y - em * margin_em * 2.0f), ImGuiCond_FirstUseEver);
  if (focus) {
    ImGui::SetNextWindowFocus();
    focus = false;
  }
  const std::string title = std::string(spec.name) + "###entry_editor";
  // Closing with the x keeps the draft: it is there again when the editor opens.
  if (!ImGui::Begin(title.c_str(), &open)) {
    ImGui::End();
    return;
  }
  // Esc puts the page aside, as the close button does; the words wait in the draft.
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::IsAnyItemActive() &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    open = false;
  }
  // The page scrolls; its buttons stay in view below it, however small the window.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float footer = ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y * 2.0f + 1.0f;
  ImGui::BeginChild("page", ImVec2(0.0f, -footer));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", std::string(spec.intro).c_str());
  ImGui::PopStyleColor();

  // The parts it is about.
  if (!system.parts.empty() && ImGui::CollapsingHeader("Which parts are here?", draft->type == core::EntryType::trigger ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
    for (const core::Part& p : system.parts) {
      bool tied = std::find(draft->parts.begin(), draft->parts.end(), p.id) != draft->parts.end();
      ImGui::PushID(static_cast<int>(p.id));
      if (ImGui::Checkbox(p.name.c_str(), &tied)) {
        if (tied) draft->parts.push_back(p.id);
        else draft->parts.erase(std::remove(draft->parts.begin(), draft->parts.end(), p.id), draft->parts.end());
      }
      item_rects.remember(("part:" + p.name).c_str());
      ImGui::PopID();
    }
  }
  // A part that showed up while writing can join the map right here, tied to this page.
  if (ImGui::TreeNode("A part not on the map yet")) {
    ImGui::SetNextItemWidth(em * 11.0f);
    ImGui::InputTextWithHint("##new_part", "Its name", &new_part_name);
    item_rects.remember("new part name");
    ImGui::SameLine();
    const char* kinds[] = {"Manager", "Firefighter", "Exile"};
    ImGui::SetNextItemWidth(em * 7.0f);
    ImGui::Combo("##new_kind", &new_part_kind, kinds, IM_ARRAYSIZE(kinds));
    if (ImGui::Button("Add it to the map")) {
      core::Part part = core::blank_part(static_cast<core::PartKind>(new_part_kind), core::free_spot(system));
      part.name = new_part_name;
      draft->parts.push_back(core::peek_next_id(system));
      actions.edits.push_back(core::add_part(system, std::move(part), now));
      new_part_name.clear();
    }
    item_rects.remember("Add it to the map");
    ImGui::TreePop();
  }

  if (draft->type == core::EntryType::check_in) draw_eight_cs_radar(draft->answers, em * 13.0f);

  // Radical acceptance sets its first two prompts side by side, as the guide's two columns.
  // BeginTable says no when the table cannot be seen (a window too small to show it): then there is
  // no table to fill or end, and the prompts follow one another.
  const bool two_columns = draft->type == core::EntryType::radical_acceptance && spec.fields.size() >= 2 &&
                           ImGui::BeginTable("columns", 2, ImGuiTableFlags_SizingStretchSame);
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    const core::FieldSpec& f = spec.fields[i];
    if (two_columns && i < 2) ImGui::TableNextColumn();
    if (two_columns && i == 2) ImGui::EndTable();
    const std::string key(f.key);
    ImGui::PushID(key.c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", std::string(f.prompt).c_str());
    switch (f.kind) {
      case core::FieldKind::line: {
        std::string words(draft->answers.text(key));
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::InputText("##line", &words)) draft->answers.set_text(key, words);
        break;
      }
      case core::FieldKind::text: {
        std::string words(draft->answers.text(key));
        if (ImGui::InputTextMultiline("##text", &words, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 4.0f))) {
          draft->answers.set_text(key, words);
        }
        break;
      }
      case core::FieldKind::rating: {
        int value = draft->answers.rating(key).value_or(0);
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::SliderInt("##rating", &value, 0, core::max_rating)) draft->answers.set_rating(key, value);
        break;
      }
      case core::FieldKind::checklist:
        for (const core::ChoiceSpec& c : f.choices) {
          bool on = draft->answers.chosen(key, c.key);
          if (ImGui::Checkbox(std::string(c.name).c_str(), &on)) draft->answers.set_chosen(key, c.key, on);
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(c.explanation).c_str());
        }
        break;
    }
    item_rects.remember(key.c_str());
    ImGui::PopID();
  }
  if (two_columns && spec.fields.size() == 2) ImGui::EndTable();
  ImGui::EndChild();

  ImGui::Separator();
  if (ImGui::Button("Keep this entry")) {
    core::Entry entry = *draft;  // (an emptied field is no answer: Answers keeps none)
    if (entry.id == 0) {
      actions.edits.push_back(core::add_entry(system, std::move(entry), now));
    } else {
      actions.edits.push_back(core::update_entry(system, std::move(entry), now));
    }
    draft.reset();
    open = false;
  }
  item_rects.remember("Keep this entry");
  if (draft && draft->id != 0) {
    ImGui::SameLine();
    if (ImGui::Button("Delete")) {
      actions.edits.push_back(core::delete_entry(system, draft->id));
      draft.reset();
      open = false;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("You can undo this (Ctrl+Z).");
  }
  if (draft) {
    ImGui::SameLine();
    if (ImGui::Button("Put it aside")) open = false;  // the draft stays for later
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Closes the page; what you wrote waits here for you.");
  }
  ImGui::End();
}

}  // namespace innerscape::ui
