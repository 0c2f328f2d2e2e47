#!/usr/bin/env python3
"""Writes a long French leaflet for bench/run.sh: leaflet.yaml and fr.yaml in OUT_DIR.

    bench/stress/generate.py OUT_DIR [--sections N] [--seed S]

The text is the shipped immunotherapy leaflet's French paragraphs and list items: the
paragraphs are cut into sentences and dealt into new ones, each as many sentences long as one
of the originals, so that no two paragraphs are the same. The default of 35 sections makes
40 A4 pages with the shipped theme. Python 3 standard library only; the same arguments
give the same files.
"""

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCE = ROOT / "leaflets" / "immunotherapy"


def read_strings(path):
    """The string values of a leafpress strings file, by dotted key.

    Reads the subset of YAML those files use: nested maps, plain or double-quoted one-line
    values, and folded (>-) blocks, whose lines are joined with spaces.
    """
    strings = {}
    parents = []  # (indent, name) of the maps enclosing the current line
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        i += 1
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        name, _, value = stripped.partition(":")
        value = value.strip()
        while parents and parents[-1][0] >= indent:
            parents.pop()
        key = ".".join([p[1] for p in parents] + [name])
        if value == ">-":
            folded = []
            while i < len(lines) and lines[i].strip() and len(lines[i]) - len(lines[i].lstrip(" ")) > indent:
                folded.append(lines[i].strip())
                i += 1
            strings[key] = " ".join(folded)
        elif value.startswith('"') and value.endswith('"') and len(value) >= 2:
            strings[key] = json.loads(value)
        elif value:
            strings[key] = value
        else:
            parents.append((indent, name))
    return strings


def content_keys(path):
    """The keys of the leaflet's paragraphs, headings and list items, in reading order."""
    paragraphs, headings, items = [], [], []
    in_list = False
    for line in path.read_text(encoding="utf-8").split("\n"):
        if m := re.match(r"\s*- paragraph: (\S+)$", line):
            paragraphs.append(m.group(1))
        elif m := re.match(r"\s*- heading: (\S+)$", line):
            headings.append(m.group(1))
        elif re.match(r"\s*- list:\s*$", line):
            in_list = True
            continue
        elif in_list and (m := re.match(r"\s+- (\S+)$", line)):
            items.append(m.group(1))
            continue
        in_list = False
    return paragraphs, headings, items


def sentences(text):
    """`text` cut after each full stop, question or exclamation mark that ends a sentence."""
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-ZÀ-Ý«*])", text) if s]


def quoted(text):
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def generate(out_dir, sections, seed):
    strings = read_strings(SOURCE / "fr.yaml")
    paragraph_keys, heading_keys, item_keys = content_keys(SOURCE / "leaflet.yaml")
    pool = [s for key in paragraph_keys for s in sentences(strings[key])]
    items = [strings[key] for key in item_keys]
    headings = [strings[key] for key in heading_keys]
    lengths = [len(sentences(strings[key])) for key in paragraph_keys]
    rng = random.Random(seed)

    text = {
        "cover": {
            "kicker": "Banc d'essai de leafpress",
            "title": "L'immunothérapie, édition longue",
            "subtitle": "Les paragraphes du guide, redistribués sur une quarantaine de pages",
            "running": "L'immunothérapie, édition longue",
        },
        "footer": {"note": strings.get("footer.note", "")},
    }
    content = [
        "  - title: cover.title",
        "    subtitle: cover.subtitle",
        "    kicker: cover.kicker",
    ]

    def paragraph(section, name):
        chosen = rng.sample(pool, min(len(pool), rng.choice(lengths)))
        text[section][name] = " ".join(chosen)
        content.append(f"  - paragraph: {section}.{name}")

    for n in range(1, sections + 1):
        section = f"s{n:02d}"
        text[section] = {"heading": f"{n}. {rng.choice(headings)}", "sub": f"{n}.1 {rng.choice(headings)}"}
        content += [f"  - heading: {section}.heading", "    level: 1"]
        for p in range(1, 4):
            paragraph(section, f"p{p}")
        content += [f"  - heading: {section}.sub", "    level: 2"]
        paragraph(section, "p4")
        picked = rng.sample(items, 4)
        content.append("  - list:")
        for i, item in enumerate(picked, 1):
            text[section][f"item{i}"] = item
            content.append(f"      - {section}.item{i}")
        content.append(f"    numbered: {'true' if n % 2 else 'false'}")
        for p in range(5, 7):
            paragraph(section, f"p{p}")

    out_dir.mkdir(parents=True, exist_ok=True)
    leaflet = SOURCE.joinpath("leaflet.yaml").read_text(encoding="utf-8")
    # The shipped page, theme and names; the generated content in French only.
    head = leaflet[: leaflet.index("\ncontent:")]
    head = re.sub(r"(?m)^languages: .*$", "languages: [fr]", head)
    # A 40-page brochure: the tri-fold's panels and the booklet are the shipped leaflet's.
    head = re.sub(r"(?m)^format: .*$", "format: brochure", head)
    head = re.sub(r"\A(#.*\n)+", "", head)
    head = "# Generated by bench/stress/generate.py; do not edit.\n" + head
    (out_dir / "leaflet.yaml").write_text(head + "\ncontent:\n" + "\n".join(content) + "\n", encoding="utf-8")

    lines = ["# Generated by bench/stress/generate.py; do not edit."]

    def emit(mapping, indent):
        for name, value in mapping.items():
            if isinstance(value, dict):
                lines.append(f"{' ' * indent}{name}:")
                emit(value, indent + 2)
            else:
                lines.append(f"{' ' * indent}{name}: {quoted(value)}")

    emit(text, 0)
    (out_dir / "fr.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--sections", type=int, default=35, help="sections of 6 paragraphs and a list (default 35)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the shuffling (default 1)")
    args = parser.parse_args()
    if args.sections < 1:
        parser.error("--sections must be at least 1")
    generate(args.out_dir, args.sections, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
