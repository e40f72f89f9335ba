import { describe, expect, it } from 'vitest';
import { compact, katakanaToHiragana, normalize, Synonyms, tokenize } from '../../api/chat/text';

describe('chat text normalisation', () => {
  it('folds width, katakana, case, long vowels and punctuation to one form', () => {
    expect(normalize('ｼﾝｸﾞﾙﾏｻﾞｰです！')).toBe('しんぐるまざです');
    expect(normalize('シングルマザー')).toBe(normalize('しんぐるまざ'));
    expect(normalize('ＨＥＬＬＯ　Ｗｏｒｌｄ？？')).toBe('hello world');
    expect(normalize('児童扶養手当（母子手当）について。')).toBe('児童扶養手当 母子手当 について');
    expect(katakanaToHiragana('ヒトリオヤ')).toBe('ひとりおや');
    expect(compact('１２３ ４５６')).toBe('123456');
  });

  it('tokenises into words (Intl.Segmenter) and character bigrams of Japanese runs', () => {
    const t = tokenize('児童扶養手当について知りたい');
    expect(t).toEqual(expect.arrayContaining(['児童', '扶養', '手当', '#扶養', '#養手', '#手当']));
    // Particles and auxiliaries are not words of their own.
    expect(t).not.toContain('について');
    expect(t).not.toContain('たい');
  });

  it('gives katakana and hiragana spellings, and full/half width, the same terms', () => {
    expect(tokenize('ｼﾝｸﾞﾙﾏｻﾞｰ').filter((x) => x.startsWith('#'))).toEqual(tokenize('しんぐるまざー').filter((x) => x.startsWith('#')));
    expect(tokenize('ＤＶ')).toEqual(tokenize('dv'));
  });

  it('shares bigrams between a typo and the right word', () => {
    const right = new Set(tokenize('児童扶養手当'));
    const typo = tokenize('児童扶陽手当');
    expect(typo.filter((x) => right.has(x)).length).toBeGreaterThanOrEqual(3);
  });

  it('lower-cases English and drops plural s', () => {
    expect(tokenize('How much are Child Allowances?')).toEqual(['much', 'child', 'allowance']);
  });

  it('expands synonyms found anywhere in the text (kana and width variants too)', () => {
    const s = new Synonyms({ 母子手当: ['児童扶養手当'], シンママ: ['ひとり親', '母子家庭'] });
    expect(s.expand('母子手当はいつ？')).toBe('母子手当はいつ？ 児童扶養手当');
    expect(s.expand('しんままです')).toContain('ひとり親');
    expect(s.expand('ｼﾝﾏﾏです')).toContain('母子家庭');
    expect(s.expand('関係ない話')).toBe('関係ない話');
  });
});
