/**
 * Text tables of the chat widget: [Japanese, English, やさしい日本語]. As in the intake widget,
 * `漢字{よみ}` marks furigana (rendered as <ruby>, dropped from plain text) and `%` is a placeholder.
 */
export { LANG_TAGS, LOCALES, type Lang } from '../shared/lang.js';

export const T = {
  open: ['相談チャット', 'Chat with us', '相談{そうだん}チャット'],
  title: ['ひとり親家庭の相談チャット', 'Chat for single-parent families', 'ひとり親{おや}の 相談{そうだん}チャット'],
  intro: [
    '制度や手当について、24時間お答えします。お名前や連絡先は書かないでください。',
    'Ask about support and allowances, any time. Please do not type your name or contact details.',
    '制度{せいど}や 手当{てあて}の ことに 答{こた}えます。名前{なまえ}や 電話番号{でんわばんごう}は 書{か}かないで ください。',
  ],
  close: ['チャットを閉じる', 'Close the chat', 'チャットを 閉{と}じる'],
  log: ['会話', 'Conversation', '会話{かいわ}'],
  me: ['あなた', 'You', 'あなた'],
  bot: ['チャットボット', 'Chatbot', 'チャットボット'],
  input: ['メッセージ', 'Message', 'メッセージ'],
  hint: ['Enterで送信、Shift+Enterで改行', 'Enter sends; Shift+Enter adds a line', 'Enterで 送{おく}る'],
  send: ['送信', 'Send', '送{おく}る'],
  thinking: ['回答を準備しています…', 'Writing an answer…', '答{こた}えを 書{か}いて います…'],
  queued: ['未送信', 'Not sent yet', 'まだ 送{おく}って いません'],
  offline: [
    'インターネットにつながっていません。つながったら自動で送信します。',
    'You are offline. Your messages will be sent when you are back online.',
    'インターネットに つながって いません。つながったら 送{おく}ります。',
  ],
  failed: ['送信できませんでした。', 'Could not send.', '送{おく}れませんでした。'],
  retry: ['もう一度送る', 'Try again', 'もう一度{いちど} 送{おく}る'],
  back: ['つながりました。送信します。', 'Back online. Sending.', 'つながりました。送{おく}ります。'],
  starters: ['よくある質問', 'Common questions', 'よく ある 質問{しつもん}'],
  stEstimate: ['手当の目安を知りたい', 'Estimate my allowances', '手当{てあて}が いくらか 知{し}りたい'],
  stCra: ['児童扶養手当について', 'About the child-rearing allowance', '児童扶養手当{じどうふようてあて}の こと'],
  stSupport: ['養育費のこと', 'Child support from the other parent', '養育費{よういくひ}の こと'],
  stStaff: ['相談員と話したい', 'Talk to a consultant', '相談員{そうだんいん}と 話{はな}したい'],
  quick: ['返信の候補', 'Suggested replies', 'えらんで 送{おく}れる 言葉{ことば}'],
  generated: [
    'AIが案内の文章をもとに作成した回答です。詳しくは関係する制度を確かめてください。',
    'Written by AI from the guidance texts. Check the related support for details.',
    'AIが 案内{あんない}の 文{ぶん}から 作{つく}った 答{こた}えです。制度{せいど}を たしかめて ください。',
  ],
  related: ['関係する制度', 'Related support', '関係{かんけい}する 制度{せいど}'],
  safety: ['あなたの安全がいちばん大切です', 'Your safety comes first', 'あなたの 安全{あんぜん}が いちばん 大切{たいせつ}です'],
  s110: ['警察（危険なとき）', 'Police (if you are in danger)', '警察{けいさつ}（あぶない とき）'],
  toIntake: ['申請・相談フォームへ進む', 'Continue in the application form', 'フォームへ すすむ'],
  end: ['相談を終わる', 'End the chat', '相談{そうだん}を 終{お}わる'],
  rateQ: ['このチャットは役に立ちましたか？', 'Was this chat helpful?', 'この チャットは 役{やく}に 立{た}ちましたか？'],
  rate: ['%（5段階）', '% of 5', '%（5だんかい）'],
  rate1: ['1 役に立たなかった', '1 Not helpful', '1 役{やく}に 立{た}たなかった'],
  rate5: ['5 とても役に立った', '5 Very helpful', '5 とても 役{やく}に 立{た}った'],
  thanks: ['ご回答ありがとうございました。', 'Thank you for your feedback.', 'ありがとう ございました。'],
  newChat: ['新しい相談を始める', 'Start a new chat', '新{あたら}しい 相談{そうだん}を 始{はじ}める'],
  cbTitle: ['相談員からの連絡を申し込む', 'Ask a consultant to contact you', '相談員{そうだんいん}から 連絡{れんらく}して もらう'],
  cbIntro: [
    '市の相談員から連絡します。入力はこのフォームだけに使い、チャットには残しません。',
    'A consultant of the city will contact you. What you enter here is used only for this and is not kept in the chat.',
    '市{し}の 相談員{そうだんいん}が 連絡{れんらく}します。',
  ],
  name: ['お名前（任意）', 'Your name (optional)', '名前{なまえ}（書{か}かなくても よい）'],
  ch: ['連絡の方法', 'How should we contact you?', '連絡{れんらく}の 方法{ほうほう}'],
  PHONE: ['電話', 'Phone', '電話{でんわ}'],
  EMAIL: ['メール', 'E-mail', 'メール'],
  chErr: ['連絡の方法を選んでください。', 'Choose how we should contact you.', '連絡{れんらく}の 方法{ほうほう}を えらんで ください。'],
  phone: ['電話番号', 'Phone number', '電話番号{でんわばんごう}'],
  phoneErr: [
    '電話番号は0から始まる10桁か11桁の数字で入力してください（例: 090-1234-5678）。',
    'Enter a phone number of 10 or 11 digits starting with 0 (e.g. 090-1234-5678).',
    '電話番号{でんわばんごう}は 0から はじまる 数字{すうじ}で 書{か}いて ください。',
  ],
  email: ['メールアドレス', 'E-mail address', 'メールアドレス'],
  emailErr: [
    'メールアドレスを入力してください（例: name@example.jp）。',
    'Enter an e-mail address (e.g. name@example.jp).',
    'メールアドレスを 書{か}いて ください。',
  ],
  time: ['連絡してよい時間帯（任意）', 'When we may contact you (optional)', '連絡{れんらく}して いい 時間{じかん}（書{か}かなくても よい）'],
  timeHint: ['例: 平日の18時以降', 'e.g. weekdays after 6 pm', 'れい: 18時{じ}より あと'],
  note: ['相談したいこと（任意）', 'What you would like to talk about (optional)', '相談{そうだん}したい こと（書{か}かなくても よい）'],
  notice: ['個人情報の取り扱い', 'How we use your information', '書{か}いた ことの 使{つか}いかた'],
  agree: [
    '上の説明を読み、市から連絡を受けることに同意します',
    'I have read the above and agree that the city contacts me',
    '上{うえ}を 読{よ}みました。市{し}から 連絡{れんらく}を もらいます',
  ],
  agreeErr: ['同意のチェックが必要です。', 'Please tick to agree.', 'チェックを して ください。'],
  req: ['（必須）', ' (required)', '（かならず）'],
  cbSend: ['申し込む', 'Send the request', '申{もう}し込{こ}む'],
  cbCancel: ['申し込まない', 'Not now', '申{もう}し込{こ}まない'],
  sending: ['送信しています…', 'Sending…', '送{おく}って います…'],
  loading: ['読み込んでいます…', 'Loading…', '読{よ}み込{こ}んで います…'],
  netErr: [
    '通信できませんでした。時間をおいてもう一度お試しください。',
    'Could not connect. Please try again later.',
    'つながりませんでした。あとで もう一度{いちど} ためして ください。',
  ],
  tooMany: [
    '送信が多すぎます。しばらく待ってからもう一度お試しください。',
    'Too many requests. Please wait a while and try again.',
    'たくさん 送{おく}られました。少{すこ}し まって ください。',
  ],
  forbidden: [
    'このページからは申し込めません。市のホームページからお試しください。',
    "This page cannot send the request. Please use the city's own website.",
    'この ページからは 送{おく}れません。',
  ],
  ref: ['受付番号', 'Reference number', '受付番号{うけつけばんごう}'],
  refDone: ['受け付けました。受付番号は %です。', 'Received. Your reference number is %.', '受{う}け付{つ}けました。受付番号{うけつけばんごう}は %です。'],
  next: ['次にすること', 'What happens next', 'つぎに する こと'],
} satisfies Record<string, readonly [string, string, string]>;

export type Key = keyof typeof T;

/**
 * Starter questions offered before the first message. `value` is what is sent (the chat API's own
 * commands); without it, the label itself is the question.
 */
export const STARTERS: { label: Key; value?: string }[] = [
  { label: 'stEstimate', value: 'start:allowance' },
  { label: 'stCra' },
  { label: 'stSupport' },
  { label: 'stStaff', value: 'handoff:staff' },
];
