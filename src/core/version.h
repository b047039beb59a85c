// The version the app reports with --version, set once by CMake from project(VERSION).
#pragma once

#include <string_view>

namespace innerscape::core {

inline constexpr std::string_view version = INNERSCAPE_VERSION;

}  // namespace innerscape::core
