import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessPolicySync, PolicyBook } from '../../api/access';
import { SEEDS_DIR, Section } from '../../api/core';
import { DepartmentCode } from '../../api/core/departments';
import { joinWithTwoFactor, newMunicipality } from '../accounts/support';
import { startTestApp, type TestApp } from '../support/app';

// 「アクセス方針」 (issue 21): an admin replaces the municipality's access policy with a YAML document in
// the shape of seeds/policy/*.yaml. Checked by the files' own parser (problems by key; the law and promise
// rules cannot be weakened), previewed as gains and losses, applied with a version (a stale one is
// CONFLICT), in force at once for every access decision and in another process's policy book, admins of
// the municipality only, every apply in the administration trail.

const VIEW = '{ accessPolicySettings { version source yaml grants { section role read write } roles { key name } sections { key name } rules updatedBy } }';
const VALIDATE = 'query($y: String!) { validateAccessPolicy(yaml: $y) { key message } }';
const SAVE =
  'mutation($i: AccessPolicyInput!) { saveAccessPolicy(input: $i) { applied changes { path role section before after widens } policy { version source } } }';
const CREATE = 'mutation($input: CreateRecordInput!) { createRecord(input: $input) { id } }';
const READ = 'query($id: ID!) { record(id: $id) { id income { annualEmploymentIncome } access { section readable reason } } }';
const DEMO = '999999';
const DEFAULT = readFileSync(join(SEEDS_DIR, 'policy', 'default.yaml'), 'utf8');
const INCOME_ROW = "income:           { single-parent: rw, livelihood-support: r,  family-register: '-',";
/** 生活困窮 loses income; 戸籍 gains it. */
const SWAPPED = DEFAULT.replace(INCOME_ROW, "income:           { single-parent: rw, livelihood-support: '-',  family-register: r,");

let t: TestApp;
let admin: string;
let record: string;
const ext = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => res.body.errors?.[0]?.extensions;
const trail = async () =>
  await t
    .em()
    .getConnection()
    .execute<{ detail: string; municipality_code: string }[]>(
      `select detail, municipality_code from admin_event where action = 'access-policy.changed' order by id`,
    );
const save = (yaml: string, version: number, apply = true, token = admin, municipalityCode = DEMO) =>
  t.gql(SAVE, { i: { municipalityCode, version, yaml, apply } }, token);
const income = async (department: DepartmentCode) => {
  const res = await t.gql(READ, { id: record }, await t.login(department));
  const reason = (res.body.data!.record.access as { section: string; reason: string | null }[]).find((a) => a.section === 'INCOME')!.reason;
  return { value: res.body.data!.record.income?.annualEmploymentIncome ?? null, reason };
};

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
  const owner = await t.login(DepartmentCode.SINGLE_PARENT);
  const res = await t.gql(
    CREATE,
    {
      input: {
        identity: { familyName: '方針', givenName: '試験', familyNameKana: 'ホウシン', givenNameKana: 'シケン' },
        income: { annualEmploymentIncome: 2_000_000 },
        consent: { sharedWith: ['LIVELIHOOD_SUPPORT', 'FAMILY_REGISTER'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
      },
    },
    owner,
  );
  expect(res.body.errors).toBeUndefined();
  record = res.body.data!.createRecord.id as string;
});
afterAll(() => t?.close());

describe('access policy in the console', () => {
  it('shows the policy in force (default.yaml) as a table, the rules in words and the file as written', async () => {
    const res = await t.gql(VIEW, {}, admin);
    expect(res.body.errors).toBeUndefined();
    const v = res.body.data!.accessPolicySettings;
    expect(v).toMatchObject({ version: 0, source: 'default', yaml: DEFAULT, updatedBy: null });
    expect(v.grants).toContainEqual({ section: 'INCOME', role: 'family-register', read: false, write: false });
    expect(v.grants).toContainEqual({ section: 'INCOME', role: 'livelihood-support', read: true, write: false });
    expect(v.roles.map((r: { key: string }) => r.key)).toContain('partner');
    expect(v.sections).toContainEqual({ key: 'income', name: '収入' });
    expect(v.rules).toHaveLength(7);
    expect(v.rules[1]).toContain('同意');
  });

  it('validates: a problem by key as the parser reports it, nothing for a good document; nothing changes', async () => {
    const good = await t.gql(VALIDATE, { y: SWAPPED }, admin);
    expect(good.body).toEqual({ data: { validateAccessPolicy: [] } });
    const bad = await t.gql(
      VALIDATE,
      { y: DEFAULT.replace(INCOME_ROW, "income:           { single-parent: rw, livelihood-support: x,  family-register: '-',") },
      admin,
    );
    expect(bad.body.data!.validateAccessPolicy).toEqual([{ key: 'sections.income.livelihood-support', message: expect.stringContaining('r（閲覧）') }]);
    const missing = await t.gql(VALIDATE, { y: DEFAULT.replace(/^ {2}protection: .*$/m, '') }, admin);
    expect(missing.body.data!.validateAccessPolicy[0].key).toBe('sections.protection.single-parent');
    const broken = await t.gql(VALIDATE, { y: 'version: 1\nsections: [\n' }, admin);
    expect(broken.body.data!.validateAccessPolicy[0].key).toBe('(file)');
    expect((await t.gql(VIEW, {}, admin)).body.data!.accessPolicySettings.version).toBe(0);
    expect(await income(DepartmentCode.LIVELIHOOD_SUPPORT)).toEqual({ value: 2_000_000, reason: null });
    expect(await trail()).toHaveLength(0);
  });

  it('refuses weakening a law or promise rule with BAD_USER_INPUT and its key; nothing changes', async () => {
    const cases: [string, string, string][] = [
      ['owner: single-parent', 'owner: livelihood-support', 'rules.owner'],
      ['consent: department', 'consent: none', 'rules.consent'],
      ['municipality: own', 'municipality: all', 'rules.municipality'],
      ['consent: partners', 'consent: anyone', 'rules.partner.consent'],
      ['withhold: [address, contact]', 'withhold: []', 'rules.dv.withhold'],
      ['when: [dv-concern, support-measure]', 'when: [never]', 'rules.dv.when'],
      ['referral: [requested, accepted]', 'referral: [requested, accepted, closed]', 'rules.partner.referral'],
    ];
    for (const [from, to, key] of cases) {
      const yaml = DEFAULT.replace(from, to);
      expect(yaml, key).not.toBe(DEFAULT);
      for (const apply of [false, true]) {
        const res = await save(yaml, 0, apply);
        expect(ext(res), key).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.yaml' });
        expect(res.body.errors![0]!.message.startsWith(`${key}: `), key).toBe(true);
      }
    }
    expect((await save(DEFAULT.replace('owner: single-parent', 'owner: livelihood-support'), 0)).body.errors![0]!.message).toContain('法令');
    expect(await trail()).toHaveLength(0);
    expect((await t.gql(VIEW, {}, admin)).body.data!.accessPolicySettings.source).toBe('default');
  });

  it('previews gains and losses, applies at once (a gain reads, a loss is denied), records it; a stale version is CONFLICT', async () => {
    const preview = await save(SWAPPED, 0, false);
    expect(preview.body.errors).toBeUndefined();
    expect(preview.body.data!.saveAccessPolicy).toMatchObject({ applied: false, policy: { version: 0, source: 'default' } });
    expect(preview.body.data!.saveAccessPolicy.changes).toEqual([
      { path: 'sections.income.livelihood-support', role: 'livelihood-support', section: 'INCOME', before: 'r', after: '-', widens: false },
      { path: 'sections.income.family-register', role: 'family-register', section: 'INCOME', before: '-', after: 'r', widens: true },
    ]);
    // The preview changed nothing.
    expect(await income(DepartmentCode.FAMILY_REGISTER)).toEqual({ value: null, reason: 'NOT_PERMITTED' });

    const applied = await save(SWAPPED, 0, true);
    expect(applied.body.errors).toBeUndefined();
    expect(applied.body.data!.saveAccessPolicy).toMatchObject({ applied: true, policy: { version: 1, source: 'console' } });
    expect(await income(DepartmentCode.FAMILY_REGISTER)).toEqual({ value: 2_000_000, reason: null });
    expect(await income(DepartmentCode.LIVELIHOOD_SUPPORT)).toEqual({ value: null, reason: 'NOT_PERMITTED' });
    const view = (await t.gql(VIEW, {}, admin)).body.data!.accessPolicySettings;
    expect(view).toMatchObject({ version: 1, source: 'console', yaml: SWAPPED, updatedBy: expect.any(String) });
    expect(view.grants).toContainEqual({ section: 'INCOME', role: 'family-register', read: true, write: false });

    const rows = await trail();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      municipality_code: DEMO,
      detail: 'version 1: sections.income.livelihood-support r -> -; sections.income.family-register - -> r (wider)',
    });

    // Another process reads the stored policy into its own book (what the change feed makes it do).
    const other = PolicyBook.load(join(SEEDS_DIR, 'policy'));
    await new AccessPolicySync(t.db.orm, () => other).reload(DEMO);
    const incomeOf = (code: string) => other.for(code).get(DepartmentCode.FAMILY_REGISTER)!.get(Section.INCOME);
    expect(incomeOf(DEMO)).toEqual({ read: true, write: false });
    expect(incomeOf('131016')).toEqual({ read: false, write: false });

    // A screen still on version 0 is refused, preview and apply alike; nothing changes.
    expect(ext(await save(DEFAULT, 0, true))).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(ext(await save(DEFAULT, 0, false))).toMatchObject({ code: 'CONFLICT' });
    expect(await income(DepartmentCode.FAMILY_REGISTER)).toEqual({ value: 2_000_000, reason: null });
    // Applying the file's text again gives back what the file says (a new version, recorded).
    const back = await save(DEFAULT, 1, true);
    expect(back.body.data!.saveAccessPolicy).toMatchObject({ applied: true, policy: { version: 2 } });
    expect(await income(DepartmentCode.LIVELIHOOD_SUPPORT)).toEqual({ value: 2_000_000, reason: null });
    expect(await trail()).toHaveLength(2);
  });

  it("is FORBIDDEN for a caseworker and for another municipality's admin; anonymous is UNAUTHENTICATED", async () => {
    const caseworker = await t.login(DepartmentCode.SINGLE_PARENT);
    expect(ext(await t.gql(VIEW, {}, caseworker))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await t.gql(VALIDATE, { y: DEFAULT }, caseworker))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await save(SWAPPED, 2, true, caseworker))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await t.gql(VIEW, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
    const link = await newMunicipality(t);
    const other = (await joinWithTwoFactor(t, link, { email: 'admin@city.chiyoda.example.jp', name: '千代田 管理' })).token;
    expect(ext(await save(SWAPPED, 2, true, other))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await income(DepartmentCode.LIVELIHOOD_SUPPORT)).toEqual({ value: 2_000_000, reason: null });
    expect(await trail()).toHaveLength(2);
  });
});

describe('access policy in the settings YAML', () => {
  const EXPORT = `{ municipalitySettingsYaml }`;
  const IMPORT = `mutation($i: ImportMunicipalitySettingsInput!) { importMunicipalitySettings(input: $i) { applied changes { path before after } } }`;
  const indent = (text: string) => text.replace(/^(?=.)/gm, '  ');

  it('exports the console policy under policy:, refuses a weakened rule by key, dry-runs the differences, applies them; the export imports back unchanged', async () => {
    const text = (await t.gql(EXPORT, {}, admin)).body.data!.municipalitySettingsYaml as string;
    expect(text).toContain('\npolicy:\n');
    const header = text.slice(0, text.indexOf('\npolicy:') + 1);
    const bad = await t.gql(
      IMPORT,
      { i: { yaml: `${header}policy:\n${indent(DEFAULT.replace('consent: department', 'consent: none'))}`, apply: true } },
      admin,
    );
    expect(ext(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.yaml' });
    expect(bad.body.errors![0]!.message).toContain('policy: rules.consent');

    const yaml = `${header}policy:\n${indent(SWAPPED)}`;
    const dry = await t.gql(IMPORT, { i: { yaml, apply: false } }, admin);
    expect(dry.body.errors).toBeUndefined();
    expect(dry.body.data!.importMunicipalitySettings).toEqual({
      applied: false,
      changes: [
        { path: 'policy.sections.income.livelihood-support', before: 'r', after: '-' },
        { path: 'policy.sections.income.family-register', before: '-', after: 'r' },
      ],
    });
    expect(await income(DepartmentCode.FAMILY_REGISTER)).toEqual({ value: null, reason: 'NOT_PERMITTED' });
    const applied = await t.gql(IMPORT, { i: { yaml, apply: true } }, admin);
    expect(applied.body.data!.importMunicipalitySettings.applied).toBe(true);
    expect(await income(DepartmentCode.FAMILY_REGISTER)).toEqual({ value: 2_000_000, reason: null });
    expect((await t.gql(VIEW, {}, admin)).body.data!.accessPolicySettings).toMatchObject({ version: 3, source: 'console' });
    expect(await trail()).toHaveLength(3);

    const again = (await t.gql(EXPORT, {}, admin)).body.data!.municipalitySettingsYaml as string;
    const back = await t.gql(IMPORT, { i: { yaml: again, apply: true } }, admin);
    expect(back.body.data!.importMunicipalitySettings).toEqual({ applied: false, changes: [] });
  });
});

describe('going back to the policy files (「ファイルの方針に戻す」)', () => {
  const RESET =
    'mutation($i: ResetAccessPolicyInput!) { resetAccessPolicy(input: $i) { applied changes { path role section before after widens } policy { version source yaml updatedBy } } }';
  const reset = (version: number, apply: boolean, token = admin) => t.gql(RESET, { i: { municipalityCode: DEMO, version, apply } }, token);

  it('lists what the files would change, applies with the version read (the files in force at once, here and in another process), records it; stale is CONFLICT', async () => {
    // The settings-YAML test left the console's policy (SWAPPED) at version 3.
    const preview = await reset(3, false);
    expect(preview.body.errors).toBeUndefined();
    expect(preview.body.data!.resetAccessPolicy).toMatchObject({ applied: false, policy: { version: 3, source: 'console' } });
    expect(preview.body.data!.resetAccessPolicy.changes).toEqual([
      { path: 'sections.income.livelihood-support', role: 'livelihood-support', section: 'INCOME', before: '-', after: 'r', widens: true },
      { path: 'sections.income.family-register', role: 'family-register', section: 'INCOME', before: 'r', after: '-', widens: false },
    ]);
    expect(await income(DepartmentCode.FAMILY_REGISTER)).toEqual({ value: 2_000_000, reason: null });
    expect(ext(await reset(2, true))).toMatchObject({ code: 'CONFLICT', currentVersion: 3 });
    expect(ext(await reset(3, true, await t.login(DepartmentCode.SINGLE_PARENT)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await trail()).toHaveLength(3);

    const applied = await reset(3, true);
    expect(applied.body.errors).toBeUndefined();
    expect(applied.body.data!.resetAccessPolicy).toMatchObject({ applied: true, policy: { version: 4, source: 'default', yaml: DEFAULT, updatedBy: null } });
    expect(await income(DepartmentCode.FAMILY_REGISTER)).toEqual({ value: null, reason: 'NOT_PERMITTED' });
    expect(await income(DepartmentCode.LIVELIHOOD_SUPPORT)).toEqual({ value: 2_000_000, reason: null });
    expect((await trail()).at(-1)!.detail).toBe(
      'version 4 (back to the policy files): sections.income.livelihood-support - -> r (wider); sections.income.family-register r -> -',
    );

    // Another process that held the console's policy drops it on the change feed's message, and at start.
    const other = PolicyBook.load(join(SEEDS_DIR, 'policy'));
    other.setConsole(DEMO, SWAPPED);
    expect(other.source(DEMO)).toBe('console');
    await new AccessPolicySync(t.db.orm, () => other).reload(DEMO);
    expect(other.source(DEMO)).toBe('default');
    const fresh = PolicyBook.load(join(SEEDS_DIR, 'policy'));
    await new AccessPolicySync(t.db.orm, () => fresh).loadAll();
    expect(fresh.source(DEMO)).toBe('default');

    // Nothing left to drop: nothing applied, nothing recorded; the settings YAML has no policy: any more.
    expect((await reset(4, true)).body.data!.resetAccessPolicy).toMatchObject({ applied: false, changes: [], policy: { version: 4 } });
    expect(await trail()).toHaveLength(4);
    expect((await t.gql('{ municipalitySettingsYaml }', {}, admin)).body.data!.municipalitySettingsYaml).not.toContain('\npolicy:\n');
    // And a console policy can be applied again from there.
    expect((await save(SWAPPED, 4, true)).body.data!.saveAccessPolicy).toMatchObject({ applied: true, policy: { version: 5, source: 'console' } });
  });
});
