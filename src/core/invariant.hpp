#pragma once

#include <stdexcept>
#include <string>

namespace leafpress::core {

/// A broken promise inside leafpress itself, never the user's fault (exit code 3).
class InternalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Checks an internal invariant: aborts in checked (sanitizer, fuzz) builds so the fault
/// is caught where it happens, and throws InternalError in release so no input can abort.
void expect(bool condition, const char* what);

}  // namespace leafpress::core
