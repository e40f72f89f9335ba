import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminEvent } from '../../api/accounts/admin-event.entity';
import { parseSettingsYaml, SettingsInputError } from '../../api/accounts';
import { ROOT_DIR } from '../../api/core/paths';
import { DepartmentCode } from '../../api/core/departments';
import { Department, Municipality } from '../../api/municipality';
import { startTestApp, type TestApp } from '../support/app';
import { emptyDatabase, runCreate, type EmptyDatabase } from '../onboarding/support';

const EXPORT = `{ municipalitySettingsYaml }`;
const IMPORT = `mutation($i: ImportMunicipalitySettingsInput!) { importMunicipalitySettings(input: $i) { applied changes { path before after } } }`;

describe('settings as YAML in the API: export, dry run, apply (admins)', () => {
  let t: TestApp;
  let admin: string;
  let caseworker: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 1 });
    admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    // Signed in before a test below requires two-factor sign-in (which then applies to new sign-ins).
    caseworker = await t.login(DepartmentCode.SINGLE_PARENT);
  });
  afterAll(() => t.close());

  const exported = async () => {
    const res = await t.gql(EXPORT, {}, admin);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.municipalitySettingsYaml as string;
  };
  const settings = async () => {
    const em = t.em().fork() as EntityManager;
    const m = await em.findOneOrFail(Municipality, { code: '999999' });
    const deps = await em.find(Department, { municipality: '999999' });
    const nameOf = (code: string) => Object.entries(DepartmentCode).find(([, v]) => v === code)![0];
    return {
      name: m.name,
      requireTwoFactor: m.requireTwoFactor,
      origins: m.allowedOrigins,
      departments: Object.fromEntries(deps.map((d) => [nameOf(d.code), d.name])) as Record<string, string>,
    };
  };

  it('exports what is in force; importing the export back changes nothing', async () => {
    const text = await exported();
    const file = parse(text);
    const now = await settings();
    expect(file).toEqual({
      version: 1,
      municipality: { code: '999999', name: now.name },
      requireTwoFactor: now.requireTwoFactor,
      allowedOrigins: now.origins,
      departments: now.departments,
      programmes: {},
    });
    expect(Object.keys(file.departments).length).toBeGreaterThanOrEqual(6);
    const back = await t.gql(IMPORT, { i: { yaml: text, apply: true } }, admin);
    expect(back.body.data!.importMunicipalitySettings).toEqual({ applied: false, changes: [] });
  });

  it('a dry run lists each difference and changes nothing; apply makes them, each in the trail', async () => {
    const before = await settings();
    const file = parse(await exported());
    file.requireTwoFactor = !before.requireTwoFactor;
    file.allowedOrigins = [...before.origins, 'https://www.city.example.lg.jp', 'https://kosodate.example.jp:8443'];
    file.departments = { SINGLE_PARENT: 'こども未来課' };
    const yaml = (await import('yaml')).stringify(file);
    const dry = await t.gql(IMPORT, { i: { yaml } }, admin);
    expect(dry.body.errors).toBeUndefined();
    const expected = [
      { path: 'requireTwoFactor', before: String(before.requireTwoFactor), after: String(!before.requireTwoFactor) },
      { path: 'allowedOrigins', before: null, after: 'https://www.city.example.lg.jp' },
      { path: 'allowedOrigins', before: null, after: 'https://kosodate.example.jp:8443' },
      { path: 'departments.SINGLE_PARENT', before: before.departments.SINGLE_PARENT, after: 'こども未来課' },
    ];
    expect(dry.body.data!.importMunicipalitySettings).toEqual({ applied: false, changes: expected });
    expect(await settings()).toEqual(before);

    const trail = await t.em().fork().count(AdminEvent, { municipalityCode: '999999', action: 'municipality.settings-imported' });
    const done = await t.gql(IMPORT, { i: { yaml, apply: true } }, admin);
    expect(done.body.data!.importMunicipalitySettings).toEqual({ applied: true, changes: expected });
    const after = await settings();
    expect(after).toMatchObject({
      requireTwoFactor: !before.requireTwoFactor,
      origins: [...before.origins, 'https://www.city.example.lg.jp', 'https://kosodate.example.jp:8443'],
    });
    expect(after.departments).toEqual({ ...before.departments, SINGLE_PARENT: 'こども未来課' });
    expect(await t.em().fork().count(AdminEvent, { municipalityCode: '999999', action: 'municipality.settings-imported' })).toBe(trail + 4);
    // The origins' own trail (the console's allowed-origins screen) shows them too.
    const origins = await t.gql(`{ allowedOrigins { changes { action origin actorName } } }`, {}, admin);
    expect(origins.body.data!.allowedOrigins.changes.map((c: any) => c.origin)).toEqual(
      expect.arrayContaining(['https://www.city.example.lg.jp', 'https://kosodate.example.jp:8443']),
    );

    // The list in the file is the whole list: one left out is removed.
    file.allowedOrigins = [...before.origins, 'https://www.city.example.lg.jp'];
    const removal = await t.gql(IMPORT, { i: { yaml: (await import('yaml')).stringify(file), apply: true } }, admin);
    expect(removal.body.data!.importMunicipalitySettings.changes).toEqual([
      { path: 'allowedOrigins', before: 'https://kosodate.example.jp:8443', after: null },
    ]);
    expect((await settings()).origins).not.toContain('https://kosodate.example.jp:8443');
  });

  it('refuses a file it cannot trust, naming the key and never repeating the value; nothing changes', async () => {
    const before = await settings();
    const refused = async (yaml: string) => {
      const res = await t.gql(IMPORT, { i: { yaml, apply: true } }, admin);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.extensions?.field).toBe('input.yaml');
      return (res.body.errors![0]!.extensions!.problems as { messages: { en: string } }[]).map((p) => p.messages.en);
    };
    expect(
      await refused(
        'version: 1\nmunicipality: { code: "999999" }\nallowedOrigins:\n  - http://secret-intranet.example/path\n  - https://ok.example.jp\n  - https://ok.example.jp\n',
      ),
    ).toEqual([expect.stringMatching(/^allowedOrigins\[0\]: Expected an origin/), expect.stringMatching(/^allowedOrigins\[2\]: The same origin/)]);
    const all = JSON.stringify(
      await t.gql(IMPORT, { i: { yaml: 'version: 1\nmunicipality: { code: "999999" }\nallowedOrigins: ["http://secret-intranet.example/path"]\n' } }, admin),
    );
    expect(all).not.toContain('secret-intranet');
    expect(await refused('version: 1\nmunicipality: { code: "131016" }\n')).toEqual([
      expect.stringMatching(/^municipality.code: This file is another municipality's/),
    ]);
    expect(await refused('version: 2\nmunicipality: { code: "999999" }\nrequireTwoFactr: true\n')).toEqual([
      expect.stringMatching(/^requireTwoFactr: Unknown key/),
      expect.stringMatching(/^version: Must be 1/),
    ]);
    expect(
      await refused('version: 1\nmunicipality: { code: "999999" }\ndepartments: { NOT_A_DEPARTMENT: x, SINGLE_PARENT: "" }\nrequireTwoFactor: "yes"\n'),
    ).toEqual([
      expect.stringMatching(/^requireTwoFactor: Must be true or false/),
      expect.stringMatching(/^departments.NOT_A_DEPARTMENT: Not a department/),
      expect.stringMatching(/^departments.SINGLE_PARENT: Between 1 and 50/),
    ]);
    expect(await refused('version: 1\nmunicipality: { code: "999999" \n')).toEqual([expect.stringMatching(/^\(file\): This is not valid YAML \(line \d+\)/)]);
    expect(await refused('a: &a [x, x]\nb: *a\n')).toEqual([expect.stringMatching(/^\(file\): This is not valid YAML/)]);
    // Larger than the HTTP body limit lets through; the file reader has its own limit for the command.
    const big = `version: 1\nmunicipality: { code: "999999" }\n# ${'x'.repeat(70_000)}\n`;
    expect(() => parseSettingsYaml(big, '999999')).toThrow(SettingsInputError);
    expect(
      (() => {
        try {
          parseSettingsYaml(big, '999999');
        } catch (e) {
          return (e as SettingsInputError).problems[0]!.messages.en;
        }
      })(),
    ).toMatch(/^\(file\): A settings file has at most 64 KB/);
    expect(await settings()).toEqual(before);
  });

  it('is for admins only', async () => {
    expect((await t.gql(EXPORT, {}, caseworker)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(EXPORT, {})).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('npm run settings:export / settings:import (the operator, from an empty database)', () => {
  const CLI = join(ROOT_DIR, 'dist', 'api', 'server', 'settings-cli.js');
  let db: EmptyDatabase;
  beforeAll(async () => {
    db = await emptyDatabase();
    const created = await runCreate(db.env, ['--code', '131016', '--name', '千代田区']);
    expect(created.code, created.err).toBe(0);
  }, 120_000);
  afterAll(() => db?.drop());

  const run = (args: string[]): Promise<{ code: number | null; out: string; err: string }> =>
    new Promise((resolve) => {
      const proc = spawn(process.execPath, [CLI, ...args], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'Asia/Tokyo', ...db.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
      proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
      proc.once('exit', (code) => resolve({ code, out, err }));
    });

  it('exports to a file, shows the differences of an edited file without changing anything, then applies them', async () => {
    const file = join(db.env.DATA_DIR ?? (await import('node:os')).tmpdir(), `settings-${process.pid}.yaml`);
    const exported = await run(['export', '--code', '131016', '--out', file]);
    expect(exported.code, exported.err).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# Yorisoi: settings of 千代田区 \(131016\)/);
    expect(parse(text)).toMatchObject({ version: 1, municipality: { code: '131016', name: '千代田区' }, requireTwoFactor: true, allowedOrigins: [] });

    writeFileSync(file, text.replace('allowedOrigins: []', 'allowedOrigins:\n  - https://www.city.chiyoda.lg.jp'));
    const dry = await run(['import', '--file', file]);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('+ allowedOrigins: https://www.city.chiyoda.lg.jp');
    expect(dry.out).toContain('Dry run: nothing changed');
    // The embedded database is one process's at a time: open it between the commands only.
    const read = async <T>(f: (em: EntityManager) => Promise<T>): Promise<T> => {
      const handle = await db.open();
      try {
        return await f(handle.orm.em.fork() as EntityManager);
      } finally {
        await handle.close();
      }
    };
    const origins = () => read(async (em) => (await em.findOneOrFail(Municipality, { code: '131016' })).allowedOrigins);
    expect(await origins()).toEqual([]);
    const applied = await run(['import', '--file', file, '--apply']);
    expect(applied.code, applied.err).toBe(0);
    expect(applied.out).toContain('Applied 1 change(s)');
    expect(await origins()).toEqual(['https://www.city.chiyoda.lg.jp']);
    const events = await read((em) => em.find(AdminEvent, { municipalityCode: '131016', action: 'municipality.settings-imported' }));
    expect(events.map((e) => [e.actorName, e.detail])).toEqual([['operator (command line)', 'origin added https://www.city.chiyoda.lg.jp']]);
    const again = await run(['import', '--file', file, '--apply']);
    expect(again.out).toContain('No differences');

    writeFileSync(file, 'version: 1\nmunicipality: { code: "131016" }\nallowedOrigins: ["ftp://x"]\n');
    const bad = await run(['import', '--file', file, '--apply']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('allowedOrigins[0]: Expected an origin');
  }, 180_000);
});
