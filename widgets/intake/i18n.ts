/**
 * Text tables of the intake widget: [Japanese, English, やさしい日本語].
 * In やさしい日本語, `漢字{よみ}` marks furigana: it is rendered as <ruby>漢字<rt>よみ</rt></ruby>
 * and dropped from plain text (aria-labels, live announcements). `%` is a number placeholder.
 */
export type Lang = 0 | 1 | 2;
export type Text = readonly [string, string, string];

/** Accept-Language / lang attribute value per language. */
export const LANG_TAGS = ['ja', 'en', 'ja-x-easy'] as const;

/** Resolves a lang attribute value ("ja", "en", "ja-x-easy", "ja-easy", …) to a table column. */
export function langOf(tag: string | null | undefined): Lang {
  const v = (tag ?? '').toLowerCase();
  if (v.startsWith('en')) return 1;
  if (v.includes('easy')) return 2;
  return 0;
}

export const T = {
  title: ['ひとり親家庭の支援かんたん診断', 'Support finder for single-parent families', 'ひとり親{おや}の 家族{かぞく}が 使{つか}える 支援{しえん}を さがす'],
  intro: ['お名前や連絡先は聞きません。答えはこの端末の中だけに残ります。', 'We do not ask for your name or contact details. Your answers stay on this device.', '名前{なまえ}や 電話番号{でんわばんごう}は 聞{き}きません。'],
  step: ['ステップ %/6', 'Step %/6', 'ステップ %/6'],
  h0: ['お住まいの地域', 'Where you live', '住{す}んでいる ところ'],
  h1: ['お困りのこと', 'What troubles you', '困{こま}っている こと'],
  h2: ['お子さん', 'Your children', '子{こ}ども'],
  h3: ['昨年の収入', "Last year's income", '去年{きょねん}の 収入{しゅうにゅう}（もらった お金{かね}）'],
  h4: ['利用中の支援', 'Support you already receive', 'いま 使{つか}っている 支援{しえん}'],
  h5: ['使える可能性のある支援', 'Support you may be able to use', '使{つか}える かもしれない 支援{しえん}'],
  req: ['（必須）', ' (required)', '（かならず 書{か}く）'],
  postal: ['郵便番号', 'Postal code', '郵便番号{ゆうびんばんごう}'],
  postalHint: ['例: 123-4567（全角数字も使えます）', 'e.g. 123-4567', 'れい: 123-4567'],
  pref: ['都道府県（任意）', 'Prefecture (optional)', '都道府県{とどうふけん}（書{か}かなくても よい）'],
  city: ['市区町村（任意）', 'City, ward, town or village (optional)', '市{し}・町{まち}・村{むら}（書{か}かなくても よい）'],
  postalErr: ['郵便番号は7桁の数字で入力してください（例: 123-4567）。', 'Enter a 7-digit postal code (e.g. 123-4567).', '郵便番号{ゆうびんばんごう}は 7つの 数字{すうじ}で 書{か}いて ください（れい: 123-4567）。'],
  concerns: ['当てはまるものをすべて選んでください', 'Choose everything that applies', 'あてはまる ものを ぜんぶ えらんで ください'],
  dvTitle: ['あなたの安全がいちばん大切です', 'Your safety comes first', 'あなたの 安全{あんぜん}が いちばん 大切{たいせつ}です'],
  dv1: ['DV相談ナビ', 'DV Soudan Navi', 'DV相談{そうだん}ナビ'],
  dv1b: ['最寄りの相談窓口につながります', 'connects you to the nearest counselling centre', '近{ちか}くの 相談{そうだん}の 場所{ばしょ}に つながります'],
  dv2: ['DV相談＋（プラス）', 'DV Soudan Plus', 'DV相談{そうだん}＋（プラス）'],
  dv2b: ['24時間・無料', '24 hours, free of charge', '24時間{じかん}・お金{かね}は かかりません'],
  dv3: ['危険を感じたら、すぐに110番へ', 'In an emergency call the police on 110', 'あぶない ときは すぐに 110に 電話{でんわ}して ください'],
  child: ['%人目のお子さん', 'Child %', '%人目{にんめ}の 子{こ}ども'],
  birth: ['生年月日', 'Date of birth', '生{う}まれた 日{ひ}'],
  disability: ['障害がある', 'Has a disability', '障害{しょうがい}が ある'],
  add: ['お子さんを追加', 'Add a child', '子{こ}どもを 増{ふ}やす'],
  remove: ['%人目を削除', 'Remove child %', '%人目{にんめ}を 消{け}す'],
  birthErr: ['生年月日を入力してください。', 'Enter the date of birth.', '生{う}まれた 日{ひ}を 書{か}いて ください。'],
  noChild: ['お子さんを1人以上追加してください。', 'Add at least one child.', '子{こ}どもを 1人{ひとり} 以上{いじょう} 入{い}れて ください。'],
  income: ['昨年1月〜12月の金額（円）。わからなければ空欄で構いません。', 'January to December last year, in yen. Leave blank if you do not know.', '去年{きょねん}の 1月{がつ}から 12月{がつ}まで（円{えん}）。わからない ときは 書{か}かなくて いいです。'],
  salary: ['給与収入（税金などが引かれる前）', 'Gross salary (before tax)', '給料{きゅうりょう}（税金{ぜいきん}などを 引{ひ}く 前{まえ}）'],
  other: ['その他の所得', 'Other income', 'ほかの 収入{しゅうにゅう}'],
  support: ['受け取った養育費', 'Child support received', 'もらった 養育費{よういくひ}'],
  yen: ['円', 'yen', '円{えん}'],
  numErr: ['0以上の整数（半角・全角の数字）で入力してください。', 'Enter a whole number of yen, 0 or more.', '0より 大{おお}きい 数字{すうじ}で 書{か}いて ください。'],
  benefits: ['いま受けている支援をすべて選んでください', 'Choose all the support you receive now', 'いま もらっている 支援{しえん}を ぜんぶ えらんで ください'],
  loading: ['確認しています…', 'Checking…', 'しらべて います…'],
  found: ['%件の支援が見つかりました。', '% programmes found.', '支援{しえん}が %つ 見{み}つかりました。'],
  none: ['当てはまる支援が見つかりませんでした。窓口でご相談ください。', 'No programme matched. Please ask at the counter.', '使{つか}える 支援{しえん}が 見{み}つかりませんでした。窓口{まどぐち}で 聞{き}いて ください。'],
  ELIGIBLE: ['対象の可能性があります', 'You may be eligible', '使{つか}える かもしれません'],
  NEEDS_MORE_INFO: ['確認が必要です', 'More information needed', 'もっと 聞{き}く ことが あります'],
  NOT_ELIGIBLE: ['対象外の可能性があります', 'Probably not eligible', '使{つか}えない かもしれません'],
  monthly: ['月額 %円', '¥% a month', '1か月{げつ} %円{えん}'],
  yearly: ['年額 %円', '¥% a year', '1年{ねん} %円{えん}'],
  reasons: ['理由', 'Why', 'わけ'],
  next: ['次にすること', 'What to do next', 'つぎに する こと'],
  note: ['これは目安です。正式な決定は申請のあと窓口で行われます。', 'This is an estimate; the office decides after you apply.', 'これは 目安{めやす}です。申{もう}し込{こ}んだ あとに 市役所{しやくしょ}が 決{き}めます。'],
  netErr: ['通信できませんでした。時間をおいてもう一度お試しください。', 'Could not connect. Please try again later.', 'つながりませんでした。あとで もう一度{いちど} ためして ください。'],
  retry: ['もう一度試す', 'Try again', 'もう一度{いちど} ためす'],
  back: ['戻る', 'Back', 'もどる'],
  fwd: ['次へ', 'Next', 'つぎへ'],
  see: ['結果を見る', 'See results', '結果{けっか}を 見{み}る'],
  remember: ['この端末に保存する', 'Save on this device', 'この 端末{たんまつ}に 保存{ほぞん}する'],
  clear: ['入力内容を消す', 'Clear my answers', '書{か}いた ことを 消{け}す'],
  cleared: ['入力内容を消しました。', 'Your answers were cleared.', '書{か}いた ことを 消{け}しました。'],
} satisfies Record<string, Text>;

export type Key = keyof typeof T;

/** Concern categories: [code, ja, en, easy]. */
export const CONCERNS: readonly (readonly [string, string, string, string])[] = [
  ['CHILDCARE', '子育て', 'Childcare', '子育{こそだ}て'],
  ['DV', 'DV（暴力）', 'Domestic violence (DV)', 'DV（暴力{ぼうりょく}）'],
  ['MENTAL_HEALTH', '心の健康', 'Mental health', '心{こころ}の 健康{けんこう}'],
  ['WORK', '仕事', 'Work', '仕事{しごと}'],
  ['HOUSING', '住まい', 'Housing', '住{す}まい'],
  ['FINANCES', '家計', 'Household finances', '家{いえ}の お金{かね}'],
  ['MEDICAL', '医療', 'Medical care', '病院{びょういん}・病気{びょうき}'],
  ['CARE', '介護', 'Nursing care', '介護{かいご}'],
  ['LEGAL', '法律', 'Legal matters', '法律{ほうりつ}'],
  ['EDUCATION', '教育', 'Education', '勉強{べんきょう}・学校{がっこう}'],
  ['CHILD_SUPPORT', '養育費', 'Child support', '養育費{よういくひ}'],
  ['OTHER', 'その他', 'Other', 'そのほか'],
];

/** Support already in use: [programme id, ja, en, easy]. */
export const BENEFITS: readonly (readonly [string, string, string, string])[] = [
  ['child-rearing-allowance', '児童扶養手当', 'Child-rearing allowance', '児童扶養手当{じどうふようてあて}'],
  ['public-housing-priority', '公営住宅', 'Public housing', '公営住宅{こうえいじゅうたく}'],
  ['welfare-fund-loan', '貸付金', 'Welfare fund loan', '貸付金{かしつけきん}（借{か}りる お金{かね}）'],
  ['child-allowance', '児童手当', 'Child allowance', '児童手当{じどうてあて}'],
  ['livelihood-protection', '生活保護', 'Public assistance (livelihood protection)', '生活保護{せいかつほご}'],
];
