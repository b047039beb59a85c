// The scene's right-click menu: for a part (learn about it, rename, relate, remove) or for a line.
#include "ui/context_menu.h"

#include <string>

#include <imgui.h>

#include "core/edits.h"

namespace innerscape::ui {
namespace {

constexpr core::RelationKind relation_kinds[] = {core::RelationKind::protects, core::RelationKind::polarized,
                                                 core::RelationKind::allied};

}  // namespace

void ContextMenu::draw(const core::InnerSystem& system, Actions& actions) {
  // The menu belongs to the scene, so it is hosted by an invisible window that covers the scene and
  // takes no input itself: a popup opened outside any window would hang off ImGui's debug window.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  constexpr ImGuiWindowFlags host_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                                          ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                          ImGuiWindowFlags_NoNav;
  ImGui::Begin("##scene_menus", nullptr, host_flags);
  draw_menu(system, actions);
  ImGui::End();
}

void ContextMenu::draw_menu(const core::InnerSystem& system, Actions& actions) {
  constexpr const char* id = "scene_context";
  if (pending) {
    ImGui::OpenPopup(id);
    pending = false;
  }
  item_rects.clear();
  if (!ImGui::BeginPopup(id)) return;

  if (const core::Part* p = core::find_part(system, part)) {
    ImGui::TextDisabled("%s", p->name.c_str());
    ImGui::Separator();
    if (ImGui::MenuItem("About this part...")) actions.push(act::Inspect{p->id});
    if (ImGui::MenuItem("Rename")) actions.push(act::NameInPlace{p->id});
    item_rects.remember("Rename");
    const bool relate_open = ImGui::BeginMenu("Relate to");
    item_rects.remember("Relate to");
    if (relate_open) {
      bool any = false;
      for (const core::Part& other : system.parts) {
        if (other.id == p->id) continue;
        any = true;
        ImGui::PushID(static_cast<int>(other.id));
        const bool other_open = ImGui::BeginMenu(other.name.c_str());
        item_rects.remember(other.name.c_str());
        if (other_open) {
          for (core::RelationKind kind : relation_kinds) {
            const std::string label = p->name + " " + std::string(core::relation_name(kind)) + " " + other.name;
            if (ImGui::MenuItem(label.c_str())) actions.push(act::Edit{core::relate(system, p->id, other.id, kind)});
            item_rects.remember(label.c_str());
          }
          ImGui::EndMenu();
        }
        ImGui::PopID();
      }
      if (!any) ImGui::TextDisabled("Place another part first.");
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Remove", "Del")) actions.push(act::Edit{core::delete_part(system, p->id)});
    item_rects.remember("Remove");
  } else if (relationship && *relationship < system.relationships.size()) {
    const core::Relationship r = system.relationships[*relationship];
    const core::Part* a = core::find_part(system, r.from);
    const core::Part* b = core::find_part(system, r.to);
    if (a != nullptr && b != nullptr) {
      ImGui::TextDisabled("%s and %s", a->name.c_str(), b->name.c_str());
      ImGui::Separator();
      for (core::RelationKind kind : relation_kinds) {
        const std::string label = a->name + " " + std::string(core::relation_name(kind)) + " " + b->name;
        if (ImGui::MenuItem(label.c_str(), nullptr, r.kind == kind)) {
          actions.push(act::Edit{core::relate(system, r.from, r.to, kind)});
        }
      }
      if (r.kind == core::RelationKind::protects) {
        const std::string flipped = b->name + " protects " + a->name;
        if (ImGui::MenuItem(flipped.c_str())) {
          core::Edit edit = core::unrelate(system, r.from, r.to);
          core::InnerSystem after = system;
          core::apply_edit(after, edit);
          core::Edit add = core::relate(after, r.to, r.from, core::RelationKind::protects);
          edit.steps.insert(edit.steps.end(), add.steps.begin(), add.steps.end());
          edit.label = "turn the arrow around";
          actions.push(act::Edit{std::move(edit)});
        }
      }
      ImGui::Separator();
      if (ImGui::MenuItem("Remove this line")) actions.push(act::Edit{core::unrelate(system, r.from, r.to)});
    }
  } else {
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace innerscape::ui
