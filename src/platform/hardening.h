// Keeping what is in Innerscape's memory (the key, the person's words) out of core dumps.
#pragma once

#include <string>

namespace innerscape::platform {

// Turns core dumps off for this process: RLIMIT_CORE 0 (no core file, even for a crash), and
// PR_SET_DUMPABLE 0 (no core from the kernel's pipe handler either, and no other process of the same
// user may attach a debugger or read /proc/<pid>/mem). Under AddressSanitizer or ThreadSanitizer
// builds only the core limit is set: LeakSanitizer stops the world through ptrace, which a process
// that is not dumpable refuses, and would fail every run. Called first thing in app::run.
// Empty on success, else what could not be turned off (Innerscape runs on; the caller says so once).
std::string keep_out_of_core_dumps();

// Whether this build leaves the process dumpable on purpose (a sanitizer build; see above).
bool sanitizer_build();

}  // namespace innerscape::platform
