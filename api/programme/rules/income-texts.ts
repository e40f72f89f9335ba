// Texts about the income answers themselves (which year, blanks, how 所得額 is reached), in the three
// locales. Spread into REASON_TEXTS (reason-texts.ts), so they are ReasonCodes like every other text.

import { yenEn, yenJa } from './format';
import type { ReasonText } from './reason-texts';

export const INCOME_TEXTS = {
  'other-income-assumed-zero': {
    ja: 'その他の所得は空欄だったため、0円として計算しています。ある場合は入力してください。',
    en: 'You left other income blank, so we counted it as ¥0. Enter it if you have any.',
    'ja-easy': 'ほかの 収入は 書いて いないので、 0円で 計算しました。 ある ときは 書いて ください。',
  },
  'income-year-differs': {
    ja: (p) => `入力された収入は${p.given}年の分です。この判定には${p.incomeYear}年の収入が必要です。`,
    en: (p) => `The income you gave is for ${p.given}; this check needs your income for ${p.incomeYear}.`,
    'ja-easy': (p) => `書いた 収入は ${p.given}年の ものです。 ${p.incomeYear}年の 収入が 必要です。`,
  },
  'ask-income-for-year': {
    ja: (p) => `${p.incomeYear}年1月〜12月の収入を入力してください。`,
    en: (p) => `Please enter your income for January to December ${p.incomeYear}.`,
    'ja-easy': (p) => `${p.incomeYear}年 1月から 12月までの 収入を 書いて ください。`,
  },
  'cra-income-explained': {
    ja: (p) =>
      `${p.incomeYear}年の給与収入 ${yenJa(p.salary)} → 給与所得 ${yenJa(p.salaryIncome)}（給与所得控除の後）。` +
      `そこから ${yenJa(p.step)}と社会保険料相当額 ${yenJa(p.social)}を引き、養育費の8割 ${yenJa(p.support)}とその他の所得 ${yenJa(p.other)}を足すと、所得額は ${yenJa(p.income)}です。` +
      `扶養親族等${p.dependents}人の限度額は、全部支給が ${yenJa(p.fullLimit)}未満、一部支給が ${yenJa(p.partialLimit)}未満です。`,
    en: (p) =>
      `Salary in ${p.incomeYear} ${yenEn(p.salary)} → employment income ${yenEn(p.salaryIncome)} (after the employment income deduction). ` +
      `Minus ${yenEn(p.step)} and ${yenEn(p.social)} for social insurance, plus 80% of child support (${yenEn(p.support)}) and other income (${yenEn(p.other)}): assessed income ${yenEn(p.income)}. ` +
      `With ${p.dependents} dependants the limits are under ${yenEn(p.fullLimit)} for the full payment and under ${yenEn(p.partialLimit)} for a partial one.`,
    'ja-easy': (p) =>
      `${p.incomeYear}年の 給料は ${yenJa(p.salary)}です。 決まった 額を 引くと ${yenJa(p.salaryIncome)}です。 ` +
      `そこから ${yenJa(p.step)}と ${yenJa(p.social)}を 引きます。 養育費の 8割 ${yenJa(p.support)}を 足します。 ` +
      `ほかの 収入 ${yenJa(p.other)}も 足します。 所得額は ${yenJa(p.income)}です。 ` +
      `${yenJa(p.fullLimit)}より 少ないと 全部 もらえます。 ${yenJa(p.partialLimit)}より 少ないと 一部を もらえます。`,
  },
} satisfies Record<string, ReasonText>;
