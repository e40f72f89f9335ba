import type { TestApp } from '../../support/app';
import { TEST_PASSWORD } from '../../support/app';
import { addMunicipality } from '../../support/fixtures';
import { DepartmentCode } from '../../../api/core/departments';
import { StaffRole } from '../../../api/core/roles';
import { Department } from '../../../api/municipality/department.entity';
import { hashPassword } from '../../../api/staff/password';
import { StaffMember } from '../../../api/staff/staff-member.entity';
import { DEPARTMENTS, OTHER_DEPARTMENTS, addDays, type Dept, type RecordModel, type SectionField, type Viewer } from './oracle';

// The access matrix's world: who signs in (every department's caseworker, supervisor and admin of the
// owning department, two read-only members, a partner, two staff of another municipality) and what each
// generated record holds (a marker string per section, so a leak is found by searching the response).

export const DEMO = '999999';
export const FOREIGN = '888888';

export const enumOf = (d: Dept) => d.toUpperCase().replace(/-/g, '_');
export const KANA = 'アイウエオカキクケコサシスセソタチツテト';

export interface PoolRecord extends RecordModel {
  id: string;
  n: number;
  version: number;
  kana: string;
  /** Strings that belong to exactly one section of exactly this record. */
  markers: Partial<Record<SectionField, string[]>>;
}

export type MeasureKind = 'none' | 'active' | 'expired' | 'offFuture';
export const measureOf = (kind: MeasureKind, days: number, today: string): { supportMeasure: boolean; expiresOn: string | null } => {
  switch (kind) {
    case 'none':
      return { supportMeasure: false, expiresOn: null };
    case 'active':
      return { supportMeasure: true, expiresOn: addDays(today, days % 367) }; // today … today+366
    case 'expired':
      return { supportMeasure: true, expiresOn: addDays(today, -1 - (days % 800)) };
    case 'offFuture':
      return { supportMeasure: false, expiresOn: addDays(today, 1 + (days % 300)) };
  }
};
export const REFERRAL_PLANS = ['none', 'requested', 'accepted', 'closed', 'reopened'] as const;
export const MEASURES: MeasureKind[] = ['none', 'active', 'expired', 'offFuture'];

/** Signs in every viewer of the matrix; returns the partner's id and the other municipality's record. */
export async function signInViewers(
  t: TestApp,
  tokens: Map<string, string>,
  viewers: Map<string, Viewer>,
): Promise<{ partnerId: string; foreignRecord: RecordModel & { id: string } }> {
  for (const d of DEPARTMENTS) {
    tokens.set(`${d}-caseworker`.replace('single-parent', 'sp'), await t.login(d as DepartmentCode));
    viewers.set(`${d}-caseworker`.replace('single-parent', 'sp'), { kind: 'staff', municipality: DEMO, department: d, role: 'CASEWORKER' });
  }
  for (const role of ['supervisor', 'admin'] as const) {
    tokens.set(`sp-${role}`, await t.login(DepartmentCode.SINGLE_PARENT, role));
    viewers.set(`sp-${role}`, { kind: 'staff', municipality: DEMO, department: 'single-parent', role: role.toUpperCase() as 'ADMIN' });
  }
  // A read-only member of livelihood-support and one of the owning department (no demo staff has the viewer role).
  {
    const em = t.em();
    const hash = await hashPassword(TEST_PASSWORD);
    for (const d of ['livelihood-support', 'single-parent'] as const) {
      const department = await em.findOneOrFail(Department, { municipality: DEMO, code: d as DepartmentCode }, { populate: ['municipality'] });
      em.create(StaffMember, {
        municipality: department.municipality,
        department,
        name: `閲覧 ${d}`,
        email: `${d}-viewer@matrix.test`,
        role: StaffRole.VIEWER,
        passwordHash: hash,
      } as never);
    }
    await em.flush();
    for (const d of ['livelihood-support', 'single-parent'] as const) {
      const res = await t.gql('mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }', { e: `${d}-viewer@matrix.test`, p: TEST_PASSWORD });
      const key = `${d}-viewer`.replace('single-parent', 'sp');
      tokens.set(key, res.body.data!.login.token);
      viewers.set(key, { kind: 'staff', municipality: DEMO, department: d, role: 'VIEWER' });
    }
  }
  const admin = tokens.get('sp-admin')!;
  const partnerId: string = (await t.gql(`{ partners { id } }`, {}, admin)).body.data!.partners[0].id;
  const issued = await t.gql(
    `mutation($i: IssuePartnerTokenInput!) { issuePartnerToken(input: $i) { secret } }`,
    { i: { partnerId, label: 'matrix', validDays: 30 } },
    admin,
  );
  tokens.set('partner', issued.body.data!.issuePartnerToken.secret);
  viewers.set('partner', { kind: 'partner', municipality: DEMO });

  const other = await addMunicipality(t.em(), FOREIGN);
  const foreignRecord: RecordModel & { id: string } = {
    id: other.recordId,
    municipality: FOREIGN,
    sharedWith: new Set(OTHER_DEPARTMENTS),
    shareWithPartners: false,
    dvConcern: false,
    protection: { supportMeasure: false, expiresOn: null },
    referrals: [],
  };
  for (const d of ['single-parent', 'public-housing'] as const) {
    const res = await t.gql(`mutation { login(email: "${other.email(d as DepartmentCode)}", password: "${TEST_PASSWORD}") { token } }`);
    tokens.set(`foreign-${d}`, res.body.data!.login.token);
    viewers.set(`foreign-${d}`, { kind: 'staff', municipality: FOREIGN, department: d, role: 'CASEWORKER' });
  }

  return { partnerId, foreignRecord };
}

/** Record n's input for createRecord, with its markers: a full grid over support measure and DV concern, consent generated. */
export function recordInput(n: number, a: { sharedWith: Dept[]; shareWithPartners: boolean; days: number; others: string[] }, today: string) {
  const code = String(n).padStart(3, '0');
  const kana = `ヨリマト${KANA[Math.floor(n / KANA.length)]}${KANA[n % KANA.length]}`;
  const measure = measureOf(MEASURES[Math.floor(n / 5) % 4]!, a.days, today);
  const dvConcern = Math.floor(n / 20) % 2 === 1;
  const markers: PoolRecord['markers'] = {
    identity: [`識別${code}`],
    address: [`機密通${code}番`],
    contact: [`090-7${code}-1${code}`, `m${code}q@example.jp`],
    household: [`世帯メモ${code}`],
    benefits: [`制度メモ${code}`],
    concerns: [`懸念メモ${code}`],
    selfReliancePlan: [`目標${code}`],
    consultations: [`相談${code}`],
    consent: [`pn-${code}-v`],
  };
  const input = {
    identity: { familyName: '依里', givenName: markers.identity![0], familyNameKana: kana, givenNameKana: 'ハナコ', birthDate: '1990-04-01' },
    address: { postalCode: '100-0001', prefecture: '東京都', city: 'デモ市', street: markers.address![0] },
    contact: { phone: markers.contact![0], email: markers.contact![1], preferredChannel: 'PHONE', contactAllowed: true },
    household: { children: [{ birthDate: '2018-06-01', disability: n % 3 === 0 }], otherMembers: [{ relation: '祖母' }], note: markers.household![0] },
    income: { annualEmploymentIncome: 1_800_000 + n, otherIncome: 0, childSupportReceivedYearly: 120_000 },
    benefits: [{ programmeId: 'child-allowance', note: markers.benefits![0] }],
    concerns: { categories: [...(dvConcern ? ['DV'] : []), ...a.others], note: markers.concerns![0] },
    selfReliancePlan: { goal: markers.selfReliancePlan![0], steps: '職業訓練' },
    protection: measure,
    consent: { sharedWith: a.sharedWith.map(enumOf), shareWithPartners: a.shareWithPartners, privacyNoticeVersion: markers.consent![0] },
  };
  return { input, markers, kana, measure, dvConcern };
}

/** Every section of a record, as each query path asks for it. */
export const SEL = `id version
  identity { familyName givenName familyNameKana givenNameKana birthDate }
  address { postalCode prefecture city street }
  contact { phone email preferredChannel contactAllowed }
  household { children { birthDate disability } otherMembers { relation } note }
  income { annualEmploymentIncome otherIncome childSupportReceivedYearly }
  benefits { programmeId note }
  concerns { categories note }
  selfReliancePlan { goal steps }
  consultations { summary department }
  protection { dvProtected dvConcern supportMeasure expiresOn }
  consent { sharedWith shareWithPartners privacyNoticeVersion history { target granted } }
  access { section readable writable reason }`;
