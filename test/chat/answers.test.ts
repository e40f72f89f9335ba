/**
 * Direct answers (api/chat/answers.ts) and the reply language (api/chat/language.ts): amounts for the
 * number of children a message gives, from the eligibility engine; requests for a person or for the
 * whole picture; English answered in English whatever the widget's locale.
 */
import { describe, expect, it } from 'vitest';
import { amountAnswer, amountQuestion, asksForOverview, asksForPerson, childrenInMessage } from '../../api/chat/answers';
import { replyLocale } from '../../api/chat/language';
import { compact } from '../../api/chat/text';
import { childAllowanceBreakdown, childRearingAllowanceBreakdown } from '../../api/programme/rules';

const yen = (n: number) => n.toLocaleString('en-US');

describe('amounts for the number of children the message gives', () => {
  it.each([
    ['児童扶養手当っていくら？子ども2人です', 2],
    ['こども ふたり じどうふようてあて いくら', 2],
    ['子ども一人やけど手当いくらもらえるん？', 1],
    ['子ども３人　児童扶養手当　満額', 3],
    ['児童扶養手当 4人 いくら', 4],
    ['how much is the child rearing allowance for 2 kids', 2],
    ['one kid, how much is the single parent allowance?', 1],
  ])('%s → %i children', (m, n) => {
    expect(childrenInMessage(m)).toBe(n);
  });

  it.each(['ひとり親です。手当はいくら？', '児童手当って3人目からいくら？', '小1と3歳の子どもと3人で暮らしています'])('no count in: %s', (m) => {
    expect(childrenInMessage(m)).toBeNull();
  });

  it('answers 児童扶養手当 with the engine’s amounts for that many children, the partial range and the salary limits', () => {
    const date = 20261202;
    const q = amountQuestion('児童扶養手当っていくら？子ども2人です')!;
    expect(q).toEqual({ programme: 'child-rearing-allowance', children: 2 });
    const text = amountAnswer(q, '2026-12-02', 'ja')!;
    const full = childRearingAllowanceBreakdown(0, 2, 2, date)!;
    expect(text).toContain(`月額${yen(full.monthly)}円`);
    expect(text).toContain(`1人目 ${yen(full.perChild[0]!)}円`);
    expect(text).toContain(`2人目 ${yen(full.perChild[1]!)}円`);
    const lowest = childRearingAllowanceBreakdown(full.partialLimit - 1, 2, 2, date)!;
    expect(text).toContain(`${yen(lowest.monthly)}円〜`);
    // 2025 income (allowance year from November 2026), two dependants: salary equivalents of the limits.
    expect(text).toMatch(/全部支給はおよそ\d+(\.\d)?万円未満、一部支給はおよそ\d+(\.\d)?万円未満/);
  });

  it('answers 児童手当 for that many children (3rd child at the 3rd-child rate), in English when asked in English', () => {
    const q = amountQuestion('How much child allowance for 3 kids?')!;
    expect(q).toEqual({ programme: 'child-allowance', children: 3 });
    const text = amountAnswer(q, '2026-12-02', 'en')!;
    const b = childAllowanceBreakdown([20161202, 20161202, 20161202], 20261202)!;
    expect(text).toContain(`${yen(b.monthly)} yen a month`);
    expect(text).toContain(`${yen(b.perChild[2]!)} yen for child 3`);
  });

  it.each([
    ['How much child rearing allowance do I get with 2 kids?', 2],
    ['What would I receive in child rearing allowance with 2 kids?', 2],
    ['How many yen is the child rearing allowance for 3 kids?', 3],
    ['What is the monthly amount of child rearing allowance for my 2 sons?', 2],
    ['Child rearing allowance with 2 young children, what is the maximum?', 2],
    ['How much child rearing allowance? kids: 2', 2],
  ])('English as well as Japanese (trial T21): %s → 児童扶養手当 for %i children', (m, n) => {
    expect(amountQuestion(m)).toEqual({ programme: 'child-rearing-allowance', children: n });
  });

  it('says "1 child", not "1 children", in English', () => {
    const text = amountAnswer({ programme: 'child-rearing-allowance', children: 1 }, '2026-12-02', 'en')!;
    expect(text).toMatch(/^For 1 child the child-rearing allowance is [\d,]+ yen a month/);
    expect(amountAnswer({ programme: 'child-allowance', children: 1 }, '2026-12-02', 'en')).toMatch(/^For 1 child aged 3/);
  });

  it('is not an amount question without a count, or about another programme', () => {
    expect(amountQuestion('児童扶養手当っていくら？')).toBeNull();
    expect(amountQuestion('子ども2人です。高等職業訓練促進給付金っていくら？')).toBeNull();
  });
});

describe('requests for a person or for the whole picture', () => {
  const person = (m: string) => asksForPerson(compact(m), m.toLowerCase());
  const overview = (m: string) => asksForOverview(compact(m), m.toLowerCase());

  it.each([
    '夜しか時間がない…担当の人と話せますか',
    '職員の方と直接お話ししたいです',
    '折り返し電話をもらえますか',
    'ロボットじゃなくて人と話したい',
    'Can I talk to a real person?',
    'please call me back',
  ])('asks for a person: %s', (m) => {
    expect(person(m)).toBe(true);
  });

  it.each(['主人と話し合いがつかない', 'DV相談の電話番号は？', '窓口は何時まで？', 'どこに相談したらいいかわからない'])('does not: %s', (m) => {
    expect(person(m)).toBe(false);
  });

  it.each(['うちが使える制度をまとめて知りたい', '何がもらえるのか全然わからない', 'どの手当がもらえるか診断したい', 'Which benefits can I get?'])(
    'asks for the whole picture: %s',
    (m) => {
      expect(overview(m)).toBe(true);
    },
  );
});

describe('reply language', () => {
  it.each([
    ['How much is the allowance?', 'ja', 'en'],
    ['児童扶養手当 how much for 2 kids?', 'ja', 'en'],
    ['I got divorced last month. 何をすればいい?', 'ja-easy', 'en'],
    ['child rearing allowance の申請ってどこ？', 'ja', 'ja'],
    ['single motherでも家借りれる？', 'ja', 'ja'],
    ['DV', 'ja', 'ja'],
    ['手当はいくら', 'ja-easy', 'ja-easy'],
    ['手当はいくら', 'en', 'en'],
  ] as const)('%s (widget %s) → %s', (m, widget, want) => {
    expect(replyLocale(m, widget)).toBe(want);
  });
});
