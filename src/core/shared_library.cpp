#include "core/shared_library.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace leafpress::core {

SharedLibrary::SharedLibrary(const char* soname, const char* package, const char* needed_for)
    : handle_(dlopen(soname, RTLD_NOW | RTLD_LOCAL)), soname_(soname) {
  if (!handle_) {
    const char* reason = dlerror();
    throw std::runtime_error(std::string("leafpress needs ") + soname + " for " + needed_for +
                             " and cannot load it (Debian package " + package +
                             "): " + (reason ? reason : "no reason given"));
  }
}

void* SharedLibrary::address(const char* name) const {
  dlerror();
  void* found = dlsym(handle_, name);
  if (!found) {
    throw std::runtime_error(soname_ + " has no function " + name +
                             ": it is older or other than the version leafpress was built with");
  }
  return found;
}

}  // namespace leafpress::core
