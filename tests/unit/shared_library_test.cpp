#include "core/shared_library.hpp"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "core/lcms2_functions.hpp"
#include "fonts/fontconfig_functions.hpp"
#include "images/libjpeg_functions.hpp"
#include "images/qrencode_functions.hpp"
#include "locale/gettextpo_functions.hpp"
#include "locale/libicui18n_functions.hpp"
#include "locale/libxml2_functions.hpp"

using leafpress::core::SharedLibrary;

namespace {

std::string error_of(void (*attempt)()) {
  try {
    attempt();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("each library opened late has every function leafpress calls", "[core][shared-library]") {
  // Each member of a table, checked by its name as the table lists it.
#define LEAFPRESS_BOUND(name) CHECK(functions.name != nullptr);
#define LEAFPRESS_ALL_BOUND(table, list) \
  {                                       \
    const auto& functions = table();      \
    list(LEAFPRESS_BOUND)                 \
  }
  LEAFPRESS_ALL_BOUND(leafpress::core::liblcms2, LEAFPRESS_LCMS2_FUNCTIONS)
  LEAFPRESS_ALL_BOUND(leafpress::fonts::libfontconfig, LEAFPRESS_FONTCONFIG_FUNCTIONS)
  LEAFPRESS_ALL_BOUND(leafpress::images::libqrencode, LEAFPRESS_QRENCODE_FUNCTIONS)
  LEAFPRESS_ALL_BOUND(leafpress::images::libjpeg, LEAFPRESS_LIBJPEG_FUNCTIONS)
  LEAFPRESS_ALL_BOUND(leafpress::locale::libgettextpo, LEAFPRESS_GETTEXTPO_FUNCTIONS)
  LEAFPRESS_ALL_BOUND(leafpress::locale::libicui18n, LEAFPRESS_LIBICUI18N_FUNCTIONS)
  LEAFPRESS_ALL_BOUND(leafpress::locale::libxml2, LEAFPRESS_LIBXML2_FUNCTIONS)
#undef LEAFPRESS_ALL_BOUND
#undef LEAFPRESS_BOUND
  // A bound pointer is the library's own function: LittleCMS answers through it.
  CHECK(leafpress::core::liblcms2().cmsD50_xyY()->Y == Approx(1.0));
}

TEST_CASE("a library that is not installed is named with its Debian package", "[core][shared-library]") {
  const std::string message = error_of([] { SharedLibrary("libleafpress-absent.so.7", "leafpress-absent", "a test"); });
  CHECK(message.find("libleafpress-absent.so.7") != std::string::npos);
  CHECK(message.find("Debian package leafpress-absent") != std::string::npos);
  CHECK(message.find("for a test") != std::string::npos);
}

TEST_CASE("a function the library lacks is named, and one it has is bound", "[core][shared-library]") {
  const SharedLibrary zlib("libz.so.1", "zlib1g", "a test");
  decltype(&::zlibVersion) version = nullptr;
  zlib.bind(version, "zlibVersion");
  REQUIRE(version != nullptr);
  CHECK(std::string(version()) == zlibVersion());
  const std::string message = error_of([] {
    const SharedLibrary library("libz.so.1", "zlib1g", "a test");
    decltype(&::zlibVersion) absent = nullptr;
    library.bind(absent, "zlibNoSuchFunction");
  });
  CHECK(message.find("libz.so.1 has no function zlibNoSuchFunction") != std::string::npos);
}
