import type { LocalizedText } from '../common/i18n';

/** Every sentence the chatbot says itself (answers come from the knowledge base and the catalogue). */
export const T = {
  welcome: { ja: 'こんにちは。ひとり親家庭の制度や手当について、わかる範囲でお答えします。知りたいことを短い文で書いてください。', en: 'Hello. I can answer questions about support for single-parent families. Please type your question in a short sentence.', 'ja-easy': 'こんにちは。ひとり親の 家庭の 制度や 手当に ついて 答えます。知りたい ことを 短く 書いて ください。' },
  maybe: { ja: 'もしかして、次のどれかについてですか？', en: 'Did you mean one of these?', 'ja-easy': 'もしかして、この 中の どれですか？' },
  unknown: { ja: 'ごめんなさい。その質問にお答えできる情報が見つかりませんでした。こちらの窓口に聞いてください：{contact}', en: 'Sorry, I could not find an answer to that. Please ask here: {contact}', 'ja-easy': 'ごめんなさい。答えが 見つかりませんでした。ここに 聞いて ください：{contact}' },
  askAnother: { ja: 'ほかに知りたいことがあれば、書いてください。', en: 'If you have another question, just type it.', 'ja-easy': 'ほかに 知りたい ことが あれば 書いて ください。' },
  contactIs: { ja: '問い合わせ先：{contact}', en: 'Where to ask: {contact}', 'ja-easy': '聞く ところ：{contact}' },
  staff: { ja: '相談員におつなぎします。連絡先を残していただければ、担当者から連絡します。すぐに話したいときは次の窓口へ：{contact}', en: 'I will connect you with a consultant. Leave your contact details and a caseworker will get in touch, or talk to them directly: {contact}', 'ja-easy': '相談員に つなぎます。れんらく先を 書くと、係の 人から れんらく します。すぐ 話したい ときは ここへ：{contact}' },
  urgentNext: { ja: '落ち着いたら、こちらにも相談できます：{contact}', en: 'When you can, you can also talk to: {contact}', 'ja-easy': 'あとで、ここにも 相談 できます：{contact}' },
  askChildren: { ja: '手当の目安を計算します。18歳以下のお子さんは何人ですか？', en: 'Let me estimate your allowances. How many children aged 18 or under do you have?', 'ja-easy': '手当の お金を 計算 します。18さい までの 子どもは 何人 ですか？' },
  askAge: { ja: '{n}人目のお子さんの年齢は？', en: 'How old is child {n}?', 'ja-easy': '{n}人目の 子どもは 何さい ですか？' },
  askIncome: { ja: 'あなたの1年間の収入（税金などが引かれる前の給与）はおよそいくらですか？', en: 'About how much do you earn a year (gross salary)?', 'ja-easy': 'あなたが 1年に もらう 給料は だいたい いくら ですか？' },
  didNotGet: { ja: 'すみません、わかりませんでした。下のボタンから選んでください。', en: 'Sorry, I did not understand. Please choose one of the buttons.', 'ja-easy': 'すみません、わかりませんでした。下の ボタンから えらんで ください。' },
  estimateHead: { ja: '目安です（ひとり親で、養育費などほかの収入がない場合）：', en: 'A rough estimate (single parent, no child support or other income):', 'ja-easy': 'だいたいの お金です（ひとり親で、ほかに お金を もらって いない とき）：' },
  estimateLine: { ja: '・{name}：月額 約{amount}円', en: '- {name}: about {amount} yen a month', 'ja-easy': '・{name}：1か月 だいたい {amount}円' },
  estimateNone: { ja: '・{name}：この条件では対象にならない見込みです', en: '- {name}: probably not available in this case', 'ja-easy': '・{name}：もらえない かもしれません' },
  estimateAsk: { ja: '・{name}：窓口での確認が必要です', en: '- {name}: the desk needs to check', 'ja-easy': '・{name}：窓口で 聞いて ください' },
  estimateTotal: { ja: '合計：月額 約{amount}円', en: 'Total: about {amount} yen a month', 'ja-easy': 'ぜんぶで 1か月 だいたい {amount}円' },
  estimateFoot: { ja: '実際の額は所得の計算や家族の状況で変わります。申請や詳しい確認は、申請フォームか窓口でどうぞ。', en: 'The actual amounts depend on how your income is assessed and on your family. Use the form or the desk to apply or check.', 'ja-easy': '本当の 金額は ちがう ことが あります。フォームか 窓口で 聞いて ください。' },
  intake: { ja: '申請・相談フォームにお進みください。入力したお子さんの人数と収入は、フォームに引き継げます。', en: 'Please continue in the application form; the answers you gave can be carried over.', 'ja-easy': 'フォームに すすんで ください。' },
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

export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Phrases (normal form compared, text.ts compact) that start the allowance estimate. */
export const ESTIMATE_TRIGGERS = ['手当について知りたい', '手当について教えて', '手当を知りたい', 'もらえる手当', 'どんな手当', '手当はいくら', '手当いくら', 'いくらもらえる', '手当の目安', '手当の計算', 'estimate my allowance', 'how much allowance', 'which allowances', 'てあてについてしりたい'];
/** Phrases that ask for a person. */
export const STAFF_TRIGGERS = ['相談員と話したい', '相談員と話す', '相談員に', '職員と話したい', '人と話したい', '人と話せ', '担当者と話したい', '電話で相談したい', '直接相談したい', 'talk to a consultant', 'talk to a person', 'talk to someone', 'speak to a person', 'speak to staff', 'human'];
export const GREETINGS = ['こんにちは', 'こんばんは', 'おはよう', 'はじめまして', 'hello', 'hi', 'hey', 'よろしく'];
