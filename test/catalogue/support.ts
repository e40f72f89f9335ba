// Helpers for the catalogue tests: the real seed directory, fixtures, and throw-away copies of the seeds
// with fixture files swapped in.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { CatalogueError, type CatalogueIssue } from '../../api/programme/catalogue/programme.types';

export const SEEDS_DIR = path.resolve(__dirname, '../../seeds/programmes');
export const FIXTURES_DIR = path.resolve(__dirname, 'fixtures');

const tempDirs: string[] = [];

export interface SeedChanges {
  /** target file name inside the seeds dir (may include `overrides/`) → fixture path relative to fixtures/ */
  put?: Record<string, string>;
  /** target file name → literal content */
  write?: Record<string, string>;
  /** file names to delete from the copy */
  remove?: string[];
}

/** A fresh copy of seeds/programmes with the given changes; removed by cleanupSeedCopies(). */
export function seedsCopy(changes: SeedChanges = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yorisoi-catalogue-'));
  tempDirs.push(dir);
  const target = path.join(dir, 'programmes');
  cpSync(SEEDS_DIR, target, { recursive: true });
  for (const name of changes.remove ?? []) rmSync(path.join(target, name));
  for (const [name, fixture] of Object.entries(changes.put ?? {})) {
    cpSync(path.join(FIXTURES_DIR, fixture), path.join(target, name));
  }
  for (const [name, content] of Object.entries(changes.write ?? {})) {
    writeFileSync(path.join(target, name), content);
  }
  return target;
}

export function cleanupSeedCopies(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs `fn`, expects a CatalogueError, and returns its issues. */
export function catalogueIssues(fn: () => unknown): readonly CatalogueIssue[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CatalogueError);
    return (err as CatalogueError).issues;
  }
  throw new Error('expected a CatalogueError, but loading succeeded');
}

/** Asserts an issue for this file (by base name or trailing path) and field exists; returns it. */
export function expectIssue(issues: readonly CatalogueIssue[], fileSuffix: string, field: string, messagePart?: string | RegExp): CatalogueIssue {
  const found = issues.find(
    (i) =>
      i.file.endsWith(fileSuffix) &&
      i.field === field &&
      (messagePart === undefined || (typeof messagePart === 'string' ? i.message.includes(messagePart) : messagePart.test(i.message))),
  );
  expect(found, `no issue for ${fileSuffix} / ${field}; got:\n${JSON.stringify(issues, null, 2)}`).toBeDefined();
  return found!;
}
