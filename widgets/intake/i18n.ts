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
  intro: ['お名前や連絡先を聞かずに、使える支援をお見せします。連絡を希望するときだけ、最後に連絡先をお聞きします。', 'We show the support you may use without asking your name or contact details. We ask for them at the end only if you want us to contact you.', '名前{なまえ}や 電話番号{でんわばんごう}を 聞{き}かずに 支援{しえん}を 見{み}せます。連絡{れんらく}が ほしい ときだけ 最後{さいご}に 聞{き}きます。'],
  step: ['ステップ %/8', 'Step %/8', 'ステップ %/8'],
  h0: ['お住まいの地域', 'Where you live', '住{す}んでいる ところ'],
  h1: ['お困りのこと', 'What troubles you', '困{こま}っている こと'],
  h2: ['お子さん', 'Your children', '子{こ}ども'],
  h3: ['昨年の収入', "Last year's income", '去年{きょねん}の 収入{しゅうにゅう}（もらった お金{かね}）'],
  h4: ['利用中の支援', 'Support you already receive', 'いま 使{つか}っている 支援{しえん}'],
  h5: ['使える可能性のある支援', 'Support you may be able to use', '使{つか}える かもしれない 支援{しえん}'],
  h6: ['市から連絡してほしいですか', 'Would you like us to contact you?', '市{し}から 連絡{れんらく}して ほしいですか'],
  h7: ['情報の共有への同意', 'Sharing your information', '情報{じょうほう}を 見{み}せて いいか'],
  h8: ['受け付けました', 'We received your form', '受{う}け付{つ}けました'],
  want: ['連絡の希望', 'Contact', '連絡{れんらく}'],
  yes: ['はい、連絡してほしい', 'Yes, please contact me', 'はい、連絡{れんらく}して ほしい'],
  no: ['いいえ、連絡はいりません', 'No, do not contact me', 'いいえ、連絡{れんらく}は いりません'],
  wantErr: ['どちらかを選んでください。', 'Choose yes or no.', 'どちらかを えらんで ください。'],
  ch: ['連絡の方法', 'How should we contact you?', '連絡{れんらく}の 方法{ほうほう}'],
  PHONE: ['電話', 'Phone', '電話{でんわ}'],
  EMAIL: ['メール', 'E-mail', 'メール'],
  chErr: ['連絡の方法を選んでください。', 'Choose how we should contact you.', '連絡{れんらく}の 方法{ほうほう}を えらんで ください。'],
  phone: ['電話番号', 'Phone number', '電話番号{でんわばんごう}'],
  phoneHint: ['例: 090-1234-5678（全角数字も使えます）', 'e.g. 090-1234-5678', 'れい: 090-1234-5678'],
  phoneErr: ['電話番号は0から始まる10桁か11桁の数字で入力してください（例: 090-1234-5678）。', 'Enter a phone number of 10 or 11 digits starting with 0 (e.g. 090-1234-5678).', '電話番号{でんわばんごう}は 0から はじまる 数字{すうじ}で 書{か}いて ください。'],
  email: ['メールアドレス', 'E-mail address', 'メールアドレス'],
  emailErr: ['メールアドレスを入力してください（例: name@example.jp）。', 'Enter an e-mail address (e.g. name@example.jp).', 'メールアドレスを 書{か}いて ください。'],
  name: ['お名前（任意）', 'Your name (optional)', '名前{なまえ}（書{か}かなくても よい）'],
  fam: ['姓', 'Family name', '名字{みょうじ}'],
  giv: ['名', 'Given name', '名前{なまえ}'],
  famK: ['姓（ふりがな）', 'Family name in kana', '名字{みょうじ}の 読{よ}みかた'],
  givK: ['名（ふりがな）', 'Given name in kana', '名前{なまえ}の 読{よ}みかた'],
  street: ['番地・建物名（任意）', 'Street address and building (optional)', '番地{ばんち}・建物{たてもの}（書{か}かなくても よい）'],
  streetWhy: ['書類をお送りするときや訪問するときのためにお聞きします。', 'We ask so that we can send you papers or visit you.', '書類{しょるい}を 送{おく}る ときの ために 聞{き}きます。'],
  streetDv: ['書類をお送りするときのためにお聞きします。DVのご相談があるため、住所はひとり親支援の担当者だけが見ます。ほかの担当課には表示しません。', 'We ask so that we can send you papers. Because you told us about domestic violence, only the single-parent support staff see your address; it is shown to no other department.', '書類{しょるい}を 送{おく}る ために 聞{き}きます。DVの 相談{そうだん}が あるので、住所{じゅうしょ}は ひとり親{おや}の 係{かかり}だけが 見{み}ます。ほかの 係{かかり}には 見{み}せません。'],
  notice: ['個人情報の取り扱い', 'How we use your information', '書{か}いた ことの 使{つか}いかた'],
  share: ['あなたの情報を見てもよい担当課（任意・いつでも取り消せます）', 'Departments that may see your information (optional; you can withdraw at any time)', 'あなたの 情報{じょうほう}を 見{み}て いい 係{かかり}（えらばなくても よい）'],
  partners: ['市が協力するNPOなど', 'Partner organisations (NPOs)', '市{し}と 一緒{いっしょ}に 働{はたら}く NPO'],
  send: ['送信する', 'Send', '送{おく}る'],
  sending: ['送信しています…', 'Sending…', '送{おく}って います…'],
  tooMany: ['送信が多すぎます。しばらく待ってからもう一度お試しください。', 'Too many submissions. Please wait a while and try again.', 'たくさん 送{おく}られました。少{すこ}し まって から もう一度{いちど} ためして ください。'],
  forbidden: ['このページからは送信できません。市のホームページから送信してください。', "This page cannot send the form. Please use the city's own website.", 'この ページからは 送{おく}れません。市{し}の ホームページから 送{おく}って ください。'],
  ref: ['受付番号', 'Reference number', '受付番号{うけつけばんごう}'],
  refHint: ['相談するときに、この番号を伝えてください。', 'Quote this number when you call or visit.', '相談{そうだん}する ときに この 番号{ばんごう}を 言{い}って ください。'],
  copy: ['番号をコピー', 'Copy the number', '番号{ばんごう}を コピーする'],
  copied: ['コピーしました。', 'Copied.', 'コピーしました。'],
  sent: ['送信しました。受付番号は %です。', 'Sent. Your reference number is %.', '送{おく}りました。受付番号{うけつけばんごう}は %です。'],
  again: ['はじめに戻る', 'Start again', 'はじめに もどる'],
  req: ['（必須）', ' (required)', '（かならず 書{か}く）'],
  postal: ['郵便番号', 'Postal code', '郵便番号{ゆうびんばんごう}'],
  postalHint: ['例: 123-4567（全角数字も使えます）', 'e.g. 123-4567', 'れい: 123-4567'],
  pref: ['都道府県（任意）', 'Prefecture (optional)', '都道府県{とどうふけん}（書{か}かなくても よい）'],
  city: ['市区町村（任意）', 'City, ward, town or village (optional)', '市{し}・町{まち}・村{むら}（書{か}かなくても よい）'],
  postalFilled: ['〒% を入力しました。', 'Filled in from postal code %.', '〒% を 入{い}れました。'],
  postalUnknown: ['この郵便番号から住所を入力できませんでした。都道府県と市区町村を入力してください。', 'We could not fill in the address from this postal code. Please enter the prefecture and city yourself.', 'この 郵便番号{ゆうびんばんごう}から 住所{じゅうしょ}を 入{い}れられませんでした。自分{じぶん}で 書{か}いて ください。'],
  postalFail: ['住所を自動で入力できませんでした。都道府県と市区町村を入力してください。', 'The address could not be filled in automatically. Please enter the prefecture and city yourself.', '住所{じゅうしょ}を 自動{じどう}で 入{い}れられませんでした。自分{じぶん}で 書{か}いて ください。'],
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
  hoDone: ['チャットでのお答えを引き継ぎました。内容はいつでも変更できます。', 'Your answers from the chat were carried over. You can change them at any time.', 'チャットの 答{こた}えを 入{い}れました。あとで 変{か}えられます。'],
  hoKept: ['すでに入力していた内容は、そのままにしています。', 'What you had already entered was kept as it was.', 'まえに 書{か}いた ことは 変{か}えて いません。'],
  hoKids: ['チャットでのお答え：お子さん %人', 'From the chat: number of children %', 'チャットの 答{こた}え：子{こ}ども %人{にん}'],
  hoAge: ['約%歳', 'about % years old', 'だいたい %さい'],
  hoBirth: ['生年月日を入力してください。', 'Please enter their dates of birth.', '生{う}まれた 日{ひ}を 書{か}いて ください。'],
  hoSalary: ['チャットでのお答え（約%円）を入れました。正確な金額がわかれば直してください。', 'Filled in from the chat (about ¥%). Please correct it if you know the exact amount.', 'チャットの 答{こた}え（だいたい %円{えん}）を 入{い}れました。正{ただ}しい 金額{きんがく}が わかれば 直{なお}して ください。'],
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
