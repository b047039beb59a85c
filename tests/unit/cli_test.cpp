// The command line: every flag, every way it can be wrong, and a one-line reason when it is.
#include <doctest/doctest.h>

#include <sstream>
#include <string_view>
#include <vector>

#include "app/cli.h"
#include "app/progress_line.h"

using namespace innerscape::app;

namespace {
CliResult parse(std::vector<std::string_view> args) { return parse_cli(args); }
}  // namespace

TEST_CASE("no flags opens the app on the person's own data") {
  const CliResult r = parse({});
  CHECK(r.error.empty());
  CHECK(r.options.mode == Mode::run);
  CHECK_FALSE(r.options.demo);
  CHECK_FALSE(r.options.data_dir.has_value());
}

TEST_CASE("help and version") {
  CHECK(parse({"--help"}).options.mode == Mode::help);
  CHECK(parse({"-h"}).options.mode == Mode::help);
  CHECK(parse({"--version"}).options.mode == Mode::version);
  CHECK(parse({"-V"}).options.mode == Mode::version);
  CHECK(parse({"--version", "--help"}).options.mode == Mode::help);  // help always wins
  CHECK(usage().find("--screenshot FILE.png") != std::string::npos);
  CHECK(usage().back() == '\n');
}

TEST_CASE("screenshot with size and frames, in both spellings") {
  const CliResult a = parse({"--screenshot", "out.png", "--size", "640x360", "--frames", "5", "--demo"});
  REQUIRE(a.error.empty());
  CHECK(a.options.mode == Mode::screenshot);
  CHECK(a.options.screenshot_path == "out.png");
  CHECK(a.options.size == glm::ivec2(640, 360));
  CHECK(a.options.frames == 5);
  CHECK(a.options.demo);

  const CliResult b = parse({"--screenshot=shot.png", "--size=320x200", "--data-dir=/tmp/x"});
  REQUIRE(b.error.empty());
  CHECK(b.options.screenshot_path == "shot.png");
  CHECK(b.options.size == glm::ivec2(320, 200));
  CHECK(*b.options.data_dir == "/tmp/x");
}

TEST_CASE("screenshot defaults to 1280x720") {
  const CliResult r = parse({"--screenshot", "s.png"});
  REQUIRE(r.error.empty());
  CHECK(r.options.size == glm::ivec2(1280, 720));
  CHECK(r.options.frames > 1);
}

TEST_CASE("check is a command, with or without a data folder") {
  CHECK(parse({"check"}).options.mode == Mode::check);
  const CliResult r = parse({"--data-dir", "/tmp/d", "check"});
  REQUIRE(r.error.empty());
  CHECK(r.options.mode == Mode::check);
  CHECK(*r.options.data_dir == "/tmp/d");
  CHECK(parse({"check", "--bench"}).error.find("choose one of") != std::string::npos);
}

TEST_CASE("--journal and --calm open on the journal or in calm mode, in the app and in a screenshot") {
  const CliResult pictured = parse({"--demo", "--journal", "--screenshot", "j.png"});
  REQUIRE(pictured.error.empty());
  CHECK(pictured.options.journal);
  CHECK_FALSE(pictured.options.calm);
  const CliResult app = parse({"--calm"});
  REQUIRE(app.error.empty());
  CHECK(app.options.mode == Mode::run);
  CHECK(app.options.calm);
  CHECK(parse({"--journal=yes"}).error.find("--journal") != std::string::npos);
}

TEST_CASE("a breathing session in a screenshot: --breathe PATTERN --at SECONDS") {
  const CliResult r = parse({"--screenshot", "b.png", "--breathe", "4-4-6", "--at", "2.5"});
  REQUIRE(r.error.empty());
  CHECK(r.options.breathe == "4-4-6");
  CHECK(r.options.breathe_at == 2.5);
  CHECK(parse({"--screenshot", "b.png", "--breathe", "4-4"}).error.find("at least") != std::string::npos);
  CHECK(parse({"--screenshot", "b.png", "--breathe", "4-4-6", "--at", "-1"}).error.find("--at '-1'") != std::string::npos);
  CHECK(parse({"--screenshot", "b.png", "--at", "2"}).error.find("--at needs --breathe") != std::string::npos);
  CHECK(parse({"--breathe", "4-4-6"}).error.find("only apply to --screenshot") != std::string::npos);
}

TEST_CASE("a time-lapse: --timelapse DIR with --fps, --seconds and --size; defaults 24 fps, 10 s, 1280x720") {
  const CliResult d = parse({"--demo", "--timelapse", "story"});
  REQUIRE(d.error.empty());
  CHECK(d.options.mode == Mode::timelapse);
  CHECK(d.options.timelapse_dir == "story");
  CHECK(d.options.fps == 24);
  CHECK(d.options.seconds == 10);
  CHECK(d.options.size == glm::ivec2(1280, 720));

  const CliResult r = parse({"--timelapse=out", "--fps", "4", "--seconds=2", "--size", "320x180", "--data-dir", "d",
                             "--passphrase-file", "p.txt"});
  REQUIRE(r.error.empty());
  CHECK(r.options.fps == 4);
  CHECK(r.options.seconds == 2);
  CHECK(r.options.size == glm::ivec2(320, 180));
  CHECK(r.options.passphrase_file == "p.txt");
  CHECK(parse({"--timelapse", "o", "--fps", "1", "--seconds", "1"}).error.empty());
  CHECK(parse({"--timelapse", "o", "--fps", "120", "--seconds", "600"}).error.empty());
  CHECK(usage().find("--timelapse DIR") != std::string::npos);
}

TEST_CASE("a picture of a day: --screenshot with --day YYYY-MM-DD, a real date") {
  const CliResult r = parse({"--demo", "--screenshot", "d.png", "--day", "2025-06-01"});
  REQUIRE(r.error.empty());
  REQUIRE(r.options.day.has_value());
  CHECK(r.options.day->year == 2025);
  CHECK(r.options.day->month == 6);
  CHECK(r.options.day->day == 1);
  CHECK(parse({"--screenshot", "d.png", "--day=2024-02-29"}).error.empty());  // a leap day
  CHECK(parse({"--screenshot", "d.png", "--day", "2025-02-29"}).error.find("--day '2025-02-29' is not a day") != std::string::npos);
  for (std::string_view wrong : {"2025-13-01", "2025-04-31", "2025-6-1", "01-06-2025", "yesterday", "2025-06-01x", "1969-12-31"}) {
    INFO(wrong);
    CHECK(parse({"--screenshot", "d.png", "--day", wrong}).error.find("is not a day written YYYY-MM-DD") != std::string::npos);
  }
  CHECK_FALSE(parse({"--screenshot", "d.png"}).options.day.has_value());
}

TEST_CASE("bench, with or without json") {
  CHECK(parse({"--bench"}).options.mode == Mode::bench);
  const CliResult r = parse({"--bench", "--json", "--size", "640x360"});
  REQUIRE(r.error.empty());
  CHECK(r.options.json);
  CHECK(parse({"--bench", "--only", "history_5y_startup"}).options.bench_only == "history_5y_startup");
}

TEST_CASE("wrong or incomplete flags are refused with a reason") {
  struct Case {
    std::vector<std::string_view> args;
    std::string_view says;
  };
  const std::vector<Case> cases = {
      {{"--bogus"}, "unknown option '--bogus'"},
      {{"-x"}, "unknown option '-x'"},
      {{"stray"}, "unexpected argument 'stray'"},
      {{"--screenshot"}, "--screenshot needs a file name"},
      {{"--screenshot", "--demo"}, "--screenshot needs a file name"},
      {{"--screenshot="}, "was empty"},
      {{"--screenshot", "shot.jpg"}, "should end in .png"},
      {{"--screenshot", "s.png", "--size", "big"}, "is not a size"},
      {{"--screenshot", "s.png", "--size", "10x10"}, "is not a size"},
      {{"--screenshot", "s.png", "--size", "99999x720"}, "is not a size"},
      {{"--screenshot", "s.png", "--size", "640x"}, "is not a size"},
      {{"--screenshot", "s.png", "--frames", "0"}, "--frames '0'"},
      {{"--screenshot", "s.png", "--frames", "3.5"}, "--frames '3.5'"},
      {{"--size", "640x360"}, "--size only applies"},
      {{"--frames", "4"}, "--frames only applies"},
      {{"--json"}, "--json only applies"},
      {{"--demo=yes"}, "--demo takes no value"},
      {{"--data-dir"}, "--data-dir needs a folder"},
      {{"--bench", "--screenshot", "a.png"}, "choose one of"},
      {{"--timelapse"}, "--timelapse needs a folder"},
      {{"--timelapse", "o", "--screenshot", "a.png"}, "choose one of"},
      {{"--timelapse", "o", "--fps", "0"}, "--fps '0' is not a whole number of frames a second from 1 to 120"},
      {{"--timelapse", "o", "--fps", "121"}, "--fps '121'"},
      {{"--timelapse", "o", "--fps", "24.5"}, "--fps '24.5'"},
      {{"--timelapse", "o", "--seconds", "0"}, "--seconds '0' is not a whole number of seconds from 1 to 600"},
      {{"--timelapse", "o", "--seconds", "601"}, "--seconds '601'"},
      {{"--timelapse", "o", "--seconds"}, "--seconds needs a number"},
      {{"--fps", "24"}, "--fps and --seconds only apply to --timelapse"},
      {{"--screenshot", "a.png", "--seconds", "3"}, "--fps and --seconds only apply to --timelapse"},
      {{"--timelapse", "o", "--frames", "3"}, "--frames does not apply to --timelapse"},
      {{"--timelapse", "o", "--canvas"}, "--canvas does not apply to --timelapse"},
      {{"--timelapse", "o", "--day", "2025-01-01"}, "--day only applies to --screenshot"},
      {{"--timelapse", "o", "--breathe", "4-4-6"}, "--breathe and --at only apply to --screenshot"},
      {{"--timelapse", "o", "--demo", "--passphrase-file", "p"}, "does not apply to --bench, --version or --demo"},
      {{"--day", "2025-01-01"}, "--day only applies to --screenshot"},
      {{"--screenshot", "a.png", "--day"}, "--day needs a day"},
      {{"--screenshot", "a.png", "--day", "2025-01-01", "--breathe", "4-4-6"}, "--day and --breathe"},
      {{"--bench", "--only", "history_5y"}, "history_5y_startup"},
  };
  for (const Case& c : cases) {
    const CliResult r = parse(c.args);
    INFO("args starting ", c.args.front());
    CHECK(r.error.find(c.says) != std::string::npos);
    CHECK(r.error.find('\n') == std::string::npos);  // one line
  }
}

TEST_CASE("lock, unlock and passphrase files") {
  const CliResult on = parse({"--data-dir", "d", "lock", "--passphrase-file", "p.txt"});
  REQUIRE(on.error.empty());
  CHECK(on.options.mode == Mode::lock);
  CHECK(on.options.passphrase_file == "p.txt");
  CHECK(on.options.new_passphrase_file.empty());
  const CliResult change = parse({"lock", "--passphrase-file=p.txt", "--new-passphrase-file", "q.txt"});
  REQUIRE(change.error.empty());
  CHECK(change.options.new_passphrase_file == "q.txt");
  const CliResult off = parse({"unlock", "--passphrase-file", "p.txt"});
  REQUIRE(off.error.empty());
  CHECK(off.options.mode == Mode::unlock);
  // The app, screenshots and the other commands read a locked map with it too.
  for (std::vector<std::string_view> args : {std::vector<std::string_view>{"--passphrase-file", "p"},
                                             {"--screenshot", "s.png", "--passphrase-file", "p"},
                                             {"check", "--passphrase-file", "p"},
                                             {"export", "--format", "json", "--out", "x.json", "--passphrase-file", "p"},
                                             {"import", "x.json", "--passphrase-file", "p"}}) {
    const CliResult r = parse(args);
    CHECK_MESSAGE(r.error.empty(), r.error);
    CHECK(r.options.passphrase_file == "p");
  }
  CHECK(usage().find("There is no way back in without the passphrase") != std::string::npos);

  CHECK(parse({"lock", "--passphrase-file"}).error.find("needs a file") != std::string::npos);
  CHECK(parse({"check", "--new-passphrase-file", "q"}).error.find("only applies to lock") != std::string::npos);
  CHECK(parse({"--bench", "--passphrase-file", "p"}).error.find("does not apply") != std::string::npos);
  CHECK(parse({"--demo", "--passphrase-file", "p"}).error.find("does not apply") != std::string::npos);
  CHECK(parse({"lock", "unlock"}).error.find("choose one") != std::string::npos);
  CHECK(parse({"lock", "--demo"}).error.find("not --demo") != std::string::npos);
}

TEST_CASE("the progress line: rewritten in place with the seconds so far and cleared at the end; silent when not shown") {
  std::ostringstream shown_out;
  {
    ProgressLine line(shown_out, true);
    line.step("Saving 3 parts and 100000 journal pages");
  }
  CHECK(shown_out.str() == "\r\033[KSaving 3 parts and 100000 journal pages… 0 s\r\033[K");
  std::ostringstream quiet_out;
  {
    ProgressLine line(quiet_out, false);
    line.step("Saving");
  }
  CHECK(quiet_out.str().empty());
}
