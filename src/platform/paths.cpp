// Finding the app's own files (shaders, assets) in the build folder or the install prefix.
#include "platform/paths.h"

#include <system_error>

#include <SDL.h>

namespace innerscape::platform {

std::filesystem::path executable_dir() {
  char* base = SDL_GetBasePath();
  if (base == nullptr) return {};
  std::filesystem::path dir(base);
  SDL_free(base);
  return dir;
}

std::filesystem::path find_resource_root(const std::vector<std::filesystem::path>& candidates,
                                         const std::filesystem::path& probe) {
  for (const auto& dir : candidates) {
    std::error_code ec;
    if (!dir.empty() && std::filesystem::exists(dir / probe, ec)) return dir;
  }
  return {};
}

std::vector<std::filesystem::path> resource_candidates(const std::filesystem::path& exe_dir,
                                                       const std::filesystem::path& configured_datadir) {
  std::vector<std::filesystem::path> out;
  if (!exe_dir.empty()) {
    out.push_back(exe_dir);
    out.push_back((exe_dir / ".." / "share" / "innerscape").lexically_normal());
  }
  if (!configured_datadir.empty()) out.push_back(configured_datadir);
  return out;
}

}  // namespace innerscape::platform
