#include <catch2/catch.hpp>

#include "pdf/content_operations.hpp"

// The content-stream reader the tag and PDF/X checkers share: if it misread operands, both
// checkers would pass files they should fail.

using namespace leafpress::testing;

TEST_CASE("content operations keep strings, nested dictionaries, arrays and names whole", "[pdf][checker]") {
  const auto operations = content_operations(
      "/Span <</MCID 3 /ActualText (a\\)b) /A <</O /Layout>>>> BDC % a comment ) ( <<\n"
      "[(x\\(y) -120 <0001>] TJ\nT* EMC /F1 9.5 Tf");
  REQUIRE(operations.size() == 5);
  CHECK(operations[0].op == "BDC");
  CHECK(operations[0].operands ==
        std::vector<std::string>{"/Span", "<</MCID 3 /ActualText (a\\)b) /A <</O /Layout>>>>"});
  CHECK(operations[1].op == "TJ");
  CHECK(operations[1].operands == std::vector<std::string>{"[", "(x\\(y)", "-120", "<0001>", "]"});
  CHECK(operations[2].op == "T*");
  CHECK(operations[2].operands.empty());
  CHECK(operations[3].op == "EMC");
  CHECK(operations[4].op == "Tf");
  CHECK(operations[4].operands == std::vector<std::string>{"/F1", "9.5"});
}
