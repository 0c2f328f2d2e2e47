#include "cli/strings_command.hpp"

#include "cli/leaflet_folders.hpp"
#include "cli/run.hpp"
#include "cli/strings_export.hpp"
#include "cli/strings_import.hpp"
#include "cli/strings_status.hpp"

namespace leafpress::cli {

int run_strings_command(const Options& options, std::ostream& out, std::ostream& err) {
  switch (options.strings_action) {
    case StringsAction::export_po:
      return export_strings(options, out, err);
    case StringsAction::import_po:
      return import_strings(options, out, err);
    case StringsAction::status:
      return strings_status(options, options.leaflets.empty() ? default_leaflets() : options.leaflets, out, err);
    case StringsAction::mark_current:
      return mark_current(options, options.leaflets.empty() ? default_leaflets() : options.leaflets, out, err);
  }
  return kUsageError;
}

}  // namespace leafpress::cli
