import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../api/core/paths';
import { OPERATIONS } from '../../api/access/operations';
import { buildApiSchema, printApiSchema } from '../../api/server/schema/build';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after changing the API)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printApiSchema());
  });

  it('names every root field in the operation catalogue, so none is denied by accident or allowed by omission', () => {
    const schema = buildApiSchema();
    for (const root of ['Query', 'Mutation'] as const) {
      const fields = Object.keys(schema.getType(root) ? (schema.getType(root) as any).getFields() : {}).sort();
      expect(fields, root).toEqual(Object.keys(OPERATIONS[root]).sort());
    }
  });

  it('keeps every section of PersonalRecord nullable, so a denied section never nulls the record', () => {
    const fields = (buildApiSchema().getType('PersonalRecord') as any).getFields();
    for (const s of [
      'identity',
      'address',
      'contact',
      'household',
      'income',
      'benefits',
      'concerns',
      'selfReliancePlan',
      'consultations',
      'protection',
      'consent',
    ]) {
      expect(String(fields[s].type), s).not.toMatch(/!$/);
    }
  });
});
