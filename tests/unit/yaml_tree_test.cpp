#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/read_file.hpp"
#include "load/load_leaflet.hpp"
#include "load/yaml_file.hpp"
#include "load/yaml_tree_cache.hpp"
#include "support/scoped_env.hpp"
#include "support/scratch_dir.hpp"

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

namespace {

namespace fs = std::filesystem;

const std::string kSource =
    "default_language: fr\n"
    "title: cover.title\n"
    "content:\n"
    "  - paragraph: what.p1\n"
    "  - list: [what.a, \"what.b\"]\n"
    "theme: {accent: '#0B6E75', fonts: {body: ~}}\n"
    "title: \"\\u00e9t\\u00e9\"\n";

/// The yaml-*.bin entries of `folder`.
std::vector<fs::path> tree_entries(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().filename().string().starts_with("yaml-")) out.push_back(entry.path());
  }
  return out;
}

/// Each diagnostic as the command line shows it.
std::vector<std::string> said(const core::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items()) out.push_back(core::format(d));
  return out;
}

/// An entry for kSource holding the tree made of these parts, whatever they are.
std::string planted(std::vector<load::YamlNodeRecord> nodes, std::vector<std::uint32_t> children, std::string text) {
  return load::yaml_tree_entry(load::YamlTree(std::move(nodes), std::move(children), std::move(text)), kSource);
}

using Kind = load::YamlKind;

}  // namespace

TEST_CASE("a YAML tree entry reads back as the same tree, only for its own bytes and nesting", "[load][yaml]") {
  const load::YamlFile file = parsed(kSource);
  const std::string entry = load::yaml_tree_entry(*file.tree, kSource);
  const auto back = load::read_yaml_tree_entry(entry, kSource, 64);
  REQUIRE(back);
  CHECK(*back == *file.tree);
  CHECK_FALSE(load::read_yaml_tree_entry(entry, kSource + " ", 64));  // another file's bytes
  CHECK(load::read_yaml_tree_entry(entry, kSource, 4));               // content[1].list is at depth 3
  CHECK_FALSE(load::read_yaml_tree_entry(entry, kSource, 3));
}

TEST_CASE("a damaged YAML tree entry is refused: cut short, grown or any byte changed", "[load][yaml]") {
  const load::YamlFile file = parsed(kSource);
  const std::string entry = load::yaml_tree_entry(*file.tree, kSource);
  for (std::size_t size = 0; size < entry.size(); ++size) {
    INFO(size);
    CHECK_FALSE(load::read_yaml_tree_entry(entry.substr(0, size), kSource, 64));
  }
  CHECK_FALSE(load::read_yaml_tree_entry(entry + '\0', kSource, 64));
  for (std::size_t at = 0; at < entry.size(); ++at) {
    std::string damaged = entry;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    INFO(at);
    CHECK_FALSE(load::read_yaml_tree_entry(damaged, kSource, 64));
  }
}

TEST_CASE("a planted YAML tree entry whose digests hold is still refused unless it is a walkable tree",
          "[load][yaml]") {
  // The good one: a map {a: [b]} at 1:1.
  const std::vector<load::YamlNodeRecord> nodes = {{Kind::kMap, 1, 1, 0, 1},
                                                   {Kind::kScalar, 1, 1, 0, 1},
                                                   {Kind::kSequence, 1, 4, 2, 1},
                                                   {Kind::kScalar, 1, 5, 1, 1}};
  const std::vector<std::uint32_t> children = {1, 2, 3};
  REQUIRE(load::read_yaml_tree_entry(planted(nodes, children, "ab"), kSource, 64));

  const auto refused = [&](std::vector<load::YamlNodeRecord> n, std::vector<std::uint32_t> c, std::string text) {
    return !load::read_yaml_tree_entry(planted(std::move(n), std::move(c), std::move(text)), kSource, 64);
  };
  CHECK(refused({}, {}, ""));                 // no root
  CHECK(refused(nodes, children, "a"));       // a scalar past the text
  CHECK(refused(nodes, children, "a\xFF"));   // text not UTF-8
  CHECK(refused(nodes, {1, 2}, "ab"));        // a list's slot past the children
  CHECK(refused(nodes, {1, 2, 3, 3}, "ab"));  // a slot no map or list holds
  CHECK(refused(nodes, {1, 2, 9}, "ab"));     // a child that is no node
  CHECK(refused(nodes, {1, 2, 2}, "ab"));     // a list inside itself
  CHECK(refused(nodes, {1, 2, 0}, "ab"));     // the root inside a list
  CHECK(refused(nodes, {1, 1, 3}, "ab"));     // one node in two places
  auto bad = nodes;
  bad[3].kind = static_cast<Kind>(7);
  CHECK(refused(bad, children, "ab"));  // no such kind
  bad = nodes;
  bad[0].count = 0x80000000u;  // 2 * count overflows 32 bits
  CHECK(refused(bad, children, "ab"));
  bad = nodes;
  bad[2].first = 1;  // the list's slots overlap the map's
  CHECK(refused(bad, children, "ab"));
  bad = nodes;
  bad[1].line = -1;
  CHECK(refused(bad, children, "ab"));
  bad = nodes;
  bad.push_back({Kind::kNull, 1, 1, 0, 0});  // a node in no map or list
  CHECK(refused(bad, children, "ab"));
  bad = nodes;
  bad[3] = {Kind::kNull, 1, 5, 3, 0};
  CHECK(refused(bad, children, "ab"));  // a null with contents
  // Nesting: a list in a list in a list is refused under a limit of 2.
  const std::vector<load::YamlNodeRecord> deep = {
      {Kind::kSequence, 1, 1, 0, 1}, {Kind::kSequence, 1, 2, 1, 1}, {Kind::kSequence, 1, 3, 2, 0}};
  CHECK(load::read_yaml_tree_entry(planted(deep, {1, 2}, ""), kSource, 3));
  CHECK_FALSE(load::read_yaml_tree_entry(planted(deep, {1, 2}, ""), kSource, 2));
}

TEST_CASE("YAML files give the same trees and diagnostics with the cache off, cold and warm", "[load][yaml]") {
  const testing::ScratchDir dir;
  const fs::path folder = dir.path() / "cache";
  const auto run = [&](const std::string& cache, const std::string& text, const core::Limits& limits) {
    const testing::ScopedEnv env("LEAFPRESS_CACHE_DIR", cache);
    core::Diagnostics diags;
    const auto file = load::parse_yaml_text(text, "x/f.yaml", diags, limits);
    return std::pair{file ? std::optional<load::YamlTree>(*file->tree) : std::nullopt, said(diags)};
  };

  const auto off = run("off", kSource, {});
  REQUIRE(off.first);
  CHECK(off.second.empty());
  CHECK(tree_entries(folder).empty());
  CHECK(run(folder.string(), kSource, {}) == off);  // cold: parsed and kept
  REQUIRE(tree_entries(folder).size() == 1);
  CHECK(run(folder.string(), kSource, {}) == off);  // warm: read back

  // A kept tree nested deeper than this run allows is not used: the file is parsed and refused.
  // (yaml-cpp reads each ':' line under an empty ':' value as a map one level deeper, which
  // the pre-scan counts as one level: only the tree is too deep.)
  std::string colons;
  for (int i = 0; i < 10; ++i) colons += ":\n";
  REQUIRE(run(folder.string(), colons, {}).first);  // kept
  REQUIRE(tree_entries(folder).size() == 2);
  core::Limits shallow;
  shallow.max_nesting = 5;
  const auto too_deep = run("off", colons, shallow);
  CHECK_FALSE(too_deep.first);
  REQUIRE(too_deep.second.size() == 1);
  INFO(too_deep.second[0]);
  CHECK(too_deep.second[0].starts_with("x/f.yaml:6:1: error: maps and lists nested deeper than 5 levels"));
  CHECK(run(folder.string(), colons, shallow) == too_deep);
  CHECK(run(folder.string(), colons, {}).first);

  // A file that does not parse is never kept, and says the same each time.
  const std::string broken = "a: [b, c\nd: e\n";
  const auto malformed = run("off", broken, {});
  CHECK_FALSE(malformed.first);
  REQUIRE(malformed.second.size() == 1);
  CHECK(malformed.second[0].starts_with("x/f.yaml:1:4: error: malformed YAML"));
  CHECK(run(folder.string(), broken, {}) == malformed);
  CHECK(run(folder.string(), broken, {}) == malformed);
  CHECK(tree_entries(folder).size() == 2);

  // A damaged entry is read past: the file is parsed again, and the entry mended.
  const fs::path entry = load::yaml_tree_entry_path(folder, kSource);
  REQUIRE(fs::exists(entry));
  std::ofstream(entry, std::ios::binary | std::ios::trunc) << "leafpress yaml tree 1\nnot a tree";
  CHECK(run(folder.string(), kSource, {}) == off);
  CHECK(load::read_yaml_tree_entry(*core::try_read_file(entry), kSource, 64) == off.first);
  CHECK(run(folder.string(), kSource, {}) == off);
}

TEST_CASE("a leaflet's warnings and errors are the same with its trees kept or not", "[load][yaml]") {
  const testing::ScratchDir dir;
  const load::LeafletFiles files = {
      {"leaflet.yaml", "default_language: fr\ntitle: cover.title\ncontent:\n  - paragraph: what.p1\n"},
      {"fr.yaml", "cover:\n  title: Titre\nwhat:\n  p1: Un paragraphe.\n  unused: Jamais lu.\n"}};
  const auto run = [&](const std::string& cache) {
    const testing::ScopedEnv env("LEAFPRESS_CACHE_DIR", cache);
    core::Diagnostics diags;
    load::load_leaflet_from_files("mem/x", files, diags);
    return said(diags);
  };
  const std::vector<std::string> off = run("off");
  REQUIRE(off.size() == 1);
  CHECK(off[0].starts_with("mem/x/fr.yaml:5:11: warning: string 'what.unused' is not used by the leaflet"));
  const fs::path folder = dir.path() / "cache";
  CHECK(run(folder.string()) == off);
  CHECK(tree_entries(folder).size() == 2);
  CHECK(run(folder.string()) == off);
}

TEST_CASE("a warm parse takes the kept tree and does not parse the file again", "[load][yaml]") {
  const testing::ScratchDir dir;
  const fs::path folder = dir.path() / "cache";
  const testing::ScopedEnv env("LEAFPRESS_CACHE_DIR", folder.string());
  // An entry for kSource holding another file's tree: only a read of the entry can give it.
  const load::YamlFile other = parsed("other: tree\n");
  fs::create_directories(folder);
  std::ofstream(load::yaml_tree_entry_path(folder, kSource), std::ios::binary)
      << load::yaml_tree_entry(*other.tree, kSource);
  core::Diagnostics diags;
  const auto file = load::parse_yaml_text(kSource, "f.yaml", diags);
  REQUIRE(file);
  CHECK(*file->tree == *other.tree);
}
