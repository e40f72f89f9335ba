/**
 * The pattern language of the danger classifier (seeds/chatbot/danger.yaml) and the two normal forms
 * it matches against.
 *
 * Normal forms. A message is read twice:
 *   ja — NFKC (full/half width), katakana → hiragana, lower case, long-vowel marks dropped, spaces and
 *        quotes dropped, sentence ends → 「。」, commas → 「、」, then the typo table. Japanese is written
 *        without spaces, and hiragana-only messages put spaces between words: both meet here.
 *        ｼﾆﾀｲ, シニタイ and しにたい are one string; 「出ていったら殺す」って → 出ていったら殺すって.
 *   en — NFKC, lower case, curly quotes straightened, sentence ends → " . ", single spaces, padded:
 *        English keeps its word boundaries.
 *
 * Patterns are regular expressions over one of those forms, written as people write (kanji, katakana),
 * with named fragments: `{partner}に{gap}{hit}` expands every {name} to a non-capturing alternation of
 * the fragment's entries. The literal text of a pattern goes through the same folding as messages (a
 * pattern may say パートナー; it is matched as ぱとな), so a pattern and a message always meet.
 *
 * Linear time. Every compiled pattern must be safe on any input: no `*`, `+` or open `{n,}`; bounded
 * windows only (`{0,40}` at most, and the product of a pattern's window sizes at most MAX_WORK, so the
 * work per starting position has a small fixed bound); no quantifier over a group that itself contains
 * a quantifier; no back-references. checkLinear() enforces this when danger.yaml is loaded (a pattern
 * that breaks it is a load error), and test/chat/danger-redos.test.ts runs every compiled pattern on
 * 2,000-character adversarial inputs.
 */
import { katakanaToHiragana } from './text';

/** Long-vowel marks and wave dashes (after NFKC, ｰ is ー): dropped, so ストーカー and すとか meet. */
const LONG_VOWELS = /[\u30FC\u2015\u2212\u301C\uFF5E~]/g;
const SENTENCE_END = /[。．！？!?\n\r.]+/g;
const COMMA = /[、，,]+/g;
/** Spaces, quotes and brackets: dropped from the ja form. */
const DROPPED = /[\s\u3000・…‥"'`“”‘’「」『』（）()［］[\]{}【】〈〉《》〔〕<>＜＞*＊_＿/\\|#＃]+/g;

/** The Japanese normal form before the typo table (also applied to pattern literals). */
export function foldJa(text: string): string {
  return katakanaToHiragana(text.normalize('NFKC')).toLowerCase().replace(LONG_VOWELS, '');
}

export function jaForm(text: string, typos: readonly (readonly [string, string])[] = []): string {
  let s = foldJa(text).replace(SENTENCE_END, '。').replace(COMMA, '、').replace(DROPPED, '');
  for (const [from, to] of typos) if (s.includes(from)) s = s.split(from).join(to);
  return s;
}

export function enForm(text: string): string {
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[.!?。！？\n\r]+/g, ' . ')
    .replace(/[,、，;:]+/g, ' , ')
    .replace(/[^\S\n]+/g, ' ');
  return ` ${s.trim()} `;
}

export class DangerPatternError extends Error {}

/** The largest window a pattern may use ({0,MAX_WINDOW}), and the largest product of a pattern's window sizes. */
export const MAX_WINDOW = 40;
export const MAX_WORK = 10_000;

/**
 * Throws unless `source` is linear-time by construction (see the header). A small scanner over the
 * regex source: it tracks, for each open group, whether a quantifier occurred inside it.
 */
export function checkLinear(source: string): void {
  const fail = (why: string) => {
    throw new DangerPatternError(`pattern is not linear-time (${why}): ${source}`);
  };
  const stack: boolean[] = [false]; // per open group: contains a quantifier
  let work = 1;
  let lastGroupHadQuantifier = false; // the atom just closed was a group containing a quantifier
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (/[1-9k]/.test(n)) fail('back-reference');
      if (/[SWDB]/.test(n)) fail(`\\${n} is not allowed (patterns are lower-cased)`);
      i++;
      lastGroupHadQuantifier = false;
      continue;
    }
    if (c === '[') {
      // A character class: skip to its end (escapes inside are skipped too).
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      if (j >= source.length) fail('unclosed class');
      i = j;
      lastGroupHadQuantifier = false;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      lastGroupHadQuantifier = false;
      continue;
    }
    if (c === ')') {
      if (stack.length === 1) fail('unbalanced )');
      const had = stack.pop()!;
      lastGroupHadQuantifier = had;
      if (had) stack[stack.length - 1] = true;
      continue;
    }
    if (c === '*' || c === '+') fail(`unbounded ${c}`);
    if (c === '?' || c === '{') {
      // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` are group syntax, not quantifiers.
      if (c === '?' && source[i - 1] === '(') continue;
      let max = 1;
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (!m) fail('bad {…}');
        if (m![2] !== undefined && m![3] === '') fail('open {n,}');
        max = Number(m![3] ?? m![1]);
        if (max > MAX_WINDOW) fail(`window over ${MAX_WINDOW}`);
        if (max > 1 && (work *= max + 1) > MAX_WORK) fail(`windows multiply to more than ${MAX_WORK}`);
        i += m![0].length - 1;
      }
      if (source[i + 1] === '?') i++; // lazy modifier
      if (lastGroupHadQuantifier) fail('quantifier over a quantified group');
      stack[stack.length - 1] = true;
      lastGroupHadQuantifier = false;
      continue;
    }
    lastGroupHadQuantifier = false;
  }
  if (stack.length !== 1) fail('unbalanced (');
}

/** Fragments as given in danger.yaml: name → alternatives (each itself pattern text). */
export type Fragments = Readonly<Record<string, readonly string[]>>;

const FRAGMENT_REF = /\{([a-z][a-z0-9-]*)\}/g;

/**
 * Expands {name} references (fragments may use other fragments; cycles are an error), then folds the
 * literal text the same way messages are folded (`fold`), and checks the result is linear-time.
 */
export function compilePattern(source: string, fragments: Fragments, fold: (s: string) => string): RegExp {
  const expand = (s: string, seen: readonly string[]): string =>
    s.replace(FRAGMENT_REF, (_m, name: string) => {
      const alts = fragments[name];
      if (!alts) throw new DangerPatternError(`unknown fragment {${name}} in: ${source}`);
      if (seen.includes(name)) throw new DangerPatternError(`fragment {${name}} refers to itself`);
      return `(?:${alts.map((a) => expand(a, [...seen, name])).join('|')})`;
    });
  const folded = fold(expand(source, []));
  checkLinear(folded);
  try {
    return new RegExp(folded, 'gu');
  } catch (e) {
    throw new DangerPatternError(`invalid pattern ${source}: ${(e as Error).message}`);
  }
}

/** Folding for English patterns: NFKC and lower case only (the en form keeps everything else). */
export function foldEn(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}
