/**
 * The access oracle for the property test: docs/design.md's "The 電子個人票 and who sees what", written out
 * by hand and independent of api/access/*. If the two disagree, one of them is wrong.
 */

export const DEPARTMENTS = ['single-parent', 'livelihood-support', 'family-register', 'public-housing', 'long-term-care', 'disability-welfare'] as const;
export type Dept = (typeof DEPARTMENTS)[number];
export type Column = Dept | 'partner';
export const OWNER: Dept = 'single-parent';
export const OTHER_DEPARTMENTS = DEPARTMENTS.filter((d) => d !== OWNER);

/** GraphQL field name → `Section` enum value. */
export const SECTIONS = {
  identity: 'IDENTITY',
  address: 'ADDRESS',
  contact: 'CONTACT',
  household: 'HOUSEHOLD',
  income: 'INCOME',
  benefits: 'BENEFITS',
  concerns: 'CONCERNS',
  selfReliancePlan: 'SELF_RELIANCE_PLAN',
  consultations: 'CONSULTATIONS',
  protection: 'PROTECTION',
  consent: 'CONSENT',
} as const;
export type SectionField = keyof typeof SECTIONS;
export const SECTION_FIELDS = Object.keys(SECTIONS) as SectionField[];

const Y = true;
const N = false;
/**
 * docs/design.md "Default read policy", column order:
 * single-parent, livelihood-support, family-register, public-housing, long-term-care, disability-welfare, partner.
 * `consent` is not in docs/design.md's table; seeds/policy/default.yaml gives it to the owner only.
 */
const READ: Record<SectionField, readonly boolean[]> = {
  identity: /*        */ [Y, Y, Y, Y, Y, Y, Y],
  address: /*         */ [Y, Y, Y, Y, Y, Y, N],
  contact: /*         */ [Y, Y, N, Y, Y, Y, Y],
  household: /*       */ [Y, Y, Y, Y, Y, Y, Y],
  income: /*          */ [Y, Y, N, Y, N, N, N],
  benefits: /*        */ [Y, Y, N, Y, Y, Y, N],
  concerns: /*        */ [Y, Y, N, N, N, Y, Y],
  selfReliancePlan: [Y, Y, N, N, N, N, Y],
  consultations: /*   */ [Y, Y, N, N, N, N, N],
  protection: /*      */ [Y, N, N, N, N, N, N],
  consent: /*         */ [Y, N, N, N, N, N, N],
};
const COLUMNS: readonly Column[] = [...DEPARTMENTS, 'partner'];
/** Writes beyond the owner (seeds/policy/default.yaml): livelihood-support records its own consultations. */
const WRITE_BEYOND_OWNER: Partial<Record<Column, SectionField[]>> = { 'livelihood-support': ['consultations'] };

/** Rule 3 withholds these two. */
export const DV_WITHHELD: ReadonlySet<SectionField> = new Set(['address', 'contact']);

export type ReferralStatus = 'REQUESTED' | 'ACCEPTED' | 'CLOSED';

export interface RecordModel {
  municipality: string;
  sharedWith: Set<Dept>;
  shareWithPartners: boolean;
  dvConcern: boolean;
  protection: { supportMeasure: boolean; expiresOn: string | null };
  /** Referrals to the (one) partner under test. */
  referrals: { id: string; status: ReferralStatus }[];
}

export type Viewer =
  { kind: 'staff'; municipality: string; department: Dept; role: 'CASEWORKER' | 'SUPERVISOR' | 'ADMIN' | 'VIEWER' } | { kind: 'partner'; municipality: string };

export type Reason = null | 'NOT_PERMITTED' | 'NO_CONSENT' | 'DV_PROTECTED';
export interface Expected {
  readable: boolean;
  writable: boolean;
  reason: Reason;
}

export function dvProtected(r: RecordModel, today: string): boolean {
  if (r.dvConcern) return true;
  // The support measure protects while set and not yet expired (expiresOn >= today, Japan time).
  return r.protection.supportMeasure && (r.protection.expiresOn == null || r.protection.expiresOn >= today);
}

export const isOpen = (s: ReferralStatus) => s === 'REQUESTED' || s === 'ACCEPTED';

/** Rules 2, 4, 5: does the record exist at all for the viewer? */
export function visible(v: Viewer, r: RecordModel): boolean {
  if (v.municipality !== r.municipality) return false; // rule 5
  if (v.kind === 'partner') return r.referrals.some((x) => isOpen(x.status)) && r.shareWithPartners; // rule 4
  if (v.department === OWNER) return true; // rule 1
  return r.sharedWith.has(v.department); // rule 2
}

/** Rules 1, 3, 4 and the table, for a record the viewer can see. */
export function sectionAccess(v: Viewer, r: RecordModel, section: SectionField, today: string): Expected {
  const column: Column = v.kind === 'partner' ? 'partner' : v.department;
  const mayWriteAtAll = v.kind === 'staff' && v.role !== 'VIEWER';
  if (column === OWNER) return { readable: true, writable: mayWriteAtAll, reason: null }; // rule 1
  const byTable = READ[section][COLUMNS.indexOf(column)]!;
  if (!byTable) return { readable: false, writable: false, reason: 'NOT_PERMITTED' };
  // Rule 3; a department that reads neither protection nor concerns gets the generic reason (issue 14, finding 7).
  const knowsDv = READ.protection[COLUMNS.indexOf(column)]! || READ.concerns[COLUMNS.indexOf(column)]!;
  if (DV_WITHHELD.has(section) && dvProtected(r, today)) return { readable: false, writable: false, reason: knowsDv ? 'DV_PROTECTED' : 'NOT_PERMITTED' };
  const writable = mayWriteAtAll && (WRITE_BEYOND_OWNER[column] ?? []).includes(section);
  return { readable: true, writable, reason: null };
}

/** Today in Japan time, YYYY-MM-DD. */
export function todayInTokyo(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
