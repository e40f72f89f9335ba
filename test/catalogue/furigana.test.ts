import { describe, expect, it } from 'vitest';
import { furiganaProblem, furiganaToHtml, parseFurigana, stripFurigana } from '../../api/programme/catalogue/furigana';

describe('furigana markup', () => {
  const text = 'お金{かね}を 申{もう}し込{こ}む';

  it('parses kanji runs and their readings', () => {
    expect(parseFurigana(text)).toEqual([
      { text: 'お' },
      { text: '金', reading: 'かね' },
      { text: 'を ' },
      { text: '申', reading: 'もう' },
      { text: 'し' },
      { text: '込', reading: 'こ' },
      { text: 'む' },
    ]);
  });

  it('strips readings', () => {
    expect(stripFurigana(text)).toBe('お金を 申し込む');
    expect(stripFurigana('児童扶養手当{じどうふようてあて}')).toBe('児童扶養手当');
  });

  it('renders escaped ruby HTML', () => {
    expect(furiganaToHtml('<b>金{かね}')).toBe('&lt;b&gt;<ruby>金<rt>かね</rt></ruby>');
  });

  it('finds malformed markup', () => {
    expect(furiganaProblem(text)).toBeUndefined();
    expect(furiganaProblem('手当{teate}')).toMatch(/malformed/);
    expect(furiganaProblem('あ{あ}')).toMatch(/malformed/); // reading after kana
    expect(furiganaProblem('金{かね')).toMatch(/malformed/);
  });
});
