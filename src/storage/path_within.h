// Whether a path lies inside a folder, however it is spelled: the guard that keeps an export from
// writing over the store it was read from.
#pragma once

#include <filesystem>

namespace innerscape::storage {

// True when `path` is `folder` itself or lies anywhere inside it, once both are made absolute and
// every `.`, `..` and symbolic link along the part that exists is resolved
// (std::filesystem::weakly_canonical). "data/../data/innerscape.db", a link to the folder and a
// relative path from inside it are all caught.
bool path_within(const std::filesystem::path& path, const std::filesystem::path& folder);

}  // namespace innerscape::storage
