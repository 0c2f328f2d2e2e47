#pragma once

#include <vector>

#include "core/source_loc.hpp"
#include "document/localized_document.hpp"
#include "layout/block_slices.hpp"

// One function per block kind, each in its own file (<kind>_block.cpp); block_slices()
// dispatches to them. Every slice is relative to its strip's top-left corner in the column.
namespace leafpress::layout {

/// The title box: kicker, title (shrunk to fit a narrow measure) and subtitle on the accent
/// ground, as one strip.
std::vector<Slice> title_slices(const document::TitleBlock<document::RichText>& b, const BlockContext& c);

/// A heading as one strip that keeps with what follows; tagged one level below its own
/// (the title is the only H1), as a child of structure element `parent`.
std::vector<Slice> heading_slices(const document::HeadingBlock<document::RichText>& b, const BlockContext& c,
                                  int parent = 0);

/// A paragraph, one strip per line.
std::vector<Slice> paragraph_slices(const document::ParagraphBlock<document::RichText>& b, const BlockContext& c);

/// A bulleted or numbered list, one strip per line, stopping at the height budget.
std::vector<Slice> list_slices(const document::ListBlock<document::RichText>& b, const BlockContext& c);

/// A quotation and who said it, beside an accent bar, as one strip.
std::vector<Slice> quote_slices(const document::QuoteBlock<document::RichText>& b, const BlockContext& c);

/// A callout box: title, paragraphs and bulleted items on the light accent ground, a strip
/// per line, so that it may break between them, continued in the next column.
std::vector<Slice> callout_slices(const document::CalloutBlock<document::RichText>& b, const BlockContext& c);

/// The key figures box: values and their labels in rows, a strip for the title and one per
/// row, so that it may break between rows, continued in the next column.
std::vector<Slice> figures_slices(const document::FiguresBlock<document::RichText>& b, const BlockContext& c);

/// The sources: a heading and numbered entries with their addresses, one strip per line.
std::vector<Slice> sources_slices(const document::SourcesBlock<document::RichText>& b, const BlockContext& c);

/// The contact box: title and lines on the accent ground, as one strip.
std::vector<Slice> contact_slices(const document::ContactBlock<document::RichText>& b, const BlockContext& c);

/// A picture with its caption, as one strip; warns (at `loc`) when it prints below 300 ppi.
std::vector<Slice> image_slices(const document::ImageBlock<document::RichText>& b, const core::SourceLoc& loc,
                                const BlockContext& c);

/// A QR code with its quiet zone, linked to its address, and its caption, as one strip.
std::vector<Slice> qr_slices(const document::QrBlock<document::RichText>& b, const BlockContext& c);

/// A table as strips: its caption, its header row, then one strip per row, never split.
/// Caption, header and first row keep together; a row that opens a column carries the
/// header row, drawn again above it as an artifact. Tagged Table > Caption, TR > TH (scope
/// Column; the first cell of a row with `row_headers`, scope Row) and TD. Columns run from
/// the start of the line: a right-to-left page, mirrored whole, puts the first on the right.
std::vector<Slice> table_slices(const document::TableBlock<document::RichText>& b, const BlockContext& c);

}  // namespace leafpress::layout
