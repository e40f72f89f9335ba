/**
 * The three languages of the widgets (chat, intake, mypage, and the staff console): 日本語, English and
 * やさしい日本語.
 * A text table row is [Japanese, English, やさしい日本語]; `Lang` is its column.
 */
export type Lang = 0 | 1 | 2;
export type Text = readonly [string, string, string];

/** Accept-Language / lang attribute value per language. */
export const LANG_TAGS = ['ja', 'en', 'ja-x-easy'] as const;
/** The `locale` the API takes, per language. */
export const LOCALES = ['ja', 'en', 'ja-easy'] as const;
export type Locale = (typeof LOCALES)[number];

/** Resolves a lang attribute value ("ja", "en", "ja-x-easy", "ja-easy", …) to a table column. */
export function langOf(tag: string | null | undefined): Lang {
  const v = (tag ?? '').toLowerCase();
  if (v.startsWith('en')) return 1;
  if (v.includes('easy')) return 2;
  return 0;
}

/** A widget's language: its own attribute when set, else the page's `<html lang>`. */
export function widgetLang(own: string | null | undefined): Lang {
  return langOf(own || document.documentElement.lang);
}

/** A text with its `%` placeholder filled (texts without one pass through). */
export function fill(text: string, n?: number | string): string {
  return n === undefined ? text : text.replace('%', String(n));
}

/** The text without its furigana marks `{よみ}` (aria-labels, live announcements, what is sent to the API). */
export const plain = (s: string): string => s.replace(/\{[^}]+\}/g, '');
