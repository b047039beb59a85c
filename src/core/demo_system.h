// The example system --demo opens: an anxious-attachment system built from the archetypes.
#pragma once

#include "core/inner_system.h"

namespace innerscape::core {

InnerSystem make_demo_system();

// A large, repeatable system for benchmarks and tests: `parts` parts of all kinds spread around
// the Self, and `relationships` relationships of every kind between them.
InnerSystem make_large_system(int parts, int relationships);

}  // namespace innerscape::core
