// The example system --demo opens: an anxious-attachment system built from the archetypes.
#pragma once

#include "core/drawing.h"
#include "core/inner_system.h"
#include "core/map_history.h"

namespace innerscape::core {

InnerSystem make_demo_system();

// The example map's year so far: protectors first, loud and far out; the exiles later, deep and
// distant; then, step by step, protectors stepping back, exiles coming closer, trust growing and
// the Self brightening, until it is `demo` exactly (pass make_demo_system()).
MapHistory make_demo_history(const InnerSystem& demo);

// A large, repeatable system for benchmarks and tests: `parts` parts of all kinds spread around
// the Self, and `relationships` relationships of every kind between them.
InnerSystem make_large_system(int parts, int relationships);

// The demo system with a journal of `entries` pages over five years before `end` (seconds since
// 1970): every kind of page, tied to the demo's parts, with varied words, the same every time. For
// benchmarks of years of use.
InnerSystem make_long_journal(std::size_t entries, std::int64_t end);

// A drawing of many short strokes in every brush, scattered over the sheet, the same every time:
// for benchmarks and stress tests of long creative sessions.
Drawing make_busy_drawing(std::size_t strokes);

}  // namespace innerscape::core
