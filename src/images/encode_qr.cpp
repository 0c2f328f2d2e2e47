#include "images/encode_qr.hpp"

#include <qrencode.h>

#include <string>

#include "core/c_handle.hpp"
#include "images/qrencode_functions.hpp"

namespace leafpress::images {

std::optional<document::QrCode> encode_qr(std::string_view text) {
  const std::string terminated(text);
  // Version 0: the smallest that fits; QR_MODE_8 with case kept lets libqrencode switch to
  // shorter modes for runs of digits.
  const core::CHandle<QRcode, [](QRcode* qr) { libqrencode().QRcode_free(qr); }> code(
      libqrencode().QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!code) return std::nullopt;
  document::QrCode qr;
  qr.size = code->width;
  qr.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
  // libqrencode's bit 0 of each byte: the module is dark.
  for (std::size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = (code->data[i] & 1) != 0;
  return qr;
}

}  // namespace leafpress::images
