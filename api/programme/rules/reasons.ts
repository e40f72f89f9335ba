// Renders a Reason (code + params) into a sentence a parent understands. The engine returns codes only;
// the API layer calls this when a family actually looks at the result (lazy rendering).

import { REASON_TEXTS, type ReasonText } from './reason-texts';
import type { Locale, Reason } from './types';

const TEXTS: Readonly<Record<string, ReasonText>> = REASON_TEXTS;
const EMPTY: Readonly<Record<string, string | number>> = Object.freeze({});

const FALLBACK: Record<Locale, string> = {
  ja: '詳しくは窓口にお問い合わせください。',
  en: 'Please ask at the office for details.',
  'ja-easy': 'くわしくは 窓口で 聞いて ください。',
};

export function hasReasonText(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(TEXTS, code);
}

/** The sentence for a reason in a locale. An unknown code gives a neutral "ask at the office". */
export function renderReason(r: Reason, locale: Locale): string {
  const t = hasReasonText(r.code) ? TEXTS[r.code]![locale] : undefined;
  if (t === undefined) return FALLBACK[locale] ?? FALLBACK.ja;
  return typeof t === 'string' ? t : t(r.params ?? EMPTY);
}

export function renderReasons(rs: readonly Reason[], locale: Locale): string[] {
  return rs.map((r) => renderReason(r, locale));
}

export { REASON_CODES, REASON_TEXTS, type ReasonCode } from './reason-texts';
