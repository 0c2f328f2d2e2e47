#include "cli/memory.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <variant>

namespace leafpress::cli {
namespace {

/// A "Name:  value kB" line of /proc/meminfo, in bytes.
std::optional<std::size_t> meminfo(const std::string& name) {
  std::ifstream in("/proc/meminfo");
  std::string key;
  std::size_t kilobytes = 0;
  std::string unit;
  while (in >> key >> kilobytes >> unit) {
    if (key == name + ":") return kilobytes * 1024;
  }
  return std::nullopt;
}

/// The address space this process takes now (the first field of /proc/self/statm, in pages).
std::optional<std::size_t> address_space_used() {
  std::ifstream in("/proc/self/statm");
  std::size_t pages = 0;
  if (!(in >> pages)) return std::nullopt;
  return pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

std::optional<std::size_t> available_memory() {
  std::optional<std::size_t> available = meminfo("MemAvailable");
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    const std::size_t used = address_space_used().value_or(0);
    const std::size_t left = limit.rlim_cur > used ? static_cast<std::size_t>(limit.rlim_cur) - used : 0;
    available = available ? std::min(*available, left) : left;
  }
  return available;
}

std::size_t picture_bytes(const document::Document& doc) {
  std::set<const document::Image*> seen;
  std::size_t bytes = 0;
  for (const auto& block : doc.blocks) {
    if (const auto* figure = std::get_if<document::ImageBlock<document::TextRef>>(&block.content)) {
      if (figure->image && seen.insert(figure->image.get()).second) {
        const document::Image& image = *figure->image;
        bytes += std::size_t{image.width} * image.height * static_cast<std::size_t>(image.components);
      }
    }
  }
  return bytes;
}

unsigned default_workers(std::size_t jobs, std::size_t pictures) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  std::size_t workers = std::min(cores, std::max<std::size_t>(1, jobs));
  if (const auto available = available_memory()) {
    workers = std::min(workers, std::max<std::size_t>(1, *available / (kDocumentMemory + pictures)));
  }
  return static_cast<unsigned>(workers);
}

}  // namespace leafpress::cli
