import { beforeAll, describe, expect, it } from 'vitest';

type Texts = typeof import('../../widgets/staff/outreach-texts.js', { with: { 'resolution-mode': 'import' } });
let texts: Texts;
beforeAll(async () => {
  texts = await import('../../widgets/staff/outreach-texts.js');
});

describe('the outreach screen’s texts', () => {
  it('exist in Japanese, English and やさしい日本語, with the same placeholders in each', () => {
    for (const [key, row] of Object.entries(texts.O)) {
      expect(row, key).toHaveLength(3);
      for (const text of row) expect(text.trim(), key).not.toBe('');
      const holes = row.map((t) => t.split('%').length - 1);
      expect(new Set(holes).size, `${key}: ${JSON.stringify(row)}`).toBe(1);
    }
  });

  it('fill placeholders in order and label every status and kind the API returns', () => {
    expect(texts.ot(0, 'attempts', 3)).toBe('試行 3 回');
    expect(texts.ot(2, 'approved', 2)).toBe('2 こ を おくる ことに しました。');
    for (const v of [
      'CREATED',
      'SENDING',
      'DELIVERED',
      'TEMPORARY_FAILURE',
      'PERMANENT_FAILURE',
      'OPTED_OUT',
      'programme-fits',
      'amount-changed',
      'programme-lapses',
      'EMAIL',
      'SMS',
      'PHONE',
    ]) {
      expect(texts.olabel(2, v), v).not.toBe(v);
    }
    expect(texts.olabel(0, 'UNKNOWN_VALUE')).toBe('UNKNOWN_VALUE');
  });
});
