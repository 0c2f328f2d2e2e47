#pragma once

#include <vector>

#include "document/blocks.hpp"
#include "document/localized_document.hpp"
#include "layout/block_slices.hpp"
#include "layout/slice.hpp"

namespace leafpress::layout {

/// A table as strips: its caption, its header row, then one strip per row, never split.
/// Caption, header and first row keep together; a row that opens a column carries the
/// header row, drawn again above it as an artifact. Tagged Table > Caption, TR > TH (scope
/// Column; the first cell of a row with `row_headers`, scope Row) and TD. Columns run from
/// the start of the line: a right-to-left page, mirrored whole, puts the first on the right.
std::vector<Slice> table_slices(const document::TableBlock<document::RichText>& table, const BlockContext& context);

}  // namespace leafpress::layout
