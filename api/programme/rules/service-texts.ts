// Texts of the services and consultations: priority for day care, commuter passes, the single-parent
// tax deduction, the self-reliance programme and employment support, livelihood support and public
// assistance, child support payments, DV consultation, daily-life help, the counsellors, and children's
// learning support, in the three locales. Spread into REASON_TEXTS (reason-texts.ts), so they are
// ReasonCodes like every other text.

import { count, yenEn, yenJa } from './format';
import type { ReasonText } from './reason-texts';

export const SERVICE_TEXTS = {
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
  // Said while the marital status is unknown (要確認): the priority depends on it.
  'cp-priority-if-unmarried': {
    ja: (p) => `結婚（事実婚を含む）していなければ、小学校入学前のお子さん${p.children}人について、保育所などの入所選考でひとり親世帯として優先されます。`,
    en: (p) =>
      `If you are not married (including de-facto), single-parent households get priority for ${count(p.children, 'child', 'children')} below school age when nursery places are allocated.`,
    'ja-easy': (p) => `結婚して いなければ、 小学校に 入る 前の 子ども（${p.children}人）は、 保育園に 入りやすく なります。`,
  },
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
    ja: (p) =>
      `${p.taxYear}年の収入と、同じ世帯のお子さんの所得が${yenJa(p.childLimit)}以下であることを前提にしています。12月31日時点で結婚（事実婚を含む）していないことが条件です。`,
    en: (p) =>
      `This assumes your answers are your ${p.taxYear} income and that your child lives with you with income of ${yenEn(p.childLimit)} or less. You must be unmarried (including de-facto) on 31 December.`,
    'ja-easy': (p) => `${p.taxYear}年の 収入で 考えました。 12月31日に 結婚して いない ことが 必要です。`,
  },
  'spd-planned-change': {
    ja: (p) => `${p.year}年分から所得税${yenJa(p.incomeTax)}・住民税${yenJa(p.residentTax)}に引き上げられる予定です（税制改正大綱）。`,
    en: (p) =>
      `From ${p.year} it is planned to rise to ${yenEn(p.incomeTax)} (income tax) and ${yenEn(p.residentTax)} (resident tax), per the tax-reform outline.`,
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
    ja: '病気や仕事、技能習得などで一時的に家事や育児ができないときに、家庭生活支援員を派遣する制度です。',
    en: 'This service sends a home helper when illness, work or training means a single parent temporarily cannot manage housework or childcare.',
    'ja-easy': '病気や 仕事で 家事や 子育てが できない とき、 手伝う 人が 来る 制度です。',
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
