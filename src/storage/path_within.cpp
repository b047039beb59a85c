// Whether a path lies inside a folder, however it is spelled.
#include "storage/path_within.h"

#include <algorithm>

namespace innerscape::storage {
namespace {

// The path with its links and dots resolved as far as it exists; as written (made absolute) when
// even that cannot be worked out.
std::filesystem::path resolved(const std::filesystem::path& p) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(p, ec);
  if (ec) absolute = p;
  std::filesystem::path out = std::filesystem::weakly_canonical(absolute, ec);
  if (ec) out = absolute.lexically_normal();
  // "dir/" and "dir" name the same folder: the trailing empty element would stop a match.
  if (!out.empty() && !out.has_filename() && out.has_relative_path()) out = out.parent_path();
  return out;
}

}  // namespace

bool path_within(const std::filesystem::path& path, const std::filesystem::path& folder) {
  if (folder.empty()) return false;
  const std::filesystem::path p = resolved(path);
  const std::filesystem::path f = resolved(folder);
  // Element by element, so "data-old" is not taken for inside "data".
  const auto [f_end, p_at] = std::mismatch(f.begin(), f.end(), p.begin(), p.end());
  return f_end == f.end();
}

}  // namespace innerscape::storage
