#include "images/decode_jpeg.hpp"

// jpeglib.h needs size_t and FILE declared first.
#include <jerror.h>
#include <jpeglib.h>

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>

#include "images/libjpeg_functions.hpp"

namespace leafpress::images {
namespace {

/// More scans than any real progressive JPEG has (they have about ten); a file of
/// thousands of tiny scans takes minutes to decode (libjpeg-turbo's TurboJPEG stops at 500).
constexpr int kMaxScans = 500;

/// libjpeg's error manager, with where to jump and what went wrong.
struct ErrorTrap {
  jpeg_error_mgr manager;  // first, so libjpeg's pointer to it is a pointer to the trap
  std::jmp_buf jump;
  int code = 0;  // libjpeg's J_MESSAGE_CODE, or -1 for too many scans
  char message[JMSG_LENGTH_MAX];
};

/// Everything one decoding touches. A longjmp out of libjpeg may come at any point, so all
/// of it is trivially destructible and lives in the caller's frame, not in the one that
/// calls setjmp (C++ [csetjmp.syn]: the jump must skip no destructor, and locals of that
/// frame changed after setjmp would be indeterminate after it).
struct Session {
  jpeg_decompress_struct info;
  ErrorTrap trap;
  jpeg_progress_mgr progress;
  bool too_big = false;
};
static_assert(std::is_trivially_destructible_v<Session>);

[[noreturn]] void jump_out(j_common_ptr info) {
  auto* trap = reinterpret_cast<ErrorTrap*>(info->err);
  trap->code = info->err->msg_code;
  (*info->err->format_message)(info, trap->message);
  std::longjmp(trap->jump, 1);
}

/// libjpeg goes on after corrupt data with a warning (level -1), filling in grey; for print
/// a damaged picture is an error.
void on_message(j_common_ptr info, int level) {
  if (level < 0) jump_out(info);
}

void on_progress(j_common_ptr common) {
  auto* info = reinterpret_cast<j_decompress_ptr>(common);
  if (info->input_scan_number <= kMaxScans) return;
  auto* trap = reinterpret_cast<ErrorTrap*>(info->err);
  trap->code = -1;
  std::snprintf(trap->message, sizeof trap->message, "it has more than %d scans", kMaxScans);
  std::longjmp(trap->jump, 1);
}

/// Runs libjpeg over the whole file; false when it failed (the trap says why) or the picture
/// is over `max_pixels`. Keeps the embedded ICC profile (APP2 'ICC_PROFILE' markers, ICC.1
/// Annex B.4) in `icc`, and with `pixels` the decoded samples, rows top down. Only `session`
/// and the caller's `icc` and `pixels` change between setjmp and a jump back.
bool run_libjpeg(Session* session, const unsigned char* data, unsigned long size, std::uint64_t max_pixels,
                 std::string* icc, std::string* pixels) {
  jpeg_decompress_struct* info = &session->info;
  info->err = libjpeg().jpeg_std_error(&session->trap.manager);
  session->trap.manager.error_exit = jump_out;
  session->trap.manager.emit_message = on_message;
  if (setjmp(session->trap.jump)) {
    libjpeg().jpeg_destroy_decompress(&session->info);
    return false;
  }
  libjpeg().jpeg_CreateDecompress(info, JPEG_LIB_VERSION, sizeof(jpeg_decompress_struct));
  session->progress.progress_monitor = on_progress;
  info->progress = &session->progress;
  libjpeg().jpeg_mem_src(info, data, size);
  libjpeg().jpeg_save_markers(info, JPEG_APP0 + 2, 0xFFFF);
  libjpeg().jpeg_read_header(info, TRUE);
  JOCTET* profile = nullptr;
  unsigned int profile_size = 0;
  if (libjpeg().jpeg_read_icc_profile(info, &profile, &profile_size) && profile) {
    icc->assign(reinterpret_cast<const char*>(profile), profile_size);
    std::free(profile);
  }
  if (std::uint64_t{info->image_width} * info->image_height > max_pixels) {
    session->too_big = true;
    libjpeg().jpeg_destroy_decompress(info);
    return false;
  }
  if (!pixels) {
    // Only checking: the fastest decoding reads every bit of the data just the same.
    info->dct_method = JDCT_IFAST;
    info->do_fancy_upsampling = FALSE;
  }
  libjpeg().jpeg_start_decompress(info);
  // libjpeg's own pool holds the row, freed by jpeg_destroy_decompress even after a jump.
  const std::size_t stride = info->output_width * static_cast<std::size_t>(info->output_components);
  JSAMPARRAY row = (*info->mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(info), JPOOL_IMAGE,
                                              static_cast<JDIMENSION>(stride), 1);
  if (pixels) pixels->reserve(stride * info->output_height);
  while (info->output_scanline < info->output_height) {
    libjpeg().jpeg_read_scanlines(info, row, 1);
    if (pixels) pixels->append(reinterpret_cast<const char*>(row[0]), stride);
  }
  libjpeg().jpeg_finish_decompress(info);
  libjpeg().jpeg_destroy_decompress(info);
  return true;
}

}  // namespace

Decoded decode_jpeg(std::string_view bytes, std::size_t max_pixels) {
  Session session{};
  std::string icc;
  const bool ok = run_libjpeg(&session, reinterpret_cast<const unsigned char*>(bytes.data()),
                              static_cast<unsigned long>(bytes.size()), max_pixels, &icc, nullptr);
  const jpeg_decompress_struct& info = session.info;
  if (session.too_big) return too_many_pixels(info.image_width, info.image_height, max_pixels);
  const std::string again = "export the picture again from the program that made it";
  if (!ok) {
    if (session.trap.code == JWRN_JPEG_EOF || session.trap.code == JERR_INPUT_EOF) {
      return refused("is truncated: the file ends after " + std::to_string(bytes.size()) +
                         " bytes, before the picture is complete",
                     again);
    }
    if (session.trap.code == JERR_BAD_PRECISION || session.trap.code == JERR_SOF_UNSUPPORTED) {
      return refused("is a kind of JPEG leafpress cannot check: " + std::string(session.trap.message),
                     "save it again as an 8-bit baseline or progressive JPEG");
    }
    return refused("is a damaged JPEG: " + std::string(session.trap.message), again);
  }
  if (info.arith_code) {
    return refused("is an arithmetic-coded JPEG, which PDF readers cannot show",
                   "save it again as a baseline or progressive JPEG");
  }
  if (info.num_components == 4 && !info.saw_Adobe_marker) {
    return refused("is a CMYK JPEG without Adobe's marker, whose colours PDF readers would invert",
                   "save it again from an image editor, or as an RGB JPEG");
  }
  if (info.num_components != 1 && info.num_components != 3 && info.num_components != 4) {
    return refused("is a JPEG of " + std::to_string(info.num_components) + " colour components",
                   "save it again as an RGB or greyscale JPEG");
  }
  Decoded decoded;
  decoded.image.width = info.image_width;
  decoded.image.height = info.image_height;
  decoded.image.components = info.num_components;
  decoded.image.encoding = document::Image::Encoding::jpeg;
  decoded.image.data = std::string(bytes);
  decoded.image.icc_profile = std::move(icc);
  return decoded;
}

std::optional<std::string> try_jpeg_pixels(std::string_view bytes) {
  Session session{};
  std::string icc;
  std::string pixels;
  if (!run_libjpeg(&session, reinterpret_cast<const unsigned char*>(bytes.data()),
                   static_cast<unsigned long>(bytes.size()), UINT64_MAX, &icc, &pixels)) {
    return std::nullopt;
  }
  // Adobe's CMYK JPEGs store inverted inks (what Photoshop writes, and PDF's DCTDecode
  // with Decode [1 0 1 0 1 0 1 0] undoes); plain samples have 0 for no ink.
  if (session.info.num_components == 4 && session.info.saw_Adobe_marker) {
    for (char& sample : pixels) sample = static_cast<char>(255 - static_cast<unsigned char>(sample));
  }
  return pixels;
}

}  // namespace leafpress::images
