// Texts of the money programmes after 児童扶養手当: 児童手当, the medical-cost subsidy, the welfare loans,
// the training grants, the housing loan, priority for public housing, and school support (就学援助,
// 高等学校等就学支援金), in the three locales. Spread into REASON_TEXTS (reason-texts.ts), so they are
// ReasonCodes like every other text.

import { count, yenEn, yenJa } from './format';
import type { ReasonText } from './reason-texts';

export const BENEFIT_TEXTS = {
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
    en: (p) =>
      `${count(p.count, 'older child', 'older children')} (up to the first 31 March after turning 22) ${Number(p.count) === 1 ? 'is' : 'are'} counted when numbering your children.`,
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
    en: (p) =>
      `Your assessed income of ${yenEn(p.income)} is within the limit (below ${yenEn(p.limit)}), so your and your children's medical co-payments are subsidised.`,
    'ja-easy': (p) => `所得額は ${yenJa(p.income)}で、 上限の ${yenJa(p.limit)}より 少ないです。 親と 子どもが 病院で 払う お金を 助けて もらえます。`,
  },
  // Said while other answers are still missing (要確認): the income test is met, the subsidy is not yet.
  'medical-within-limit': {
    ja: (p) => `所得額 ${yenJa(p.income)}は所得制限（${yenJa(p.limit)}未満）の範囲内です。残りの質問に答えると、助成を受けられるかがわかります。`,
    en: (p) =>
      `Your assessed income of ${yenEn(p.income)} is within the limit (below ${yenEn(p.limit)}). Answer the remaining questions to find out whether you can get the subsidy.`,
    'ja-easy': (p) => `所得額は ${yenJa(p.income)}で、 上限の ${yenJa(p.limit)}より 少ないです。 ほかの 質問に 答えると、 使えるか わかります。`,
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
    ja: (p) =>
      `生活資金（月 ${yenJa(p.living)}まで）、修学資金（月 ${yenJa(p.schoolingMax)}まで）、住宅資金（${yenJa(p.housing)}まで）など12種類の貸付を申し込めます。審査があります。`,
    en: (p) =>
      `You can apply for 12 kinds of loan, e.g. living costs (up to ${yenEn(p.living)} a month), school costs (up to ${yenEn(p.schoolingMax)} a month) and housing (up to ${yenEn(p.housing)}). Each loan is screened.`,
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
    ja: (p) =>
      `指定講座の受講料の${p.percent}%（一般講座は${yenJa(p.cap)}まで、専門実践講座は最大${yenJa(p.specialisedCap)}。資格を取り1年以内に就職すると${p.qualifiedPercent}%）が支給されます。`,
    en: (p) =>
      `${p.percent}% of the course fees is paid (up to ${yenEn(p.cap)} for general courses, up to ${yenEn(p.specialisedCap)} for professional courses; ${p.qualifiedPercent}% if you qualify and find a job within a year).`,
    'ja-easy': (p) => `講座の お金の ${p.percent}%を もらえます。 上限が あります。`,
  },
  'itb-designate-first': {
    ja: '受講を始める前に、講座の指定を受けてください（後からでは対象になりません）。',
    en: 'Get the course approved BEFORE you enrol; it cannot be approved afterwards.',
    'ja-easy': '講座を 始める 前に、 役所に 相談して 指定を 受けて ください。 あとからでは だめです。',
  },
  'avtb-conditions': {
    ja: (p) => `看護師・保育士・介護福祉士などの資格のため${p.months}か月以上養成機関で学ぶ場合に、最長${p.maxMonths}か月支給されます。`,
    en: (p) =>
      `Paid while you study for at least ${p.months} months at a school for a listed qualification (e.g. nurse, childcare worker, care worker), for up to ${p.maxMonths} months.`,
    'ja-easy': (p) => `看護師や 保育士などの 資格の ために ${p.months}か月 以上 学校で 学ぶ 人が もらえます。 いちばん 長くて ${p.maxMonths}か月です。`,
  },
  'avtb-amount': {
    ja: (p) => `月 ${yenJa(p.monthly)}（最後の1年間は月 ${yenJa(p.lastYear)}）、修了時に${yenJa(p.completion)}です。`,
    en: (p) => `${yenEn(p.monthly)} a month (${yenEn(p.lastYear)} in the last year), plus ${yenEn(p.completion)} on completion.`,
    'ja-easy': (p) => `1か月 ${yenJa(p.monthly)}です。 最後の 1年は 1か月 ${yenJa(p.lastYear)}です。`,
  },
  'avtb-amount-depends-on-tax': {
    ja: (p) => `月額は住民税非課税世帯で${yenJa(p.exempt)}、課税世帯で${yenJa(p.taxed)}です（最後の1年間は${yenJa(p.addition)}加算）。`,
    en: (p) =>
      `The monthly amount is ${yenEn(p.exempt)} if your household is exempt from resident tax, ${yenEn(p.taxed)} otherwise (plus ${yenEn(p.addition)} in the last year).`,
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
    ja: '援助の対象は、学用品、入学準備、修学旅行、給食などの費用です。',
    en: 'The aid covers school supplies, new-pupil costs, school trips, school lunches and similar costs.',
    'ja-easy': '学校で 使う もの、 給食、 修学旅行などの お金を 助ける 制度です。',
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
    ja: (p) =>
      `高校に在学するお子さん${p.children}人について、授業料として年 ${yenJa(p.yearly)}（月 ${yenJa(p.monthly)}）が学校に支払われます。私立の全日制は年 ${yenJa(p.privateYearly)}まで。`,
    en: (p) =>
      `For ${count(p.children, 'child', 'children')} at high school, ${yenEn(p.yearly)} a year (${yenEn(p.monthly)} a month) per child is paid to the school towards tuition; up to ${yenEn(p.privateYearly)} at a private full-time school.`,
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
} satisfies Record<string, ReasonText>;
