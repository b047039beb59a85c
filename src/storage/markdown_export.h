// Markdown a person can read and keep: an overview of the system, and a note per part with YAML
// front matter that note apps (Obsidian and the like) understand, linked to one another.
#pragma once

#include <filesystem>
#include <string>

#include "storage/map_store.h"

namespace innerscape::storage {

// Writes `dir`/README.md, `dir`/parts/*.md and each drawing as `dir`/drawings/*.png (painted over
// its paper, as it was seen). Empty on success, else what failed.
std::string export_markdown(const Snapshot& snapshot, const std::filesystem::path& dir);

// A file name for a part's note: its name made safe for any file system, and its id to keep it unique.
std::string note_file_name(const core::Part& part);
// The same for a drawing's picture, from its title: "quiet-place-3.png".
std::string drawing_file_name(const core::Drawing& drawing);

}  // namespace innerscape::storage
