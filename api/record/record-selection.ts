import type { GraphQLResolveInfo } from 'graphql';
import { RECORD_FIELDS } from '../access';
import { isSection, type Section } from '../core';
import { selectedFields } from '../core';
import { type ChildRowsWanted, selectedChildRows } from './child-rows';

/** What a read of records should fetch for an operation (look-ahead; see core/selection.ts). */
export interface RecordSelection {
  /** The sections selected on the records, or null when that is not known exactly (then every column is read). */
  sections: Section[] | null;
  /** The child rows to fetch with the records. */
  childRows: ChildRowsWanted[];
}

/**
 * The sections and child rows an operation selects on the records found at `recordPath` below the
 * current field. Any field of PersonalRecord that is neither a section nor one of the record's own
 * fields (`__typename`, a field added later) makes `sections` null: a read never lacks a column a
 * resolver needs. test/record/projection.test.ts compares every selection with the full read.
 */
export function selectedRecordParts(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, recordPath: readonly string[]): RecordSelection {
  const childRows = selectedChildRows(info, recordPath);
  const sections = new Set<Section>();
  let exact = true;
  for (const field of selectedFields(info, [...recordPath, '*'])) {
    const name = field.name.value;
    if (isSection(name)) sections.add(name);
    else if (!RECORD_FIELDS.has(name)) exact = false;
  }
  return { sections: exact ? [...sections] : null, childRows };
}
