import type { EntityManager } from '@mikro-orm/postgresql';

/** One family's records: the record that stays, and the records merged into it (名寄せ) that still hold rows. */
export interface FamilyRecords {
  survivorId: string;
  /** The tombstones pointing at the survivor, oldest merge first. */
  mergedIds: string[];
}

/**
 * The records a right (disclosure, erasure, a retention period) applies to, from any one of them. A
 * merge (api/casework/record-merge.ts) decided the records are one family: most rows moved to the
 * survivor, some stayed on the tombstone (consents, the closed case, pair decisions, notices the
 * survivor already had the like of) and the audit log still names the tombstone's id. So a right
 * asked for either record is the family's right over all of them: the tombstone's id resolves to its
 * survivor (a disclosure of the tombstone alone would leave out nearly everything, an erasure of it
 * alone would keep the family's data on the survivor) and the survivor brings its tombstones along.
 * A merge points every tombstone straight at the survivor (one hop), so no chain is walked.
 * Null when the id names no record of the municipality.
 */
export async function familyRecords(em: EntityManager, municipalityCode: string, recordId: string): Promise<FamilyRecords | null> {
  const [row] = await em.execute<{ id: string; merged_into_id: string | null }[]>(
    `select id, merged_into_id from personal_record where id = ? and municipality_code = ?`,
    [recordId, municipalityCode],
  );
  if (!row) return null;
  const survivorId = row.merged_into_id ?? row.id;
  const merged = await em.execute<{ id: string }[]>(
    `select id from personal_record where municipality_code = ? and merged_into_id = ? order by merged_at, id`,
    [municipalityCode, survivorId],
  );
  return { survivorId, mergedIds: merged.map((m) => m.id) };
}

/** The survivor first, then its tombstones. */
export const allIds = (f: FamilyRecords): string[] => [f.survivorId, ...f.mergedIds];
