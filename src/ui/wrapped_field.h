// A multi-line text field whose lines wrap at its width as they are typed. Dear ImGui 1.86 cannot wrap
// an InputTextMultiline, so the field edits a display copy with soft breaks (ui/soft_wrap.h) and the
// text it gives back never holds them.
#pragma once

#include <string>

#include <imgui.h>

namespace innerscape::ui {

// As ImGui::InputTextMultiline on a std::string; true when the text changed. Copying from it copies
// the words without the soft breaks. Inside, the field's own undo is forgotten whenever a line is
// wrapped anew: ImGui's undo records positions in the text, and they would no longer match it.
bool wrapped_text_field(const char* label, std::string* text, const ImVec2& size = ImVec2(0.0f, 0.0f), ImGuiInputTextFlags flags = 0);

// The width the field's lines wrap at, for a field of `size` in the current window (as ImGui sizes it).
float wrapped_field_width(const ImVec2& size);

}  // namespace innerscape::ui
