// Prints what pdf.js (Firefox's PDF viewer) reads from a PDF, as one JSON document:
//   {"pages": [{"items": [{"str": "...", "eol": true, "dir": "rtl", "x": 72.0, "y": 700.5}]}],
//    "structure": [ {"role": "Document", "children": [...]} ] }
// Usage: node tests/engines/pdfjs_text.mjs FILE.pdf
import { readFile } from "node:fs/promises";
// pdf.js prints its own warnings (missing canvas polyfills, which text extraction does not
// need) with console.log: keep standard output for the JSON alone.
console.log = (...args) => process.stderr.write(args.join(" ") + "\n");
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");

// pdf.js's structure tree: roles, and the marked-content ids each element reaches, kept in
// the tree's order so a test can read the document as a screen reader would.
function simplifyStructure(node) {
  if (!node) return null;
  if (node.type === "content") return { mcid: node.id };
  if (node.type === "object" || node.type === "annotation") return { object: node.id ?? null };
  const out = { role: node.role ?? "Root" };
  if (node.lang) out.lang = node.lang;
  if (node.alt) out.alt = node.alt;
  out.children = (node.children ?? []).map(simplifyStructure).filter((child) => child !== null);
  return out;
}

async function main() {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: node pdfjs_text.mjs FILE.pdf\n");
    process.exit(2);
  }
  const data = new Uint8Array(await readFile(file));
  const document = await getDocument({ data, verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; ++number) {
    const page = await document.getPage(number);
    // includeMarkedContent: each item says which marked-content sequence it belongs to.
    const content = await page.getTextContent({ includeMarkedContent: true });
    const items = [];
    let mcid = null;
    const open = [];
    for (const item of content.items) {
      if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
        open.push(mcid);
        if (item.id) mcid = item.id;
        continue;
      }
      if (item.type === "endMarkedContent") {
        mcid = open.length ? open.pop() : null;
        continue;
      }
      items.push({ str: item.str, eol: item.hasEOL, dir: item.dir, x: item.transform[4], y: item.transform[5], mcid });
    }
    const structure = simplifyStructure(await page.getStructTree());
    pages.push({ items, structure });
    page.cleanup();
  }
  process.stdout.write(JSON.stringify({ pages }) + "\n");
  await document.destroy();
}

main().catch((error) => {
  process.stderr.write(`pdfjs_text: ${error.message}\n`);
  process.exit(1);
});
