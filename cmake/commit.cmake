# Writes OUTPUT, a header defining LEAFPRESS_COMMIT: the commit the sources are at ("-dirty"
# when they hold uncommitted changes), from git at build time; LEAFPRESS_COMMIT when given
# (a build from a tarball), else "unknown". The file is rewritten only when it changes, so a
# build after no commit recompiles nothing.
if(NOT COMMIT)
  execute_process(COMMAND git -C "${SOURCE_DIR}" describe --always --dirty --abbrev=12 --match=NONE
                  OUTPUT_VARIABLE COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE failed)
  if(failed OR NOT COMMIT)
    set(COMMIT "unknown")
  endif()
endif()
set(text "#pragma once\n\n/// The commit leafpress was built from (cmake/commit.cmake).\n#define LEAFPRESS_COMMIT \"${COMMIT}\"\n")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUTPUT}" "${text}")
endif()
