// The app's entry: runs what the command line asked for and returns the process exit code.
#pragma once

#include "app/cli.h"

namespace innerscape::app {

// Exit codes: 0 done, 1 the environment failed (no display, unwritable file), 2 a bad command line.
int run(const Options& options);

}  // namespace innerscape::app
