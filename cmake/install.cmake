# What `cmake --install` puts where (GNU layout), and the Debian package CPack builds from it.
# The binary finds the data from its own place (cli/data_folder.hpp), so any prefix works.

install(TARGETS leafpress RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES fonts/fallback.yaml fonts/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/leafpress/fonts)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES leaflets/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME leaflets.md)
install(DIRECTORY leaflets/immunotherapy DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# Man pages are installed compressed, as Debian's policy asks (§12.1); -n keeps no name or
# date in the archive, so the package is the same bytes from the same sources.
find_program(GZIP gzip REQUIRED)
set(leafpress_man_page ${PROJECT_BINARY_DIR}/leafpress.1.gz)
add_custom_command(OUTPUT ${leafpress_man_page}
  COMMAND ${GZIP} -9nc ${PROJECT_SOURCE_DIR}/packaging/leafpress.1 > ${leafpress_man_page}
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/leafpress.1
  VERBATIM)
add_custom_target(leafpress_man_page ALL DEPENDS ${leafpress_man_page})
install(FILES ${leafpress_man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES packaging/leafpress.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME leafpress)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME leafpress)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "print-ready, localized, tagged PDF leaflets from YAML")
set(CPACK_PACKAGE_DESCRIPTION "leafpress typesets leaflets written in YAML into PDFs for screens and for the press: \
HarfBuzz shaping, Knuth-Plass lines, bidi, hyphenation, brochure, tri-fold and booklet formats, \
PDF/X-4 press files and gettext PO files for translators.")
set(CPACK_PACKAGE_CONTACT "leafpress maintainers")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
# The shared libraries the binary links, as dpkg-shlibdeps reads them from it: runtime
# packages only (libharfbuzz0b, libicu72, ...), never a -dev package or a test tool.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Data the binary reads at run time: the default theme's fonts. And the libraries it opens only
# when a run needs them (core::SharedLibrary), which dpkg-shlibdeps cannot see: fontconfig,
# LittleCMS, libqrencode, libjpeg, libgettextpo, libxml2.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-noto-core, libfontconfig1, liblcms2-2, libqrencode4, libjpeg62-turbo, libgettextpo0, libxml2")
# A binary with ICU's common library inside (LEAFPRESS_STATIC_LIBRARIES) still opens ICU's
# libicui18n of the version it was built with, which dpkg-shlibdeps no longer sees either.
if(LEAFPRESS_STATIC_LIBRARIES)
  string(REGEX MATCH "^[0-9]+" leafpress_icu_major "${ICU_VERSION}")
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libicu${leafpress_icu_major}")
endif()
# Hyphenation patterns per language, the fonts of CJK and emoji fallback, and the renderers
# --preview runs.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hyphen-fr, hyphen-en-us, hyphen-es, hyphen-de, hyphen-it, hyphen-pt-pt, hyphen-el, hyphen-ru, hyphen-uk, hyphen-pl, hyphen-ro, hyphen-hi, hyphen-bn, hyphen-ta, fonts-noto-cjk, fonts-symbola, culmus")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "poppler-utils | mupdf-tools")
include(CPack)
