import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountLink, AccountLinkPurpose, AdminEvent } from '../../api/accounts/entities';
import { linkTokenHash } from '../../api/accounts/links';
import { Department } from '../../api/municipality/department.entity';
import { Municipality } from '../../api/municipality/municipality.entity';
import { codeProblem, parseCreateArgs } from '../../api/onboarding';
import { PostalDirectory } from '../../api/postal/postal-directory';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { emptyDatabase, type EmptyDatabase, linkToken, runCreate } from './support';

describe('全国地方公共団体コード', () => {
  const postal = PostalDirectory.shared();
  const known = (c: string) => postal.municipality(c);

  it('accepts a real code with its check digit (weights 6,5,4,3,2, mod 11)', () => {
    expect(codeProblem('131016', known)).toBeNull(); // 千代田区
    expect(codeProblem('011002', known)).toBe('UNKNOWN'); // 札幌市 itself: the postal data lists its wards
    expect(codeProblem('011011', known)).toBeNull(); // 札幌市中央区
    expect(postal.municipality('131016')).toEqual({ prefecture: '東京都', city: '千代田区' });
  });

  it('refuses a wrong check digit, a wrong shape, the demo code and a code no municipality has', () => {
    expect(codeProblem('131017', known)).toBe('CHECK_DIGIT');
    expect(codeProblem('13101', known)).toBe('FORMAT');
    expect(codeProblem('13101６', known)).toBe('FORMAT');
    expect(codeProblem('999999', known)).toBe('DEMO');
    expect(codeProblem('000001', known)).toBe('UNKNOWN'); // check digit right (remainder 0 → 1), no such place
  });

  it('the check digit of every municipality in the postal data is the standard one', () => {
    // A check digit of 10 or 11 keeps its ones digit: remainder 1 → 0, remainder 0 → 1.
    expect(codeProblem('012025', known)).toBeNull(); // 函館市: sum 0·6+1·5+2·4+0·3+2·2 = 17, 17 mod 11 = 6, 11 − 6 = 5
  });
});

describe('command-line arguments', () => {
  it('reads the departments with their local names', () => {
    expect(parseCreateArgs(['--code', '131016', '--name', '千代田区', '--departments', 'single-parent=子ども家庭課,livelihood-support=福祉総務課'])).toEqual({
      code: '131016',
      name: '千代田区',
      optionalTwoFactor: false,
      departments: [
        { code: 'single-parent', name: '子ども家庭課' },
        { code: 'livelihood-support', name: '福祉総務課' },
      ],
    });
    expect(parseCreateArgs(['--code=131016', '--name=千代田区'])).toMatchObject({ code: '131016', name: '千代田区' });
    expect(parseCreateArgs(['--code', '131016'])).toEqual({ error: '--code and --name are required' });
    expect(parseCreateArgs(['--code', '131016', '--name', 'x', '--password', 'y'])).toMatchObject({ error: expect.stringContaining('Unknown argument') });
  });
});

describe('npm run municipality:create on an empty database', () => {
  let db: EmptyDatabase;
  let first: { code: number | null; out: string; err: string };
  beforeAll(async () => {
    db = await emptyDatabase();
    first = await runCreate(db.env, [
      '--code',
      '131016',
      '--name',
      '千代田区',
      '--departments',
      'single-parent=子ども家庭課,livelihood-support=福祉総務課,public-housing=住宅課',
    ]);
  }, 120_000);
  afterAll(() => db.drop());

  it('migrates, creates the municipality and the departments named, and prints a one-time link', async () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Created 131016 千代田区 (東京都千代田区) with 3 departments');
    const token = linkToken(first.out);
    const handle = await db.open();
    try {
      const em = handle.orm.em.fork() as EntityManager;
      const m = await em.findOneOrFail(Municipality, { code: '131016' });
      expect(m.requireTwoFactor).toBe(true);
      const deps = await em.find(Department, { municipality: '131016' });
      expect(deps.map((d) => [d.code, d.name]).sort()).toEqual([
        ['livelihood-support', '福祉総務課'],
        ['public-housing', '住宅課'],
        ['single-parent', '子ども家庭課'],
      ]);
      // No account, no password until the link is used; the link is stored as a hash only.
      expect(await em.count(StaffMember, { municipality: '131016' })).toBe(0);
      const links = await em.find(AccountLink, { municipalityCode: '131016' });
      expect(links).toHaveLength(1);
      expect(links[0]!.purpose).toBe(AccountLinkPurpose.FIRST_ADMIN);
      expect(links[0]!.tokenHash).toBe(linkTokenHash(token));
      expect(JSON.stringify(links)).not.toContain(token);
      expect(links[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3600_000);
      const events = await em.find(AdminEvent, { municipalityCode: '131016' });
      expect(events.map((e) => e.action)).toEqual(['municipality.created']);
    } finally {
      await handle.close();
    }
  });

  it('refuses an existing code clearly and changes nothing (safe to run twice)', async () => {
    const again = await runCreate(db.env, ['--code', '131016', '--name', '別の名前']);
    expect(again.code).toBe(3);
    expect(again.err).toContain('自治体 131016 はすでに登録されています。何も変更していません。');
    expect(again.err).toContain('already exists; nothing was changed');
    expect(again.out).not.toContain('#link=');
    const handle = await db.open();
    try {
      const em = handle.orm.em.fork() as EntityManager;
      expect((await em.findOneOrFail(Municipality, { code: '131016' })).name).toBe('千代田区');
      expect(await em.count(AccountLink, {})).toBe(1);
    } finally {
      await handle.close();
    }
  });

  it('refuses a wrong check digit, the demo code and departments without the owner, with every problem named', async () => {
    const bad = await runCreate(db.env, ['--code', '131017', '--name', '千代田区', '--departments', 'livelihood-support=福祉総務課,nowhere=どこか']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('code: 6桁目の検査数字が合っていません');
    expect(bad.err).toContain('Unknown department code "nowhere"');
    expect(bad.err).toContain('The single-parent department is required');
    const demo = await runCreate(db.env, ['--code', '999999', '--name', 'デモ市']);
    expect(demo.code).toBe(2);
    expect(demo.err).toContain('999999 is the fictional demo municipality');
    const handle = await db.open();
    try {
      expect(await (handle.orm.em.fork() as EntityManager).count(Municipality, {})).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
