#pragma once

#include <cstdint>

namespace leafpress::document {

/// The direction a language is written in: its paragraphs' base direction (UAX #9).
enum class Direction : std::uint8_t { ltr, rtl };

}  // namespace leafpress::document
