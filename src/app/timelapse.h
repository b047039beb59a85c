// innerscape --timelapse: the pieces of turning the map's story into numbered PNG frames that any
// video tool can join (the folder, the frames' names and moments, the framing, the hint to join them).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "core/inner_system.h"
#include "core/map_history.h"

namespace innerscape::app {

// The file name of frame `number` (from 1): "frame-00001.png". Five digits hold the longest
// time-lapse (120 frames a second for 600 seconds).
std::string frame_name(int number);

// Whether `dir` can take a new sequence of frames: it exists, is a folder this user can write in,
// and holds no frame-*.png of an earlier one (a person's files are never written over; other files
// there are left alone). Empty when it can; else one line saying what is wrong and what to do.
std::string check_frame_dir(const std::filesystem::path& dir);

// The moment of the map's story that frame `i` of `n` shows: evenly spaced from `first`, the last
// exactly `end` (a single frame is `end`). `end` is core::timelapse_span's: after it nothing moves.
double frame_time(std::int64_t first, double end, int i, int n);

// Every place a part has stood in the story, and where today's parts stand: a time-lapse framed on
// them keeps the whole story in view, not only today's map.
std::vector<glm::vec2> story_positions(const core::MapHistory& history, const core::InnerSystem& today);

// The ffmpeg command that joins the frames in `dir` into a video at `fps` (a hint printed at the end).
std::string join_command(const std::filesystem::path& dir, int fps, glm::ivec2 size);

}  // namespace innerscape::app
