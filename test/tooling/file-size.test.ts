import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// House rule: no source file over 500 lines (long texts move to data files or split by meaning, long
// elements split). No exceptions list: a file that grows past the limit is split in the same change.
const ROOT = join(__dirname, '..', '..');
const LIMIT = 500;
const FOLDERS = ['api', 'widgets', 'test', 'schema', 'tools', 'seeds', 'examples'];
const SOURCE = /\.(ts|mts|cts|mjs|cjs|js)$/;
// Built output, installed packages and what tests leave behind are not sources.
const SKIP = new Set(['node_modules', 'dist', 'artifacts']);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (SOURCE.test(entry.name)) out.push(path);
  }
  return out;
}

const lines = (path: string) => readFileSync(path, 'utf8').replace(/\n$/, '').split('\n').length;

describe('source files', () => {
  it(`are at most ${LIMIT} lines each`, () => {
    const files = FOLDERS.flatMap((f) => sources(join(ROOT, f)));
    expect(files.length).toBeGreaterThan(300); // the walk found the sources
    const over = files.filter((f) => lines(f) > LIMIT).map((f) => `${relative(ROOT, f)}: ${lines(f)} lines`);
    expect(over).toEqual([]);
  });
});
