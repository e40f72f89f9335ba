// Fails (exit 1) when a widget is over its budget on the wire: the precompressed bundle the server
// sends (brotli, and gzip for clients without brotli) plus the stable file that imports it, plus the
// chunks the bundle imports statically (the first load). For a widget built with code splitting (the
// staff console) it also prints the total of all its chunks, the lazily loaded screens included.
// Usage: node widgets/size-check.mjs (after node widgets/build.mjs)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'dist', 'widgets');
// The public widgets load on a family's phone on someone else's page: tight budgets. The staff console is
// one page staff open at the start of the day on the municipal network, cached immutably by hash; its
// budget grew from 60 to 80 KB when its screens for accounts, outreach, applications, audit, print,
// figures and LINE landed (2026-12-03). Then it was split per route (esbuild splitting,
// widgets/staff/lazy-screens.ts): the budget holds for the first load (sign-in and worklist); every
// other screen is a chunk fetched when its route is first opened (2026-12-03: 88.1 KB gzip in one file
// before; see the printed figures for now).
// intake and chat grew by 0.2 KB each (2026-12-04, trial T7): the in-widget language switch (日本語 /
// English / やさしい日本語, widgets/shared/lang-switch.ts) took about 200 bytes gzip in each, over the 30 and
// 69 that were left (with the 24 px checkbox of T8); the budgets rose by the least 0.1 KB step that holds it.
const budgets = { intake: 30.2 * 1024, chat: 20.2 * 1024, staff: 80 * 1024, mypage: 30 * 1024 };
let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
} catch {
  console.error('size-check: dist/widgets/manifest.json missing — run node widgets/build.mjs first');
  process.exit(1);
}
/** The files a module imports statically (`import … from"./x.js"`, `import"./x.js"`), not `import("./x.js")`. */
function staticImports(file) {
  const text = readFileSync(join(dir, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
}
/** The entry and every chunk it reaches through static imports: what a first load fetches. */
function firstLoad(file) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const g of staticImports(f)) visit(g);
  };
  visit(file);
  return [...seen];
}
/** Every chunk the entry reaches, dynamic imports included. */
function allChunks(file) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/["']\.\/([\w.-]+\.js)["']/g)) visit(m[1]);
  };
  visit(file);
  return [...seen];
}
let failed = false;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, limit] of Object.entries(budgets)) {
  const file = manifest[name];
  const size = (f) => statSync(join(dir, f)).size;
  const sum = (files, ext) => files.reduce((n, f) => n + size(f + ext), 0);
  let sizes;
  let first;
  let all;
  try {
    const stub = size(`${name}.js`);
    first = firstLoad(file);
    all = allChunks(file);
    sizes = { raw: sum(first, ''), br: stub + sum(first, '.br'), gz: stub + sum(first, '.gz') };
  } catch {
    console.error(`size-check: a file of ${name} is missing — run node widgets/build.mjs first`);
    failed = true;
    continue;
  }
  const ok = sizes.br <= limit && sizes.gz <= limit;
  if (!ok) failed = true;
  const files = first.length > 1 ? `${file} + ${first.length - 1} chunks` : file;
  console.log(
    `size-check: ${name}.js ${kb(sizes.br)} brotli, ${kb(sizes.gz)} gzip on the wire (${files} raw ${kb(sizes.raw)}; budget ${limit / 1024} KB) ${ok ? 'OK' : 'OVER BUDGET'}`,
  );
  if (all.length > first.length) {
    console.log(
      `size-check: ${name}.js all ${all.length} files (lazily loaded screens included): ${kb(sum(all, '.br'))} brotli, ${kb(sum(all, '.gz'))} gzip, raw ${kb(sum(all, ''))} (no budget)`,
    );
  }
}
process.exit(failed ? 1 : 0);
