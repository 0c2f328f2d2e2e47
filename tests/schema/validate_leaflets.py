#!/usr/bin/env python3
"""Holds leaflets to the JSON Schemas `leafpress schema` writes (docs/schema/), as an editor's
yaml-language-server would: every shipped and test leaflet, and its strings files, validate;
every leaflet of the error corpus whose errors leafpress files under the schema's rules
(unknown key, missing key, wrong type, unknown block kind or format, bad colour) is rejected,
and every other one that parses validates too.

    validate_leaflets.py SOURCE_DIR LEAFPRESS_BINARY
"""
import json
import pathlib
import re
import subprocess
import sys

import jsonschema
import yaml

# The rules of problems a schema can see: a key or a value of the wrong shape.
SCHEMA_RULES = {"unknown-key", "missing-key", "wrong-type", "unknown-block", "unknown-format", "bad-colour"}
# Problems that keep a file from being read at all; such files are not a schema's business.
UNREADABLE_RULES = {"malformed-yaml", "yaml-alias", "invalid-utf8", "nul-byte", "nesting-limit", "string-limit",
                    "file-too-large"}


LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def load(path):
    """The file as an editor's YAML reader types it: numbers and booleans as such, the rest text."""
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def strings_files(folder):
    """The <lang>.yaml files beside a leaflet.yaml (not a theme or variants file)."""
    return [p for p in sorted(folder.glob("*.yaml")) if LANGUAGE_TAG.match(p.stem)]


def schema_rules(diagnostics, name):
    """The rules of the schema's kind leafpress reports in the file `name`, leaving out a palette
    name the palette lacks, which only the whole theme (its files and palette) can tell."""
    return {d["rule_name"] for d in diagnostics if pathlib.Path(d["file"]).name == name
            and not d["message"].startswith("no colour named ")}


def errors_of(validator, document):
    return sorted(validator.iter_errors(document), key=lambda e: list(e.path))


def main():
    source = pathlib.Path(sys.argv[1])
    leafpress = sys.argv[2]
    leaflet_schema = json.loads((source / "docs/schema/leaflet.schema.json").read_text(encoding="utf-8"))
    strings_schema = json.loads((source / "docs/schema/strings.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(leaflet_schema)
    jsonschema.Draft7Validator.check_schema(strings_schema)
    leaflet_validator = jsonschema.Draft7Validator(leaflet_schema)
    strings_validator = jsonschema.Draft7Validator(strings_schema)
    failures = []
    checked = 0

    valid_folders = [p.parent for p in sorted(source.glob("leaflets/*/leaflet.yaml"))]
    valid_folders += [p.parent for p in sorted(source.glob("tests/**/leaflet.yaml")) if "errors" not in p.parts]
    for folder in valid_folders:
        for path, validator in [(folder / "leaflet.yaml", leaflet_validator)] + \
                [(p, strings_validator) for p in strings_files(folder)]:
            checked += 1
            for error in errors_of(validator, load(path)):
                failures.append(f"{path}: valid, yet the schema says at {list(error.path)}: {error.message}")

    for case in sorted(p for p in (source / "tests/errors").iterdir() if p.is_dir()):
        report = subprocess.run([leafpress, "check", str(case), "--diagnostics", "json", "--fonts",
                                 str(source / "fonts")], capture_output=True, text=True)
        diagnostics = json.loads(report.stdout)["diagnostics"]
        for path, validator in [(case / "leaflet.yaml", leaflet_validator)] + \
                [(p, strings_validator) for p in strings_files(case)]:
            rules = schema_rules(diagnostics, path.name)
            if rules & UNREADABLE_RULES:
                continue
            checked += 1
            found = errors_of(validator, load(path))
            if rules & SCHEMA_RULES and not found:
                failures.append(f"{path}: leafpress reports {sorted(rules & SCHEMA_RULES)}, the schema accepts it")
            if not rules & SCHEMA_RULES and found:
                failures.append(f"{path}: leafpress finds no problem of the schema's kind, the schema says at "
                                f"{list(found[0].path)}: {found[0].message}")

    for failure in failures:
        print(failure)
    print(f"{checked} files checked against the schemas, {len(failures)} disagreements")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
