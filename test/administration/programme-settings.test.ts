import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { joinWithTwoFactor, newMunicipality } from '../accounts/support';
import { startTestApp, type TestApp } from '../support/app';

// 「支援制度の設定」 (issue 21): an admin changes the municipality's programmes in the console. Checked
// by the overrides file's validator (refused by field, value not repeated), previewed, applied with a
// version (a stale one is CONFLICT), in force at once for that municipality's eligibility and not for
// another's, admins of the municipality only, every save in the administration trail.

const VIEW = '{ programmeSettings { version programmes { id name level enabled contact { ja en jaEasy } amounts { key value fileValue } changedHere } } }';
const SAVE = `mutation($i: ProgrammeSettingsInput!) { saveProgrammeSettings(input: $i) { applied changes { path before after } settings { version } } }`;
const ELIGIBILITY = `query($input: HouseholdInput!) { eligibility(input: $input) { results { programme { id } status } } }`;
const PROGRAMMES = `query($m: String) { programmes(municipalityCode: $m) { id contact } }`;
const HOUSEHOLD = {
  asOf: '2026-11-01',
  children: [{ birthDate: '2015-06-01' }],
  annualEmploymentIncome: 1810000,
  childSupportReceivedYearly: 300000,
  dependentsCount: 1,
  otherIncome: 0,
  married: false,
};
const CONTACT = {
  ja: 'デモ市ひとり親相談窓口（電話 0000-11-2222）',
  en: 'Demo City single-parent desk (tel. 0000-11-2222)',
  jaEasy: 'デモ市{し}の ひとり親{おや}の 窓口{まどぐち}',
};

let t: TestApp;
let admin: string;
const ext = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => res.body.errors?.[0]?.extensions;
const trail = async () =>
  await t
    .em()
    .getConnection()
    .execute<{ detail: string; municipality_code: string }[]>(
      `select detail, municipality_code from admin_event where action = 'programme-settings.changed' order by id`,
    );
const save = (programmes: unknown[], version: number, apply = true, token = admin, municipalityCode = '999999') =>
  t.gql(SAVE, { i: { municipalityCode, version, programmes, apply } }, token);
const eligible = async (m?: string) =>
  (
    (await t.gql(ELIGIBILITY, { input: { ...HOUSEHOLD, ...(m ? { municipalityCode: m } : {}) } })).body.data!.eligibility.results as {
      programme: { id: string };
    }[]
  ).map((r) => r.programme.id);

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
});
afterAll(() => t?.close());

describe('programme settings in the console', () => {
  it("lists the catalogue as the municipality sees it: the file's changes, amounts only for non-national programmes", async () => {
    const res = await t.gql(VIEW, {}, admin);
    expect(res.body.errors).toBeUndefined();
    const view = res.body.data!.programmeSettings as {
      version: number;
      programmes: { id: string; enabled: boolean; level: string; amounts: { key: string; value: number }[] }[];
    };
    expect(view.version).toBe(0);
    const byId = new Map(view.programmes.map((p) => [p.id, p]));
    expect(byId.get('learning-support-for-children')!.enabled).toBe(false);
    expect(byId.get('housing-support-loan')!.amounts).toEqual([{ key: 'monthlyCap', value: 40000, fileValue: 40000 }]);
    expect(byId.get('child-rearing-allowance')!.amounts).toEqual([]);
    expect(byId.has('999999-school-entry-gift')).toBe(true);
  });

  it("refuses a national programme's amount, an undeclared amount, an unknown programme and a bad text by field, without the value", async () => {
    let res = await save([{ programmeId: 'child-rearing-allowance', amounts: [{ key: 'monthlyCap', value: 1 }] }], 0, false);
    expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programmes[0].amounts' });
    expect(res.body.errors![0]!.message).toContain('国の制度');
    res = await save([{ programmeId: 'housing-support-loan', amounts: [{ key: 'weeklyCap', value: 5 }] }], 0, false);
    expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programmes[0].amounts[0]' });
    res = await save([{ programmeId: 'housing-support-loan', amounts: [{ key: 'monthlyCap', value: -5 }] }], 0, false);
    expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programmes[0].amounts[0]' });
    res = await save([{ programmeId: 'no-such-programme-xyz', enabled: false }], 0, false);
    expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programmes[0].programmeId' });
    expect(JSON.stringify(res.body.errors)).not.toContain('no-such-programme-xyz');
    res = await save([{ programmeId: 'child-rearing-allowance', contact: { ...CONTACT, en: '  ' } }], 0, false);
    expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programmes[0].contact.en' });
    res = await save([{ programmeId: 'child-rearing-allowance', contact: { ...CONTACT, jaEasy: '窓口{まどぐち' } }], 0, false);
    expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programmes[0].contact.jaEasy' });
    expect(JSON.stringify(res.body.errors)).not.toContain('まどぐち');
    expect(await trail()).toHaveLength(0);
  });

  it('previews, applies at once for this municipality only (eligibility, programmes), records it; a stale version is CONFLICT', async () => {
    expect(await eligible('999999')).toContain('child-rearing-allowance');
    const changes = [
      { programmeId: 'child-rearing-allowance', enabled: false },
      { programmeId: 'single-parent-consultation', contact: CONTACT },
      { programmeId: 'housing-support-loan', amounts: [{ key: 'monthlyCap', value: 50000 }] },
    ];
    const preview = await save(changes, 0, false);
    expect(preview.body.errors).toBeUndefined();
    expect(preview.body.data!.saveProgrammeSettings).toMatchObject({ applied: false, settings: { version: 0 } });
    const paths = (preview.body.data!.saveProgrammeSettings.changes as { path: string; before: string; after: string }[]).map((c) => [
      c.path,
      c.before,
      c.after,
    ]);
    expect(paths).toContainEqual(['programmes.child-rearing-allowance.enabled', 'true', 'false']);
    expect(paths).toContainEqual(['programmes.housing-support-loan.amounts.monthlyCap', '40000', '50000']);
    expect(paths).toContainEqual(['programmes.single-parent-consultation.contact.en', expect.any(String), CONTACT.en]);
    // The preview changed nothing.
    expect(await eligible('999999')).toContain('child-rearing-allowance');

    const applied = await save(changes, 0, true);
    expect(applied.body.errors).toBeUndefined();
    expect(applied.body.data!.saveProgrammeSettings).toMatchObject({ applied: true, settings: { version: 1 } });
    expect(await eligible('999999')).not.toContain('child-rearing-allowance');
    expect(await eligible()).toContain('child-rearing-allowance');
    const list = (await t.gql(PROGRAMMES, { m: '999999' })).body.data!.programmes as { id: string; contact: string }[];
    expect(list.find((p) => p.id === 'single-parent-consultation')!.contact).toBe(CONTACT.ja);
    const view = (await t.gql(VIEW, {}, admin)).body.data!.programmeSettings;
    const housing = view.programmes.find((p: { id: string }) => p.id === 'housing-support-loan');
    expect(housing).toMatchObject({ amounts: [{ key: 'monthlyCap', value: 50000, fileValue: 40000 }], changedHere: ['amounts'] });

    const rows = await trail();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.municipality_code).toBe('999999');
    expect(rows[0]!.detail).toContain('programmes.housing-support-loan.amounts.monthlyCap 40000 -> 50000');
    expect(rows[0]!.detail).toContain('programmes.single-parent-consultation.contact.ja changed');
    expect(rows[0]!.detail).not.toContain('0000-11-2222');

    // A screen still on version 0 is refused, preview and apply alike; nothing changes.
    expect(ext(await save([{ programmeId: 'child-rearing-allowance', enabled: true }], 0, true))).toMatchObject({ code: 'CONFLICT' });
    expect(ext(await save([{ programmeId: 'child-rearing-allowance', enabled: true }], 0, false))).toMatchObject({ code: 'CONFLICT' });
    expect(await eligible('999999')).not.toContain('child-rearing-allowance');
    // Leaving a programme out gives it back its file's settings.
    const back = await save([], 1, true);
    expect(back.body.data!.saveProgrammeSettings).toMatchObject({ applied: true, settings: { version: 2 } });
    expect(await eligible('999999')).toContain('child-rearing-allowance');
    expect(await trail()).toHaveLength(2);
  });

  it("is FORBIDDEN for a caseworker and for another municipality's admin; anonymous is UNAUTHENTICATED", async () => {
    const caseworker = await t.login(DepartmentCode.SINGLE_PARENT);
    expect(ext(await t.gql(VIEW, {}, caseworker))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await save([{ programmeId: 'child-rearing-allowance', enabled: false }], 2, true, caseworker))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await t.gql(VIEW, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });

    const link = await newMunicipality(t);
    const other = (await joinWithTwoFactor(t, link, { email: 'admin@city.chiyoda.example.jp', name: '千代田 管理' })).token;
    expect(ext(await save([{ programmeId: 'child-rearing-allowance', enabled: false }], 2, true, other))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await eligible('999999')).toContain('child-rearing-allowance');
    // Their own catalogue is theirs: switching a programme off there leaves デモ市 as it is.
    const own = await save([{ programmeId: 'child-rearing-allowance', enabled: false }], 0, true, other, '131016');
    expect(own.body.errors).toBeUndefined();
    expect(await eligible('131016')).not.toContain('child-rearing-allowance');
    expect(await eligible('999999')).toContain('child-rearing-allowance');
  });
});

describe('programme settings in the settings YAML', () => {
  const EXPORT = `{ municipalitySettingsYaml }`;
  const IMPORT = `mutation($i: ImportMunicipalitySettingsInput!) { importMunicipalitySettings(input: $i) { applied changes { path before after } } }`;

  it('exports them under programmes:, refuses a national amount by key, dry-runs the differences, applies them; the export imports back unchanged', async () => {
    const version = (await t.gql(VIEW, {}, admin)).body.data!.programmeSettings.version as number;
    const text = (await t.gql(EXPORT, {}, admin)).body.data!.municipalitySettingsYaml as string;
    expect(text).toContain('programmes: {}');
    const header = text.replace('programmes: {}', '');
    const bad = await t.gql(IMPORT, { i: { yaml: `${header}programmes:\n  child-rearing-allowance:\n    amounts: { monthlyCap: 1 }\n`, apply: true } }, admin);
    expect(ext(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.body.errors![0]!.message).toContain('programmes.child-rearing-allowance.amounts');
    expect(bad.body.errors![0]!.message).toContain('国の制度');

    const yaml = `${header}programmes:\n  housing-support-loan:\n    amounts: { monthlyCap: 45000 }\n  child-rearing-allowance:\n    enabled: false\n`;
    const dry = await t.gql(IMPORT, { i: { yaml, apply: false } }, admin);
    expect(dry.body.errors).toBeUndefined();
    expect(dry.body.data!.importMunicipalitySettings.applied).toBe(false);
    expect(dry.body.data!.importMunicipalitySettings.changes).toEqual([
      { path: 'programmes.child-rearing-allowance.enabled', before: 'true', after: 'false' },
      { path: 'programmes.housing-support-loan.amounts.monthlyCap', before: '40000', after: '45000' },
    ]);
    expect(await eligible('999999')).toContain('child-rearing-allowance');
    const applied = await t.gql(IMPORT, { i: { yaml, apply: true } }, admin);
    expect(applied.body.data!.importMunicipalitySettings.applied).toBe(true);
    expect(await eligible('999999')).not.toContain('child-rearing-allowance');
    expect((await t.gql(VIEW, {}, admin)).body.data!.programmeSettings.version).toBe(version + 1);

    const again = (await t.gql(EXPORT, {}, admin)).body.data!.municipalitySettingsYaml as string;
    expect(again).toContain('housing-support-loan');
    const back = await t.gql(IMPORT, { i: { yaml: again, apply: true } }, admin);
    expect(back.body.data!.importMunicipalitySettings).toEqual({ applied: false, changes: [] });
  });
});
