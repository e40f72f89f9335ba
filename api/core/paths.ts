import { basename, dirname, join } from 'node:path';

/**
 * The repository root, worked out from where this file lies (no disk access: core does no I/O):
 * `<root>/api/core` when run from source (tests), `<root>/dist/api/core` when built.
 */
function findRoot(here: string): string {
  const api = dirname(here);
  if (basename(api) !== 'api') throw new Error(`paths: expected to lie in api/core, not ${here}`);
  const above = dirname(api);
  return basename(above) === 'dist' ? dirname(above) : above;
}

export const ROOT_DIR = findRoot(__dirname);
export const SEEDS_DIR = join(ROOT_DIR, 'seeds');
export const SCHEMA_FILE = join(ROOT_DIR, 'schema', 'schema.graphql');
export const WIDGETS_DIST_DIR = join(ROOT_DIR, 'dist', 'widgets');
