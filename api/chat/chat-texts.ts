import type { LocalizedText } from '../core';

/** Every sentence the chatbot says itself (answers come from the knowledge base and the catalogue). */
export const T = {
  welcome: {
    ja: 'こんにちは。ひとり親家庭の制度や手当について、わかる範囲でお答えします。知りたいことを短い文で書いてください。',
    en: 'Hello. I can answer questions about support for single-parent families. Please type your question in a short sentence.',
    'ja-easy': 'こんにちは。ひとり親の 家庭の 制度や 手当に ついて 答えます。知りたい ことを 短く 書いて ください。',
  },
  maybe: { ja: 'もしかして、次のどれかについてですか？', en: 'Did you mean one of these?', 'ja-easy': 'もしかして、この 中の どれですか？' },
  unknown: {
    ja: 'ごめんなさい。その質問にお答えできる情報が見つかりませんでした。こちらの窓口に聞いてください：{contact}',
    en: 'Sorry, I could not find an answer to that. Please ask here: {contact}',
    'ja-easy': 'ごめんなさい。答えが 見つかりませんでした。ここに 聞いて ください：{contact}',
  },
  askAnother: {
    ja: 'ほかに知りたいことがあれば、書いてください。',
    en: 'If you have another question, just type it.',
    'ja-easy': 'ほかに 知りたい ことが あれば 書いて ください。',
  },
  contactIs: { ja: '問い合わせ先：{contact}', en: 'Where to ask: {contact}', 'ja-easy': '聞く ところ：{contact}' },
  staff: {
    ja: '相談員におつなぎします。連絡先を残していただければ、担当者から連絡します。すぐに話したいときは次の窓口へ：{contact}',
    en: 'I will connect you with a consultant. Leave your contact details and a caseworker will get in touch, or talk to them directly: {contact}',
    'ja-easy': '相談員に つなぎます。れんらく先を 書くと、係の 人から れんらく します。すぐ 話したい ときは ここへ：{contact}',
  },
  urgentNext: {
    ja: '落ち着いたら、こちらにも相談できます：{contact}',
    en: 'When you can, you can also talk to: {contact}',
    'ja-easy': 'あとで、ここにも 相談 できます：{contact}',
  },
  askChildren: {
    ja: '手当の目安を計算します。18歳以下のお子さんは何人ですか？',
    en: 'Let me estimate your allowances. How many children aged 18 or under do you have?',
    'ja-easy': '手当の お金を 計算 します。18さい までの 子どもは 何人 ですか？',
  },
  askAge: { ja: '{n}人目のお子さんの年齢は？', en: 'How old is child {n}?', 'ja-easy': '{n}人目の 子どもは 何さい ですか？' },
  askIncome: {
    ja: 'あなたの1年間の収入（税金などが引かれる前の給与）はおよそいくらですか？',
    en: 'About how much do you earn a year (gross salary)?',
    'ja-easy': 'あなたが 1年に もらう 給料は だいたい いくら ですか？',
  },
  didNotGet: {
    ja: 'すみません、わかりませんでした。下のボタンから選んでください。',
    en: 'Sorry, I did not understand. Please choose one of the buttons.',
    'ja-easy': 'すみません、わかりませんでした。下の ボタンから えらんで ください。',
  },
  estimateHead: {
    ja: '目安です（ひとり親で、養育費などほかの収入がない場合）：',
    en: 'A rough estimate (single parent, no child support or other income):',
    'ja-easy': 'だいたいの お金です（ひとり親で、ほかに お金を もらって いない とき）：',
  },
  estimateLine: { ja: '・{name}：月額 約{amount}円', en: '- {name}: about {amount} yen a month', 'ja-easy': '・{name}：1か月 だいたい {amount}円' },
  estimateNone: {
    ja: '・{name}：この条件では対象にならない見込みです',
    en: '- {name}: probably not available in this case',
    'ja-easy': '・{name}：もらえない かもしれません',
  },
  estimateAsk: { ja: '・{name}：窓口での確認が必要です', en: '- {name}: the desk needs to check', 'ja-easy': '・{name}：窓口で 聞いて ください' },
  estimateTotal: { ja: '合計：月額 約{amount}円', en: 'Total: about {amount} yen a month', 'ja-easy': 'ぜんぶで 1か月 だいたい {amount}円' },
  estimateFoot: {
    ja: '実際の額は所得の計算や家族の状況で変わります。申請や詳しい確認は、申請フォームか窓口でどうぞ。',
    en: 'The actual amounts depend on how your income is assessed and on your family. Use the form or the desk to apply or check.',
    'ja-easy': '本当の 金額は ちがう ことが あります。フォームか 窓口で 聞いて ください。',
  },
  intake: {
    ja: '申請・相談フォームにお進みください。入力したお子さんの人数と収入は、フォームに引き継げます。',
    en: 'Please continue in the application form; the answers you gave can be carried over.',
    'ja-easy': 'フォームに すすんで ください。',
  },
  overview: {
    ja: 'あなたの家庭で使える制度は、申請・相談フォームでまとめて確かめられます（お子さんの年齢や収入から、対象になりそうな制度と金額の目安を表示します）。',
    en: "The application form shows, in one go, the support your family may use (from your children's ages and your income, with rough amounts).",
    'ja-easy': 'フォームに 書くと、あなたの 家庭が 使える 制度が わかります。',
  },
  amountSlot: { ja: '{i}人目 {amount}円', en: '{amount} yen for child {i}', 'ja-easy': '{i}人目 {amount}円' },
  craAmount: {
    ja: '児童扶養手当は、お子さん{n}人なら全部支給で月額{total}円です（{parts}）。所得に応じた一部支給では月額{min}円〜{max}円です。給与収入だけなら、全部支給はおよそ{fullGross}万円未満、一部支給はおよそ{partialGross}万円未満が目安です（養育費や控除で変わります）。{note}',
    en: 'For {children} the child-rearing allowance is {total} yen a month at the full rate ({parts}); at a partial rate, depending on income, {min} to {max} yen. On a salary alone, the full rate applies below about {fullGrossYen} yen a year and a partial rate below about {partialGrossYen} yen (child support and deductions change this). {note}',
    'ja-easy':
      '子{こ}ども {n}人{にん}なら、いちばん 多{おお}くて 1か月{げつ} {total}円{えん}です（{parts}）。収入{しゅうにゅう}が 多{おお}いと 少{すく}なく なります。{note}',
  },
  caAmount: {
    ja: '児童手当は、お子さん{n}人（3歳から高校生年代まで）なら月額{total}円です（{parts}）。3歳未満の1人目・2人目は{under3}円になり、全員3歳未満なら月額{totalUnder3}円です。所得制限はありません。',
    en: 'For {children} aged 3 up to high-school age, the child allowance is {total} yen a month ({parts}). A first or second child under 3 gets {under3} yen; if all are under 3, the total is {totalUnder3} yen. There is no income limit.',
    'ja-easy': '児童手当{じどうてあて}は、子{こ}ども {n}人{にん}（3さい から 高校生{こうこうせい}まで）で 1か月{げつ} {total}円{えん}です（{parts}）。',
  },
  provisional: {
    ja: '（2026年度の額は確認中の暫定値です。）',
    en: '(The fiscal 2026 amounts are provisional.)',
    'ja-easy': '（まだ 確認中{かくにんちゅう}の 金額{きんがく}です）',
  },
} satisfies Record<string, LocalizedText>;

export const QR = {
  estimate: { ja: '手当の目安を知りたい', en: 'Estimate my allowances', 'ja-easy': '手当の 計算' },
  staff: { ja: '相談員と話したい', en: 'Talk to a consultant', 'ja-easy': '相談員と 話したい' },
  intake: { ja: '申請・相談フォームへ', en: 'Go to the application form', 'ja-easy': 'フォームへ' },
  children: [
    { value: 'children:1', label: { ja: '1人', en: '1', 'ja-easy': '1人' } },
    { value: 'children:2', label: { ja: '2人', en: '2', 'ja-easy': '2人' } },
    { value: 'children:3', label: { ja: '3人以上', en: '3 or more', 'ja-easy': '3人 いじょう' } },
  ],
  ages: [
    { value: 'age:1', label: { ja: '0〜2歳', en: '0–2', 'ja-easy': '0〜2さい' } },
    { value: 'age:8', label: { ja: '3歳〜小学生', en: '3 to primary school', 'ja-easy': '3さい〜小学生' } },
    { value: 'age:13', label: { ja: '中学生', en: 'Junior high school', 'ja-easy': '中学生' } },
    { value: 'age:16', label: { ja: '高校生', en: 'High school', 'ja-easy': '高校生' } },
    { value: 'age:19', label: { ja: '18歳以上（高校卒業後）', en: '18 or older (after high school)', 'ja-easy': '18さい いじょう' } },
  ],
  incomes: [
    { value: 'income:800000', label: { ja: '100万円未満', en: 'Under 1 million yen', 'ja-easy': '100万円 より 少ない' } },
    { value: 'income:1300000', label: { ja: '100〜160万円', en: '1–1.6 million yen', 'ja-easy': '100〜160万円' } },
    { value: 'income:1950000', label: { ja: '160〜230万円', en: '1.6–2.3 million yen', 'ja-easy': '160〜230万円' } },
    { value: 'income:2650000', label: { ja: '230〜300万円', en: '2.3–3 million yen', 'ja-easy': '230〜300万円' } },
    { value: 'income:3500000', label: { ja: '300〜400万円', en: '3–4 million yen', 'ja-easy': '300〜400万円' } },
    { value: 'income:5000000', label: { ja: '400万円以上', en: '4 million yen or more', 'ja-easy': '400万円 より 多い' } },
  ],
};

const YEN_DIGITS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, useGrouping: true });

export function yen(n: number): string {
  // Intl, not a look-ahead regex over the digits (that one is quadratic in their number).
  return YEN_DIGITS.format(n);
}

export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * Phrases (normal form compared, text.ts compact) that start the allowance estimate. 「いくらもらえる」
 * starts it only next to 手当: 「資格の学校に行くと月いくらもらえる？」 is about a training benefit.
 */
export const ESTIMATE_TRIGGERS = [
  '手当について知りたい',
  '手当について教えて',
  '手当を知りたい',
  'もらえる手当',
  'どんな手当',
  '手当はいくら',
  '手当いくら',
  '手当の目安',
  '手当の計算',
  'estimate my allowance',
  'how much allowance',
  'which allowances',
  'てあてについてしりたい',
];
export const ESTIMATE_WITH_ALLOWANCE = ['いくらもらえる', 'いくらになる'];
export const GREETINGS = ['こんにちは', 'こんばんは', 'おはよう', 'はじめまして', 'hello', 'hi', 'hey', 'よろしく'];
