/**
 * Erasing a family's data (api/rights) deletes the document rows under its record, and with them the
 * keys that open the files (crypto-shredding); this removes the files themselves from the store too, so
 * nothing of an erased upload is left anywhere — also not in a bucket's copy or a disk backup.
 *
 *   const ids = await documentIdsOfRecord(em, recordId);   // before the erasure
 *   …the erasure, committed…
 *   await removeErasedDocuments(em, store, ids);           // after: only the ones whose row is gone
 *
 * Documents a retention rule kept (a submitted application's) keep their row and their file.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationDocument } from './document.entity';
import type { DocumentStore } from './store';

export async function documentIdsOfRecord(em: EntityManager, recordId: string): Promise<string[]> {
  const rows = await em.find(ApplicationDocument, { application: { record: recordId } }, { fields: ['id'] });
  return rows.map((r) => r.id);
}

/** Removes from the store the documents among `ids` that no longer have a row; returns how many. */
export async function removeErasedDocuments(em: EntityManager, store: DocumentStore, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const still = new Set((await em.fork().find(ApplicationDocument, { id: { $in: [...ids] } }, { fields: ['id'] })).map((r) => r.id));
  const gone = ids.filter((id) => !still.has(id));
  // Each removal on its own: one that fails (a store briefly away) does not keep the others.
  const results = await Promise.allSettled(gone.map((id) => store.remove(id)));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed) throw new Error(`${failed} of ${gone.length} erased documents could not be removed from the ${store.kind} store (their keys are already gone)`);
  return gone.length;
}
