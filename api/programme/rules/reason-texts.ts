// Every reason and next-step code with its text in Japanese, English and やさしい日本語 (short sentences,
// simple words, spaces between phrases). ReasonCode is derived from this object, so a rule cannot emit a
// code that has no text (and test/eligibility/reasons.test.ts checks every code renders in all three).

import { count, dateEn, dateJa, yenEn, yenJa } from './format';
import { INCOME_TEXTS } from './income-texts';

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
    en: "Talk to the single-parent support counsellor at your city or town office.",
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
    en: "Please enter the child support you received from the other parent in a year (enter 0 if none).",
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
    en: (p) => `The income you entered already gives an assessed income of at least ${yenEn(p.income)} (for ${p.incomeYear}), at or above the limit of ${yenEn(p.limit)}, so no payment is made.`,
    'ja-easy': (p) => `入力した 分だけで 所得額が ${yenJa(p.income)}です。 上限の ${yenJa(p.limit)}より 多いか 同じです。 だから もらえません。`,
  },
  'cra-estimate-if-unmarried': {
    ja: (p) => `結婚（事実婚を含む）していなければ、お子さん${p.children}人・所得額 ${yenJa(p.income)}で月 ${yenJa(p.monthly)}の見込みです。`,
    en: (p) => `If you are not married (including de-facto), with ${count(p.children, 'child', 'children')} and an assessed income of ${yenEn(p.income)} you would get about ${yenEn(p.monthly)} a month.`,
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
    ja: (p) => `同居する親や兄弟姉妹など扶養義務者の所得が限度額（その人の扶養親族がいなければ${yenJa(p.limit)}、1人につき${yenJa(p.perDependent)}加算）以上だと支給されません。`,
    en: (p) => `If you live with relatives who must support you (e.g. your parents) and their income is at or above their limit (${yenEn(p.limit)} with no dependants, plus ${yenEn(p.perDependent)} per dependant), no payment is made.`,
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

  // ----- 児童手当 -------------------------------------------------------------------------------
  'ca-no-child-in-age': {
    ja: '18歳になった後の最初の3月31日までのお子さんがいないため、児童手当の対象になりません。',
    en: 'None of your children is under the age limit for the child allowance (until the first 31 March after turning 18).',
    'ja-easy': '高校生の 年まで（18歳の 年度の 終わりまで）の 子どもが いません。 だから 児童手当は もらえません。',
  },
  'ca-amount': {
    ja: (p) => `対象のお子さん${p.children}人で、月 ${yenJa(p.monthly)}です。`,
    en: (p) => `For ${count(p.children, 'eligible child', 'eligible children')} you get ${yenEn(p.monthly)} a month.`,
    'ja-easy': (p) => `子ども ${p.children}人で、 1か月 ${yenJa(p.monthly)} もらえます。`,
  },
  'ca-third-child': {
    ja: (p) => `第3子以降のお子さん${p.count}人は月 ${yenJa(p.amount)}です。`,
    en: (p) => `${count(p.count, 'third or later child gets', 'third or later children get')} ${yenEn(p.amount)} a month each.`,
    'ja-easy': (p) => `3人目から あとの 子ども（${p.count}人）は 1人 1か月 ${yenJa(p.amount)}です。`,
  },
  'ca-older-sibling-counted': {
    ja: (p) => `22歳になった後の最初の3月31日までの上のお子さん${p.count}人を、子どもの数に数えています。`,
    en: (p) => `${count(p.count, 'older child', 'older children')} (up to the first 31 March after turning 22) ${Number(p.count) === 1 ? 'is' : 'are'} counted when numbering your children.`,
    'ja-easy': (p) => `22歳の 年度の 終わりまでの 上の 子ども ${p.count}人も 数に 入れました。`,
  },
  'ca-confirmation-form': {
    ja: '18歳を過ぎた上のお子さんを数えるには、監護相当・生計費の負担についての確認書の提出が必要です。',
    en: 'To count an older child past 18, submit the confirmation form (kakuninsho) that you support them financially.',
    'ja-easy': '18歳を 過ぎた 子どもを 数に 入れるには 「確認書」を 出して ください。',
  },
  'ca-apply-within-15-days': {
    ja: '出生や転入の日の翌日から15日以内に申請すると、申請が遅れた月の分も受け取れます。',
    en: 'Apply within 15 days of a birth or a move so that no month is lost.',
    'ja-easy': '子どもが 生まれた 日や 引っ越した 日から 15日の うちに 申し込んで ください。',
  },

  // ----- ひとり親家庭等医療費助成 ----------------------------------------------------------------
  'medical-income-over': {
    ja: (p) => `所得額 ${yenJa(p.income)}が助成の所得制限（${yenJa(p.limit)}未満）を超えています。`,
    en: (p) => `Your assessed income of ${yenEn(p.income)} is above the subsidy's income limit (below ${yenEn(p.limit)}).`,
    'ja-easy': (p) => `所得額は ${yenJa(p.income)}です。 上限の ${yenJa(p.limit)}より 多いか 同じです。 だから 使えません。`,
  },
  'medical-eligible': {
    ja: (p) => `所得額 ${yenJa(p.income)}が所得制限（${yenJa(p.limit)}未満）の範囲内なので、親子の医療費の自己負担が助成されます。`,
    en: (p) => `Your assessed income of ${yenEn(p.income)} is within the limit (below ${yenEn(p.limit)}), so your and your children's medical co-payments are subsidised.`,
    'ja-easy': (p) => `所得額は ${yenJa(p.income)}で、 上限の ${yenJa(p.limit)}より 少ないです。 親と 子どもが 病院で 払う お金を 助けて もらえます。`,
  },
  'medical-needs-insurance': {
    ja: '健康保険に加入していることが条件です。一部自己負担がある地域もあります。',
    en: 'You must be covered by health insurance; some areas still charge a small fee.',
    'ja-easy': '健康保険に 入って いる ことが 必要です。 少し お金を 払う 地域も あります。',
  },

  // ----- 母子父子寡婦福祉資金貸付金 -----------------------------------------------------------------
  'loan-widow-may-apply': {
    ja: 'お子さんが20歳以上でも、寡婦福祉資金などを借りられる場合があります。',
    en: 'Even when your children are 20 or older, you may be able to borrow from the fund for formerly single parents (kafu).',
    'ja-easy': '子どもが 20歳より 上でも、 お金を 借りられる 場合が あります。',
  },
  'loan-for-single-parents': {
    ja: '配偶者のいないひとり親が対象の貸付です。',
    en: 'These loans are for single parents without a spouse.',
    'ja-easy': 'ひとり親の ための お金の 貸し出しです。',
  },
  'loan-eligible': {
    ja: (p) => `生活資金（月 ${yenJa(p.living)}まで）、修学資金（月 ${yenJa(p.schoolingMax)}まで）、住宅資金（${yenJa(p.housing)}まで）など12種類の貸付を申し込めます。審査があります。`,
    en: (p) => `You can apply for 12 kinds of loan, e.g. living costs (up to ${yenEn(p.living)} a month), school costs (up to ${yenEn(p.schoolingMax)} a month) and housing (up to ${yenEn(p.housing)}). Each loan is screened.`,
    'ja-easy': (p) => `お金を 借りる ことが できます。 たとえば 生活の お金は 1か月 ${yenJa(p.living)}まで です。 審査が あります。`,
  },
  'loan-interest': {
    ja: (p) => `連帯保証人がいれば無利子、いなければ年${Number(p.rate).toFixed(1)}%です（修学・修業・就学支度資金は常に無利子）。`,
    en: (p) => `Interest-free with a joint guarantor, ${Number(p.rate).toFixed(1)}% a year without one (school and training loans are always interest-free).`,
    'ja-easy': (p) => `保証人が いれば 利子は ありません。 いなければ 1年に ${Number(p.rate).toFixed(1)}%です。`,
  },
  'loan-limits-may-change': {
    ja: '貸付限度額は見直されることがあります。最新の額は窓口で確認してください。',
    en: 'Loan limits are revised from time to time; check the current figures at the office.',
    'ja-easy': '借りられる 金額は 変わる ことが あります。 窓口で 聞いて ください。',
  },
  'loan-consult-first': {
    ja: '申請の前に、ひとり親相談窓口（母子・父子自立支援員）への事前相談が必要です。',
    en: 'Talk to the single-parent support counsellor before you apply; this is required.',
    'ja-easy': '申し込む 前に、 ひとり親の 相談窓口で 相談して ください。',
  },

  // ----- 自立支援教育訓練給付金 / 高等職業訓練促進給付金 ---------------------------------------------
  'itb-amount': {
    ja: (p) => `指定講座の受講料の${p.percent}%（一般講座は${yenJa(p.cap)}まで、専門実践講座は最大${yenJa(p.specialisedCap)}。資格を取り1年以内に就職すると${p.qualifiedPercent}%）が支給されます。`,
    en: (p) => `${p.percent}% of the course fees is paid (up to ${yenEn(p.cap)} for general courses, up to ${yenEn(p.specialisedCap)} for professional courses; ${p.qualifiedPercent}% if you qualify and find a job within a year).`,
    'ja-easy': (p) => `講座の お金の ${p.percent}%を もらえます。 上限が あります。`,
  },
  'itb-designate-first': {
    ja: '受講を始める前に、講座の指定を受けてください（後からでは対象になりません）。',
    en: 'Get the course approved BEFORE you enrol; it cannot be approved afterwards.',
    'ja-easy': '講座を 始める 前に、 役所に 相談して 指定を 受けて ください。 あとからでは だめです。',
  },
  'avtb-conditions': {
    ja: (p) => `看護師・保育士・介護福祉士などの資格のため${p.months}か月以上養成機関で学ぶ場合に、最長${p.maxMonths}か月支給されます。`,
    en: (p) => `Paid while you study for at least ${p.months} months at a school for a listed qualification (e.g. nurse, childcare worker, care worker), for up to ${p.maxMonths} months.`,
    'ja-easy': (p) => `看護師や 保育士などの 資格の ために ${p.months}か月 以上 学校で 学ぶ 人が もらえます。 いちばん 長くて ${p.maxMonths}か月です。`,
  },
  'avtb-amount': {
    ja: (p) => `月 ${yenJa(p.monthly)}（最後の1年間は月 ${yenJa(p.lastYear)}）、修了時に${yenJa(p.completion)}です。`,
    en: (p) => `${yenEn(p.monthly)} a month (${yenEn(p.lastYear)} in the last year), plus ${yenEn(p.completion)} on completion.`,
    'ja-easy': (p) => `1か月 ${yenJa(p.monthly)}です。 最後の 1年は 1か月 ${yenJa(p.lastYear)}です。`,
  },
  'avtb-amount-depends-on-tax': {
    ja: (p) => `月額は住民税非課税世帯で${yenJa(p.exempt)}、課税世帯で${yenJa(p.taxed)}です（最後の1年間は${yenJa(p.addition)}加算）。`,
    en: (p) => `The monthly amount is ${yenEn(p.exempt)} if your household is exempt from resident tax, ${yenEn(p.taxed)} otherwise (plus ${yenEn(p.addition)} in the last year).`,
    'ja-easy': (p) => `住民税を 払わない 家は 1か月 ${yenJa(p.exempt)}、 払う 家は ${yenJa(p.taxed)}です。`,
  },

  // ----- ひとり親家庭住宅支援資金貸付 ------------------------------------------------------------
  'hsl-recent-rise-exception': {
    ja: '所得が基準を超えてから1年未満の場合は対象になることがあります。窓口に相談してください。',
    en: 'If your income went above the level less than a year ago, you may still qualify; ask at the office.',
    'ja-easy': '収入が 増えてから 1年 たって いなければ、 使える かも しれません。 窓口で 聞いて ください。',
  },
  'hsl-loan': {
    ja: (p) => `家賃の実費を月 ${yenJa(p.cap)}まで、最長${p.months}か月、無利子・保証人なしで借りられます。`,
    en: (p) => `You can borrow your actual rent, up to ${yenEn(p.cap)} a month for up to ${p.months} months, interest-free and without a guarantor.`,
    'ja-easy': (p) => `家賃の お金を 借りられます。 1か月 ${yenJa(p.cap)}まで、 ${p.months}か月まで です。 利子は ありません。`,
  },
  'hsl-waiver': {
    ja: '1年以内に就職や収入の増える転職をして1年間働き続けると、返済が免除されます。',
    en: 'You do not have to repay it if you find a job or a better-paid job within a year and keep working for a year.',
    'ja-easy': '1年の うちに 仕事に ついて 1年間 働けば、 返さなくて いいです。',
  },
  'hsl-plan-in-place': {
    ja: '母子・父子自立支援プログラムが策定済みです。',
    en: 'Your self-reliance plan is already drawn up.',
    'ja-easy': '自立の ための 計画は もう できて います。',
  },
  'hsl-make-plan-first': {
    ja: '借りるには、先に母子・父子自立支援プログラムを策定する必要があります。',
    en: 'To borrow, first draw up a self-reliance plan with the counsellor.',
    'ja-easy': '借りる 前に、 窓口で 自立の ための 計画を 作って ください。',
  },

  // ----- 公営住宅の優先入居 -------------------------------------------------------------------
  'php-criteria': {
    ja: 'ひとり親世帯は公営住宅の入居で優遇される場合があります。収入基準や選考方法は事業主体が決めます。',
    en: 'Single-parent households may get priority for public housing; income limits and selection are set by the housing authority.',
    'ja-easy': 'ひとり親の 家は 公営住宅に 入りやすく なる ことが あります。 くわしい ルールは 住宅の 窓口が 決めます。',
  },
  'php-ask-department': {
    ja: '公営住宅の担当課に募集時期と条件を確認してください。',
    en: 'Ask the public-housing department when applications open and what the conditions are.',
    'ja-easy': '公営住宅の 窓口で、 いつ 申し込めるか、 条件は 何か 聞いて ください。',
  },

  // ----- 就学援助 ------------------------------------------------------------------------------
  'sea-no-school-child': {
    ja: '小学生・中学生のお子さんがいないため、対象になりません。',
    en: 'You have no child in elementary or junior-high school, so this does not apply.',
    'ja-easy': '小学生や 中学生の 子どもが いません。 だから 使えません。',
  },
  'sea-public-assistance': {
    ja: '生活保護を受けている世帯（要保護世帯）は対象です。',
    en: 'Households on public assistance qualify.',
    'ja-easy': '生活保護を もらっている 家は 使えます。',
  },
  'sea-covers': {
    ja: '学用品、入学準備、修学旅行、給食などの費用が援助されます。',
    en: 'It helps with school supplies, new-pupil costs, school trips, school lunches and similar costs.',
    'ja-easy': '学校で 使う もの、 給食、 修学旅行などの お金を 助けて もらえます。',
  },
  'sea-income-criteria': {
    ja: '多くの市区町村では、所得が生活保護基準の1.3倍程度以下などの基準で判定されます。',
    en: 'Most municipalities decide on an income test, often income up to about 1.3 times the public-assistance standard.',
    'ja-easy': '収入で 決まる ことが 多いです。 市や 町に よって ちがいます。',
  },
  'sea-ask-school-board': {
    ja: '学校または教育委員会に申請してください。',
    en: "Apply through your child's school or the board of education.",
    'ja-easy': '学校か 教育委員会に 申し込んで ください。',
  },

  // ----- 高等学校等就学支援金 -----------------------------------------------------------------
  'hs-no-high-school-age-child': {
    ja: '高校生年代のお子さんがいないため、対象になりません。',
    en: 'You have no child of high-school age, so this does not apply.',
    'ja-easy': '高校生の 年の 子どもが いません。 だから 使えません。',
  },
  'hs-income-test': {
    ja: 'この年度は市町村民税の課税標準額による所得判定があるため、この情報だけでは判定できません。',
    en: 'This year the support is income-tested on your resident-tax base, which we cannot work out from these answers.',
    'ja-easy': 'この 年は 税金の 金額で 決まります。 ここでは わかりません。',
  },
  'hs-apply-via-school': {
    ja: '高校を通じて申請してください。',
    en: "Apply through your child's high school.",
    'ja-easy': '高校で 申し込んで ください。',
  },
  'hs-amount': {
    ja: (p) => `高校に在学するお子さん${p.children}人について、授業料として年 ${yenJa(p.yearly)}（月 ${yenJa(p.monthly)}）が学校に支払われます。私立の全日制は年 ${yenJa(p.privateYearly)}まで。`,
    en: (p) => `For ${count(p.children, 'child', 'children')} at high school, ${yenEn(p.yearly)} a year (${yenEn(p.monthly)} a month) per child is paid to the school towards tuition; up to ${yenEn(p.privateYearly)} at a private full-time school.`,
    'ja-easy': (p) => `高校の 授業料として 1年に ${yenJa(p.yearly)}が 学校に 払われます。 私立は もっと 多い ことが あります。`,
  },
  'hs-if-enrolled': {
    ja: 'お子さんが高校などに在学している場合の金額です。',
    en: 'This applies if your child attends a high school or similar.',
    'ja-easy': '子どもが 高校に 通って いる ときの 金額です。',
  },
  'hs-private-income-test': {
    ja: '私立高校の加算分は、世帯年収がおよそ590万円未満の場合に限られます。',
    en: 'The private-school top-up is only for households below roughly ¥5.9 million a year.',
    'ja-easy': '私立高校の 上乗せは、 1年の 収入が 590万円ぐらいより 少ない 家だけです。',
  },

  // ----- 保育所等の優先入所 -------------------------------------------------------------------
  'cp-no-preschool-child': {
    ja: '小学校入学前のお子さんがいないため、対象になりません。',
    en: 'You have no child below school age, so this does not apply.',
    'ja-easy': '小学校に 入る 前の 子どもが いません。 だから 使えません。',
  },
  'cp-priority': {
    ja: (p) => `小学校入学前のお子さん${p.children}人について、保育所などの入所選考でひとり親世帯として優先されます。`,
    en: (p) => `For ${count(p.children, 'child', 'children')} below school age, single-parent households get priority when nursery places are allocated.`,
    'ja-easy': (p) => `小学校に 入る 前の 子ども（${p.children}人）は、 保育園に 入りやすく なります。`,
  },
  'cp-ask-childcare-section': {
    ja: '保育の担当課に入所の申込みと優先の扱いを確認してください。',
    en: 'Ask the childcare section how to apply for a place and how the priority works.',
    'ja-easy': '保育園の 窓口で 申し込み方を 聞いて ください。',
  },

  // ----- JR通勤定期 ---------------------------------------------------------------------------
  'cpd-needs-cra': {
    ja: 'JR通勤定期の割引は、児童扶養手当を受けている世帯が対象です。',
    en: 'The JR commuter-pass discount is for households receiving the child-rearing allowance.',
    'ja-easy': 'JRの 定期券の 割引は、 児童扶養手当を もらって いる 家が 使えます。',
  },
  'cpd-discount': {
    ja: (p) => `JRの通勤定期券が約${p.percent}%割引になります（通学定期は対象外）。`,
    en: (p) => `JR commuter passes are about ${p.percent}% cheaper (not school passes).`,
    'ja-easy': (p) => `JRの 通勤の 定期券が 約${p.percent}% 安く なります。`,
  },
  'cpd-get-certificates': {
    ja: '市区町村で「特定者資格証明書」と「購入証明書」を受け取り、JRの窓口で購入してください。',
    en: 'Get the eligibility certificate and the purchase certificate from your municipality, then buy the pass at a JR ticket office.',
    'ja-easy': '市役所で 2つの 証明書を もらって、 JRの 駅で 買って ください。',
  },

  // ----- ひとり親控除 ----------------------------------------------------------------------------
  'spd-income-over': {
    ja: (p) => `${p.taxYear}年の合計所得金額が${yenJa(p.income)}で、${yenJa(p.limit)}を超えるため対象になりません。`,
    en: (p) => `Your total income for ${p.taxYear} is ${yenEn(p.income)}, above ${yenEn(p.limit)}, so the deduction does not apply.`,
    'ja-easy': (p) => `${p.taxYear}年の 所得が ${yenJa(p.income)}で、 ${yenJa(p.limit)}より 多いです。 だから 使えません。`,
  },
  'spd-income-unknown': {
    ja: (p) => `${p.taxYear}年の合計所得金額が${yenJa(p.limit)}以下かどうかを確認するため、収入を教えてください。`,
    en: (p) => `We need your income to check that your total income for ${p.taxYear} is ${yenEn(p.limit)} or less.`,
    'ja-easy': (p) => `${p.taxYear}年の 所得が ${yenJa(p.limit)}以下か 調べます。 収入を 教えて ください。`,
  },
  'spd-deduction': {
    ja: (p) => `${p.taxYear}年分の所得税で${yenJa(p.incomeTax)}、住民税で${yenJa(p.residentTax)}の所得控除を受けられます。`,
    en: (p) => `For ${p.taxYear} you can deduct ${yenEn(p.incomeTax)} from income for income tax and ${yenEn(p.residentTax)} for resident tax.`,
    'ja-easy': (p) => `税金が 安く なります。 所得税では ${yenJa(p.incomeTax)}、 住民税では ${yenJa(p.residentTax)}を 所得から 引けます。`,
  },
  'spd-assumptions': {
    ja: (p) => `${p.taxYear}年の収入と、同じ世帯のお子さんの所得が${yenJa(p.childLimit)}以下であることを前提にしています。12月31日時点で結婚（事実婚を含む）していないことが条件です。`,
    en: (p) => `This assumes your answers are your ${p.taxYear} income and that your child lives with you with income of ${yenEn(p.childLimit)} or less. You must be unmarried (including de-facto) on 31 December.`,
    'ja-easy': (p) => `${p.taxYear}年の 収入で 考えました。 12月31日に 結婚して いない ことが 必要です。`,
  },
  'spd-planned-change': {
    ja: (p) => `${p.year}年分から所得税${yenJa(p.incomeTax)}・住民税${yenJa(p.residentTax)}に引き上げられる予定です（税制改正大綱）。`,
    en: (p) => `From ${p.year} it is planned to rise to ${yenEn(p.incomeTax)} (income tax) and ${yenEn(p.residentTax)} (resident tax), per the tax-reform outline.`,
    'ja-easy': (p) => `${p.year}年から もっと 多く 引ける ように なる 予定です。`,
  },
  'spd-tell-employer': {
    ja: '勤務先の年末調整（扶養控除等申告書）か確定申告で申告してください。',
    en: 'Claim it through your employer’s year-end adjustment (on the dependants declaration form) or in a tax return.',
    'ja-easy': '会社に 出す 書類（年末調整）か、 確定申告で 書いて ください。',
  },

  // ----- 母子・父子自立支援プログラム ----------------------------------------------------------------
  'srp-plan': {
    ja: '自立支援員と一緒に、仕事や生活の目標に合わせた自立支援プログラムを作れます。',
    en: 'You can draw up a self-reliance plan for work and daily life together with a counsellor.',
    'ja-easy': '相談員と いっしょに、 仕事や 生活の 計画を 作れます。',
  },
  'srp-ask': {
    ja: '対象は児童扶養手当の受給者が中心ですが、ほかの方も利用できる場合があります。',
    en: 'It is mainly for recipients of the child-rearing allowance, but others may be able to use it too.',
    'ja-easy': '児童扶養手当を もらって いる 人が 中心です。 ほかの 人も 使える ことが あります。',
  },

  // ----- 就業支援 ------------------------------------------------------------------------------
  'vs-open': {
    ja: '就業支援専門員やマザーズハローワークで、仕事探しや職業相談を無料で受けられます。',
    en: 'Job counsellors and Mothers’ Hello Work offices help you look for work, free of charge.',
    'ja-easy': '仕事さがしの 相談が 無料で できます。',
  },
  'vs-visit': {
    ja: 'ひとり親家庭等就業・自立支援センターかマザーズハローワークに相談してください。',
    en: 'Contact the single-parent employment support centre or a Mothers’ Hello Work office.',
    'ja-easy': '「マザーズハローワーク」などに 行って 相談して ください。',
  },

  // ----- 生活困窮者自立支援 ----------------------------------------------------------------------
  'nss-on-public-assistance': {
    ja: '生活保護を受けている場合は、ケースワーカーが支援します。',
    en: 'While you receive public assistance, your caseworker supports you instead.',
    'ja-easy': '生活保護を もらって いる 人は、 ケースワーカーが 助けます。',
  },
  'nss-open': {
    ja: '生活や仕事、家計、住まいに困っている方は誰でも相談できます。',
    en: 'Anyone struggling with money, work or housing can get advice and support.',
    'ja-easy': 'お金や 仕事や 家の ことで 困って いる 人は だれでも 相談 できます。',
  },
  'nss-visit': {
    ja: '市区町村の自立相談支援窓口に相談してください。',
    en: "Contact your municipality's self-reliance support desk.",
    'ja-easy': '市役所の 生活の 相談窓口に 行って ください。',
  },

  // ----- 生活保護 ------------------------------------------------------------------------------
  'lp-receiving': {
    ja: '生活保護を受けています。',
    en: 'You receive public assistance.',
    'ja-easy': '生活保護を もらって います。',
  },
  'lp-caseworker': {
    ja: '変化があればケースワーカーに伝えてください。',
    en: 'Tell your caseworker about any change in your situation.',
    'ja-easy': '生活が 変わったら ケースワーカーに 話して ください。',
  },
  'lp-decided-by-office': {
    ja: '生活保護を受けられるかは、収入・資産・世帯の状況などから福祉事務所が判断します。',
    en: 'Whether you can receive public assistance is decided by the welfare office, from your income, assets and household.',
    'ja-easy': '生活保護を もらえるかは、 福祉事務所が 収入や 家の ようすを 見て 決めます。',
  },
  'lp-consult': {
    ja: '生活が苦しいときは、福祉事務所に相談してください。申請は誰でもできます。',
    en: 'If you are struggling to get by, talk to the welfare office. Anyone may apply.',
    'ja-easy': '生活が 苦しい ときは、 福祉事務所に 相談して ください。 だれでも 申し込めます。',
  },

  // ----- 養育費の確保 --------------------------------------------------------------------------
  'css-none-received': {
    ja: '養育費を受け取っていないため、取り決めや受け取りの支援が役立つかもしれません。',
    en: 'You receive no child support, so help with an agreement or with collecting it may be useful.',
    'ja-easy': '養育費を もらって いません。 もらう ための 手伝いが あります。',
  },
  'css-receiving': {
    ja: '養育費の支払いが止まったときや、金額を見直したいときに相談できます。',
    en: 'You can get help if child-support payments stop or need reviewing.',
    'ja-easy': '養育費が 止まった ときなどに 相談 できます。',
  },
  'css-open': {
    ja: '養育費の取り決めや受け取りについて相談できます。',
    en: 'You can get help agreeing on and collecting child support.',
    'ja-easy': '養育費の ことを 相談 できます。',
  },
  'css-consult': {
    ja: '養育費等相談支援センターや市区町村のひとり親相談窓口に相談してください。',
    en: 'Contact the child-support advice centre or the single-parent desk at your municipality.',
    'ja-easy': '養育費の 相談センターや 市役所の 窓口に 相談して ください。',
  },

  // ----- DV相談 ----------------------------------------------------------------------------------
  'dv-you-mentioned': {
    ja: '暴力や支配に悩んでいると伺いました。あなたの安全がいちばん大切です。',
    en: 'You told us about violence or control at home. Your safety comes first.',
    'ja-easy': '暴力などで 困って いると 聞きました。 あなたの 安全が いちばん 大切です。',
  },
  'dv-open': {
    ja: '配偶者などからの暴力について、秘密を守って相談できます。',
    en: 'You can talk in confidence about violence from a partner or ex-partner.',
    'ja-easy': '夫や 妻などからの 暴力の ことを 相談 できます。 秘密は 守ります。',
  },
  'dv-call': {
    ja: 'DV相談ナビ（#8008）に電話すると、近くの相談窓口につながります。',
    en: 'Call the DV helpline #8008 to be connected to the nearest support centre.',
    'ja-easy': '#8008に 電話して ください。 近くの 相談窓口に つながります。',
  },
  'dv-emergency': {
    ja: '身の危険があるときは、すぐに110番に電話してください。',
    en: 'If you are in danger, call 110 (police) now.',
    'ja-easy': 'あぶない ときは すぐ 110番に 電話して ください。',
  },
  'dv-protect-address': {
    ja: '住所を知られないよう、住民票の閲覧制限などの支援措置を申し出ることができます。',
    en: 'You can ask for your address records to be protected from the abuser.',
    'ja-easy': '住所を 知られない ように、 役所に お願い できます。',
  },

  // ----- 日常生活支援 ------------------------------------------------------------------------------
  'hh-help': {
    ja: '病気や仕事、技能習得などで一時的に家事や育児ができないとき、家庭生活支援員を派遣してもらえます。',
    en: 'When illness, work or training means you temporarily cannot manage housework or childcare, a home helper can be sent.',
    'ja-easy': '病気や 仕事で 家事や 子育てが できない とき、 手伝う 人が 来て くれます。',
  },
  'hh-fee': {
    ja: '利用料は所得に応じて決まり、住民税非課税世帯は無料の地域が多いです。',
    en: 'The fee depends on income; it is free for resident-tax-exempt households in most areas.',
    'ja-easy': 'お金は 収入で 決まります。 無料の ことも あります。',
  },
  'hh-ask': {
    ja: 'ひとり親相談窓口に利用の登録方法を確認してください。',
    en: 'Ask the single-parent desk how to register.',
    'ja-easy': 'ひとり親の 相談窓口で 使い方を 聞いて ください。',
  },

  // ----- 母子・父子自立支援員 --------------------------------------------------------------------
  'spc-open': {
    ja: '生活・仕事・お金・子育てなど、どんなことでも母子・父子自立支援員に相談できます。',
    en: 'You can talk to the single-parent support counsellor about anything: daily life, work, money or parenting.',
    'ja-easy': '生活、 仕事、 お金、 子育てなど、 何でも 相談 できます。',
  },

  // ----- 子どもの学習・生活支援 ----------------------------------------------------------------
  'ls-no-school-child': {
    ja: '小学生から高校生年代のお子さんがいないため、対象になりません。',
    en: 'You have no child from elementary-school to high-school age, so this does not apply.',
    'ja-easy': '小学生から 高校生の 年の 子どもが いません。 だから 使えません。',
  },
  'ls-on-public-assistance': {
    ja: '生活保護を受けている世帯のお子さんは対象です。',
    en: 'Children of households on public assistance qualify.',
    'ja-easy': '生活保護を もらって いる 家の 子どもは 使えます。',
  },
  'ls-support': {
    ja: '学習教室や居場所づくりで、お子さんの勉強や生活を無料で支援します。',
    en: 'Free study sessions and a safe place for your children to learn and spend time.',
    'ja-easy': '子どもが 無料で 勉強を 教えて もらえる 場所が あります。',
  },
  'ls-criteria': {
    ja: '対象となる世帯は市区町村が決めています（ひとり親世帯や生活困窮世帯など）。',
    en: 'Each municipality decides which households qualify (often single-parent or low-income households).',
    'ja-easy': 'だれが 使えるかは 市や 町が 決めます。',
  },
  'ls-ask': {
    ja: '市区町村の担当窓口に教室の場所と申込み方法を確認してください。',
    en: 'Ask your municipality where the sessions are and how to join.',
    'ja-easy': '市役所で 場所と 申し込み方を 聞いて ください。',
  },
} satisfies Record<string, ReasonText>;

export type ReasonCode = keyof typeof REASON_TEXTS;

/** All codes that have texts (for tests and for the API layer's documentation). */
export const REASON_CODES = Object.keys(REASON_TEXTS) as ReasonCode[];
