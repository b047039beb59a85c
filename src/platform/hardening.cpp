// Core dumps off: RLIMIT_CORE 0 and PR_SET_DUMPABLE 0 (but not under sanitizers, which need ptrace).
#include "platform/hardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstring>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define INNERSCAPE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(leak_sanitizer)
#define INNERSCAPE_SANITIZED 1
#endif
#endif

namespace innerscape::platform {

bool sanitizer_build() {
#ifdef INNERSCAPE_SANITIZED
  return true;
#else
  return false;
#endif
}

std::string keep_out_of_core_dumps() {
  std::string problem;
  const rlimit none{0, 0};
  if (::setrlimit(RLIMIT_CORE, &none) != 0) problem = std::string("the core file limit could not be set to 0: ") + std::strerror(errno);
  // LeakSanitizer's StopTheWorld attaches to the process's threads with ptrace, which the kernel
  // refuses once the process is not dumpable: a sanitizer build keeps the core limit only.
  if (!sanitizer_build() && ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
    problem += (problem.empty() ? "" : "; ") + std::string("the process could not be made undumpable: ") + std::strerror(errno);
  }
  return problem;
}

}  // namespace innerscape::platform
