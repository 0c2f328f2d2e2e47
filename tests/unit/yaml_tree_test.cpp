#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "load/yaml_file.hpp"

using namespace leafpress;

namespace {

/// The tree of `text`, which must parse.
load::YamlFile parsed(const std::string& text) {
  core::Diagnostics diags;
  auto file = load::parse_yaml_text(text, "f.yaml", diags);
  const std::string problem = diags.items().empty() ? std::string() : diags.items().front().message;
  INFO(problem);
  REQUIRE(file);
  return std::move(*file);
}

/// "line:column" of `node`.
std::string place(const load::YamlNode& node) {
  return std::to_string(node.line()) + ":" + std::to_string(node.column());
}

}  // namespace

TEST_CASE("a YAML tree keeps kinds, text, places and document order", "[load][yaml]") {
  const load::YamlFile file = parsed(
      "title: what.title\n"
      "empty:\n"
      "tilde: ~\n"
      "quoted: \"null\"\n"
      "list: [a, 'b c', {k: v}]\n"
      "nested:\n"
      "  - x: 1\n"
      "    y: \"\\u00e9t\\u00e9\"\n"
      "title: again\n");
  const load::YamlNode root = file.root;
  REQUIRE(root.is_map());
  CHECK(place(root) == "1:1");
  REQUIRE(root.size() == 7);  // both 'title' entries, in order
  std::vector<std::string> keys;
  for (const auto& [key, value] : root.entries()) keys.emplace_back(key.scalar());
  CHECK(keys == std::vector<std::string>{"title", "empty", "tilde", "quoted", "list", "nested", "title"});
  CHECK(root.items().begin() == root.items().end());  // a map has no items

  load::YamlNode value;
  REQUIRE(root.find("title", value));
  CHECK(value.scalar() == "what.title");  // the first of duplicate keys
  CHECK(place(value) == "1:8");
  CHECK(place(root.entry(6).key) == "9:1");
  REQUIRE(root.find("empty", value));
  CHECK(value.is_null());
  REQUIRE(root.find("tilde", value));
  CHECK(value.is_null());
  CHECK(load::describe(value) == "nothing");
  REQUIRE(root.find("quoted", value));
  CHECK(value.is_scalar());
  CHECK(value.scalar() == "null");
  CHECK_FALSE(root.find("missing", value));

  REQUIRE(root.find("list", value));
  REQUIRE(value.is_sequence());
  REQUIRE(value.size() == 3);
  CHECK(value.item(1).scalar() == "b c");
  CHECK(place(value.item(1)) == "5:11");
  CHECK(value.item(2).is_map());
  CHECK(load::describe(value) == "a list");
  CHECK(value.scalar().empty());
  std::vector<std::string> items;
  for (const load::YamlNode& item : value.items()) items.emplace_back(load::describe(item));
  CHECK(items == std::vector<std::string>{"'a'", "'b c'", "a map"});
  CHECK(value.entries().begin() == value.entries().end());  // a list has no entries

  REQUIRE(root.find("nested", value));
  const load::YamlNode first = value.item(0);
  load::YamlNode y;
  REQUIRE(first.find("y", y));
  CHECK(y.scalar() == "\xC3\xA9t\xC3\xA9");
  CHECK(place(y) == "8:8");
  CHECK(load::loc_of(y, "f.yaml").line == 8);
}

TEST_CASE("an empty YAML file is a null root; a default node is null and placeless", "[load][yaml]") {
  const load::YamlFile file = parsed("");
  CHECK(file.root.is_null());
  CHECK(file.root.size() == 0);
  const load::YamlNode none;
  CHECK(none.is_null());
  CHECK(none.line() == 0);
  CHECK(none.column() == 0);
  CHECK(none.scalar().empty());
}

TEST_CASE("numbers and booleans read as yaml-cpp reads them", "[load][yaml]") {
  CHECK(load::yaml_integer("12") == 12);
  CHECK(load::yaml_integer("-3") == -3);
  CHECK(load::yaml_integer("0x10") == 16);
  CHECK_FALSE(load::yaml_integer("1.5"));
  CHECK_FALSE(load::yaml_integer("12 mm"));
  CHECK(load::yaml_boolean("true") == true);
  CHECK(load::yaml_boolean("no") == false);
  CHECK(load::yaml_boolean("On") == true);
  CHECK_FALSE(load::yaml_boolean("maybe"));
}

TEST_CASE("a copied YAML file keeps its nodes valid", "[load][yaml]") {
  std::optional<load::YamlFile> copy;
  {
    const load::YamlFile file = parsed("a: [1, 2]\n");
    copy = file;
  }
  load::YamlNode value;
  REQUIRE(copy->root.find("a", value));
  CHECK(value.item(1).scalar() == "2");
}
