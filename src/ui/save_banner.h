// A clear, calm banner while changes cannot reach the disk: what happened, that nothing is lost, what to do.
#pragma once

#include <string>

namespace innerscape::ui {

void draw_save_banner(const std::string& problem);

}  // namespace innerscape::ui
