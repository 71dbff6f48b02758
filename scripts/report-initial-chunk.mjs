// Prints how much JavaScript the renderer needs before the sign-in form can show: the entry chunk
// and every chunk it imports statically, gzipped (what an old office computer must parse before it
// paints). Screens and heavy libraries load later, on first use. Fails the build over the budget,
// so an eager import of something large is noticed when it is made.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetBytes = 300 * 1024;
const outDir = resolve(import.meta.dirname, '..', process.env['FAMILY_LINKS_OUT_DIR'] ?? 'out', 'renderer');
const html = readFileSync(resolve(outDir, 'index.html'), 'utf8');

const fromHtml = [
  ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.\/([^"]+\.js)"/g),
].map((match) => match[1]);
/** @type {Set<string>} */
const initial = new Set();
const pending = [...fromHtml];
while (pending.length > 0) {
  const file = pending.pop();
  if (file === undefined || initial.has(file)) continue;
  initial.add(file);
  const code = readFileSync(resolve(outDir, file), 'utf8');
  // Static imports only (`from"./x.js"`, `import"./x.js"`); `import("./x.js")` is a later load.
  for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) {
    pending.push(`assets/${match[1]}`);
  }
}

let rawBytes = 0;
let gzippedBytes = 0;
for (const file of initial) {
  const bytes = readFileSync(resolve(outDir, file));
  rawBytes += bytes.length;
  gzippedBytes += gzipSync(bytes, { level: 9 }).length;
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `Initial renderer JavaScript (sign-in screen): ${kb(gzippedBytes)} gzipped, ${kb(rawBytes)} raw, ` +
    `${initial.size} chunks (budget ${kb(budgetBytes)} gzipped)`,
);
if (gzippedBytes > budgetBytes) {
  console.error(
    'Over budget: load the new screen or library with a dynamic import where it is first needed.',
  );
  process.exit(1);
}
