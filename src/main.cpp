#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/run.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  // Progress lines only where a person watches: on a terminal, never in CI logs.
  return leafpress::cli::run(args, std::cout, std::cerr, isatty(STDERR_FILENO) == 1);
}
