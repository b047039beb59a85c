// The journal: new entries of every kind, the pages put aside, a timeline newest first, search, and
// filters by kind and part.
#include "ui/journal_panel.h"

#include "ui/entry_text.h"
#include "ui/placement.h"

#include "ui/text_fit.h"
#include "ui/text_state.h"

#include <algorithm>
#include <cfloat>
#include <ctime>
#include <utility>

#include <imgui.h>
#include <imgui_stdlib.h>

namespace innerscape::ui {
namespace {

// Small charts: people would rather look than read.
void draw_insights(const core::InnerSystem& system, std::int64_t now) {
  const float em = ImGui::GetFontSize();
  const auto energy = core::self_energy_over_time(system.journal);
  ImGui::TextDisabled("Self energy at each check-in (0 to 10)");
  if (energy.size() >= 2) {
    std::vector<float> values;
    for (const auto& [t, v] : energy) values.push_back(v);
    ImGui::PlotLines("##energy", values.data(), static_cast<int>(values.size()), 0, nullptr, 0.0f, 10.0f,
                     ImVec2(-1.0f, em * 3.5f));
  } else {
    ImGui::TextWrapped(energy.empty() ? "No check-ins yet." : "One check-in so far: the line starts with the next.");
  }
  constexpr int weeks = 8;
  ImGui::TextDisabled("Triggers per part, the last %d weeks", weeks);
  const auto per_week = core::triggers_per_week(system.journal, now, weeks);
  if (per_week.empty()) ImGui::TextWrapped("No triggers written in these weeks.");
  for (const auto& [part_id, counts] : per_week) {
    const core::Part* part = core::find_part(system, part_id);
    if (part == nullptr) continue;
    std::vector<float> values(counts.begin(), counts.end());
    ImGui::PushID(static_cast<int>(part_id));
    ImGui::PlotHistogram("##weeks", values.data(), static_cast<int>(values.size()), 0, nullptr, 0.0f, FLT_MAX, ImVec2(em * 6.0f, em * 1.6f));
    ImGui::SameLine();
    ImGui::TextUnformatted(part->name.c_str());
    ImGui::PopID();
  }
}

// Pages put aside wait at the top, so none is forgotten: each with its kind, the parts it is about
// and its first words. A click takes one up again; letting one go asks first.
void draw_put_aside(const core::InnerSystem& system, const core::PageDrafts& pages, ItemRects& item_rects, Actions& actions) {
  const std::vector<const core::PageDraft*> waiting = core::pages_put_aside(pages);
  if (waiting.empty()) return;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float em = ImGui::GetFontSize();
  ImGui::Spacing();
  ImGui::TextUnformatted(waiting.size() == 1 ? "A page you put aside" : "Pages you put aside");
  const float row_height = ImGui::GetTextLineHeight() * 3.1f;
  // A long list scrolls in its own space, so the journal below stays in reach.
  const float rows = std::min(static_cast<float>(waiting.size()), 3.5f);
  ImGui::BeginChild("put_aside", ImVec2(0.0f, rows * (row_height + style.ItemSpacing.y)));
  for (const core::PageDraft* page : waiting) {
    const core::Entry& e = page->entry;
    const std::string serial = std::to_string(page->serial);
    ImGui::PushID(static_cast<int>(page->serial));
    const char* let_go = "Let go";
    const float let_go_width = ImGui::CalcTextSize(let_go).x + style.FramePadding.x * 2.0f;
    const float width = std::max(em * 4.0f, ImGui::GetContentRegionAvail().x - let_go_width - style.ItemSpacing.x);
    const std::string label(core::entry_type_spec(e.type).name);
    if (ImGui::Selectable(fit_text(label, width - em).c_str(), false, 0, ImVec2(width, row_height))) actions.push(act::TakeUpPage{page->serial});
    item_rects.remember(("put aside:" + serial).c_str());
    if (ImGui::IsItemHovered()) {
      const std::string changes = e.id != 0 && e.created_at != 0 ? "Changes to your page of " + local_day(e.created_at) + ". " : "";
      ImGui::SetTooltip("%sTake it up again, just as you left it.", changes.c_str());
    }
    const ImVec2 at = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + em * 0.5f, at.y + ImGui::GetTextLineHeight()), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                        fit_text(first_words(e), width - em).c_str());
    std::string parts_text;
    for (core::PartId p : e.parts) {
      if (const core::Part* part = core::find_part(system, p)) parts_text += (parts_text.empty() ? "" : ", ") + part->name;
    }
    if (!parts_text.empty()) {
      ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + em * 0.5f, at.y + ImGui::GetTextLineHeight() * 2.0f),
                                          ImGui::GetColorU32(ImVec4(0.98f, 0.76f, 0.42f, 0.85f)), fit_text(parts_text, width - em).c_str());
    }
    ImGui::SameLine();
    if (ImGui::Button(let_go)) ImGui::OpenPopup("let_go");
    item_rects.remember(("let go:" + serial).c_str());
    if (ImGui::BeginPopup("let_go")) {
      ImGui::TextUnformatted("Let this page go?");
      ImGui::TextDisabled("What you wrote on it will not be kept.");
      if (ImGui::Button("Let it go")) {
        actions.push(act::LetGoPage{page->serial});
        ImGui::CloseCurrentPopup();
      }
      item_rects.remember("Let it go");
      ImGui::SameLine();
      if (ImGui::Button("Keep it waiting")) ImGui::CloseCurrentPopup();
      item_rects.remember("Keep it waiting");
      ImGui::EndPopup();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::Separator();
}

}  // namespace

void JournalPanel::draw(const core::InnerSystem& system, const core::PageDrafts& pages, std::int64_t now, Actions& actions) {
  item_rects.clear();
  if (!open) return;
  const float em = ImGui::GetFontSize();
  focus = open_new_menu;  // the menu comes with the window's focus
  window("Journal", {Side::right, em * 19.0f, Height::full}, 0, [&] { draw_content(system, pages, now, actions); });
}

void JournalPanel::draw_content(const core::InnerSystem& system, const core::PageDrafts& pages, std::int64_t now, Actions& actions) {
  const float em = ImGui::GetFontSize();

  draw_new_entry_menu(actions);
  draw_put_aside(system, pages, item_rects, actions);
  if (loading) {
    // Years of pages are read after the map opens; new pages can be written meanwhile.
    ImGui::TextDisabled("Opening your journal...");
    return;
  }

  draw_filters(system, now, actions, em);
  draw_entries(system, listed_entries(system, now), actions, em);
}

// "New entry...", and its menu of every kind.
void JournalPanel::draw_new_entry_menu(Actions& actions) {
  if (ImGui::Button("New entry... (Ctrl+N)") || std::exchange(open_new_menu, false)) ImGui::OpenPopup("new_entry");
  item_rects.remember("New entry...");  // the tests find it by this name
  if (ImGui::BeginPopup("new_entry")) {
    for (const core::EntryTypeSpec& t : core::entry_types()) {
      const std::string name(t.name);
      if (ImGui::Selectable(name.c_str())) actions.push(act::NewEntry{t.type});
      item_rects.remember(name.c_str());
      if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s (Ctrl+%d)", std::string(t.intro).c_str(), static_cast<int>(t.type) + 1);
      }
    }
    ImGui::EndPopup();
  }
}

// The search field, the filters by kind, part and time, and the insights.
void JournalPanel::draw_filters(const core::InnerSystem& system, std::int64_t now, Actions& actions, float em) {
  if (focus_search) {
    ImGui::SetKeyboardFocusHere();
    focus_search = false;
  }
  ImGui::SetNextItemWidth(-1.0f);
  forget_stale_text_state("##search");
  if (ImGui::InputTextWithHint("##search", "Search your words (Ctrl+F)", &query)) actions.push(act::Search{query});
  item_rects.remember("search");

  const std::string kind_label = type_filter < 0 ? "Every kind" : std::string(core::entry_types()[static_cast<std::size_t>(type_filter)].name);
  ImGui::SetNextItemWidth(em * 8.5f);
  if (ImGui::BeginCombo("##kind", kind_label.c_str())) {
    if (ImGui::Selectable("Every kind", type_filter < 0)) type_filter = -1;
    for (int i = 0; i < core::entry_type_count; ++i) {
      if (ImGui::Selectable(std::string(core::entry_types()[static_cast<std::size_t>(i)].name).c_str(), type_filter == i)) type_filter = i;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  const core::Part* filter_part = core::find_part(system, part_filter);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::BeginCombo("##part", filter_part != nullptr ? filter_part->name.c_str() : "Every part")) {
    if (ImGui::Selectable("Every part", part_filter == 0)) part_filter = 0;
    for (const core::Part& p : system.parts) {
      ImGui::PushID(static_cast<int>(p.id));
      if (ImGui::Selectable(p.name.c_str(), part_filter == p.id)) part_filter = p.id;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  if (ImGui::CollapsingHeader("Insights")) draw_insights(system, now);
  constexpr std::pair<int, const char*> spans[] = {{0, "Any time"}, {7, "The last week"}, {30, "The last month"}, {365, "The last year"}};
  const char* span_label = "Any time";
  for (const auto& [days, label] : spans) span_label = days == since_days ? label : span_label;
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::BeginCombo("##since", span_label)) {
    for (const auto& [days, label] : spans) {
      if (ImGui::Selectable(label, since_days == days)) since_days = days;
    }
    ImGui::EndCombo();
  }
  ImGui::Separator();
}

// The entries to list, as the search and the filters have them.
std::vector<const core::Entry*> JournalPanel::listed_entries(const core::InnerSystem& system, std::int64_t now) const {
  // Newest first, or best match first while searching.
  std::vector<const core::Entry*> shown;
  if (!query.empty() && results) {
    for (core::EntryId id : *results) {
      if (const core::Entry* e = core::find_entry(system, id)) shown.push_back(e);
    }
  } else {
    for (auto it = system.journal.rbegin(); it != system.journal.rend(); ++it) shown.push_back(&*it);
  }
  // Only the rows in view are laid out and drawn (a journal can hold years of pages): every row has
  // the same height, so the list clipper knows where each one is without visiting the rest.
  std::vector<const core::Entry*> listed;
  listed.reserve(shown.size());
  for (const core::Entry* e : shown) {
    if (type_filter >= 0 && static_cast<int>(e->type) != type_filter) continue;
    if (part_filter != 0 && std::find(e->parts.begin(), e->parts.end(), part_filter) == e->parts.end()) continue;
    if (since_days > 0 && e->created_at < now - static_cast<std::int64_t>(since_days) * 86400) continue;
    listed.push_back(e);
  }
  return listed;
}

void JournalPanel::draw_entries(const core::InnerSystem& system, const std::vector<const core::Entry*>& listed, Actions& actions, float em) {
  ImGui::BeginChild("timeline");
  const float row_height = ImGui::GetTextLineHeight() * 3.1f;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(listed.size()), row_height + ImGui::GetStyle().ItemSpacing.y);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const core::Entry* e = listed[static_cast<std::size_t>(row)];
      ImGui::PushID(static_cast<int>(e->id));
      std::string parts_text;
      for (core::PartId p : e->parts) {
        if (const core::Part* part = core::find_part(system, p)) parts_text += (parts_text.empty() ? "" : ", ") + part->name;
      }
      const std::string label = local_day(e->created_at) + "  " + std::string(core::entry_type_spec(e->type).name);
      if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0.0f, row_height))) actions.push(act::OpenEntry{e->id});
      item_rects.remember(("entry:" + std::to_string(e->id)).c_str());
      const ImVec2 below = ImGui::GetItemRectMin();
      ImGui::GetWindowDrawList()->AddText(ImVec2(below.x + em * 0.5f, below.y + ImGui::GetTextLineHeight()),
                                          ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                          fit_text(first_words(*e), ImGui::GetContentRegionAvail().x - em).c_str());
      if (!parts_text.empty()) {
        ImGui::GetWindowDrawList()->AddText(ImVec2(below.x + em * 0.5f, below.y + ImGui::GetTextLineHeight() * 2.0f),
                                            ImGui::GetColorU32(ImVec4(0.98f, 0.76f, 0.42f, 0.85f)),
                                            fit_text(parts_text, ImGui::GetContentRegionAvail().x - em).c_str());
      }
      ImGui::PopID();
    }
  }
  if (listed.empty()) {
    ImGui::TextWrapped(system.journal.empty() ? "Nothing written yet. When something stirs, a few words are enough."
                                              : "No entry matches. Try fewer or other words.");
  }
  ImGui::EndChild();
}

}  // namespace innerscape::ui
