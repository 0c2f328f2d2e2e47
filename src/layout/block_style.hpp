#pragma once

namespace leafpress::layout {

/// The spacing and proportions blocks are set with, in points or as shares of the theme's
/// sizes: named once here, with their defaults, so a block's code reads as what it draws.
/// Sizes written as a share ("× body") multiply the theme's size of that name.
struct BlockStyle {
  /// Body text and the display faces.
  struct Text {
    double body_leading = 1.45;     // line pitch of running text, × its size
    double heading_leading = 1.2;   // line pitch of headings and display text
    double paragraph_gap = 6;       // above a paragraph, and above a list's first item
    double fitting_minimum = 2.0 / 3.0;  // a display text too wide for its measure shrinks to no less
    double fitting_margin = 0.99;   // …and to this share of the width it would need
  };
  /// A box with a coloured ground (callout, key figures, contact, title).
  struct Box {
    double padding = 12;       // inside the box, on every side
    double space_before = 16;  // above the box
    double accent_bar = 4;     // the accent bar along a figures or title box's start edge
  };
  struct Title {
    double inset = 4;        // beyond the box padding, clear of the accent bar
    double kicker_size = 10;
    double kicker_gap = 4;   // under the kicker
    double subtitle_gap = 4;
  };
  struct Heading {
    double gaps[3] = {18, 12, 10};  // above a level 1, 2, 3 heading
    double below_h1 = 6;            // under a level 1 heading's text
    double below = 3;               // under a level 2 or 3 heading's text
    double rule_offset = 1.5;       // from a level 1 heading's last line to its rule
    double rule_width = 28;
    double rule_height = 2;
    double rule_space = 4;          // added under the rule
  };
  struct List {
    double indent_minimum = 16;  // a list indents at least this much…
    double indent_share = 1.5;   // …or this many times the body size
    double marker_gap = 5;       // between the marker and the item's text
    double item_gap = 3;         // above every item but the first
  };
  struct Quote {
    double indent = 18;
    double pad = 2;          // above and below the quote's text
    double size = 1.2;       // × body
    double by_size = 0.85;   // × body
    double by_gap = 4;
    double bar = 3;          // the accent bar's width
    double space_before = 14;
  };
  struct Callout {
    double paragraph_gap = 4;
    double first_item_gap = 4;
    double item_gap = 2;
    double top_rule = 3;  // the accent rule along the box's top
  };
  struct Figures {
    double gap = 14;           // between figures in a row
    double row_gap = 10;       // between rows
    double below_title = 8;
    double value_size = 1.3;   // × h1
    double label_size = 0.85;  // × body
    double label_leading = 1.3;
    double label_gap = 2;
    double narrowest = 6;      // a figure's cell is at least this many body sizes wide
    int most_per_row = 3;      // large print: 1, a single column as the RNIB's clear print asks
  };
  struct Sources {
    double size = 0.82;  // × body
    double leading = 1.35;
    double first_gap = 4;
    double gap = 3;
  };
  struct Contact {
    double size = 0.95;  // × body
    double leading = 1.4;
    double first_gap = 4;
    double gap = 2;
  };
  struct Picture {
    double caption_size = 0.85;  // × body
    double caption_leading = 1.3;
    double caption_gap = 5;       // between a picture and the caption under it
    double caption_beside = 0.35; // a caption goes beside a picture that leaves it this share of the column
    double caption_side_gap = 12;
    double space_before = 14;
    double qr_caption_beside = 0.4;  // a QR code's caption goes beside it in this share of the column, or more
  };

  Text text;
  Box box;
  Title title;
  Heading heading;
  List list;
  Quote quote;
  Callout callout;
  Figures figures;
  Sources sources;
  Contact contact;
  Picture picture;
};

}  // namespace leafpress::layout
