// innerscape --bench: measured frame cost and idle cost, in a hidden window, printed as a table or JSON.
#pragma once

#include "app/cli.h"

namespace innerscape::app {

int run_bench(const Options& options);

}  // namespace innerscape::app
