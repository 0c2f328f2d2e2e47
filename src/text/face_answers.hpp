#pragma once

#include <optional>
#include <string_view>

#include "fonts/face.hpp"

namespace leafpress::text {

/// Yes-or-no answers worked out from a face's bytes at some cost (a walk over all its
/// lookups), kept in the cache folder (core::cache_folder) under the face file's identity
/// when it was opened (fonts::Face::identity), the face's index, HarfBuzz's version and the
/// question: a later run with the same file reads the answer instead. Output never depends
/// on whether an answer was there.

/// The answer kept for `question` about `face`; nullopt when none is (or the face's file
/// cannot vouch for its bytes, or the cache is off or damaged).
std::optional<bool> recall_face_answer(const fonts::Face& face, std::string_view question);

/// Keeps `answer` for `question` about `face`, unless the file is no longer the one opened
/// or the cache cannot be written (which only costs time).
void remember_face_answer(const fonts::Face& face, std::string_view question, bool answer);

}  // namespace leafpress::text
