import { beforeAll, describe, expect, it } from 'vitest';

type Texts = typeof import('../../widgets/staff/figure-input-texts.js', { with: { 'resolution-mode': 'import' } });
let m: Texts;
beforeAll(async () => {
  m = await import('../../widgets/staff/figure-input-texts.js');
});

describe('hand-entered figures: texts and input helpers', () => {
  it('every text is there in Japanese, English and やさしい日本語, with the same placeholders', () => {
    for (const [key, row] of Object.entries(m.FX)) {
      expect(row.length, key).toBe(3);
      for (const s of row) expect(s.trim().length, key).toBeGreaterThan(0);
      const holes = row.map((s) => (s.match(/%/g) ?? []).length);
      expect(new Set(holes).size, key).toBe(1);
    }
  });

  it('reads full-width digits and separators as a count, and leaves anything else for the check', () => {
    expect(m.normaliseCount(' １，２００ ')).toBe('1200');
    expect(m.normaliseCount('31人')).toBe('31人');
  });

  it('lists the fiscal year’s months up to this month, and two fiscal years back to pick from', () => {
    expect(m.fiscalMonths('2026-02-01', '2026-05-01')).toEqual([
      '2025-04-01',
      '2025-05-01',
      '2025-06-01',
      '2025-07-01',
      '2025-08-01',
      '2025-09-01',
      '2025-10-01',
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(m.fiscalMonths('2026-05-01', '2026-06-01')).toEqual(['2026-04-01', '2026-05-01', '2026-06-01']);
    const months = m.selectableMonths('2026-12-01');
    expect(months[0]).toBe('2026-12-01');
    expect(months.at(-1)).toBe('2024-04-01');
  });
});
