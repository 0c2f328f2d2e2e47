#pragma once

#include <optional>
#include <string_view>

#include "document/image.hpp"

namespace leafpress::images {

/// The QR code of `text` (libqrencode), at error correction level M (15 % of the code may be
/// lost), in the smallest version that holds it; nullopt when no version can hold it.
std::optional<document::QrCode> encode_qr(std::string_view text);

}  // namespace leafpress::images
