#include "core/invariant.hpp"

#include <cstdio>
#include <cstdlib>

namespace leafpress::core {

void expect(bool condition, const char* what) {
  if (condition) return;
#ifdef LEAFPRESS_CHECKED_BUILD
  std::fprintf(stderr, "leafpress: internal invariant broken: %s\n", what);
  std::abort();
#else
  throw InternalError(std::string("internal invariant broken: ") + what);
#endif
}

}  // namespace leafpress::core
