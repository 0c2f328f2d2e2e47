#pragma once

#include <string>

namespace leafpress::core {

/// A shared library opened when a run first needs it rather than by the dynamic linker at
/// start-up. Libraries that only some runs use (translation files, press colour, QR codes,
/// fontconfig when its answers are kept) then cost nothing to the runs that do not: loading,
/// relocating and mapping each took a share of every run's start-up. It stays open for the
/// rest of the process.
class SharedLibrary {
 public:
  /// Opens `soname` (e.g. "liblcms2.so.2"). Throws std::runtime_error saying what it is
  /// needed `for` and which Debian `package` installs it, when it cannot be opened.
  SharedLibrary(const char* soname, const char* package, const char* needed_for);

  /// Points `function` at the library's symbol `name`, which must be a function of type F;
  /// throws std::runtime_error naming the library and the symbol when it has none.
  template <class F>
  void bind(F*& function, const char* name) const {
    function = reinterpret_cast<F*>(address(name));
  }

 private:
  void* address(const char* name) const;

  void* handle_ = nullptr;
  std::string soname_;
};

/// The table of library `soname`'s functions that `bind_all` fills, the library opened (a
/// SharedLibrary, whose errors name `package` and `needed_for`) and bound at the first call
/// only: the table then lasts as long as the process. Throws as SharedLibrary does.
template <class Functions>
const Functions& functions_opened_late(const char* soname, const char* package, const char* needed_for,
                                       void (*bind_all)(const SharedLibrary& library, Functions& bound)) {
  static const Functions functions = [&] {
    static const SharedLibrary library(soname, package, needed_for);
    Functions bound;
    bind_all(library, bound);
    return bound;
  }();
  return functions;
}

}  // namespace leafpress::core

/// Declares a member named after each C function of a list, typed as a pointer to it:
/// `LIST(LEAFPRESS_FUNCTION_POINTER)` inside a struct.
#define LEAFPRESS_FUNCTION_POINTER(name) decltype(&::name) name = nullptr;

/// Binds the member of that name of `bound` to the function of that name in `library`:
/// `LIST(LEAFPRESS_BIND_FUNCTION)` where both are in scope. The name is looked up as the
/// library's header spells it after its macros (ICU's "ulocdata_open" is "ulocdata_open_72").
#define LEAFPRESS_BIND_FUNCTION(name) library.bind(bound.name, LEAFPRESS_SYMBOL_NAME(name));
#define LEAFPRESS_SYMBOL_NAME(name) #name
