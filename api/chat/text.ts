/**
 * Text handling for the chatbot: one normal form for the knowledge base and for what people type,
 * and the terms the ranker indexes.
 *
 *   normalize('ｼﾝｸﾞﾙﾏｻﾞｰです！')  → 'しんぐるまざです'   (NFKC, katakana→hiragana, lower case, ー and punctuation folded)
 *   tokenize('児童扶養手当について') → words ('児童', '扶養', '手当', …) + bigrams of Japanese runs ('#児童', '#童扶', …)
 *
 * Words come from Intl.Segmenter on the NFKC text (kanji and katakana segment better than hiragana),
 * each then normalised. Bigrams over the normalised Japanese runs make matching robust to typos,
 * unknown words and segmentation differences between question and knowledge base.
 */

/** Long-vowel marks and wave dashes: dropped, so ママー / まま and サポート / さぽと meet. */
const LONG_VOWELS = /[\u30FC\uFF70\u2015\u2212\u301C\uFF5E~]/g;
/** Punctuation, symbols and whitespace (ASCII and Japanese) → one space. */
const PUNCTUATION = /[\s\u3000、。，．・「」『』（）()［］\[\]{}【】〈〉《》〔〕!！?？:：;；"'`“”‘’…‥/\\|＿_*＊＋+=<>＜＞@＠#＃$%＆&^,.-]+/g;
const JAPANESE = /[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FD\u30FE\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々〆ヶ]/;
const JAPANESE_RUN = /[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FD\u30FE\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々〆ヶ]+/g;
const HIRAGANA_ONLY = /^[\u3041-\u3096]+$/;

export function katakanaToHiragana(value: string): string {
  return value.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** NFKC, katakana → hiragana, lower case, long-vowel marks dropped, punctuation → single spaces. */
export function normalize(value: string): string {
  return katakanaToHiragana(value.normalize('NFKC')).toLowerCase().replace(LONG_VOWELS, '').replace(PUNCTUATION, ' ').replace(/ +/g, ' ').trim();
}

/** The normal form without any spaces: what phrase matching (danger, synonyms, scenario triggers) compares. */
export function compact(value: string): string {
  return normalize(value).replace(/ /g, '');
}

// Particles and auxiliaries that carry no topic (as whole words only; bigrams still see them).
const STOP_WORDS = new Set([
  'の',
  'に',
  'は',
  'を',
  'が',
  'と',
  'で',
  'も',
  'へ',
  'や',
  'か',
  'ね',
  'よ',
  'な',
  'て',
  'た',
  'だ',
  'です',
  'ます',
  'ました',
  'について',
  'ください',
  'たい',
  'ない',
  'いる',
  'ある',
  'する',
  'します',
  'したい',
  'ので',
  'から',
  'まで',
  'より',
  'けど',
  'けれど',
  'どう',
  'どの',
  'この',
  'その',
  'あの',
  'これ',
  'それ',
  'あれ',
  'なに',
  'なん',
  'でしょう',
  'でしょうか',
  'ですか',
  'ますか',
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'for',
  'and',
  'or',
  'is',
  'are',
  'i',
  'my',
  'me',
  'do',
  'can',
  'what',
  'how',
  'it',
  'be',
  'about',
  'with',
]);

let segmenter: Intl.Segmenter | undefined;
function words(nfkc: string): string[] {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(nfkc)) {
    if (!s.isWordLike) continue;
    const w = normalize(s.segment).replace(/ /g, '');
    if (!w || STOP_WORDS.has(w)) continue;
    // A single hiragana is almost always a particle or an okurigana.
    if (w.length === 1 && HIRAGANA_ONLY.test(w)) continue;
    out.push(/^[a-z]{4,}s$/.test(w) ? w.slice(0, -1) : w);
  }
  return out;
}

/** Character bigrams of every Japanese run of the normalised text ('#' keeps them apart from words); a lone character is its own term. */
function bigrams(normalized: string): string[] {
  const out: string[] = [];
  for (const m of normalized.matchAll(JAPANESE_RUN)) {
    const run = m[0];
    if (run.length === 1) {
      if (!HIRAGANA_ONLY.test(run)) out.push(`#${run}`);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) out.push(`#${run.slice(i, i + 2)}`);
  }
  return out;
}

/** The terms of a text, with repeats (term frequency counts). */
export function tokenize(value: string): string[] {
  const nfkc = value.normalize('NFKC');
  return [...words(nfkc), ...bigrams(normalize(nfkc))];
}

export function hasJapanese(value: string): boolean {
  return JAPANESE.test(value);
}

/** Synonym table in normal form: colloquial word → the words the knowledge base uses. */
export class Synonyms {
  private readonly entries: { from: string; to: string[] }[];

  constructor(table: Readonly<Record<string, readonly string[]>> = {}) {
    this.entries = Object.entries(table)
      .map(([from, to]) => ({ from: compact(from), to: [...to] }))
      .filter((e) => e.from.length > 0)
      // Longest first, so シングルマザー is seen before ママ.
      .sort((a, b) => b.from.length - a.from.length);
  }

  /** The text plus the replacement words of every synonym it contains. */
  expand(value: string): string {
    const c = compact(value);
    const extra: string[] = [];
    for (const e of this.entries) if (c.includes(e.from)) extra.push(...e.to);
    return extra.length === 0 ? value : `${value} ${extra.join(' ')}`;
  }

  get size(): number {
    return this.entries.length;
  }
}
