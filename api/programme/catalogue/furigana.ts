/**
 * Furigana markup for やさしい日本語 texts: a run of kanji followed by its reading in braces,
 * `児童扶養手当{じどうふようてあて}`. The reading covers the whole kanji run directly before `{`, so a word
 * that mixes kanji and kana is marked per kanji run: `申{もう}し込{こ}み`.
 *
 * Amount placeholders `{{key}}` use double braces and are filled in before a text leaves the catalogue, so
 * they never reach these functions in catalogue output.
 */

const KANJI_RUN = String.raw`[\p{Script=Han}々〆]+`;
const READING = String.raw`[\p{Script=Hiragana}\p{Script=Katakana}ー・]+`;
// The look-behind starts a match only where a kanji run starts: without it every position inside a
// long run would scan to its end again (quadratic).
const RUBY = new RegExp(`(?<![\\p{Script=Han}々〆])(${KANJI_RUN})\\{(${READING})\\}`, 'gu');

export type FuriganaSegment = { text: string; reading?: string };

/** Splits a text into plain segments and kanji segments with their reading. */
export function parseFurigana(text: string): FuriganaSegment[] {
  const segments: FuriganaSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(RUBY)) {
    const index = m.index ?? 0;
    if (index > last) segments.push({ text: text.slice(last, index) });
    segments.push({ text: m[1]!, reading: m[2]! });
    last = index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** The text without readings (for search, plain-text channels, text-to-speech of the written form). */
export function stripFurigana(text: string): string {
  return text.replace(RUBY, '$1');
}

/** HTML with `<ruby>` elements; every piece of text is escaped. */
export function furiganaToHtml(text: string): string {
  return parseFurigana(text)
    .map((s) => (s.reading === undefined ? escapeHtml(s.text) : `<ruby>${escapeHtml(s.text)}<rt>${escapeHtml(s.reading)}</rt></ruby>`))
    .join('');
}

/**
 * Describes what is wrong with the furigana markup of a text, or returns undefined if it is well formed:
 * every `{` must follow a kanji and hold only kana, and no stray brace may remain.
 */
export function furiganaProblem(text: string): string | undefined {
  const rest = text.replace(RUBY, '$1');
  const stray = /[{}]/u.exec(rest);
  if (!stray) return undefined;
  const around = rest.slice(Math.max(0, stray.index - 8), stray.index + 8);
  return `malformed furigana markup near "${around}" (write 漢字{かな}: kanji directly followed by a reading in hiragana or katakana)`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
