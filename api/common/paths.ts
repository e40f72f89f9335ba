import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this file with a package.json (works from api/ and dist/api/). */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const ROOT_DIR = findRoot(__dirname);
export const SEEDS_DIR = join(ROOT_DIR, 'seeds');
export const SCHEMA_FILE = join(ROOT_DIR, 'schema', 'schema.graphql');
export const WIDGETS_DIST_DIR = join(ROOT_DIR, 'dist', 'widgets');
