// A multi-line text field whose lines wrap at its width as they are typed.
#include "ui/wrapped_field.h"

#include <algorithm>
#include <string_view>

#include <imgui_internal.h>

#include "ui/soft_wrap.h"
#include "ui/text_state.h"

namespace innerscape::ui {
namespace {

// What the input callback needs of one call of the field.
struct FieldCall {
  std::string* shown = nullptr;  // the buffer ImGui reads and writes: the display copy
  std::string before;            // the display copy as it was before this frame's keys
  float width = 0.0f;
};

float char_width(char32_t c) {
  // As ImGui measures its edit buffer: 16-bit characters, one beyond them shown as U+FFFD.
  const ImWchar w = c > IM_UNICODE_CODEPOINT_MAX ? static_cast<ImWchar>(IM_UNICODE_CODEPOINT_INVALID) : static_cast<ImWchar>(c);
  return ImGui::GetFont()->GetCharAdvance(w) * (ImGui::GetFontSize() / ImGui::GetFont()->FontSize);
}

// ImGui's undo (stb_textedit) keeps positions into the text: once the text is rewritten under it they
// point at other characters, or past the end, and undoing would write out of bounds.
void forget_undo(ImGuiInputTextState& state) {
  ImStb::StbUndoState& undo = state.Stb.undostate;
  undo.undo_point = 0;
  undo.undo_char_point = 0;
  undo.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
  undo.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
}

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

int on_input(ImGuiInputTextCallbackData* data) {
  auto* call = static_cast<FieldCall*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    call->shown->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = call->shown->data();
    return 0;
  }
  const std::string now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  auto at = [](int pos) { return static_cast<std::size_t>(std::max(pos, 0)); };
  std::string text;
  std::size_t cursor = 0, start = 0, end = 0;  // as text positions
  if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
    const TakenEdit edit = take_edit(call->before, now, at(data->CursorPos), pressed(ImGuiKey_Delete));
    cursor = edited_position(edit, call->before, now, at(data->CursorPos));
    start = edited_position(edit, call->before, now, at(data->SelectionStart));
    end = edited_position(edit, call->before, now, at(data->SelectionEnd));
    text = edit.text;
  } else {
    text = soft_unwrap(now);
    cursor = text_position(now, at(data->CursorPos));
    start = text_position(now, at(data->SelectionStart));
    end = text_position(now, at(data->SelectionEnd));
  }
  const std::string wanted = soft_wrap(text, call->width, char_width);
  if (wanted == now) {
    // The cursor and a selection's ends never rest between the two halves of a soft break, where a
    // key would take half of it: the cursor goes on to the next line with the Right key, else (and a
    // selection's other end) stays at the end of its line.
    auto inside = [&](int pos) { return pos > 0 && pos < data->BufTextLen && data->Buf[pos - 1] == '\r' && data->Buf[pos] == '\n'; };
    const int c = data->CursorPos;
    const int to = inside(c) && pressed(ImGuiKey_RightArrow) ? c + 1 : c - 1;
    if (data->SelectionStart == c && inside(c)) data->SelectionStart = to;
    else if (inside(data->SelectionStart)) data->SelectionStart -= 1;
    if (data->SelectionEnd == c && inside(c)) data->SelectionEnd = to;
    else if (inside(data->SelectionEnd)) data->SelectionEnd -= 1;
    if (inside(c)) data->CursorPos = to;
    return 0;
  }
  data->DeleteChars(0, data->BufTextLen);
  data->InsertChars(0, wanted.data(), wanted.data() + wanted.size());
  data->CursorPos = static_cast<int>(shown_position(wanted, cursor));
  data->SelectionStart = static_cast<int>(shown_position(wanted, start));
  data->SelectionEnd = static_cast<int>(shown_position(wanted, end));
  forget_undo(ImGui::GetCurrentContext()->InputTextState);
  return 0;
}

std::string without_carriage_returns(const std::string& text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  for (char c : text) {
    if (c != '\r') out.push_back(c);
  }
  return out;
}

}  // namespace

float wrapped_field_width(const ImVec2& size) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 frame = ImGui::CalcItemSize(size, ImGui::CalcItemWidth(), ImGui::GetFontSize() * 8.0f + style.FramePadding.y * 2.0f);
  // Inside the frame's padding, with room kept for the scrollbar a long answer brings and the cursor.
  return std::max(frame.x - style.FramePadding.x * 2.0f - style.ScrollbarSize - 2.0f, 1.0f);
}

bool wrapped_text_field(const char* label, std::string* text, const ImVec2& size, ImGuiInputTextFlags flags) {
  forget_stale_text_state(label);  // another text's cursor and undo steps never carry over (issue 17)
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiID id = ImGui::GetID(label);
  ImGuiInputTextState& state = g.InputTextState;
  const bool active = g.ActiveId == id && state.ID == id && state.TextAIsValid;

  FieldCall call;
  call.width = wrapped_field_width(size);
  // While the field is being typed into, ImGui's own copy is the one on screen: it is passed back as it
  // is (a different buffer would read as an edit). Otherwise the text, wrapped at today's width.
  call.before = active ? std::string(state.TextA.Data, static_cast<std::size_t>(state.CurLenA))
                       : soft_wrap(without_carriage_returns(*text), call.width, char_width);
  std::string shown = call.before;
  call.shown = &shown;

  // Copying takes the words as they are, without soft breaks: the selection, read before ImGui copies it.
  const ImGuiIO& io = ImGui::GetIO();
  const bool shortcut = io.ConfigMacOSXBehaviors ? io.KeySuper && !io.KeyCtrl : io.KeyCtrl && !io.KeySuper;
  const bool copying = active && state.HasSelection() &&
                       ((shortcut && (pressed(ImGuiKey_C) || pressed(ImGuiKey_X))) || (io.KeyCtrl && pressed(ImGuiKey_Insert)) ||
                        (io.KeyShift && !io.KeyCtrl && pressed(ImGuiKey_Delete)));
  std::string copied;
  if (copying) {
    const int a = std::min(state.Stb.select_start, state.Stb.select_end), b = std::max(state.Stb.select_start, state.Stb.select_end);
    const std::size_t from = static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(state.TextW.Data, state.TextW.Data + a));
    const std::size_t to = static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(state.TextW.Data, state.TextW.Data + b));
    const std::string words = soft_unwrap(call.before);
    const std::size_t t0 = text_position(call.before, from), t1 = text_position(call.before, to);
    copied = words.substr(t0, t1 - t0);
  }

  const bool edited = ImGui::InputTextMultiline(
      label, shown.data(), shown.capacity() + 1, size,
      flags | ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways |
          ImGuiInputTextFlags_NoHorizontalScroll,
      on_input, &call);
  if (copying) ImGui::SetClipboardText(copied.c_str());
  if (!edited) return false;
  std::string words = soft_unwrap(shown);
  if (words == *text) return false;  // wrapped anew (the field's width changed), not edited
  *text = std::move(words);
  return true;
}

}  // namespace innerscape::ui
