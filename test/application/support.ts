// Helpers for the procedure tests: throw-away copies of seeds/procedures with files changed.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ProcedureError, type ProcedureIssue } from '../../api/application/procedures';

export const PROCEDURES_DIR = path.resolve(__dirname, '../../seeds/procedures');
const temp: string[] = [];

/** A copy of seeds/procedures with `write` (file name → content) applied; removed by cleanupCopies(). */
export function proceduresCopy(write: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yorisoi-procedures-'));
  temp.push(dir);
  const target = path.join(dir, 'procedures');
  cpSync(PROCEDURES_DIR, target, { recursive: true });
  for (const [name, content] of Object.entries(write)) writeFileSync(path.join(target, name), content);
  return target;
}

export function cleanupCopies(): void {
  for (const d of temp.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function procedureIssues(fn: () => unknown): readonly ProcedureIssue[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProcedureError);
    return (e as ProcedureError).issues;
  }
  throw new Error('expected a ProcedureError, but loading succeeded');
}

export function expectIssue(issues: readonly ProcedureIssue[], file: string, field: string, part: string): void {
  const found = issues.find((i) => i.file.endsWith(file) && i.field === field && i.message.includes(part));
  expect(found, `no issue ${file} / ${field} / ${part}; got:\n${JSON.stringify(issues, null, 2)}`).toBeDefined();
}
