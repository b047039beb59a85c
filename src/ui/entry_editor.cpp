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
#include "ui/text_state.h"
#include "ui/wrapped_field.h"

namespace innerscape::ui {

void EntryEditor::start(const core::InnerSystem& system, core::EntryType type, std::vector<core::PartId> parts) {
  core::begin_page(pages, system, type, std::move(parts));
  open = true;
  focus = focus_field = true;
}

void EntryEditor::edit(const core::InnerSystem& system, const core::Entry& entry) {
  core::open_entry(pages, system, entry);
  open = true;
  focus = focus_field = true;
}

void EntryEditor::take_up(const core::InnerSystem& system, core::DraftSerial serial) {
  if (!core::open_page(pages, system, serial)) return;
  open = true;
  focus = focus_field = true;
}

void EntryEditor::draw(const core::InnerSystem& system, std::int64_t now, Actions& actions) {
  item_rects.clear();
  if (!open && pages.open != 0) core::put_aside(pages, system);  // closed from outside: it waits
  core::PageDraft* page = core::open_draft(pages);
  open = open && page != nullptr;
  if (!open) return;
  const float em = ImGui::GetFontSize();
  // One window whatever the page's type ("###entry_editor"), named after it.
  const std::string title = std::string(core::entry_type_spec(page->entry.type).name) + "###entry_editor";
  bool done = false;  // the page was kept or deleted (draw_content)
  window(title.c_str(), {Side::centre, em * 26.0f, Height::full}, 0, [&] { done = draw_content(page, system, now, actions); });
  // Closing with the x puts the page aside: it waits in the journal's list.
  if (done) {
    core::remove_draft(pages, page->serial);
    open = false;
  } else if (!open) {
    core::put_aside(pages, system);
  }
}

bool EntryEditor::draw_content(core::PageDraft* page, const core::InnerSystem& system, std::int64_t now, Actions& actions) {
  core::Entry* draft = &page->entry;
  const core::EntryTypeSpec& spec = core::entry_type_spec(draft->type);
  const float em = ImGui::GetFontSize();
  // Esc puts the page aside, as the close button does; the words wait in the journal's list.
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::IsAnyItemActive() &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    open = false;
  }
  // Every page's fields (and its scroll) are its own: ids under the page's serial, so one page's
  // words never meet another's field state.
  ImGui::PushID(static_cast<int>(page->serial));
  // The page scrolls; its buttons stay in view below it, however small the window.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float footer = ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y * 2.0f + 1.0f;
  ImGui::BeginChild("page", ImVec2(0.0f, -footer));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", std::string(spec.intro).c_str());
  ImGui::PopStyleColor();

  draw_parts(draft, system);
  draw_new_part(draft, system, now, actions, em);

  if (draft->type == core::EntryType::check_in) draw_eight_cs_radar(draft->answers, em * 13.0f);

  draw_fields(draft, spec);
  ImGui::EndChild();

  ImGui::Separator();
  const bool done = draw_buttons(draft, system, now, actions);  // kept or deleted: the page goes
  ImGui::PopID();
  return done;
}

// The parts it is about.
void EntryEditor::draw_parts(core::Entry* draft, const core::InnerSystem& system) {
  const ImGuiStyle& style = ImGui::GetStyle();
  if (!system.parts.empty() && ImGui::CollapsingHeader("Which parts are here?", draft->type == core::EntryType::trigger ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
    // Side by side as they fit, so the page opens with its first question in view below them; a
    // long list scrolls in a box of its own.
    auto width_of = [&style](const core::Part& p) {
      return ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(p.name.c_str(), nullptr, true).x;
    };
    const float avail = ImGui::GetContentRegionAvail().x;
    int rows = 1;
    float x = 0.0f;
    for (const core::Part& p : system.parts) {
      const float w = width_of(p);
      const bool wraps = x > 0.0f && x + style.ItemSpacing.x + w > avail;
      rows += wraps ? 1 : 0;
      x = wraps || x == 0.0f ? w : x + style.ItemSpacing.x + w;
    }
    constexpr int most_rows = 4;
    const bool boxed = rows > most_rows;
    if (boxed) ImGui::BeginChild("parts", ImVec2(0.0f, ImGui::GetFrameHeightWithSpacing() * static_cast<float>(most_rows) + style.WindowPadding.y));
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    bool first = true;
    for (const core::Part& p : system.parts) {
      if (!first && ImGui::GetItemRectMax().x + style.ItemSpacing.x + width_of(p) <= right) ImGui::SameLine();
      first = false;
      bool tied = std::find(draft->parts.begin(), draft->parts.end(), p.id) != draft->parts.end();
      ImGui::PushID(static_cast<int>(p.id));
      if (ImGui::Checkbox(p.name.c_str(), &tied)) {
        if (tied) draft->parts.push_back(p.id);
        else draft->parts.erase(std::remove(draft->parts.begin(), draft->parts.end(), p.id), draft->parts.end());
      }
      item_rects.remember(("part:" + p.name).c_str());
      ImGui::PopID();
    }
    if (boxed) ImGui::EndChild();
  }
}

void EntryEditor::draw_new_part(core::Entry* draft, const core::InnerSystem& system, std::int64_t now, Actions& actions, float em) {
  // A part that showed up while writing can join the map right here, tied to this page.
  if (ImGui::TreeNode("A part not on the map yet")) {
    ImGui::SetNextItemWidth(em * 11.0f);
    forget_stale_text_state("##new_part");
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
      actions.push(act::Edit{core::add_part(system, std::move(part), now)});
      new_part_name.clear();
    }
    item_rects.remember("Add it to the map");
    ImGui::TreePop();
  }
}

// The prompts of the page's type, each with its field.
void EntryEditor::draw_fields(core::Entry* draft, const core::EntryTypeSpec& spec) {
  // The first field to write in takes the keyboard, so typing goes onto the page at once. Asked in
  // the page's second frame: asked as it appears, ImGui would scroll the field to the middle of the
  // page, hiding its introduction and its parts.
  auto take_focus = [this] {
    if (!focus_field || ImGui::IsWindowAppearing()) return;
    ImGui::SetKeyboardFocusHere();
    focus_field = false;
  };
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
        take_focus();
        forget_stale_text_state("##line");
        if (ImGui::InputText("##line", &words)) draft->answers.set_text(key, words);
        break;
      }
      case core::FieldKind::text: {
        std::string words(draft->answers.text(key));
        take_focus();
        if (wrapped_text_field("##text", &words, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 4.0f))) {
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
  if (!ImGui::IsWindowAppearing()) focus_field = false;  // a page with nothing to write in keeps it on its window
}

// Keep, Delete and Put it aside, below the page; true when the page was kept or deleted.
bool EntryEditor::draw_buttons(core::Entry* draft, const core::InnerSystem& system, std::int64_t now, Actions& actions) {
  bool done = false;  // kept or deleted: the page goes
  // A change to a kept entry is kept once the journal holding it has been read (a moment after start).
  const bool wait_for_journal = journal_loading && draft->id != 0;
  if (wait_for_journal) ImGui::BeginDisabled();
  if (ImGui::Button("Keep this entry")) {
    core::Entry entry = *draft;  // (an emptied field is no answer: Answers keeps none)
    // A page changing an entry that is no longer there (undone, say) is kept as a new one: its
    // words are never dropped for want of a place.
    if (entry.id == 0 || core::find_entry(system, entry.id) == nullptr) {
      actions.push(act::Edit{core::add_entry(system, std::move(entry), now)});
    } else {
      actions.push(act::Edit{core::update_entry(system, std::move(entry), now)});
    }
    done = true;
  }
  if (wait_for_journal) {
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Your journal is still opening; in a moment this page can be kept.");
  }
  item_rects.remember("Keep this entry");
  if (!done && draft->id != 0 && core::find_entry(system, draft->id) != nullptr) {
    ImGui::SameLine();
    if (ImGui::Button("Delete")) {
      actions.push(act::Edit{core::delete_entry(system, draft->id)});
      done = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("You can undo this (Ctrl+Z).");
  }
  if (!done) {
    ImGui::SameLine();
    if (ImGui::Button("Put it aside")) open = false;
    item_rects.remember("Put it aside");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Closes the page; it waits for you at the top of the journal, just as you left it.");
  }
  return done;
}

}  // namespace innerscape::ui
