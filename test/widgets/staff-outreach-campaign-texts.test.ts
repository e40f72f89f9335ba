import { beforeAll, describe, expect, it } from 'vitest';

type Texts = typeof import('../../widgets/staff/outreach-campaign-texts.js', { with: { 'resolution-mode': 'import' } });
let texts: Texts;
beforeAll(async () => {
  texts = await import('../../widgets/staff/outreach-campaign-texts.js');
});

describe('the outreach campaigns’ and calls’ texts', () => {
  it('exist in Japanese, English and やさしい日本語, with the same placeholders in each', () => {
    for (const [key, row] of Object.entries(texts.C)) {
      expect(row, key).toHaveLength(3);
      for (const text of row) expect(text.trim(), key).not.toBe('');
      const holes = row.map((t) => t.split('%').length - 1);
      expect(new Set(holes).size, `${key}: ${JSON.stringify(row)}`).toBe(1);
    }
  });

  it('fill placeholders in order and label every value the API returns', () => {
    expect(texts.ct(0, 'previewResult', 12, 9)).toBe('条件に合う家庭は 12 件です。そのうちお知らせが届けられるのは 9 件です。');
    for (const v of [
      'NEWS',
      'DEADLINE',
      'REMINDER',
      'SCHEDULED',
      'SENT',
      'CANCELLED',
      'REACHED',
      'NO_ANSWER',
      'WRONG_NUMBER',
      'DO_NOT_CALL',
      'phone-channel',
      'permanent-failure',
    ]) {
      expect(texts.clabel(2, v), v).not.toBe(v);
    }
  });
});
