// The binary's command line, end to end: help, version, and refusals that exit 2 with a reason.
#include <doctest/doctest.h>

#include "smoke/run_process.h"

using innerscape::test::run_innerscape;

TEST_CASE("--version prints the name and an X.Y.Z version") {
  const auto r = run_innerscape("--version");
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("innerscape ", 0) == 0);
  CHECK(r.out == "innerscape " INNERSCAPE_VERSION "\n");
}

TEST_CASE("--help shows every flag and exits 0") {
  const auto r = run_innerscape("--help");
  CHECK(r.exit_code == 0);
  for (const char* flag : {"--demo", "--data-dir", "--screenshot", "--size", "--frames", "--bench", "--version"}) {
    CHECK(r.out.find(flag) != std::string::npos);
  }
}

TEST_CASE("a wrong flag gives a one-line reason plus the usage, and exits 2") {
  const auto r = run_innerscape("--no-such-flag");
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("innerscape: unknown option '--no-such-flag'.\n", 0) == 0);
  CHECK(r.err.find("Usage: innerscape") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("an incomplete flag exits 2 and says what it needs") {
  const auto r = run_innerscape("--screenshot");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--screenshot needs a file name") != std::string::npos);
  const auto s = run_innerscape("--screenshot x.png --size 5x5");
  CHECK(s.exit_code == 2);
  CHECK(s.err.find("is not a size") != std::string::npos);
}
