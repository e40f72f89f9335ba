import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery } from '../db';
import { CHILD_KINDS, type ChildKind, type ChildRows, groupedChildRowsSql, toChildRows } from './child-rows';
import { ConsentEvent } from './consent-event.entity';

type Row = Record<string, any>;

/**
 * Per-request loaders for a record's child rows, for records that did not come with them (a page
 * query prefetches them: record.reader.ts). The kinds asked for in one tick (children, benefits,
 * consultations) are fetched together: one statement for any number of records and kinds
 * (test/record/statement-count.test.ts). A kind is fetched only for the records whose section
 * resolver asked for it (after the access check in readSection).
 */
export function createRecordLoaders(em: EntityManager) {
  const rows = new DataLoader<string, unknown>(async (keys) => {
    const ids = new Map<ChildKind, string[]>();
    for (const key of keys) {
      const sep = key.indexOf(':');
      const kind = key.slice(0, sep) as ChildKind;
      let list = ids.get(kind);
      if (!list) ids.set(kind, (list = []));
      list.push(key.slice(sep + 1));
    }
    const kinds = CHILD_KINDS.filter((k) => ids.has(k));
    const found = new Map<string, unknown>();
    for (const r of await rawQuery<Row>(
      em,
      kinds.map(groupedChildRowsSql).join('\nunion all\n'),
      kinds.map((k) => ids.get(k)!.join(',')),
    )) {
      found.set(`${r.kind}:${r.record_id}`, toChildRows(r.kind as ChildKind, r.rows));
    }
    return keys.map((key) => found.get(key) ?? []);
  });
  const loaderOf = <K extends ChildKind>(kind: K) => ({ load: (id: string) => rows.load(`${kind}:${id}`) as Promise<ChildRows[K]> });
  return {
    children: loaderOf('children'),
    benefits: loaderOf('benefits'),
    consultations: loaderOf('consultations'),
    consentHistory: new DataLoader<string, ConsentEvent[]>(async (ids) => {
      const rows = await em.find(ConsentEvent, { record: { $in: [...ids] } }, { orderBy: { at: 'desc' } });
      return ids.map((id) => rows.filter((r) => r.record.id === id));
    }),
  };
}

export type RecordLoaders = ReturnType<typeof createRecordLoaders>;
