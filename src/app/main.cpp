// Innerscape's main(): parse the command line, then hand over to the app.
#include <iostream>
#include <string_view>
#include <vector>

#include "app/app.h"
#include "app/cli.h"

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  const innerscape::app::CliResult cli = innerscape::app::parse_cli(args);
  if (!cli.error.empty()) {
    std::cerr << "innerscape: " << cli.error << "\n\n" << innerscape::app::usage();
    return 2;
  }
  return innerscape::app::run(cli.options);
}
