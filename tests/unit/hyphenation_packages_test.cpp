#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "cli/hyphenation_packages.hpp"
#include "support/process.hpp"

using namespace leafpress;
using leafpress::testing::have_program;
using leafpress::testing::run_process;

TEST_CASE("a missing dictionary's hint names a Debian package only where Debian has one", "[cli]") {
  CHECK(cli::hyphenation_package_for("el") == "hyphen-el");
  CHECK(cli::hyphenation_package_for("uk") == "hyphen-uk");
  CHECK(cli::hyphenation_package_for("pt") == "hyphen-pt-pt");
  CHECK(cli::hyphenation_package_for("pt-BR") == "hyphen-pt-br");
  CHECK(cli::hyphenation_package_for("en") == "hyphen-en-us");
  CHECK(cli::hyphenation_package_for("en-GB") == "hyphen-en-gb");
  CHECK(cli::hyphenation_package_for("de-AT") == "hyphen-de");
  CHECK(cli::hyphenation_package_for("nb") == "hyphen-no");
  // Hints once named hyphen-tr and hyphen-vi, which do not exist.
  CHECK_FALSE(cli::hyphenation_package_for("tr"));
  CHECK_FALSE(cli::hyphenation_package_for("vi"));
  CHECK_FALSE(cli::hyphenation_package_for("ar"));
}

TEST_CASE("the table of hyphenation packages is the one apt-cache knows", "[cli]") {
  if (!have_program("apt-cache")) {
    WARN("no apt-cache on this machine: the table is not checked");
    return;
  }
  const auto search = run_process({"apt-cache", "search", "--names-only", "^hyphen-"});
  REQUIRE(search.exit_code == 0);
  std::set<std::string> known;
  std::istringstream lines(search.out);
  for (std::string line; std::getline(lines, line);) {
    const std::string name = line.substr(0, line.find(' '));
    if (name.starts_with("hyphen-") && name != "hyphen-show") known.insert(name);
  }
  // No package lists (apt-get update never ran): nothing to compare with.
  if (known.size() < 10) {
    WARN("apt-cache knows no hyphen-* packages (run apt-get update): the table is not checked");
    return;
  }
  std::set<std::string> listed;
  for (const auto& entry : cli::debian_hyphenation_packages()) listed.insert(std::string(entry.package));
  CHECK(listed == known);
}
