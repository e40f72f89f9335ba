/**
 * The intake answers and how they become the API's HouseholdInput (eligibility) and IntakeInput
 * (submitIntake): pure functions, no DOM, no Lit, so tests can check them against schema/schema.graphql.
 */
import { parseDate } from './date-input.js';

export interface Child {
  /** The birth date as typed (any form parseDate reads). */
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
  /** 婚姻・事実婚 (children step); '' = not answered (the programmes for single parents then ask). */
  marital: '' | 'MARRIED' | 'DE_FACTO' | 'NOT_MARRIED';
  /** Safe contact (contact step): when to call, whether a voicemail / an SMS is safe ('' = not answered). */
  safeTimes: string;
  vm: '' | 'y' | 'n';
  sms: '' | 'y' | 'n';
  /** Step 7: contact wanted? '' until chosen (nothing pre-selected). */
  want: '' | 'y' | 'n';
  ch: '' | 'PHONE' | 'EMAIL';
  phone: string;
  email: string;
  fam: string;
  giv: string;
  famK: string;
  givK: string;
  street: string;
  /** Step 8: DepartmentCode names consented to, and partner NPOs. */
  share: string[];
  partners: boolean;
  /** Step 8 too: channels the family wants notices on about programmes it did not ask about (nothing pre-ticked). */
  notify: string[];
  /** idempotencyKey: made once on reaching the submit step; every retry reuses it. */
  key: string;
  /** The postal code (123-4567) that `pref` and `city` were last filled in from ('' if none): edits after that are kept until the code changes. */
  filled: string;
  /** What the chat hand-off carried over (shown as notes on the children and income steps); never sent. */
  chat: Carried | null;
}
/** The usable part of a chat hand-off (`#yorisoi-handoff=`), validated by parseHandoff. */
export interface Carried {
  /** Each child's age in full years today (0–MAX_AGE), worked out from the chat's representative birth date; null if none usable. */
  ages: number[] | null;
  /** Yearly gross salary in yen from the chat (an integer, 0–MAX_SALARY; a band's middle when a band was chosen); null if none usable. */
  salary: number | null;
}
/** What the public postalAddress query tells (null fields: the code covers several). */
export interface PostalAnswer {
  postalCode: string;
  prefecture: string | null;
  city: string | null;
  /** 6 digits; null when the code covers several municipalities. */
  municipalityCode?: string | null;
}
export interface Settings {
  municipalityName: string;
  privacyNoticeVersion: string;
  privacyNotice: string;
  /** When the municipality published this version (null: Yorisoi's default text). */
  privacyNoticePublishedAt?: string | null;
  departments: { code: string; name: string; purpose: string }[];
  partnersPurpose: string;
  /** Why notices are sent (a declared purpose of use, 個人情報保護法 61–62), shown beside the opt-in. */
  outreachPurpose: string;
}
export interface Receipt {
  referenceNumber: string;
  receivedAt: string;
  contactAllowed: boolean;
  dvProtected: boolean;
  nextSteps: string[];
  /** The signed link to the LINE link page (api/line); null without a LINE channel, for DV protection, without consent to contact. */
  lineLinkUrl?: string | null;
}
/** EligibilityReport.incomeAssessment: how 所得額 was reached (shown with the results). */
export interface IncomeAssessment {
  incomeYear: number;
  incomeAmount: number;
  explanation: string;
}
export interface Report {
  incomeYear: number | null;
  incomeAssessment: IncomeAssessment | null;
  results: Result[];
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
  extensions?: {
    code?: string;
    field?: string;
    messages?: Record<string, string>;
    problems?: { field: string; messages?: Record<string, string>; message?: string }[];
  };
}

/** Steps: 0–4 questions, 5 results, 6 contact, 7 consent, 8 confirmation + submit, 9 receipt. */
export const RESULTS = 5;
export const CONTACT = 6;
export const CONSENT = 7;
export const CONFIRM = 8;
export const DONE = 9;
export const QUERY =
  'query Eligibility($input: HouseholdInput!) { eligibility(input: $input) { incomeYear incomeAssessment { incomeYear incomeAmount explanation } results { programme { id name } status amount { monthly yearly } reasons nextSteps } } }';
export const SETTINGS =
  'query IntakeSettings($code: String!) { intakeSettings(municipalityCode: $code) { municipalityName privacyNoticeVersion privacyNotice privacyNoticePublishedAt departments { code name purpose } partnersPurpose outreachPurpose } }';
export const SUBMIT =
  'mutation SubmitIntake($input: IntakeInput!) { submitIntake(input: $input) { referenceNumber receivedAt contactAllowed dvProtected nextSteps lineLinkUrl } }';
/** A one-time hand-off for the receipt's link to the family page (api/application family-auth.ts). */
export const FAMILY_HANDOFF = 'mutation IntakeFamilyHandoff($input: FamilyHandoffIssueInput!) { issueFamilyHandoff(input: $input) { token expiresAt } }';
/** The one anonymous "started" ping (api/reporting/intake-start.ts): only the municipality's code. */
export const STARTED = 'mutation IntakeStarted($input: IntakeStartedInput!) { intakeStarted(input: $input) }';
export const POSTAL = 'query PostalAddress($code: String!) { postalAddress(postalCode: $code) { postalCode prefecture city municipalityCode } }';
export const ORDER = { ELIGIBLE: 0, NEEDS_MORE_INFO: 1, NOT_ELIGIBLE: 2 };
/** Step of each field id (child-N-b / child-N-d are step 2). `form`: results; `sform`: submit. */
const FIELD_STEP: Record<string, number> = {
  postal: 0,
  pref: 0,
  city: 0,
  concerns: 1,
  children: 2,
  marital: 2,
  salary: 3,
  other: 3,
  support: 3,
  benefits: 4,
  form: RESULTS,
  want: 6,
  ch: 6,
  phone: 6,
  email: 6,
  fam: 6,
  giv: 6,
  famK: 6,
  givK: 6,
  street: 6,
  safeTimes: 6,
  vm: 6,
  sms: 6,
  consent: 7,
  notify: 7,
  sform: CONFIRM,
};
/** HouseholdInput / IntakeInput field (last path segment that is known) → widget field id. */
const API_FIELD: Record<string, string> = {
  annualEmploymentIncome: 'salary',
  otherIncome: 'other',
  childSupportReceivedYearly: 'support',
  benefitsInUse: 'benefits',
  receivesPublicAssistance: 'benefits',
  concerns: 'concerns',
  children: 'children',
  household: 'children',
  postalCode: 'postal',
  prefecture: 'pref',
  city: 'city',
  street: 'street',
  address: 'street',
  contact: 'want',
  contactAllowed: 'want',
  preferredChannel: 'ch',
  phone: 'phone',
  email: 'email',
  identity: 'fam',
  familyName: 'fam',
  givenName: 'giv',
  familyNameKana: 'famK',
  givenNameKana: 'givK',
  consent: 'consent',
  maritalStatus: 'marital',
  incomeYear: 'salary',
  safeTimes: 'safeTimes',
  voicemailSafe: 'vm',
  smsSafe: 'sms',
  outreachChannels: 'notify',
};

export const empty = (): Answers => ({
  postal: '',
  pref: '',
  city: '',
  concerns: [],
  children: [{ b: '', d: false }],
  salary: '',
  other: '',
  support: '',
  benefits: [],
  marital: '',
  safeTimes: '',
  vm: '',
  sms: '',
  want: '',
  ch: '',
  phone: '',
  email: '',
  fam: '',
  giv: '',
  famK: '',
  givK: '',
  street: '',
  share: [],
  partners: false,
  notify: [],
  key: '',
  filled: '',
  chat: null,
});

/** NFKC (full-width digits → ASCII), then drop separators and 円/¥. Returns '' for blank. */
export function normaliseYen(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s,、円¥￥]/g, '');
}
/** ０９０ー１２３４ー５６７８ → 090-1234-5678 (NFKC, every dash an IME makes, no spaces or brackets). */
export function normalisePhone(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\u30fc\uff70-]/g, '-')
    .replace(/[\s()（）]/g, '');
}
export const normaliseEmail = (raw: string): string => raw.normalize('NFKC').trim();
export const validPhone = (v: string): boolean => /^[\d-]+$/.test(v) && /^0\d{9,10}$/.test(v.replace(/-/g, ''));
export const validEmail = (v: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
export function normalisePostal(raw: string): string {
  const v = raw
    .normalize('NFKC')
    .replace(/[\s〒]/g, '')
    .replace(/[ー−‐―–—]/g, '-');
  const m = /^(\d{3})-?(\d{4})$/.exec(v);
  return m ? `${m[1]}-${m[2]}` : v;
}
/** A complete postal code as typed (full-width, any dash, 〒), normalised to 123-4567; else null. */
export function postalCode(raw: string): string | null {
  const v = normalisePostal(raw);
  return /^\d{3}-\d{4}$/.test(v) ? v : null;
}
/**
 * Maps an API error path (input.children[0].birthDate, input.household.children[0].birthDate,
 * input.contact.phone, input.consent.privacyNoticeVersion, …) to a field id of this widget.
 */
export function fieldOf(path: string | undefined): string | null {
  if (!path?.startsWith('input.')) return null;
  const c = /^input\.(?:household\.)?children\[(\d+)\]\.(birthDate|disability)/.exec(path);
  if (c) return `child-${c[1]}-${c[2] === 'birthDate' ? 'b' : 'd'}`;
  const segs = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .slice(1);
  if (segs[0] === 'consent') return 'consent';
  for (let i = segs.length - 1; i >= 0; i--) {
    const f = API_FIELD[segs[i] as string];
    if (f) return f;
  }
  return null;
}
export const stepOf = (field: string): number => FIELD_STEP[field] ?? (field.startsWith('child-') ? 2 : RESULTS);

/**
 * The calendar year whose income 児童扶養手当 assesses on a local date (YYYY-MM-DD): the allowance year
 * runs November to October on the previous year's income (as the API's EligibilityReport.incomeYear).
 */
export function incomeYearOn(date: string): number {
  const y = Number(date.slice(0, 4));
  return (Number(date.slice(5, 7)) >= 11 ? y : y - 1) - 1;
}

/** HouseholdInput variables for the Eligibility query. */
export function householdInput(a: Answers, municipality: string, incomeYear?: number): Record<string, unknown> {
  const num = (s: string): number | null => {
    const v = normaliseYen(s);
    return v ? Number(v) : null;
  };
  return {
    municipalityCode: municipality || null,
    children: a.children.map((c) => ({ birthDate: parseDate(c.b) ?? c.b, disability: c.d })),
    annualEmploymentIncome: num(a.salary),
    otherIncome: num(a.other),
    childSupportReceivedYearly: num(a.support),
    benefitsInUse: a.benefits,
    receivesPublicAssistance: a.benefits.includes('livelihood-protection'),
    concerns: a.concerns,
    maritalStatus: a.marital || null,
    incomeYear: incomeYear ?? null,
  };
}

/**
 * IntakeInput for submitIntake. The street, name and contact details are sent only when the person
 * wants to be contacted; `website` is the honeypot's value (empty for people).
 */
export function intakeInput(a: Answers, municipality: string, noticeVersion: string, website: string, incomeYear?: number): Record<string, unknown> {
  const h = householdInput(a, municipality, incomeYear);
  const want = a.want === 'y';
  const s = (v: string): string | null => v.trim() || null;
  const named = want && [a.fam, a.giv, a.famK, a.givK].some((v) => v.trim());
  return {
    idempotencyKey: a.key,
    municipalityCode: municipality,
    identity: named ? { familyName: s(a.fam), givenName: s(a.giv), familyNameKana: s(a.famK), givenNameKana: s(a.givK) } : null,
    address: { postalCode: normalisePostal(a.postal) || null, prefecture: s(a.pref), city: s(a.city), street: want ? s(a.street) : null },
    contact: {
      contactAllowed: want,
      phone: want && a.ch === 'PHONE' ? normalisePhone(a.phone) || null : null,
      email: want && a.ch === 'EMAIL' ? normaliseEmail(a.email) || null : null,
      preferredChannel: (want && a.ch) || null,
      safeTimes: want ? s(a.safeTimes) : null,
      voicemailSafe: want && a.vm ? a.vm === 'y' : null,
      smsSafe: want && a.sms ? a.sms === 'y' : null,
    },
    household: { children: h.children, otherMembers: [], maritalStatus: h.maritalStatus },
    income: {
      incomeYear: h.incomeYear,
      annualEmploymentIncome: h.annualEmploymentIncome,
      otherIncome: h.otherIncome,
      childSupportReceivedYearly: h.childSupportReceivedYearly,
    },
    benefitsInUse: a.benefits,
    concerns: { categories: a.concerns, note: null },
    consent: { sharedWith: a.share, shareWithPartners: a.partners, privacyNoticeVersion: noticeVersion },
    // Only when something is ticked: nothing ticked and no field mean the same (no opt-in).
    ...(notifyChosen(a).length ? { outreachChannels: notifyChosen(a) } : {}),
    website,
  };
}

/**
 * The channels the form offers for notices, from what the family gave on the contact step: e-mail
 * with an e-mail address, SMS and a call with a phone number, LINE (linked after the receipt). With DV
 * named, only what the API would ever use (api/outreach/consent.ts usableChannels): no e-mail, no LINE,
 * SMS only when marked safe, a call only with safe times or a safe voicemail. Ticked choices that are
 * no longer offered (the address changed) are not sent.
 */
export function notifyOptions(a: Answers): string[] {
  if (a.want !== 'y') return [];
  const dv = a.concerns.includes('DV');
  const out: string[] = [];
  if (a.ch === 'EMAIL' && a.email.trim() && !dv) out.push('EMAIL');
  if (a.ch === 'PHONE' && a.phone.trim()) {
    if (!dv || a.sms === 'y') out.push('SMS');
    if (!dv || a.safeTimes.trim() || a.vm === 'y') out.push('PHONE');
  }
  if (!dv) out.push('LINE');
  return out;
}

/** The ticked channels that are still offered (in the order offered). */
export function notifyChosen(a: Answers): string[] {
  const ticked = Array.isArray(a.notify) ? a.notify : [];
  return notifyOptions(a).filter((c) => ticked.includes(c));
}

// ---- chat hand-off ------------------------------------------------------------------------------
/** The fragment <yorisoi-chat> links to: `#yorisoi-handoff=<encodeURIComponent(JSON)>`. */
export const HANDOFF = '#yorisoi-handoff=';
/** Longer fragments are ignored unread (the chat's is about 200 characters). */
export const HANDOFF_MAX = 2000;
export const MAX_CHILDREN = 10;
export const MAX_AGE = 30;
export const MAX_SALARY = 100_000_000;

type Obj = Record<string, unknown>;
/** A plain JSON object (not an array, not null). */
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An own property only (never one inherited from a prototype). */
const own = (o: Obj, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const intIn = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/** Full years from `birth` to `today` (both YYYY-MM-DD); null unless birth is a real date, not after today. */
export function ageOn(birth: unknown, today: string): number | null {
  if (typeof birth !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(birth)) return null;
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || birth > today) return null;
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/** A Carried value as stored with the answers, checked again (storage is not trusted to hold our shape). */
export function carried(v: unknown): Carried | null {
  if (!isObj(v)) return null;
  const ages = own(v, 'ages');
  const salary = own(v, 'salary');
  const out: Carried = {
    ages: Array.isArray(ages) && ages.length > 0 && ages.length <= MAX_CHILDREN && ages.every((a) => intIn(a, MAX_AGE)) ? [...(ages as number[])] : null,
    salary: intIn(salary, MAX_SALARY) ? salary : null,
  };
  return out.ages || out.salary !== null ? out : null;
}

/**
 * Reads a chat hand-off from `location.hash`: `#yorisoi-handoff=` + encodeURIComponent of the JSON
 * that api/chat/chat.service.ts `intakePayload` makes —
 * `{"household":{"children":[{"birthDate":"2021-05-28"},…]},"income":{"annualEmploymentIncome":1950000},…}`.
 * Pure and strict: only JSON.parse runs on it (nothing is evaluated or rendered as markup); only own
 * properties are read; unknown keys are ignored; `children` is used only when it is a list of 1–10
 * objects whose `birthDate` are all real dates giving ages 0–30 today (else none of it); the income
 * only when it is an integer number (not a string) of 0–100,000,000 yen. Null when nothing is usable.
 * `today` is the person's local date (YYYY-MM-DD).
 */
export function parseHandoff(hash: string, today: string): Carried | null {
  if (typeof hash !== 'string' || !hash.startsWith(HANDOFF) || hash.length > HANDOFF_MAX) return null;
  let data: unknown;
  try {
    data = JSON.parse(decodeURIComponent(hash.slice(HANDOFF.length)));
  } catch {
    return null;
  }
  if (!isObj(data)) return null;
  const household = own(data, 'household');
  const list = isObj(household) ? own(household, 'children') : undefined;
  const ages = Array.isArray(list) ? list.map((c) => (isObj(c) ? ageOn(own(c, 'birthDate'), today) : null)) : [];
  const income = own(data, 'income');
  return carried({ ages, salary: isObj(income) ? own(income, 'annualEmploymentIncome') : null });
}

/** A v4 UUID; crypto.randomUUID needs a secure context, which a CMS page on http may not be. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 15) | 64;
  b[8] = ((b[8] as number) & 63) | 128;
  const x = [...b].map((n) => n.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** A notice the municipality published in the last 30 days is marked as new, with its date. */
export function noticeIsNew(publishedAt: string | null | undefined, now = Date.now()): boolean {
  return !!publishedAt && now - Date.parse(publishedAt) < 30 * 86_400_000;
}
