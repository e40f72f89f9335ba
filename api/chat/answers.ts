/**
 * Direct answers the knowledge base cannot give by retrieval alone:
 *
 *   - the allowance for the family's number of children, when the message says it
 *     (「児童扶養手当っていくら？子ども2人です」): amounts and income limits come from the eligibility
 *     engine (api/programme/rules), never from copies here;
 *   - a request for a person (「担当の人と話せますか」) → the call-back form (STAFF hand-off);
 *   - a request for everything one may use (「使える制度をまとめて知りたい」) → the intake form.
 *
 * The request patterns run on text.ts compact() (kana folded, no spaces); each is linear-time (only
 * bounded windows, no nested quantifiers).
 */
import type { Locale } from '../core';
import { childAllowanceBreakdown, childRearingAllowanceBreakdown, craIncomeAmount, craIncomeYear, salaryIncome } from '../programme';
import { parseYmd } from '../programme';
import { birthDateForAge } from './scenario';
import { fill, T, yen } from './chat-texts';

// ---------------------------------------------------------------------------------------------
// Requests for a person, or for the whole picture

/** A person, asked for: 担当の人と話せますか / 折り返し電話 / ロボットじゃなくて / talk to a real person. */
const PERSON_JA =
  /(?:担当の(?:人|方)|担当者|担当さん|職員|相談員|支援員|すたっふ|窓口の(?:人|方)|係の(?:人|方)|専門の(?:人|方)|専門家|人間|(?<![主恋知友他個家犯外証])人)(?:さん|の方|の人)?(?:と|に|から)(?:直接)?(?:お)?(?:話|はな|相談|そうだん|つな|電話|でんわ|連絡|れんらく)|折り返し|おりかえし|電話(?:して(?:ほし|くだ|もら)|をください|ください|ほしい|欲しい|がほしい|がもらえ|もらえ|で相談|でそうだん|で話)|直接(?:相談|話)|(?:ろぼっと|ちゃっと|機械)(?:じゃ|では)なく/;
const PERSON_EN =
  /\b(?:talk|speak|chat) (?:to|with) (?:a |an |the )?(?:real |actual |live )?(?:person|human|someone|somebody|staff|caseworker|consultant|officer|adviser|advisor|counsel?lor)\b|\bcall me(?: back)?\b|\breal person\b/;

/** The whole picture, asked for: 使える制度をまとめて / 何がもらえるかわからない / which benefits can I get. */
const OVERVIEW_JA =
  /(?:制度|支援|手当|お金|おかね|さびす)[^。]{0,30}(?:全部|ぜんぶ|まとめて|すべて|一覧|いちらん)|(?:全部|ぜんぶ|まとめて|すべて)[^。]{0,10}(?:制度|支援|手当|お金)|(?:何|なに|どれ|どの(?:手当|制度|支援))が?(?:もらえる|使える|つかえる|受けられる)(?:の)?か[^。]{0,12}(?:わから|分から|知りたい|しりたい|診断|調べ)|診断|使える制度(?:を|が)?(?:教えて|知りたい|おしえて|は)/;
const OVERVIEW_EN =
  /\b(?:which|what) (?:benefits|support|allowances|help)\b[^.]{0,24}\b(?:can|could|do|am) i\b|\ball (?:the )?(?:benefits|support|allowances) (?:i|we) can\b/;

export function asksForPerson(compacted: string, lower: string): boolean {
  return PERSON_JA.test(compacted) || PERSON_EN.test(lower);
}

export function asksForOverview(compacted: string, lower: string): boolean {
  return OVERVIEW_JA.test(compacted) || OVERVIEW_EN.test(lower);
}

// ---------------------------------------------------------------------------------------------
// Allowance amounts for a number of children

const CRA_WORDS =
  /児童扶養手当|児扶手|じどうふようてあて|母子手当|ぼしてあて|父子手当|扶養手当|ひとり親の手当|ひとり親手当|child[- ]?rearing allowance|single[- ]parent allowance|jido?u? ?fuyou? ?teate|boshi ?teate/i;
const CA_WORDS = /(?<!扶養)児童手当|じどうてあて|子ども手当|子供手当|こども手当|\bchild allowance\b|jido?u? ?teate/i;
// The English side says as much as the Japanese: 月額 "monthly amount", 何円 "how many yen", 満額 "the
// maximum / full rate", and 「いくらもらえる」 "what would I get / what does it pay" (trial T21).
const AMOUNT_WORDS =
  /いくら|金額|満額|月額|何円|所得制限|年収[^。]{0,6}まで|how much|amount|income limit|per month|how many yen|maximum|full rate|what (?:do|would|will|can|could|should) (?:i|we) (?:get|receive)|what does [^.?!]{0,40}\bpay\b/i;
const KANJI_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, ひと: 1, ふた: 2, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const N = '([1-9]|一|二|三|四|五|六)';
const CHILD = '(?:子ども|子供|こども|子|kids?|children|child)';
const CHILD_COUNTS: readonly RegExp[] = [
  new RegExp(`${CHILD}\\s?(?:が|は|を)?\\s?${N}\\s?(?:人|にん|名)`),
  new RegExp(`${CHILD}\\s?(?:が|は)?\\s?(ひと|ふた)り(?!親|おや)`),
  new RegExp(`${N}\\s?(?:人|にん|名)\\s?の?\\s?${CHILD}`),
  // "2 kids", "2kids", "2 young children", "my 2 sons", "kids: 2" (trial T21: English as well as Japanese).
  /\b([1-9]|one|two|three|four|five|six) ?(?:(?:young|little|small|minor) )?(?:kids?|children|child|sons?|daughters?|boys?|girls?)\b/,
  /\b(?:kids|children)\s?[:=]\s?([1-9])\b/,
];
/** A count with 人 but no child word ("児童扶養手当 4人 いくら"), used only next to an allowance word. */
const BARE_COUNT = new RegExp(`${N}\\s?(?:人|にん)(?!目|家族)`);

/** The number of children the message gives, if any ("子ども2人", "こども ふたり", "two kids"). */
export function childrenInMessage(message: string): number | null {
  const s = message.normalize('NFKC').toLowerCase();
  for (const re of CHILD_COUNTS) {
    const m = re.exec(s);
    if (m) return KANJI_NUMBER[m[1]!] ?? Number(m[1]);
  }
  if (CRA_WORDS.test(s) || CA_WORDS.test(s)) {
    const m = BARE_COUNT.exec(s);
    if (m) return KANJI_NUMBER[m[1]!] ?? Number(m[1]);
  }
  return null;
}

export interface AmountQuestion {
  programme: 'child-rearing-allowance' | 'child-allowance';
  children: number;
}

/** An amount (or income-limit) question about 児童扶養手当 or 児童手当 that says how many children. */
export function amountQuestion(message: string): AmountQuestion | null {
  const s = message.normalize('NFKC');
  if (!AMOUNT_WORDS.test(s)) return null;
  const children = childrenInMessage(s);
  if (children === null) return null;
  const n = Math.min(children, 6);
  if (CA_WORDS.test(s)) return { programme: 'child-allowance', children: n };
  if (CRA_WORDS.test(s) || /手当|allowance|teate/i.test(s)) return { programme: 'child-rearing-allowance', children: n };
  return null;
}

const childrenEn = (n: number) => `${n} ${n === 1 ? 'child' : 'children'}`;
const man = (yenAmount: number) => (Math.floor(yenAmount / 1000) / 10).toString();

/** The smallest gross salary whose 所得額 (salary only, no 養育費) reaches `limit`: the salary equivalent of an income limit. */
function grossFor(limit: number, incomeYear: number): number {
  let lo = 0;
  let hi = 30_000_000;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (craIncomeAmount(salaryIncome(mid, incomeYear) ?? 0, 0, 0) >= limit) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The amount answer in the reply locale (null when the engine has no parameters for today). */
export function amountAnswer(q: AmountQuestion, asOf: string, l: Locale): string | null {
  const date = parseYmd(asOf);
  if (q.programme === 'child-rearing-allowance') {
    const full = childRearingAllowanceBreakdown(0, q.children, q.children, date);
    if (!full) return null;
    const top = childRearingAllowanceBreakdown(full.fullLimit, q.children, q.children, date)!;
    const low = childRearingAllowanceBreakdown(full.partialLimit - 1, q.children, q.children, date)!;
    const year = craIncomeYear(date);
    const fullGross = grossFor(full.fullLimit, year);
    const partialGross = grossFor(full.partialLimit, year);
    const parts = full.perChild.map((v, i) => fill(T.amountSlot[l], { i: i + 1, amount: yen(v) }));
    return fill(T.craAmount[l], {
      n: q.children,
      children: childrenEn(q.children),
      total: yen(full.monthly),
      parts: parts.join(l === 'en' ? ' + ' : '＋'),
      min: yen(low.monthly),
      max: yen(top.monthly),
      fullGross: man(fullGross),
      partialGross: man(partialGross),
      fullGrossYen: yen(Math.floor(fullGross / 10_000) * 10_000),
      partialGrossYen: yen(Math.floor(partialGross / 10_000) * 10_000),
      note: full.provisional ? T.provisional[l] : '',
    });
  }
  // 児童手当: no income limit; the amount depends on the children's ages and birth order.
  const births = (age: number) => Array.from({ length: q.children }, () => parseYmd(birthDateForAge(age, asOf)));
  const older = childAllowanceBreakdown(births(10), date);
  const baby = childAllowanceBreakdown(births(1), date);
  if (!older || !baby) return null;
  return fill(T.caAmount[l], {
    n: q.children,
    children: childrenEn(q.children),
    total: yen(older.monthly),
    parts: older.perChild.map((v, i) => fill(T.amountSlot[l], { i: i + 1, amount: yen(v) })).join(l === 'en' ? ' + ' : '＋'),
    under3: yen(baby.perChild[0]!),
    totalUnder3: yen(baby.monthly),
  });
}
