/**
 * What the procedures may read of a family's record (procedures/record-paths.ts), and the write-back of
 * pre-filled answers the family changed, once staff accept the application.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { contactHashes, keyringOf } from '../crypto';
import { Child, type PersonalRecord, searchNameOf } from '../record';
import type { RecordFacts, RecordPath } from './procedures';

export async function recordFacts(em: EntityManager, record: PersonalRecord): Promise<RecordFacts> {
  const children = await em.find(Child, { record }, { orderBy: { birthDate: 'asc', position: 'asc' } });
  const r = record;
  return {
    identity: {
      familyName: r.identity.familyName ?? null,
      givenName: r.identity.givenName ?? null,
      familyNameKana: r.identity.familyNameKana ?? null,
      givenNameKana: r.identity.givenNameKana ?? null,
      birthDate: r.identity.birthDate ?? null,
    },
    address: {
      postalCode: r.address.postalCode ?? null,
      prefecture: r.address.prefecture ?? null,
      city: r.address.city ?? null,
      street: r.address.street ?? null,
    },
    contact: { phone: r.contact.phone ?? null, email: r.contact.email ?? null },
    household: {
      childrenCount: children.length,
      eldestChildBirthDate: children[0]?.birthDate ?? null,
      youngestChildBirthDate: children[children.length - 1]?.birthDate ?? null,
      maritalStatus: r.household.maritalStatus ?? null,
    },
    income: {
      incomeYear: r.income.incomeYear ?? null,
      annualEmploymentIncome: r.income.annualEmploymentIncome ?? null,
      otherIncome: r.income.otherIncome ?? null,
      childSupportReceivedYearly: r.income.childSupportReceivedYearly ?? null,
      dependentsCount: r.income.dependentsCount ?? null,
    },
  };
}

type Setter = (r: PersonalRecord, value: string | null) => void;
const num = (v: string | null) => (v === null ? null : Number(v));

/**
 * Record fields a family's corrected answer may replace. Children counts and birth dates are derived
 * from the children's rows and are not written back: staff change those in the record themselves.
 */
const WRITABLE: Partial<Record<RecordPath, Setter>> = {
  'identity.familyName': (r, v) => (r.identity.familyName = v),
  'identity.givenName': (r, v) => (r.identity.givenName = v),
  'identity.familyNameKana': (r, v) => (r.identity.familyNameKana = v),
  'identity.givenNameKana': (r, v) => (r.identity.givenNameKana = v),
  'identity.birthDate': (r, v) => (r.identity.birthDate = v),
  'address.postalCode': (r, v) => (r.address.postalCode = v),
  'address.prefecture': (r, v) => (r.address.prefecture = v),
  'address.city': (r, v) => (r.address.city = v),
  'address.street': (r, v) => (r.address.street = v),
  'contact.phone': (r, v) => (r.contact.phone = v),
  'contact.email': (r, v) => (r.contact.email = v),
  'household.maritalStatus': (r, v) => (r.household.maritalStatus = v as never),
  'income.incomeYear': (r, v) => (r.income.incomeYear = num(v)),
  'income.annualEmploymentIncome': (r, v) => (r.income.annualEmploymentIncome = num(v)),
  'income.otherIncome': (r, v) => (r.income.otherIncome = num(v)),
  'income.childSupportReceivedYearly': (r, v) => (r.income.childSupportReceivedYearly = num(v)),
  'income.dependentsCount': (r, v) => (r.income.dependentsCount = num(v)),
};

export function isWritable(path: RecordPath): boolean {
  return WRITABLE[path] !== undefined;
}

/** Applies the changes (path → new value) to the record; returns the sections written. */
export function writeBack(em: EntityManager, record: PersonalRecord, changes: ReadonlyArray<{ path: RecordPath; value: string | null }>): string[] {
  const sections = new Set<string>();
  for (const c of changes) {
    const set = WRITABLE[c.path];
    if (!set) continue;
    set(record, c.value);
    sections.add(c.path.split('.')[0]!);
  }
  if (sections.has('identity')) record.searchName = searchNameOf(record.identity);
  if (sections.has('contact')) Object.assign(record.contact, contactHashes(keyringOf(em.getPlatform()), record.contact));
  return [...sections];
}
