/** User-facing text comes in three forms: Japanese first, English, and やさしい日本語 (easy Japanese). */
export const LOCALES = ['ja', 'en', 'ja-easy'] as const;
export type Locale = (typeof LOCALES)[number];

export interface LocalizedText {
  ja: string;
  en: string;
  'ja-easy': string;
}

/** Picks the locale from an Accept-Language header; Japanese unless English is preferred. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'ja';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('ja-easy') || first === 'ja-x-easy') return 'ja-easy';
  if (first.startsWith('en')) return 'en';
  return 'ja';
}
