#pragma once

#include <gettext-po.h>

#include "core/shared_library.hpp"

// The functions of libgettextpo.so.0 that leafpress calls, bound when first used (core::SharedLibrary).
#define LEAFPRESS_GETTEXTPO_FUNCTIONS(X) \
  X(po_file_create)                      \
  X(po_file_domain_header)               \
  X(po_file_domains)                     \
  X(po_file_free)                        \
  X(po_file_read_v3)                     \
  X(po_file_write_v2)                    \
  X(po_filepos_file)                     \
  X(po_filepos_start_line)               \
  X(po_message_add_filepos)              \
  X(po_message_comments)                 \
  X(po_message_create)                   \
  X(po_message_extracted_comments)       \
  X(po_message_filepos)                  \
  X(po_message_insert)                   \
  X(po_message_is_format)                \
  X(po_message_is_fuzzy)                 \
  X(po_message_is_obsolete)              \
  X(po_message_iterator)                 \
  X(po_message_iterator_free)            \
  X(po_message_msgctxt)                  \
  X(po_message_msgid)                    \
  X(po_message_msgid_plural)             \
  X(po_message_msgstr)                   \
  X(po_message_prev_msgid)               \
  X(po_message_set_comments)             \
  X(po_message_set_extracted_comments)   \
  X(po_message_set_format)               \
  X(po_message_set_fuzzy)                \
  X(po_message_set_msgctxt)              \
  X(po_message_set_msgid)                \
  X(po_message_set_msgstr)               \
  X(po_message_set_obsolete)             \
  X(po_message_set_prev_msgid)           \
  X(po_next_message)

namespace leafpress::locale {

/// Pointers to libgettextpo.so.0's functions, each named as the C function it points at.
struct GettextpoFunctions {
  LEAFPRESS_GETTEXTPO_FUNCTIONS(LEAFPRESS_FUNCTION_POINTER)
};

/// libgettextpo.so.0's functions, the library opened at the first call; throws std::runtime_error
/// saying which Debian package to install when it cannot be opened.
const GettextpoFunctions& libgettextpo();

}  // namespace leafpress::locale
