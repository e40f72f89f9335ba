import { Section } from '../core';
import type { PersonalRecord } from '../record';

/** Where a field of the merged record comes from. */
export type MergeSource = 'survivor' | 'other' | 'combined' | 'same' | 'empty';

/** One field of the preview: both records' values and what the merged record will hold. */
export interface MergeFieldPlan {
  section: Section;
  field: string;
  survivor: string | null;
  other: string | null;
  result: string | null;
  source: MergeSource;
}

type Rec = PersonalRecord;
type Value = string | number | boolean | readonly string[] | object | null | undefined;

/**
 * A group of fields that is taken together: from the survivor unless all of its fields are empty there,
 * then from the other record (an address is never half one record's and half the other's).
 * `combine` instead joins both (concern categories, a DV measure, whether contact is allowed).
 */
interface Group {
  section: Section;
  key: keyof Rec;
  fields: readonly string[];
  get: (r: Rec, field: string) => Value;
  set: (into: Rec, from: Rec, field: string) => void;
  combine?: (s: Rec, o: Rec, field: string) => Value;
}

const empty = (v: Value) => v == null || v === '' || (Array.isArray(v) && v.length === 0);
const show = (v: Value): string | null => (empty(v) ? null : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v));
const same = (a: Value, b: Value) => show(a) === show(b);

function embedded(section: Section, key: keyof Rec, fields: readonly string[], extra: Partial<Group> = {}): Group {
  const part = (r: Rec) => r[key] as unknown as Record<string, Value>;
  return {
    section,
    key,
    fields,
    get: (r, f) => part(r)[f],
    set: (into, from, f) => {
      part(into)[f] = part(from)[f];
    },
    ...extra,
  };
}

// Contact details travel with their keyed search hash (phone and e-mail are found through it).
const contactSet = (into: Rec, from: Rec, f: string) => {
  (into.contact as unknown as Record<string, Value>)[f] = (from.contact as unknown as Record<string, Value>)[f];
  if (f === 'phone') into.contact.phoneHash = from.contact.phoneHash ?? null;
  if (f === 'email') into.contact.emailHash = from.contact.emailHash ?? null;
};

/** The record's own fields, by section; child rows (children, benefits, consultations) are planned in merge-rows.ts. */
export const MERGE_GROUPS: readonly Group[] = [
  ...['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate'].map((f) => embedded(Section.IDENTITY, 'identity', [f])),
  embedded(Section.ADDRESS, 'address', ['postalCode', 'prefecture', 'city', 'street']),
  ...['phone', 'email', 'preferredChannel', 'safeTimes', 'voicemailSafe', 'smsSafe'].map((f) => ({
    ...embedded(Section.CONTACT, 'contact', [f]),
    set: contactSet,
  })),
  // Contact only when both records allow it: the safer answer when they disagree.
  embedded(Section.CONTACT, 'contact', ['contactAllowed'], { combine: (s, o) => s.contact.contactAllowed && o.contact.contactAllowed }),
  ...['maritalStatus', 'otherMembers', 'note'].map((f) => embedded(Section.HOUSEHOLD, 'household', [f])),
  embedded(Section.INCOME, 'income', ['incomeYear', 'annualEmploymentIncome', 'otherIncome', 'childSupportReceivedYearly', 'dependentsCount']),
  // Every concern either record names (a DV concern on either stays a DV concern).
  embedded(Section.CONCERNS, 'concerns', ['categories'], { combine: (s, o) => [...new Set([...s.concerns.categories, ...o.concerns.categories])].sort() }),
  embedded(Section.CONCERNS, 'concerns', ['note']),
  embedded(Section.SELF_RELIANCE_PLAN, 'selfReliancePlan', ['goal', 'steps', 'startedOn', 'reviewOn']),
  // A DV support measure on either record protects the merged one (with that record's dates).
  {
    ...embedded(Section.PROTECTION, 'protection', ['supportMeasure', 'since', 'expiresOn']),
    get: (r, f) => (r.protection.supportMeasure ? (r.protection as unknown as Record<string, Value>)[f] : null),
  },
];

/** The plan for the record's own fields, for the sections the viewer may read; `apply` writes it into the survivor. */
export function planFields(survivor: Rec, other: Rec, readable: (s: Section) => boolean): MergeFieldPlan[] {
  const out: MergeFieldPlan[] = [];
  for (const g of MERGE_GROUPS) {
    if (!readable(g.section)) continue;
    const takeOther = !g.combine && g.fields.every((f) => empty(g.get(survivor, f))) && g.fields.some((f) => !empty(g.get(other, f)));
    for (const f of g.fields) {
      const s = g.get(survivor, f);
      const o = g.get(other, f);
      const result = g.combine ? g.combine(survivor, other, f) : takeOther ? o : s;
      const source: MergeSource =
        empty(s) && empty(o)
          ? 'empty'
          : same(s, o)
            ? 'same'
            : g.combine
              ? same(result, s)
                ? 'survivor'
                : same(result, o)
                  ? 'other'
                  : 'combined'
              : takeOther
                ? 'other'
                : 'survivor';
      out.push({ section: g.section, field: f, survivor: show(s), other: show(o), result: show(result), source });
    }
  }
  return out;
}

/** Writes the planned values into the survivor (only groups of sections the viewer may read). */
export function applyFields(survivor: Rec, other: Rec, readable: (s: Section) => boolean): void {
  for (const g of MERGE_GROUPS) {
    if (!readable(g.section)) continue;
    if (g.combine) {
      const value = g.combine(survivor, other, g.fields[0]!);
      (survivor[g.key] as unknown as Record<string, Value>)[g.fields[0]!] = value;
      continue;
    }
    const takeOther = g.fields.every((f) => empty(g.get(survivor, f))) && g.fields.some((f) => !empty(g.get(other, f)));
    if (takeOther) for (const f of g.fields) g.set(survivor, other, f);
  }
}
