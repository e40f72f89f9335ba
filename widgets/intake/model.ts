/**
 * The intake answers and how they become the API's HouseholdInput: pure functions, no DOM, no Lit,
 * so tests can check them against schema/schema.graphql.
 */
export interface Child {
  b: string;
  d: boolean;
}
/** The answers, as typed (numbers are normalised on change and when sent). */
export interface Answers {
  postal: string;
  pref: string;
  city: string;
  concerns: string[];
  children: Child[];
  salary: string;
  other: string;
  support: string;
  benefits: string[];
}
export interface Result {
  programme: { id: string; name: string };
  status: 'ELIGIBLE' | 'NEEDS_MORE_INFO' | 'NOT_ELIGIBLE';
  amount: { monthly: number | null; yearly: number | null } | null;
  reasons: string[];
  nextSteps: string[];
}
export interface ApiError {
  message?: string;
  extensions?: { code?: string; field?: string; messages?: Record<string, string>; problems?: { field: string; messages?: Record<string, string>; message?: string }[] };
}

export const LAST = 5;
export const QUERY =
  'query Eligibility($input: HouseholdInput!) { eligibility(input: $input) { results { programme { id name } status amount { monthly yearly } reasons nextSteps } } }';
export const ORDER = { ELIGIBLE: 0, NEEDS_MORE_INFO: 1, NOT_ELIGIBLE: 2 };
/** Step of each field id (child-N-b / child-N-d are step 2). */
const FIELD_STEP: Record<string, number> = { postal: 0, pref: 0, city: 0, concerns: 1, children: 2, salary: 3, other: 3, support: 3, benefits: 4 };
/** HouseholdInput field → widget field id. */
const API_FIELD: Record<string, string> = {
  annualEmploymentIncome: 'salary',
  otherIncome: 'other',
  childSupportReceivedYearly: 'support',
  benefitsInUse: 'benefits',
  receivesPublicAssistance: 'benefits',
  concerns: 'concerns',
  children: 'children',
};

export const empty = (): Answers => ({ postal: '', pref: '', city: '', concerns: [], children: [{ b: '', d: false }], salary: '', other: '', support: '', benefits: [] });

/** NFKC (full-width digits → ASCII), then drop separators and 円/¥. Returns '' for blank. */
export function normaliseYen(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s,、円¥￥]/g, '');
}
export function normalisePostal(raw: string): string {
  const v = raw.normalize('NFKC').replace(/[\s〒]/g, '').replace(/[ー−‐―–—]/g, '-');
  const m = /^(\d{3})-?(\d{4})$/.exec(v);
  return m ? `${m[1]}-${m[2]}` : v;
}
/** Maps an API error path (input.children[0].birthDate) to a field id of this widget. */
export function fieldOf(path: string | undefined): string | null {
  if (!path) return null;
  const c = /^input\.children\[(\d+)\]\.(birthDate|disability)/.exec(path);
  if (c) return `child-${c[1]}-${c[2] === 'birthDate' ? 'b' : 'd'}`;
  const k = /^input\.(\w+)/.exec(path)?.[1];
  return (k && API_FIELD[k]) || null;
}
export const stepOf = (field: string): number => FIELD_STEP[field] ?? (field.startsWith('child-') ? 2 : LAST);


/** HouseholdInput variables for the Eligibility query. */
export function householdInput(a: Answers, municipality: string): Record<string, unknown> {
  const num = (s: string): number | null => {
    const v = normaliseYen(s);
    return v ? Number(v) : null;
  };
  return {
    municipalityCode: municipality || null,
    children: a.children.map((c) => ({ birthDate: c.b, disability: c.d })),
    annualEmploymentIncome: num(a.salary),
    otherIncome: num(a.other),
    childSupportReceivedYearly: num(a.support),
    benefitsInUse: a.benefits,
    receivesPublicAssistance: a.benefits.includes('livelihood-protection'),
    concerns: a.concerns,
  };
}
