#include "text/face_answers.hpp"

#include <hb.h>

#include <filesystem>
#include <string>

#include "core/atomic_file.hpp"
#include "core/cache_folder.hpp"
#include "core/file_identity.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"

namespace leafpress::text {
namespace {

constexpr std::string_view kMagic = "leafpress-face-answer-1\n";

/// Where the answer to `question` about `face` is kept; nullopt when it is not to be kept.
std::optional<std::filesystem::path> answer_file(const fonts::Face& face, std::string_view question) {
  if (!face.identity()) return std::nullopt;
  const auto folder = core::cache_folder();
  if (!folder) return std::nullopt;
  const std::string key = std::string(kMagic) + hb_version_string() + "\n" + std::string(question) + "\n" +
                          std::to_string(face.index()) + "\n" + *face.identity();
  return *folder / ("face-" + core::content_hash(key) + ".txt");
}

}  // namespace

std::optional<bool> recall_face_answer(const fonts::Face& face, std::string_view question) {
  const auto file = answer_file(face, question);
  if (!file) return std::nullopt;
  const auto bytes = core::try_read_file(*file, 64);
  if (!bytes || !bytes->starts_with(kMagic)) return std::nullopt;
  const std::string_view answer = std::string_view(*bytes).substr(kMagic.size());
  if (answer == "yes\n") return true;
  if (answer == "no\n") return false;
  return std::nullopt;
}

void remember_face_answer(const fonts::Face& face, std::string_view question, bool answer) {
  const auto file = answer_file(face, question);
  // The answer was worked out from the bytes opened: kept only if the file is still those.
  if (!file || core::settled_identity(face.path()) != face.identity()) return;
  core::store_cache_entry(*file, std::string(kMagic) + (answer ? "yes\n" : "no\n"));
}

}  // namespace leafpress::text
