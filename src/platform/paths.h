// Finding the app's own files (shaders, assets) in the build folder or the install prefix.
#pragma once

#include <filesystem>
#include <vector>

namespace innerscape::platform {

// The folder holding the running binary (empty if the system will not say).
std::filesystem::path executable_dir();

// The first folder among candidates that holds `probe` (a relative path such as "shaders/self.frag").
// Empty if none does.
std::filesystem::path find_resource_root(const std::vector<std::filesystem::path>& candidates,
                                         const std::filesystem::path& probe);

// Where Innerscape's files may be: beside the binary (a build), then ../share/innerscape (an
// install, wherever it was moved), then the prefix it was configured for.
std::vector<std::filesystem::path> resource_candidates(const std::filesystem::path& exe_dir,
                                                       const std::filesystem::path& configured_datadir);

}  // namespace innerscape::platform
