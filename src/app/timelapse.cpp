// innerscape --timelapse: the pieces of turning the map's story into numbered PNG frames that any
// video tool can join (the folder, the frames' names and moments, the framing, the hint to join them).
#include "app/timelapse.h"

#include <unistd.h>

#include <cstdio>

namespace innerscape::app {
namespace {

bool is_frame_file(const std::filesystem::path& name) {
  const std::string text = name.filename().string();
  return text.starts_with("frame-") && (text.ends_with(".png") || text.ends_with(".PNG"));
}

// A path as a shell reads it back: plain when it is plain, else in single quotes.
std::string shell_quoted(const std::string& text) {
  bool plain = !text.empty();
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
                    c == '-' || c == '_' || c == '%';
    plain = plain && ok;
  }
  if (plain) return text;
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string frame_name(int number) {
  char name[32];
  std::snprintf(name, sizeof name, "frame-%05d.png", number);
  return name;
}

std::string check_frame_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  const std::string shown = dir.string();
  if (!std::filesystem::exists(dir, ec)) {
    return "the folder " + shown + " does not exist. Make it first (mkdir -p " + shell_quoted(shown) + "), or choose another.";
  }
  if (!std::filesystem::is_directory(dir, ec)) {
    return shown + " is a file, not a folder. Give --timelapse a folder for the frames (a new, empty one is best).";
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    return "cannot write in " + shown + ". Choose a folder of your own, or make this one writable (chmod u+w).";
  }
  std::size_t frames = 0;
  std::filesystem::path one;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!is_frame_file(it->path())) continue;
    if (frames++ == 0 || it->path().filename() < one) one = it->path().filename();
  }
  if (ec) return "cannot look inside " + shown + ": " + ec.message() + ".";
  if (frames > 0) {
    return shown + " already holds " + std::to_string(frames) + " frame" + (frames == 1 ? "" : "s") + " (" + one.string() +
           (frames == 1 ? "" : " ...") + "), from an earlier time-lapse perhaps. Nothing was written over: move them away, "
           "or choose an empty folder.";
  }
  return {};
}

double frame_time(std::int64_t first, double end, int i, int n) {
  if (n <= 1 || i >= n - 1 || end <= static_cast<double>(first)) return end;
  const double span = end - static_cast<double>(first);
  return static_cast<double>(first) + span * static_cast<double>(i) / static_cast<double>(n - 1);
}

std::vector<glm::vec2> story_positions(const core::MapHistory& history, const core::InnerSystem& today) {
  std::vector<glm::vec2> out;
  for (const core::MapChange& c : history) {
    if (c.kind == core::ChangeKind::part) out.push_back(c.part.position);
  }
  for (const core::Part& p : today.parts) out.push_back(p.position);
  return out;
}

std::string join_command(const std::filesystem::path& dir, int fps, glm::ivec2 size) {
  // ffmpeg reads % in the pattern as its own: a literal one is written twice.
  std::string escaped;
  for (const char c : dir.string()) escaped += c == '%' ? std::string("%%") : std::string(1, c);
  const std::string pattern = (std::filesystem::path(escaped) / "frame-%05d.png").string();
  std::string command = "ffmpeg -framerate " + std::to_string(fps) + " -i " + shell_quoted(pattern);
  // H.264 in yuv420p, which every player plays, needs even sides.
  if (size.x % 2 != 0 || size.y % 2 != 0) command += " -vf 'pad=ceil(iw/2)*2:ceil(ih/2)*2'";
  return command + " -c:v libx264 -pix_fmt yuv420p my-map-story.mp4";
}

}  // namespace innerscape::app
