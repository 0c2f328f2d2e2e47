#include "pdf/run_leafpress.hpp"

namespace leafpress::testing {

ProcessResult run_leafpress(std::vector<std::string> args, const std::filesystem::path& working_dir) {
  args.insert(args.begin(), LEAFPRESS_BINARY);
  return run_process(args, working_dir.string(), {"SOURCE_DATE_EPOCH=1700000000"});
}

}  // namespace leafpress::testing
