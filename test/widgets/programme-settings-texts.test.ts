import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../api/core';

type Texts = typeof import('../../widgets/staff/programme-settings-texts.js', { with: { 'resolution-mode': 'import' } });
let m: Texts;
beforeAll(async () => {
  m = await import('../../widgets/staff/programme-settings-texts.js');
});

/** Every amount key the catalogue and the overrides files declare. */
function declaredAmounts(): Set<string> {
  const keys = new Set<string>();
  const dir = join(SEEDS_DIR, 'programmes');
  const files = [
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(dir, f)),
    ...readdirSync(join(dir, 'overrides'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(dir, 'overrides', f)),
  ];
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'amounts' && x && typeof x === 'object' && !Array.isArray(x)) for (const key of Object.keys(x)) keys.add(key);
      else walk(x);
    }
  };
  for (const f of files) walk(parse(readFileSync(f, 'utf8')));
  return keys;
}

describe('programme settings: amounts named for people (user trial: 「金額 monthlyCap」)', () => {
  it('names every amount the seeds declare in Japanese, English and やさしい日本語, never by its key', () => {
    const keys = declaredAmounts();
    expect(keys.size).toBeGreaterThan(0);
    for (const key of keys) for (const lang of [0, 1, 2] as const) expect(m.amountName(lang, key), key).not.toBe(key);
    expect(m.pt(0, 'amount', m.amountName(0, 'monthlyCap'))).toBe('金額：月額の上限（円）');
  });

  it("shows the key of a municipality's own amount it does not know", () => {
    expect(m.amountName(0, 'schoolBag')).toBe('schoolBag');
  });
});
