/**
 * Danger detection. A message that mentions violence, abuse, self-harm or immediate danger is
 * urgent: the reply starts with the safety message, whatever else the message asks, and nothing of
 * it goes anywhere but this phrase match (no ranking shortcut, no AI, no scenario step).
 *
 * Matching is on the normal form (text.ts: NFKC, width, katakana→hiragana, ー and spaces folded),
 * and a second time with common danger kanji read as kana, so ころされる finds 殺される.
 */
import type { LocalizedText } from '../common/i18n';
import { compact } from './text';

/** Always checked, even when danger.yaml is missing or incomplete: the few phrases that are never harmless. */
export const BUILT_IN_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'self-harm': ['死にたい', '自殺', '消えてしまいたい', '消えたい', '生きていたくない', 'want to die', 'kill myself', 'suicide'],
  violence: ['殺される', '殺されそう', '殴られ', '蹴られ', '首を絞め', '暴力を振る', 'hits me', 'beats me'],
  abuse: ['虐待され', '子どもを叩いてしまう'],
};

export const DEFAULT_SAFETY: LocalizedText = {
  ja: '今、危険を感じているときは、すぐに110番（警察）に電話してください。DV相談ナビ #8008、DV相談＋ 0120-279-889（24時間）、児童相談所 189、こころの健康相談統一ダイヤル 0570-064-556 でも相談できます。あなたは一人ではありません。',
  en: 'If you are in danger now, call 110 (police) immediately. You can also call DV Soudan Navi #8008, DV Soudan Plus 0120-279-889 (24 hours), child guidance 189, or the mental health line 0570-064-556. You are not alone.',
  'ja-easy': 'あぶない ときは すぐ 110に 電話 して ください。#8008、0120-279-889（24時間）、189、0570-064-556 にも 相談 できます。あなたは ひとりでは ありません。',
};

/** Kanji of danger words → their reading, longest first (applied after compact()). */
const READINGS: readonly [string, string][] = (
  [
    ['暴力', 'ぼうりょく'], ['虐待', 'ぎゃくたい'], ['自殺', 'じさつ'], ['包丁', 'ほうちょう'], ['刃物', 'はもの'], ['怒鳴', 'どな'],
    ['首', 'くび'], ['絞', 'し'], ['殺', 'ころ'], ['殴', 'なぐ'], ['蹴', 'け'], ['叩', 'たた'], ['死', 'し'], ['消', 'き'],
    ['逃', 'に'], ['助', 'たす'], ['怖', 'こわ'], ['脅', 'おど'], ['刺', 'さ'], ['生', 'い'], ['子供', 'こども'], ['子', 'こ'],
    ['今', 'いま'], ['危', 'あぶ'], ['険', 'けん'], ['襲', 'おそ'], ['監禁', 'かんきん'], ['夫', 'おっと'], ['彼氏', 'かれし'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

export function foldReadings(compacted: string): string {
  let s = compacted;
  for (const [k, r] of READINGS) if (s.includes(k)) s = s.split(k).join(r);
  return s;
}

const HAN = /[\p{Script=Han}々]/u;

/**
 * `needle` occurs in `hay` where it is not the okurigana of another kanji: 蹴られ read as けられ must
 * not match 受けられる.
 */
function startsWord(hay: string, needle: string): boolean {
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    if (i === 0 || !HAN.test(hay[i - 1]!)) return true;
  }
  return false;
}

interface Phrase {
  kind: string;
  exact: string;
  /** The kana-read form, only when long enough not to match by accident. */
  folded: string | null;
}

export interface DangerCheck {
  urgent: boolean;
  /** The kinds matched (violence, abuse, self-harm, …). */
  kinds: string[];
}

export class DangerDetector {
  private readonly phrases: Phrase[] = [];
  readonly safety: LocalizedText;

  constructor(fromFile: Readonly<Record<string, readonly string[]>> = {}, safety: LocalizedText | null = null) {
    this.safety = safety ?? DEFAULT_SAFETY;
    const seen = new Set<string>();
    for (const table of [BUILT_IN_PHRASES, fromFile]) {
      for (const [kind, list] of Object.entries(table)) {
        for (const p of list) {
          const exact = compact(p);
          if (!exact || seen.has(`${kind}\0${exact}`)) continue;
          seen.add(`${kind}\0${exact}`);
          const folded = foldReadings(exact);
          this.phrases.push({ kind, exact, folded: folded !== exact && folded.length >= 3 ? folded : null });
        }
      }
    }
  }

  check(message: string): DangerCheck {
    const exact = compact(message);
    const folded = foldReadings(exact);
    const kinds = new Set<string>();
    for (const p of this.phrases) {
      if (exact.includes(p.exact) || (p.folded !== null && startsWord(folded, p.folded))) kinds.add(p.kind);
      // A phrase written in kana (ころされる) against a message in kanji (殺される).
      else if (p.folded === null && p.exact.length >= 3 && startsWord(folded, p.exact)) kinds.add(p.kind);
    }
    return { urgent: kinds.size > 0, kinds: [...kinds] };
  }

  isUrgent(message: string): boolean {
    return this.check(message).urgent;
  }

  get size(): number {
    return this.phrases.length;
  }
}
