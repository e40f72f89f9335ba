// Merging two records (名寄せ) the way the staff console does: preview for the versions, then merge.
import { expect } from 'vitest';
import type { TestApp } from './app';

const PREVIEW = `query($i: MergeRecordsInput!) { mergePreview(input: $i) { survivorVersion mergedVersion rows { table moved kept } } }`;
const MERGE = `mutation($i: MergeRecordsConfirmInput!) { mergeRecords(input: $i) { survivorId mergedId rows { table moved kept } } }`;

/** Merges `mergedId` into `survivorId` as `token` (the owning department); returns the rows per table (moved / kept). */
export async function mergeRecords(t: TestApp, token: string, survivorId: string, mergedId: string): Promise<{ table: string; moved: number; kept: number }[]> {
  const p = await t.gql(PREVIEW, { i: { survivorId, mergedId } }, token);
  expect(p.body.errors).toBeUndefined();
  const { survivorVersion, mergedVersion } = p.body.data!.mergePreview;
  const m = await t.gql(MERGE, { i: { survivorId, mergedId, survivorVersion, mergedVersion } }, token);
  expect(m.body.errors).toBeUndefined();
  return m.body.data!.mergeRecords.rows;
}
