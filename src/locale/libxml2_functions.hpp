#pragma once

#include <libxml/parser.h>

#include "core/shared_library.hpp"

// The functions of libxml2.so.2 that leafpress calls, bound when first used (core::SharedLibrary).
#define LEAFPRESS_LIBXML2_FUNCTIONS(X) \
  X(xmlAddChild)                       \
  X(xmlCtxtReadMemory)                 \
  X(xmlDocDumpFormatMemoryEnc)         \
  X(xmlDocGetRootElement)              \
  X(xmlDocSetRootElement)              \
  X(xmlFreeDoc)                        \
  X(xmlFreeNode)                       \
  X(xmlFreeParserCtxt)                 \
  X(xmlGetLineNo)                      \
  X(xmlGetProp)                        \
  X(xmlNewChild)                       \
  X(xmlNewDoc)                         \
  X(xmlNewNode)                        \
  X(xmlNewNs)                          \
  X(xmlNewParserCtxt)                  \
  X(xmlNewProp)                        \
  X(xmlNewText)                        \
  X(xmlNodeAddContent)                 \
  X(xmlNodeGetContent)                 \
  X(xmlSetNs)                          \
  X(xmlStrcmp)                         \
  X(xmlUnlinkNode)                     \
  X(xmlFree)

namespace leafpress::locale {

/// Pointers to libxml2.so.2's functions, each named as the C function it points at.
struct Libxml2Functions {
  LEAFPRESS_LIBXML2_FUNCTIONS(LEAFPRESS_FUNCTION_POINTER)
};

/// libxml2.so.2's functions, the library opened at the first call; throws std::runtime_error
/// saying which Debian package to install when it cannot be opened.
const Libxml2Functions& libxml2();

}  // namespace leafpress::locale
