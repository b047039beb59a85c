// Once the app has started, nothing in its memory (the key, the person's words) can reach a core
// dump. A file of its own: the test process is left undumpable, as the app is.
#include <doctest/doctest.h>

#include <sys/prctl.h>
#include <sys/resource.h>

#include <string_view>
#include <vector>

#include "app/app.h"
#include "app/cli.h"

using namespace innerscape;

namespace {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
}  // namespace

TEST_CASE("after the app starts, core dumps are off: RLIMIT_CORE is 0 and the process is not dumpable") {
  const std::vector<std::string_view> args = {"--version"};
  const app::CliResult cli = app::parse_cli(args);
  REQUIRE(cli.error.empty());
  REQUIRE(app::run(cli.options) == 0);
  rlimit core{};
  REQUIRE(::getrlimit(RLIMIT_CORE, &core) == 0);
  CHECK(core.rlim_cur == 0);
  CHECK(core.rlim_max == 0);
  // A sanitizer build stays dumpable on purpose: LeakSanitizer needs ptrace (see hardening.h).
  if (!sanitized) CHECK(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0);
}
