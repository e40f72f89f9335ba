import { withCheckDigit } from '../postal';
import type { LocalizedText } from '../core';

/** The fictional demo municipality's code: no check digit, no place; for the demo seed only. */
export const DEMO_CODE = '999999';

export type CodeProblem = 'FORMAT' | 'CHECK_DIGIT' | 'DEMO' | 'UNKNOWN';

export const CODE_PROBLEM_TEXT: Record<CodeProblem, LocalizedText> = {
  FORMAT: {
    ja: '全国地方公共団体コードは6桁の数字です（5桁の団体コードと検査数字）。',
    en: 'The local government code (全国地方公共団体コード) has 6 digits: the 5-digit code and its check digit.',
    'ja-easy': 'コードは 6けたの 数字です。',
  },
  CHECK_DIGIT: {
    ja: '6桁目の検査数字が合っていません。コードを確かめてください。',
    en: 'The check digit (6th digit) does not match; check the code.',
    'ja-easy': '6けため の 数字が ちがいます。',
  },
  DEMO: {
    ja: '999999 はデモ市専用です（npm run seed:demo）。',
    en: '999999 is the fictional demo municipality (npm run seed:demo).',
    'ja-easy': '999999 は デモ用です。',
  },
  UNKNOWN: {
    ja: 'このコードの市区町村は郵便番号データにありません。',
    en: 'No municipality with this code is in the postal data.',
    'ja-easy': 'この コードの 市は ありません。',
  },
};

/**
 * Checks a 全国地方公共団体コード: 6 digits whose last is the check digit of the first five (weights
 * 6,5,4,3,2; 11 − the sum mod 11, its ones digit), of a municipality the postal data knows.
 */
export function codeProblem(code: string, knownMunicipality: (code6: string) => unknown): CodeProblem | null {
  if (!/^\d{6}$/.test(code)) return 'FORMAT';
  if (code === DEMO_CODE) return 'DEMO';
  if (withCheckDigit(code.slice(0, 5)) !== code) return 'CHECK_DIGIT';
  return knownMunicipality(code) ? null : 'UNKNOWN';
}
