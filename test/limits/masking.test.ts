/**
 * Issue 14, findings 1 and 8: chat masking is linear-time and masks the addresses and numbers the
 * outside test found stored unmasked. (The cases of test/chat/masking.test.ts still hold.)
 */
import { describe, expect, it } from 'vitest';
import { maskPersonalData, MASKS } from '../../api/chat/masking';

describe('chat masking: the addresses and numbers of finding 8', () => {
  it.each([
    ['住所は千代田区千代田1-1-1です', '住所は〔住所〕です'],
    ['港区六本木6-10-1に住んでいます', '〔住所〕に住んでいます'],
    ['東京都渋谷区神南1-23-10', '〔住所〕'],
    ['デモ台4-5-6です', '〔住所〕です'],
    ['本町3-5の近く', '〔住所〕の近く'],
    ['港区芝公園四丁目二番八号', '〔住所〕'],
    ['電話は 0 9 0 1 2 3 4 5 6 7 8 です', '電話は 〔電話番号〕 です'],
    ['０９０ １２３４ ５６７８', '〔電話番号〕'],
    ['+81 (0)3-1234-5678', '〔電話番号〕'],
    ['〒100-0001 千代田区千代田1-1-1', '〔郵便番号〕 〔住所〕'],
    ['1 2 3 4 5 6 7 8 9 0 1 2', '〔マイナンバー〕'],
  ])('%s → %s', (input, masked) => {
    expect(maskPersonalData(input)).toBe(masked);
  });

  it.each(['令和8年4-5月に申請', '2026-04-01と2026-05-01', '申請日2026-04-01', 'スコアは3-1でした', '子ども2人、1歳と3歳', '一番困っているのは家賃'])(
    'leaves ordinary text alone: %s',
    (text) => {
      expect(maskPersonalData(text)).toBe(text.normalize('NFKC'));
    },
  );

  it('masks inside a long message of kanji (the finding-1 input shape) and still masks what follows', () => {
    const text = `殴られた${'一'.repeat(1996)}千代田区千代田1-1-1`;
    const masked = maskPersonalData(text);
    expect(masked.endsWith(MASKS.address)).toBe(true);
    expect(masked).not.toContain('1-1-1');
  });
});
