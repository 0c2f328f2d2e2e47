// Compiles a Typst document to PDF with Typst 0.14.2 through its Node bindings
// (@myriaddreamin/typst-ts-node-compiler), as `typst compile` would:
//
//   node typst-compile.mjs INPUT.typ OUTPUT.pdf [--font-path DIR]...
//
// Exit status: 0 written, 1 the document has errors, 2 usage error.
import { writeFileSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import typst from '@myriaddreamin/typst-ts-node-compiler';

const { NodeCompiler } = typst;

function usage(message) {
  process.stderr.write(`typst-compile: ${message}\nusage: node typst-compile.mjs INPUT.typ OUTPUT.pdf [--font-path DIR]...\n`);
  process.exit(2);
}

const positional = [];
const fontPaths = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--font-path') {
    if (i + 1 >= args.length) usage('--font-path needs a folder');
    fontPaths.push(resolve(args[++i]));
  } else {
    positional.push(args[i]);
  }
}
if (positional.length !== 2) usage('expected an input and an output file');
const input = resolve(positional[0]);
const output = resolve(positional[1]);

// The workspace is the document's folder, so relative paths inside it resolve as with the CLI.
const compiler = NodeCompiler.create({
  workspace: dirname(input),
  fontArgs: fontPaths.length > 0 ? [{ fontPaths }] : [],
});
const compiled = compiler.compile({ mainFilePath: input });
if (compiled.hasError() || !compiled.result) {
  compiled.printDiagnostics();
  process.exit(1);
}
const pdf = compiler.pdf(compiled.result);
// Written beside the target and renamed, so a failed run never leaves half a file.
const partial = `${output}.partial`;
writeFileSync(partial, pdf);
renameSync(partial, output);
