// Long work done off the frame (a copy of years of journal, say): a small, calm card above the dock
// saying what is happening and how far it has come. The window never waits for the work.
#pragma once

namespace innerscape::ui {

// `fraction` below 0: work whose length is not known; the bar moves gently instead.
void draw_progress_card(const char* what, float fraction);

}  // namespace innerscape::ui
