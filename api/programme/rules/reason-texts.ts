// Every reason and next-step code with its text in Japanese, English and やさしい日本語 (short sentences,
// simple words, spaces between phrases). ReasonCode is derived from this object, so a rule cannot emit a
// code that has no text (and test/eligibility/reasons.test.ts checks every code renders in all three).

import { count, dateEn, dateJa, yenEn, yenJa } from './format';
import { BENEFIT_TEXTS } from './benefit-texts';
import { INCOME_TEXTS } from './income-texts';
import { SERVICE_TEXTS } from './service-texts';

type P = Readonly<Record<string, string | number>>;
type Text = string | ((p: P) => string);
export interface ReasonText {
  ja: Text;
  en: Text;
  'ja-easy': Text;
}

export const REASON_TEXTS = {
  ...INCOME_TEXTS,
  // ----- general ------------------------------------------------------------------------------
  'invalid-input': {
    ja: '入力された日付に誤りがあるため、判定できません。',
    en: 'We cannot check this because a date you entered is not valid.',
    'ja-easy': '日付が 正しくありません。 だから 調べることが できません。',
  },
  'check-answers': {
    ja: '入力内容（日付）を確認してください。',
    en: 'Please check the dates you entered.',
    'ja-easy': '入力した 日付を もう一度 見てください。',
  },
  'date-not-covered': {
    ja: (p) => `${dateJa(p.date)}時点の制度は、このシステムでは計算できません。`,
    en: (p) => `This system cannot calculate the rules in force on ${dateEn(p.date)}.`,
    'ja-easy': (p) => `${dateJa(p.date)}の ルールは ここでは 計算できません。`,
  },
  'consult-single-parent-desk': {
    ja: '市区町村のひとり親相談窓口（母子・父子自立支援員）に相談してください。',
    en: 'Talk to the single-parent support counsellor at your city or town office.',
    'ja-easy': '市役所や 町村役場の ひとり親の 相談窓口で 話を してください。',
  },
  married: {
    ja: '結婚している（事実婚を含む）場合は対象になりません。',
    en: 'This is not available to people who are married, including de-facto (unregistered) marriage.',
    'ja-easy': '結婚している 人は 使えません。 いっしょに 住んでいて 夫婦と 同じ 場合も 同じです。',
  },
  'no-children': {
    ja: 'お子さんの情報がないため、対象になりません。',
    en: 'No children were entered, so this does not apply.',
    'ja-easy': '子どもの 情報が ありません。 だから 使えません。',
  },
  'no-child-under-18': {
    ja: '18歳になった後の最初の3月31日まで（障害がある場合は20歳未満）のお子さんがいないため、対象になりません。',
    en: 'None of your children is under the age limit (until the first 31 March after turning 18, or under 20 with a disability).',
    'ja-easy': '18歳の 年度の 終わりまでの 子どもが いません（障害が ある 子どもは 20歳に なるまで）。 だから 使えません。',
  },
  'no-child-under-20': {
    ja: '20歳未満のお子さんがいないため、対象になりません。',
    en: 'None of your children is under 20, so this does not apply.',
    'ja-easy': '20歳より 下の 子どもが いません。 だから 使えません。',
  },
  'on-public-assistance': {
    ja: '生活保護を受けている世帯は対象外です（医療費は生活保護で支援されます）。',
    en: 'Households on public assistance are not covered; public assistance pays medical costs instead.',
    'ja-easy': '生活保護を もらっている 家は 使えません。 病院の お金は 生活保護から 出ます。',
  },
  'income-unknown': {
    ja: (p) => `${p.incomeYear}年の収入がわからないため、まだ判定できません。`,
    en: (p) => `We need your income for ${p.incomeYear} before we can tell.`,
    'ja-easy': (p) => `${p.incomeYear}年の 収入（もらった お金）が わかりません。 だから まだ わかりません。`,
  },
  'ask-employment-income': {
    ja: '給与収入（税金などが引かれる前の年間の給料）を入力してください。',
    en: 'Please enter your yearly salary before tax and deductions.',
    'ja-easy': '1年間の 給料を 書いてください。 税金などが 引かれる 前の 金額です。',
  },
  'ask-other-income': {
    ja: '給与以外の所得（ない場合は0円）を入力してください。',
    en: 'Please enter any other income besides salary (enter 0 if none).',
    'ja-easy': '給料の ほかに 入る お金が あれば 書いてください。 なければ 0と 書いてください。',
  },
  'ask-child-support': {
    ja: '1年間に受け取った養育費（ない場合は0円）を入力してください。',
    en: 'Please enter the child support you received from the other parent in a year (enter 0 if none).',
    'ja-easy': '子どもの 親から 1年間に もらった 養育費を 書いてください。 なければ 0と 書いてください。',
  },
  'ask-married': {
    ja: '現在、結婚（事実婚を含む）しているかどうかを教えてください。',
    en: 'Please tell us whether you are currently married, including a de-facto marriage.',
    'ja-easy': '今 結婚して いますか。 夫婦と 同じように いっしょに 住んでいる 人は いますか。 教えてください。',
  },
  'ask-public-assistance': {
    ja: '生活保護を受けているかどうかを教えてください。',
    en: 'Please tell us whether you receive public assistance (seikatsu hogo).',
    'ja-easy': '生活保護を もらって いますか。 教えてください。',
  },
  'ask-resident-tax-exempt': {
    ja: '世帯が住民税非課税かどうかを教えてください。',
    en: 'Please tell us whether your household is exempt from resident tax.',
    'ja-easy': 'あなたの 家は 住民税を 払わなくて いい 家ですか。 教えてください。',
  },
  'already-in-use': {
    ja: 'すでに利用中です。',
    en: 'You already use this.',
    'ja-easy': 'もう 使って います。',
  },
  'apply-at-office': {
    ja: 'お住まいの市区町村の窓口で申請してください。',
    en: 'Apply at your city or town office.',
    'ja-easy': '住んでいる 市役所や 町村役場で 申し込んで ください。',
  },
  'municipal-rules-vary': {
    ja: '条件や内容は市区町村によって異なります。',
    en: 'The conditions and details differ between municipalities.',
    'ja-easy': 'ルールは 市や 町に よって ちがいます。',
  },
  'amount-provisional': {
    ja: 'この金額は公式発表で最終確認中の暫定値です。',
    en: 'This amount is provisional until confirmed against the official announcement.',
    'ja-easy': 'この 金額は まだ 決まって いない かもしれません。',
  },
  'amount-may-have-changed': {
    ja: '金額は毎年4月に改定されます。この日付の金額はまだ確認できていないため、最新の確認済みの額で計算しています。',
    en: 'Amounts are revised every April; the amount for this date is not confirmed yet, so the latest confirmed amount is used.',
    'ja-easy': '金額は 毎年 4月に 変わります。 この 日の 金額は まだ わからないので、 前の 金額で 計算しました。',
  },
  'amount-not-known-for-date': {
    ja: 'この時点の支給額はこのシステムでは計算できません。',
    en: 'This system does not know the amount for this date.',
    'ja-easy': 'この 日の 金額は ここでは わかりません。',
  },
  'income-year-used': {
    ja: (p) => `${p.incomeYear}年の所得で計算しています。`,
    en: (p) => `This is based on your income in ${p.incomeYear}.`,
    'ja-easy': (p) => `${p.incomeYear}年の 収入で 計算しました。`,
  },

  // ----- 児童扶養手当 ---------------------------------------------------------------------------
  'cra-no-child-in-age': {
    ja: '18歳になった後の最初の3月31日まで（障害がある場合は20歳未満）のお子さんがいないため、児童扶養手当の対象になりません。',
    en: 'None of your children is under the age limit for this allowance (until the first 31 March after turning 18, or under 20 with a disability).',
    'ja-easy': '18歳の 年度の 終わりまでの 子どもが いません（障害が ある 子どもは 20歳に なるまで）。 だから この 手当は もらえません。',
  },
  'cra-income-over-limit': {
    ja: (p) => `所得額 ${yenJa(p.income)}が限度額 ${yenJa(p.limit)}以上のため、支給されません（${p.incomeYear}年の所得）。`,
    en: (p) => `Your assessed income of ${yenEn(p.income)} (for ${p.incomeYear}) is at or above the limit of ${yenEn(p.limit)}, so no payment is made.`,
    'ja-easy': (p) => `所得額は ${yenJa(p.income)}です。 上限の ${yenJa(p.limit)}より 多いか 同じです。 だから もらえません。`,
  },
  'cra-income-over-limit-at-least': {
    ja: (p) => `入力された分だけで所得額が${yenJa(p.income)}となり、限度額 ${yenJa(p.limit)}以上のため、支給されません（${p.incomeYear}年の所得）。`,
    en: (p) =>
      `The income you entered already gives an assessed income of at least ${yenEn(p.income)} (for ${p.incomeYear}), at or above the limit of ${yenEn(p.limit)}, so no payment is made.`,
    'ja-easy': (p) => `入力した 分だけで 所得額が ${yenJa(p.income)}です。 上限の ${yenJa(p.limit)}より 多いか 同じです。 だから もらえません。`,
  },
  'cra-estimate-if-unmarried': {
    ja: (p) => `結婚（事実婚を含む）していなければ、お子さん${p.children}人・所得額 ${yenJa(p.income)}で月 ${yenJa(p.monthly)}の見込みです。`,
    en: (p) =>
      `If you are not married (including de-facto), with ${count(p.children, 'child', 'children')} and an assessed income of ${yenEn(p.income)} you would get about ${yenEn(p.monthly)} a month.`,
    'ja-easy': (p) => `結婚して いなければ、 1か月 ${yenJa(p.monthly)} もらえる 見込みです。 子どもは ${p.children}人、 所得額は ${yenJa(p.income)}です。`,
  },
  'cra-full': {
    ja: (p) => `お子さん${p.children}人・所得額 ${yenJa(p.income)}なので全部支給です。`,
    en: (p) => `With ${count(p.children, 'child', 'children')} and an assessed income of ${yenEn(p.income)} you can get the full payment.`,
    'ja-easy': (p) => `子どもが ${p.children}人です。 所得額は ${yenJa(p.income)}です。 手当を 全部 もらえます。`,
  },
  'cra-partial': {
    ja: (p) => `お子さん${p.children}人・所得額 ${yenJa(p.income)}なので一部支給です。`,
    en: (p) => `With ${count(p.children, 'child', 'children')} and an assessed income of ${yenEn(p.income)} you can get a partial payment.`,
    'ja-easy': (p) => `子どもが ${p.children}人です。 所得額は ${yenJa(p.income)}です。 手当の 一部を もらえます。`,
  },
  'cra-disability-child-counted': {
    ja: (p) => `障害のある20歳未満のお子さん${p.count}人を含めて計算しています。`,
    en: (p) => `This includes ${count(p.count, 'child', 'children')} under 20 with a disability.`,
    'ja-easy': (p) => `障害が ある 20歳より 下の 子ども ${p.count}人も 入れて 計算しました。`,
  },
  'cra-obligor-caveat': {
    ja: (p) =>
      `同居する親や兄弟姉妹など扶養義務者の所得が限度額（その人の扶養親族がいなければ${yenJa(p.limit)}、1人につき${yenJa(p.perDependent)}加算）以上だと支給されません。`,
    en: (p) =>
      `If you live with relatives who must support you (e.g. your parents) and their income is at or above their limit (${yenEn(p.limit)} with no dependants, plus ${yenEn(p.perDependent)} per dependant), no payment is made.`,
    'ja-easy': (p) => `いっしょに 住む 親などの 所得が 多いと もらえません（${yenJa(p.limit)}から）。`,
  },
  'cra-public-assistance-note': {
    ja: '生活保護を受けていても申請できます。ただし手当は生活保護の収入として計算されます。',
    en: 'You can apply while on public assistance, but the allowance counts as income for public assistance.',
    'ja-easy': '生活保護を もらっていても 申し込めます。 でも 手当の 分、 生活保護の お金が 変わります。',
  },
  'submit-status-report': {
    ja: '毎年8月の現況届を忘れずに提出してください。',
    en: 'Remember to submit the annual status report (genkyō-todoke) every August.',
    'ja-easy': '毎年 8月に 「現況届」を 出して ください。',
  },

  // ----- standing on 児童扶養手当 (used by several programmes) -------------------------------------
  'receives-cra': {
    ja: '児童扶養手当を受けているため対象です。',
    en: 'You qualify because you receive the child-rearing allowance.',
    'ja-easy': '児童扶養手当を もらって いるので 使えます。',
  },
  // The same fact without "so you qualify", for a result still 要確認 (e.g. the marital status unknown).
  'cra-received': {
    ja: '児童扶養手当を受けています。',
    en: 'You receive the child-rearing allowance.',
    'ja-easy': '児童扶養手当を もらって います。',
  },
  'cra-eligible': {
    ja: '児童扶養手当を受けられる見込みのため対象です。',
    en: 'You qualify because you are likely eligible for the child-rearing allowance.',
    'ja-easy': '児童扶養手当を もらえる 見込みです。 だから 使えます。',
  },
  'apply-cra-first': {
    ja: 'まず児童扶養手当を申請してください。',
    en: 'First apply for the child-rearing allowance.',
    'ja-easy': 'はじめに 児童扶養手当を 申し込んで ください。',
  },
  'cra-not-payable': {
    ja: '児童扶養手当が支給されない（全部停止の）状態のため、対象になりません。',
    en: 'This requires the child-rearing allowance, which you cannot receive at present.',
    'ja-easy': '児童扶養手当を もらえないので、 これも 使えません。',
  },
  'cra-status-unknown': {
    ja: '児童扶養手当を受けられるかがまだわからないため、判定できません。',
    en: 'We cannot tell yet, because it depends on whether you can get the child-rearing allowance.',
    'ja-easy': '児童扶養手当を もらえるか まだ わかりません。 だから まだ わかりません。',
  },
  'cra-level-within': {
    ja: (p) => `所得額 ${yenJa(p.income)}が児童扶養手当の基準（${yenJa(p.limit)}未満）の範囲内です。`,
    en: (p) => `Your assessed income of ${yenEn(p.income)} is within the child-rearing allowance level (below ${yenEn(p.limit)}).`,
    'ja-easy': (p) => `所得額は ${yenJa(p.income)}です。 基準の ${yenJa(p.limit)}より 少ないです。`,
  },
  'cra-level-over': {
    ja: (p) => `所得額 ${yenJa(p.income)}が児童扶養手当の基準（${yenJa(p.limit)}未満）を超えています。`,
    en: (p) => `Your assessed income of ${yenEn(p.income)} is above the child-rearing allowance level (below ${yenEn(p.limit)}).`,
    'ja-easy': (p) => `所得額は ${yenJa(p.income)}です。 基準の ${yenJa(p.limit)}より 多いです。`,
  },

  ...BENEFIT_TEXTS,
  ...SERVICE_TEXTS,
} satisfies Record<string, ReasonText>;

export type ReasonCode = keyof typeof REASON_TEXTS;

/** All codes that have texts (for tests and for the API layer's documentation). */
export const REASON_CODES = Object.keys(REASON_TEXTS) as ReasonCode[];
