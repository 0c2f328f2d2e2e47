#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/run.hpp"
#include "core/atomic_file.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  // An interrupted build leaves no hidden temporary file behind.
  leafpress::core::remove_temporaries_on_signals();
  // Progress lines only where a person watches: on a terminal, never in CI logs.
  return leafpress::cli::run(args, std::cout, std::cerr, isatty(STDERR_FILENO) == 1);
}
