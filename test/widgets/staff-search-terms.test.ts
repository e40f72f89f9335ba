import { beforeAll, describe, expect, it } from 'vitest';

type Terms = typeof import('../../widgets/staff/search-terms.js', { with: { 'resolution-mode': 'import' } });
let classifySearch: Terms['classifySearch'];
beforeAll(async () => {
  ({ classifySearch } = await import('../../widgets/staff/search-terms.js'));
});

describe('the console search box: what was typed goes to the matching filter', () => {
  it.each([
    ['QSAG-WPD5', 'referenceNumber', 'QSAG-WPD5'],
    ['qsag-wpd5', 'referenceNumber', 'QSAG-WPD5'],
    ['ＱＳＡＧ－ＷＰＤ５', 'referenceNumber', 'QSAG-WPD5'],
    ['QSAGWPD5', 'referenceNumber', 'QSAGWPD5'],
    ['090-1234-5678', 'contact', '09012345678'],
    ['０９０ー１２３４ー５６７８', 'contact', '09012345678'],
    ['03 1111 2222', 'contact', '0311112222'],
    ['family1@example.jp', 'contact', 'family1@example.jp'],
    ['1990-04-01', 'birthDate', '1990-04-01'],
    ['1990/4/1', 'birthDate', '1990-04-01'],
    ['１９９０年４月１日', 'birthDate', '1990-04-01'],
    ['朝霧', 'name', '朝霧'],
    ['あさぎり はな', 'name', 'あさぎり はな'],
    ['ｱｻｷﾞﾘ', 'name', 'アサギリ'],
    // Not a reference number (letters outside its alphabet, no digit) or a real date: a name.
    ['TANAKAKO', 'name', 'TANAKAKO'],
    ['1990-02-30', 'name', '1990-02-30'],
    ['090-1234', 'name', '090-1234'],
  ])('%s → %s', (text, field, value) => {
    expect(classifySearch(text)).toEqual({ field, value });
  });

  it('empty text is no search', () => {
    expect(classifySearch('  　')).toBeNull();
  });
});
