/**
 * Issue 18, search: by reference number, phone (any way it is written), kana and birth date, under the
 * same visibility rules as everything else. For any viewer (six departments, a partner, another
 * municipality), any policy a municipality may set for identity and contact, and any search term:
 * - a record the viewer may not see is never returned (rules 2, 4, 5);
 * - a search over a section the viewer's policy may not read is refused (FORBIDDEN), never answered;
 * - a phone number never matches a DV-protected record outside the owning department (rule 3).
 * The oracle below is written from docs/design.md, not from the service.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePolicy, type Policy, type PolicyRole } from '../../api/access/policy';
import { Section } from '../../api/core/sections';
import { addDays, todayInJapan } from '../../api/core/dates';
import { DEPARTMENT_CODES, DepartmentCode } from '../../api/core/departments';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';
import { addMunicipality } from '../support/fixtures';

const DEMO = '999999';
const enumOf = (d: string) => d.toUpperCase().replace(/-/g, '_');
const PHONES = ['090-1234-5678', '03-1111-2222', '080-9999-0000'];
const KANA = [
  ['アサギリ', 'ハナ'],
  ['アサギリ', 'ユイ'],
  ['ヤマダ', 'ハナ'],
] as const;
const BIRTHS = ['1990-04-01', '1988-12-24'];

interface Rec {
  id: string;
  ref: string;
  sharedWith: Set<string>;
  partners: boolean;
  referred: boolean;
  dv: boolean;
  phone: string | null;
  kana: readonly [string, string];
  birth: string;
}

type Viewer = { name: string; role: PolicyRole | 'stranger'; token: string };
type Term = { field: 'referenceNumber' | 'contact' | 'name' | 'birthDate'; value: string; matches: (r: Rec) => boolean; section: Section | null };

describe('search never shows what the viewer may not see', () => {
  let t: TestApp;
  const recs: Rec[] = [];
  const viewers: Viewer[] = [];
  const defaultPolicy = parsePolicy(readFileSync(join(__dirname, '../../seeds/policy/default.yaml'), 'utf8'), 'default.yaml');
  const today = todayInJapan();
  let foreignRef = '';
  let foreignId = '';

  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    const owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    const partnerId = (await t.gql(`{ partners { id } }`, {}, owner)).body.data!.partners[0].id as string;
    // A small world where every term matches several records: each combination of consent, DV and pools.
    const others = DEPARTMENT_CODES.filter((d) => d !== DepartmentCode.SINGLE_PARENT);
    for (let n = 0; n < 24; n++) {
      const sharedWith = others.filter((_, i) => (n * 7 + i * 3) % 5 < 2 + (n % 2));
      const partners = n % 3 !== 0;
      const dvKind = n % 4; // 0: DV concern, 1: measure in force, 2: measure expired, 3: none
      const phone = n % 5 === 4 ? null : PHONES[n % PHONES.length]!;
      const kana = KANA[n % KANA.length]!;
      const birth = BIRTHS[n % BIRTHS.length]!;
      const input = {
        identity: { familyName: '検索', givenName: `${n}`, familyNameKana: kana[0], givenNameKana: kana[1], birthDate: birth },
        contact: phone ? { phone, contactAllowed: true } : null,
        concerns: { categories: dvKind === 0 ? ['DV', 'HOUSING'] : ['WORK'] },
        protection:
          dvKind === 1
            ? { supportMeasure: true, since: addDays(today, -10), expiresOn: addDays(today, 300) }
            : dvKind === 2
              ? { supportMeasure: true, since: addDays(today, -400), expiresOn: addDays(today, -1) }
              : null,
        consent: { sharedWith: sharedWith.map(enumOf), shareWithPartners: partners, privacyNoticeVersion: 'v1' },
      };
      const res = await t.gql(`mutation($input: CreateRecordInput!) { createRecord(input: $input) { id referenceNumber } }`, { input }, owner);
      if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
      const { id, referenceNumber } = res.body.data.createRecord;
      const referred = partners && n % 2 === 0;
      if (referred) {
        const r = await t.gql(`mutation($i: ReferRecordInput!) { referRecord(input: $i) { id } }`, { i: { recordId: id, partnerId, reason: '紹介' } }, owner);
        if (!r.body.data) throw new Error(JSON.stringify(r.body.errors));
      }
      recs.push({ id, ref: referenceNumber, sharedWith: new Set(sharedWith), partners, referred, dv: dvKind === 0 || dvKind === 1, phone, kana, birth });
    }
    for (const d of DEPARTMENT_CODES) viewers.push({ name: d, role: d, token: await t.login(d) });
    const issued = await t.gql(
      `mutation($i: IssuePartnerTokenInput!) { issuePartnerToken(input: $i) { secret } }`,
      { i: { partnerId, label: 'search test', validDays: 5 } },
      admin,
    );
    viewers.push({ name: 'partner', role: 'partner', token: issued.body.data!.issuePartnerToken.secret });
    // Another municipality whose owner must find nothing of デモ市, and whose record デモ市 must never find.
    const other = await addMunicipality(t.em(), '888888');
    const login = await t.gql(`mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }`, {
      e: other.email(DepartmentCode.SINGLE_PARENT),
      p: TEST_PASSWORD,
    });
    viewers.push({ name: 'stranger', role: 'stranger', token: login.body.data!.login.token });
    foreignRef = 'ZZZZ-ZZZZ';
    foreignId = other.recordId;
  }, 180_000);
  afterAll(() => t?.close());

  function visible(v: Viewer, r: Rec): boolean {
    if (v.role === 'stranger') return false;
    if (v.role === 'partner') return r.referred && r.partners;
    return v.role === DepartmentCode.SINGLE_PARENT || r.sharedWith.has(v.role);
  }

  function mayRead(policy: Policy, v: Viewer, section: Section): boolean {
    if (v.role === 'stranger' || v.role === DepartmentCode.SINGLE_PARENT) return true;
    return policy.get(v.role)!.get(section)!.read;
  }

  const terms = (): fc.Arbitrary<Term> =>
    fc.oneof(
      fc.record({ n: fc.nat(recs.length - 1), style: fc.constantFrom('as-is', 'lower', 'no-hyphen', 'full-width') }).map(({ n, style }): Term => {
        const ref = recs[n]!.ref;
        const value =
          style === 'lower'
            ? ref.toLowerCase()
            : style === 'no-hyphen'
              ? ref.replace('-', '')
              : style === 'full-width'
                ? ref.replace(/[0-9A-Z-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
                : ref;
        return { field: 'referenceNumber', value, matches: (r) => r.ref === ref, section: null };
      }),
      fc.constant<Term>({ field: 'referenceNumber', value: foreignRef || 'ZZZZ-ZZZZ', matches: () => false, section: null }),
      fc.record({ phone: fc.constantFrom(...PHONES), style: fc.constantFrom('as-is', 'digits', 'full-width', 'spaces') }).map(({ phone, style }): Term => {
        const value =
          style === 'digits'
            ? phone.replace(/-/g, '')
            : style === 'full-width'
              ? phone.replace(/[0-9-]/g, (c) => (c === '-' ? 'ー' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
              : style === 'spaces'
                ? phone.replace(/-/g, ' ')
                : phone;
        return { field: 'contact', value, matches: (r) => r.phone === phone, section: Section.CONTACT };
      }),
      fc.record({ k: fc.constantFrom(...KANA), part: fc.constantFrom('family', 'full', 'hiragana', 'given') }).map(({ k, part }): Term => {
        const hira = (s: string) => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
        const value = part === 'family' ? k[0] : part === 'given' ? k[1] : part === 'full' ? `${k[0]} ${k[1]}` : hira(`${k[0]}${k[1]}`);
        const matches = (r: Rec) =>
          part === 'family' ? r.kana[0] === k[0] : part === 'given' ? r.kana.join('').includes(k[1]) : r.kana[0] === k[0] && r.kana[1] === k[1];
        return { field: 'name', value, matches, section: Section.IDENTITY };
      }),
      fc.constantFrom(...BIRTHS).map((b): Term => ({ field: 'birthDate', value: b, matches: (r) => r.birth === b, section: Section.IDENTITY })),
    );

  it('returns exactly the visible, readable, not-DV-withheld matches, for any viewer, policy and term', async () => {
    let answered = 0;
    let refused = 0;
    let dvWithheld = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...viewers), terms(), fc.record({ identity: fc.boolean(), contact: fc.boolean() }), async (v, term, grants) => {
        // The municipality's policy for this case: identity and contact readable or not for the viewer's column.
        const policy = Object.assign(
          new Map([...defaultPolicy].map(([role, sections]) => [role, new Map(sections)])) as Map<PolicyRole, Map<Section, { read: boolean; write: boolean }>>,
          { rules: defaultPolicy.rules },
        );
        if (v.role !== 'stranger' && v.role !== DepartmentCode.SINGLE_PARENT) {
          policy.get(v.role)!.set(Section.IDENTITY, { read: grants.identity, write: false });
          policy.get(v.role)!.set(Section.CONTACT, { read: grants.contact, write: false });
        }
        t.app.services.policies.set(DEMO, policy);
        const res = await t.gql(
          `query($f: RecordFilter) { records(filter: $f, first: 100) { totalCount edges { node { id } } } }`,
          { f: { [term.field]: term.value } },
          v.token,
        );
        if (term.section && !mayRead(policy, v, term.section)) {
          refused += 1;
          expect(res.body.data?.records ?? null).toBeNull();
          expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', section: term.section });
          return;
        }
        expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
        const got = res.body.data!.records.edges.map((e: { node: { id: string } }) => e.node.id).sort();
        const withholdDv = term.field === 'contact' && v.role !== DepartmentCode.SINGLE_PARENT;
        const expected = recs.filter((r) => visible(v, r) && term.matches(r) && !(withholdDv && r.dv)).map((r) => r.id);
        // The other municipality's own record is found by its own staff only.
        if (v.role === 'stranger' && term.field === 'referenceNumber' && term.value === foreignRef) expected.push(foreignId);
        expected.sort();
        if (withholdDv && recs.some((r) => visible(v, r) && term.matches(r) && r.dv)) dvWithheld += 1;
        expect(got).toEqual(expected);
        expect(res.body.data!.records.totalCount).toBe(expected.length);
        answered += 1;
      }),
      { numRuns: 120, seed: 20261204 },
    );
    t.app.services.policies.set(DEMO, defaultPolicy);
    // The cases that matter were all exercised.
    expect(answered).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(5);
    expect(dvWithheld).toBeGreaterThan(3);
  }, 240_000);

  it('the owning department finds a DV-protected family by phone; no other department does', async () => {
    const dvWithPhone = recs.find((r) => r.dv && r.phone && r.sharedWith.has(DepartmentCode.LIVELIHOOD_SUPPORT))!;
    const q = `query($f: RecordFilter) { records(filter: $f, first: 100) { edges { node { id } } } }`;
    const byOwner = await t.gql(q, { f: { contact: dvWithPhone.phone } }, viewers.find((v) => v.role === DepartmentCode.SINGLE_PARENT)!.token);
    expect(byOwner.body.data!.records.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(dvWithPhone.id);
    const byOther = await t.gql(q, { f: { contact: dvWithPhone.phone } }, viewers.find((v) => v.role === DepartmentCode.LIVELIHOOD_SUPPORT)!.token);
    expect(byOther.body.data!.records.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(dvWithPhone.id);
  });
});
