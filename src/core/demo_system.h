// The example system --demo opens: an anxious-attachment system built from the archetypes.
#pragma once

#include "core/drawing.h"
#include "core/inner_system.h"

namespace innerscape::core {

InnerSystem make_demo_system();

// A large, repeatable system for benchmarks and tests: `parts` parts of all kinds spread around
// the Self, and `relationships` relationships of every kind between them.
InnerSystem make_large_system(int parts, int relationships);

// A drawing of many short strokes in every brush, scattered over the sheet, the same every time:
// for benchmarks and stress tests of long creative sessions.
Drawing make_busy_drawing(std::size_t strokes);

}  // namespace innerscape::core
