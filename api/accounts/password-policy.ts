import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalizedText, SEEDS_DIR } from '../core';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's 0–4: 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

let checker: ZxcvbnFactory | null = null;
let common: ReadonlySet<string> | null = null;

/** Letters only, lower case: the form the common-password list is compared in. */
function lettersOf(text: string): string {
  return [...text.normalize('NFKC').toLowerCase()].filter((ch) => /\p{L}/u.test(ch)).join('');
}

function commonPasswords(): ReadonlySet<string> {
  return (common ??= new Set(
    readFileSync(join(SEEDS_DIR, 'passwords', 'common.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map(lettersOf),
  ));
}

const TOO_SHORT: LocalizedText = {
  ja: `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください。`,
  en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
  'ja-easy': `パスワードは ${MIN_PASSWORD_LENGTH}文字 いじょうに して ください。`,
};
const TOO_LONG: LocalizedText = {
  ja: `パスワードは${MAX_PASSWORD_LENGTH}文字以内にしてください。`,
  en: `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`,
  'ja-easy': `パスワードが 長すぎます。${MAX_PASSWORD_LENGTH}文字 までに して ください。`,
};
const COMMON: LocalizedText = {
  ja: 'よく使われるパスワードや推測しやすい言葉は使えません。関係のない言葉をいくつか組み合わせてください。',
  en: 'This password is too common or too easy to guess. Combine several unrelated words.',
  'ja-easy': 'この パスワードは かんたんに あてられます。関係の ない ことばを いくつか つなげて ください。',
};
const WEAK: LocalizedText = {
  ja: 'このパスワードは推測されやすいです。もっと長くするか、関係のない言葉をいくつか組み合わせてください。',
  en: 'This password is easy to guess. Make it longer, or combine several unrelated words.',
  'ja-easy': 'この パスワードは かんたんに あてられます。もっと 長く して ください。',
};

/**
 * Whether a new password may be used: its length, not in the local list of common passwords (nor one
 * of them with digits and symbols added), and zxcvbn-ts's estimate with the common-password
 * dictionary and the person's own words (name, e-mail, municipality) at least MIN_PASSWORD_SCORE.
 * Returns the problem to show, or null. The password is never logged or returned.
 */
export function passwordProblem(password: string, personalWords: readonly string[] = []): LocalizedText | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return TOO_SHORT;
  if (length > MAX_PASSWORD_LENGTH) return TOO_LONG;
  if (commonPasswords().has(lettersOf(password))) return COMMON;
  checker ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs, maxLength: MAX_PASSWORD_LENGTH });
  const words = personalWords.flatMap((w) => w.split(/[@.\s_-]/)).filter((w) => w.length >= 3);
  const result = checker.check(password, ['yorisoi', ...words]);
  return result.score >= MIN_PASSWORD_SCORE ? null : WEAK;
}
