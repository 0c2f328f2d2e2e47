#pragma once

#include <string>

#include "layout/page.hpp"

namespace leafpress::layout {

/// A stable text rendering of the display list, one item a line, numbers rounded to
/// 0.1 pt: the text back end that golden tests compare, free of dates, paths and bytes.
///
///   page 1 595.3x841.9
///   rect 76.5 62.4 442.3 104.7 #E3F1F1
///   text 92.5 91.2 NotoSans-Bold 10 #0B6E75 "A guide for patients and families"
///   link 310.2 300.1 80.4 14.2 https://www.inserm.fr/
std::string dump(const Pages& pages);

}  // namespace leafpress::layout
