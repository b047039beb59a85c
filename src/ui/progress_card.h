// Long work done off the frame (a copy of years of journal, say): a small, calm card above the dock
// saying what is happening and how far it has come. The window never waits for the work.
#pragma once

namespace innerscape::ui {

void draw_progress_card(const char* what, float fraction);

}  // namespace innerscape::ui
