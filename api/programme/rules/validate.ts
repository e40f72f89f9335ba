// Input checks for a Household, with messages in the three locales. The engine itself never throws on
// bad input (it answers NEEDS_MORE_INFO); this tells the form what to fix.

import { parseYmd } from './dates';
import { isProgrammeId } from './programme-ids';
import type { Household, ValidationCode, ValidationProblem } from './types';

export const MAX_CHILDREN = 20;
export const MAX_DEPENDENTS = 30;
/** A listed child born more than this many years before asOf is almost certainly a typo. */
export const MAX_CHILD_AGE_YEARS = 30;

type Labels = { ja: string; en: string; 'ja-easy': string };

const FIELD_LABELS: Record<string, Labels> = {
  asOf: { ja: '判定日', en: 'Evaluation date', 'ja-easy': '調べる 日' },
  children: { ja: 'お子さん', en: 'Children', 'ja-easy': '子ども' },
  birthDate: { ja: 'お子さんの生年月日', en: "Child's date of birth", 'ja-easy': '子どもの 生まれた 日' },
  annualEmploymentIncome: { ja: '給与収入', en: 'Yearly salary', 'ja-easy': '1年間の 給料' },
  otherIncome: { ja: '給与以外の所得', en: 'Other income', 'ja-easy': '給料の ほかの お金' },
  childSupportReceivedYearly: { ja: '養育費', en: 'Child support received', 'ja-easy': '養育費' },
  dependentsCount: { ja: '扶養親族等の数', en: 'Number of dependants', 'ja-easy': '養って いる 家族の 数' },
  benefitsInUse: { ja: '利用中の制度', en: 'Programmes in use', 'ja-easy': '使って いる 制度' },
  concerns: { ja: '困りごと', en: 'Concerns', 'ja-easy': '困って いる こと' },
};

const MESSAGES: Record<ValidationCode, Labels> = {
  required: { ja: '入力してください。', en: 'This is required.', 'ja-easy': '書いて ください。' },
  'invalid-date': {
    ja: '正しい日付を「YYYY-MM-DD」の形式で入力してください。',
    en: 'Enter a real date in the form YYYY-MM-DD.',
    'ja-easy': '正しい 日付を 書いて ください（例: 2020-04-01）。',
  },
  'born-after-as-of': {
    ja: '判定日より後の生年月日は入力できません。',
    en: 'The date of birth cannot be after the evaluation date.',
    'ja-easy': 'まだ 来て いない 日は 書けません。',
  },
  'birth-date-too-old': {
    ja: `${MAX_CHILD_AGE_YEARS}年以上前の生年月日です。入力を確認してください。`,
    en: `The date of birth is more than ${MAX_CHILD_AGE_YEARS} years ago; please check it.`,
    'ja-easy': `${MAX_CHILD_AGE_YEARS}年より 前の 日です。 もう一度 見て ください。`,
  },
  'too-many-children': {
    ja: `お子さんは${MAX_CHILDREN}人まで入力できます。`,
    en: `You can enter up to ${MAX_CHILDREN} children.`,
    'ja-easy': `子どもは ${MAX_CHILDREN}人まで 書けます。`,
  },
  'negative-amount': {
    ja: 'マイナスの金額は入力できません。',
    en: 'The amount cannot be negative.',
    'ja-easy': 'マイナスの 数は 書けません。',
  },
  'not-integer': {
    ja: '整数（円単位）で入力してください。',
    en: 'Enter a whole number (yen).',
    'ja-easy': '1円 単位の 数で 書いて ください。',
  },
  'dependents-out-of-range': {
    ja: `0から${MAX_DEPENDENTS}までの数を入力してください。`,
    en: `Enter a number from 0 to ${MAX_DEPENDENTS}.`,
    'ja-easy': `0から ${MAX_DEPENDENTS}までの 数を 書いて ください。`,
  },
  'unknown-benefit': {
    ja: '登録されていない制度です。',
    en: 'This programme is not in the catalogue.',
    'ja-easy': 'この 制度は ありません。',
  },
};

function problem(field: string, code: ValidationCode): ValidationProblem {
  // Label by the last path segment: 'children[1].birthDate' → birthDate.
  const key = field.replace(/^.*\./, '').replace(/\[\d+\]$/, '');
  const label = FIELD_LABELS[key];
  const m = MESSAGES[code];
  return {
    field,
    code,
    messages: label
      ? { ja: `${label.ja}: ${m.ja}`, en: `${label.en}: ${m.en}`, 'ja-easy': `${label['ja-easy']}: ${m['ja-easy']}` }
      : { ja: m.ja, en: m.en, 'ja-easy': m['ja-easy'] },
  };
}

function checkMoney(out: ValidationProblem[], field: string, v: unknown): void {
  if (v === null || v === undefined) return; // unknown is allowed: the engine asks for it
  if (typeof v === 'number' && v < 0) out.push(problem(field, 'negative-amount'));
  else if (typeof v !== 'number' || !Number.isSafeInteger(v)) out.push(problem(field, 'not-integer'));
}

/** Problems with a household's answers; an empty list means the engine can use them as they are. */
export function validateHousehold(h: Household): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  const asOf = parseYmd(h?.asOf);
  if (h?.asOf === undefined || h?.asOf === null || h?.asOf === '') out.push(problem('asOf', 'required'));
  else if (asOf < 0) out.push(problem('asOf', 'invalid-date'));

  if (!Array.isArray(h?.children)) {
    out.push(problem('children', 'required'));
  } else {
    if (h.children.length > MAX_CHILDREN) out.push(problem('children', 'too-many-children'));
    for (let i = 0; i < h.children.length; i++) {
      const field = `children[${i}].birthDate`;
      const c = h.children[i];
      const b = parseYmd(c && typeof c === 'object' ? c.birthDate : undefined);
      if (b < 0) out.push(problem(field, 'invalid-date'));
      else if (asOf >= 0 && b > asOf) out.push(problem(field, 'born-after-as-of'));
      else if (asOf >= 0 && b < asOf - MAX_CHILD_AGE_YEARS * 10000) out.push(problem(field, 'birth-date-too-old'));
    }
  }

  checkMoney(out, 'annualEmploymentIncome', h?.annualEmploymentIncome);
  checkMoney(out, 'otherIncome', h?.otherIncome);
  checkMoney(out, 'childSupportReceivedYearly', h?.childSupportReceivedYearly);

  const d = h?.dependentsCount;
  if (d !== null && d !== undefined) {
    if (typeof d !== 'number' || !Number.isInteger(d)) out.push(problem('dependentsCount', 'not-integer'));
    else if (d < 0 || d > MAX_DEPENDENTS) out.push(problem('dependentsCount', 'dependents-out-of-range'));
  }

  if (!Array.isArray(h?.benefitsInUse)) {
    out.push(problem('benefitsInUse', 'required'));
  } else {
    for (let i = 0; i < h.benefitsInUse.length; i++) {
      const id = h.benefitsInUse[i];
      if (typeof id !== 'string' || !isProgrammeId(id)) out.push(problem(`benefitsInUse[${i}]`, 'unknown-benefit'));
    }
  }
  if (!Array.isArray(h?.concerns)) out.push(problem('concerns', 'required'));
  return out;
}
