/**
 * Checks one answer against its question and returns the canonical string that is stored (yen "1200000",
 * dates "2024-05-01", booleans "true"/"false", choices by value). Every answer arrives as a string —
 * also numbers — so that the My Number check sees exactly what was typed, before any parsing.
 */
import { type FieldProblem, InputChecker, isIsoDate, toHalfWidth } from '../../core';
import { containsMyNumber } from './my-number';
import { NUMBER_BOUNDS } from './procedure.loader';
import type { Question } from './procedure.types';

export const MY_NUMBER_REFUSED = {
  ja: 'マイナンバー（個人番号）は入力しないでください。この窓口では法律（番号法第19条・第20条）により個人番号を受け取ることも保存することもできません。12桁の数字が個人番号でない場合は、窓口へお問い合わせください。',
  en: 'Please do not enter a My Number (個人番号). The law (My Number Act, articles 19 and 20) does not allow this service to receive or keep it. If these 12 digits are not a My Number, please ask the counter.',
  'ja-easy': 'マイナンバーは 書かないで ください。ここでは マイナンバーを もらうことが できません（法律の きまりです）。',
} as const;

const REQUIRED = (label: { ja: string; en: string }) => ({
  ja: `${label.ja}を入力してください。`,
  en: `Please answer: ${label.en}.`,
  'ja-easy': `${label.ja}を 書いてください。`,
});

const YES = new Set(['true', 'yes', 'はい']);
const NO = new Set(['false', 'no', 'いいえ']);

function plainLabel(q: Question): { ja: string; en: string } {
  return { ja: q.label.ja, en: q.label.en };
}

/**
 * The canonical value of an answer, null for an empty one, or undefined when a problem was added to
 * `checker` (under `field`). Required answers are checked on submission only (see missingAnswers):
 * a draft may be saved half done.
 */
export function checkAnswer(q: Question, raw: string | null | undefined, checker: InputChecker, field: string): string | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (raw.length > 10_000) {
    checker.custom(field, `${q.label.ja}が長すぎます。`, `${q.label.en} is too long.`, `${q.label.ja}が 長すぎます。`);
    return undefined;
  }
  if (containsMyNumber(raw)) {
    checker.custom(field, MY_NUMBER_REFUSED.ja, MY_NUMBER_REFUSED.en, MY_NUMBER_REFUSED['ja-easy']);
    return undefined;
  }
  const before = checker.problems.length;
  const label = plainLabel(q);
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  let value: string | null | undefined;
  switch (q.type) {
    case 'text': {
      value = checker.text(field, raw, label, q.maxLength ?? 200);
      if (value && !q.multiline && /[\r\n]/.test(value)) {
        checker.custom(field, `${label.ja}は1行で入力してください。`, `${label.en} must be one line.`, `${label.ja}は 1行で 書いてください。`);
      }
      break;
    }
    case 'kana':
      value = checker.kana(field, raw, label);
      break;
    case 'date': {
      // The family types dates by hand (the trial: 2026/12/31, 12月31日): say how to write one, not just "wrong".
      value = toHalfWidth(trimmed);
      if (!isIsoDate(value)) {
        checker.custom(
          field,
          `${label.ja}: 日付は 2026-12-31 のように入力してください。`,
          `${label.en}: enter the date like 2026-12-31 (year-month-day).`,
          `${label.ja}: 日づけは 2026-12-31 の ように 書いて ください。`,
        );
      }
      break;
    }
    case 'phone':
      value = checker.phone(field, raw);
      break;
    case 'email':
      value = checker.email(field, raw);
      break;
    case 'postalCode':
      value = checker.postalCode(field, raw);
      break;
    case 'boolean': {
      const v = toHalfWidth(trimmed).toLowerCase();
      value = YES.has(v) ? 'true' : NO.has(v) ? 'false' : undefined;
      if (value === undefined)
        checker.custom(
          field,
          `${label.ja}は「はい」か「いいえ」で答えてください。`,
          `${label.en}: answer yes or no.`,
          `${label.ja}は「はい」か「いいえ」で 答えてください。`,
        );
      break;
    }
    case 'choice': {
      value = q.choices?.some((c) => c.value === trimmed) ? trimmed : undefined;
      if (value === undefined)
        checker.custom(
          field,
          `${label.ja}は選択肢から選んでください。`,
          `${label.en}: pick one of the choices.`,
          `${label.ja}は 下から 1つ えらんで ください。`,
        );
      break;
    }
    case 'yen':
    case 'count':
    case 'year':
      value = checkNumber(q, trimmed, checker, field);
      break;
  }
  return checker.problems.length > before ? undefined : value;
}

function checkNumber(q: Question, trimmed: string, checker: InputChecker, field: string): string | undefined {
  const type = q.type as keyof typeof NUMBER_BOUNDS;
  const min = q.min ?? NUMBER_BOUNDS[type].min;
  const max = q.max ?? NUMBER_BOUNDS[type].max;
  // 1,200,000 / １２０万 are common; only separators and a trailing 円 are taken off, nothing is guessed.
  let digits = toHalfWidth(trimmed).replace(/[,\s]/g, '');
  if (digits.endsWith('円')) digits = digits.slice(0, -1);
  const unit = type === 'yen' ? { ja: '円', en: ' yen' } : type === 'year' ? { ja: '年', en: '' } : { ja: '', en: '' };
  const ok = digits.length > 0 && digits.length <= 12 && /^\d+$/.test(digits) && Number(digits) >= min && Number(digits) <= max;
  if (!ok) {
    checker.custom(
      field,
      `${q.label.ja}は${min}${unit.ja}から${max}${unit.ja}までの数字で入力してください。`,
      `${q.label.en} must be a whole number from ${min}${unit.en} to ${max}${unit.en}.`,
      `${q.label.ja}は ${min}から ${max}までの 数字で 書いてください。`,
    );
    return undefined;
  }
  return String(Number(digits));
}

/** Problems for required questions without an answer (on submission). */
export function missingAnswers(
  questions: readonly Question[],
  answers: Readonly<Record<string, string | null | undefined>>,
  fieldOf: (id: string) => string,
): FieldProblem[] {
  return questions.filter((q) => q.required && (answers[q.id] ?? null) === null).map((q) => ({ field: fieldOf(q.id), messages: REQUIRED(plainLabel(q)) }));
}
