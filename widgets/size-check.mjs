// Fails (exit 1) when a widget bundle is over its gzipped budget. Usage: node widgets/size-check.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const budgets = { 'intake.js': 30 * 1024, 'chat.js': 20 * 1024, 'staff.js': 60 * 1024 };
let failed = false;
for (const [file, limit] of Object.entries(budgets)) {
  const path = join(root, 'dist', 'widgets', file);
  let source;
  try {
    source = readFileSync(path);
  } catch {
    console.error(`size-check: ${file} missing — run node widgets/build.mjs first`);
    failed = true;
    continue;
  }
  const gz = gzipSync(source, { level: 9 }).length;
  const ok = gz <= limit;
  if (!ok) failed = true;
  console.log(`size-check: ${file} ${(gz / 1024).toFixed(1)} KB gzipped (${gz} bytes; raw ${source.length}; budget ${limit / 1024} KB) ${ok ? 'OK' : 'OVER BUDGET'}`);
}
process.exit(failed ? 1 : 0);
