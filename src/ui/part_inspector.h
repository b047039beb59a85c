// Everything about one part, and "Meet this part": the guide's gentle questions, answered and kept.
#pragma once

#include "core/inner_system.h"
#include "ui/actions.h"
#include "ui/item_rects.h"
#include "ui/panel.h"

namespace innerscape::ui {

struct PartInspector : Panel {
  core::PartId part = 0;
  core::Part draft;      // the fields as being edited; committed as one edit when a field is left
  bool editing = false;  // a field is active: keep the draft even if the model changes underneath
  ItemRects item_rects;  // where each field was drawn last frame, by its question
  void* portrait = nullptr;  // ImGui texture of the part's portrait, set by the app each frame; null: none

  void show(core::PartId id) {
    open = true;
    part = id;
    editing = false;
  }
  void draw(const char* title, const core::InnerSystem& system, std::int64_t now, Actions& actions);
  // Inside its window (ui/panel.h).
  void draw_content(const core::InnerSystem& system, std::int64_t now, Actions& actions);

 private:
  // The parts of draw_content, top to bottom. commit: a change to keep; active: a field being typed in.
  void draw_name_and_portrait(const core::InnerSystem& system, Actions& actions, float em, bool& commit, bool& active);
  void draw_traits(float em, bool& commit, bool& active);
  void draw_questions(bool& commit, bool& active);
  void draw_relations(const core::InnerSystem& system, Actions& actions);
  void draw_journal_pages(const core::InnerSystem& system, Actions& actions);
};

}  // namespace innerscape::ui
