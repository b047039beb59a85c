// The example system --demo opens: an anxious-attachment system built from the archetypes.
#pragma once

#include "core/inner_system.h"

namespace innerscape::core {

InnerSystem make_demo_system();

}  // namespace innerscape::core
