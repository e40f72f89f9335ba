import type { EntityManager } from '@mikro-orm/postgresql';
import { ConcernCategory } from '../../api/record/concern-category';
import { contactHashes } from '../../api/crypto/search-hash';
import { keyringOf } from '../../api/crypto';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { recordConsent } from '../../api/outreach/consent';
import { ConsentMethod, type OutreachChannel } from '../../api/outreach/outreach-types';
import { addMunicipality } from '../support/fixtures';

export interface FamilyOptions {
  email?: string | null;
  phone?: string | null;
  channels?: OutreachChannel[];
  dv?: boolean;
  smsSafe?: boolean | null;
  safeTimes?: string | null;
  note?: string;
}

/** A record in `municipality` with contact details and the given channel opt-ins. */
export async function addFamily(em: EntityManager, municipality: string, o: FamilyOptions = {}): Promise<string> {
  const record = await em.findOneOrFail(PersonalRecord, { municipality: municipality }, { orderBy: { createdAt: 'asc' } });
  const copy = em.create(PersonalRecord, {
    municipality: record.municipality,
    referenceNumber: Math.random().toString(36).slice(2, 6).toUpperCase() + '-' + Math.random().toString(36).slice(2, 6).toUpperCase(),
    identity: { familyName: '寄添', givenName: '花子' },
    searchName: '寄添花子|',
    contact: {
      email: o.email === undefined ? 'hanako@example.test' : o.email,
      phone: o.phone === undefined ? '090-1111-2222' : o.phone,
      contactAllowed: true,
      smsSafe: o.smsSafe ?? null,
      safeTimes: o.safeTimes ?? null,
      ...contactHashes(keyringOf(em.getPlatform()), { email: o.email === undefined ? 'hanako@example.test' : o.email, phone: o.phone ?? '090-1111-2222' }),
    },
    concerns: { categories: o.dv ? [ConcernCategory.DV] : [], note: o.note ?? null },
    sharedWith: [],
    createdAt: new Date(),
    updatedAt: new Date(),
  } as never);
  await em.flush();
  if (o.channels?.length)
    await recordConsent(
      em,
      municipality,
      copy.id,
      o.channels.map((channel) => ({ channel, granted: true, method: ConsentMethod.INTAKE, recordedBy: null, purposeVersion: 'test' })),
    );
  return copy.id;
}

export async function newMunicipality(em: EntityManager, code: string): Promise<void> {
  await addMunicipality(em, code);
}
