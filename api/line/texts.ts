import type { LocalizedText } from '../core';

/**
 * Every sentence and button label Yorisoi itself writes on LINE (answers come from the chat engine).
 * National guideline of 2021-04-30: nothing confidential on LINE — so no text here has a place for a
 * value of the family's record ({url} is the only placeholder), and none repeats what the family typed.
 * test/line/no-personal-data.test.ts checks both, for these texts and for every message actually sent.
 * Button labels are at most 20 characters (LINE's limit for quick-reply labels).
 */
export const LT = {
  welcome: {
    ja: '友だち追加ありがとうございます。ひとり親家庭の制度や手当について、わかる範囲でお答えします。LINEでは名前・住所・電話番号や、相談の詳しい内容は送らないでください。',
    en: 'Thank you for adding us. I answer questions about support for single-parent families. Please do not send your name, address, phone number or the details of your situation on LINE.',
    'ja-easy':
      '友だちに なって くれて ありがとう。ひとり親の 制度や 手当に ついて 答えます。LINEでは 名前・住所・電話番号や、くわしい 相談は 送らないで ください。',
  },
  notText: {
    ja: '文字のメッセージだけにお答えしています（写真やスタンプは見ていません）。知りたいことを短い文で書いてください。',
    en: 'I can only read text messages (photos and stickers are not looked at). Please type your question in a short sentence.',
    'ja-easy': '文字の メッセージだけ 読めます。知りたい ことを 短く 書いて ください。',
  },
  staffForm: {
    ja: '連絡先はLINEではなく、次のボタンで開くフォームに入力してください。担当者から連絡します。',
    en: 'Please give your contact details in the form the button opens, not on LINE. A caseworker will get in touch.',
    'ja-easy': 'れんらく先は LINEに 書かないで、ボタンの フォームに 書いて ください。',
  },
  intakeForm: {
    ja: '申請・相談フォームは次のボタンで開けます。入力した内容はLINEには残りません。',
    en: 'The button opens the application form. Nothing you enter there stays on LINE.',
    'ja-easy': 'ボタンで フォームを ひらけます。書いた ことは LINEに のこりません。',
  },
  moreAt: { ja: 'くわしく：{url}', en: 'More: {url}', 'ja-easy': 'くわしく：{url}' },
  hotlinesHead: { ja: 'すぐにつながる電話：', en: 'Numbers you can call now:', 'ja-easy': 'すぐ つながる 電話：' },
  rateAsk: {
    ja: 'この会話は役に立ちましたか？ 5（とても）〜1（まったく）で選んでください。',
    en: 'Was this helpful? Choose 5 (very) to 1 (not at all).',
    'ja-easy': 'やくに たちましたか？ 5（とても）から 1（ぜんぜん）で えらんで ください。',
  },
  rateThanks: { ja: '評価ありがとうございました。', en: 'Thank you for your rating.', 'ja-easy': 'ありがとう ございました。' },
  rateNone: { ja: 'まだ評価できる会話がありません。', en: 'There is no conversation to rate yet.', 'ja-easy': 'まだ ひょうか できません。' },
  linkStart: {
    ja: '次のボタンから連携を完了してください（10分以内）。',
    en: 'Tap the button to finish linking (within 10 minutes).',
    'ja-easy': 'ボタンを おして ください（10分 いないに）。',
  },
  linkBadCode: {
    ja: 'このコードは使えません（期限切れか、使用済みです）。受付票のリンクからもう一度はじめてください。',
    en: 'This code cannot be used (expired or used). Start again from the link on your receipt.',
    'ja-easy': 'この コードは つかえません。うけつけの リンクから もう一度 して ください。',
  },
  linkFailed: {
    ja: '連携を始められませんでした。しばらくしてからもう一度お試しください。',
    en: 'Linking could not start. Please try again later.',
    'ja-easy': 'いまは できません。あとで もう一度 して ください。',
  },
  linked: {
    ja: '連携しました。お知らせをLINEで受け取りますか？ お知らせには内容を書かず、ログインが必要なページへのリンクだけを送ります。連携をやめるときは「解除」と送ってください。',
    en: 'Linked. Would you like to receive notices on LINE? They never say what they are about: only a link to a page that needs you to sign in. Send "unlink" to end the link.',
    'ja-easy': 'つながりました。お知らせを LINEで うけとりますか？ お知らせには リンクだけが あります。やめる ときは「解除」と 送って ください。',
  },
  linkNotCompleted: {
    ja: '連携できませんでした。受付票のリンクからもう一度はじめてください。',
    en: 'Linking did not complete. Start again from the link on your receipt.',
    'ja-easy': 'つながりませんでした。もう一度 して ください。',
  },
  noticesOn: {
    ja: 'お知らせをLINEで受け取ります。止めるときは「通知停止」と送ってください。',
    en: 'You will receive notices on LINE. Send "stop notices" to stop them.',
    'ja-easy': 'お知らせを LINEで うけとります。やめる ときは「通知停止」と 送って ください。',
  },
  noticesOff: {
    ja: 'LINEでのお知らせを止めました。再開するときは「通知再開」と送ってください。',
    en: 'Notices on LINE are stopped. Send "notices on" to start them again.',
    'ja-easy': 'LINEの お知らせを やめました。また うけとる ときは「通知再開」と 送って ください。',
  },
  unlinked: {
    ja: '連携を解除しました。LINEでのお知らせは届きません。もう一度つなぐときは、受付票のリンクからはじめてください。',
    en: 'The link is removed. No notices will come on LINE. To link again, start from the link on your receipt.',
    'ja-easy': 'つながりを やめました。LINEに お知らせは きません。また つなぐ ときは、うけつけの リンクから して ください。',
  },
  notLinked: {
    ja: 'このLINEアカウントは連携されていません。',
    en: 'This LINE account is not linked.',
    'ja-easy': 'この LINEは つながって いません。',
  },
  notice: {
    ja: 'お知らせがあります。こちらのページでご確認ください（ログインが必要です）：{url}',
    en: 'You have a notice. Please see this page (sign-in needed): {url}',
    'ja-easy': 'お知らせが あります。この ページを 見て ください（ログインが いります）：{url}',
  },
} satisfies Record<string, LocalizedText>;

/** Button labels (≤ 20 characters each). */
export const LB = {
  rate: { ja: '評価する', en: 'Rate this chat', 'ja-easy': 'ひょうか する' },
  staffForm: { ja: '連絡フォームを開く', en: 'Open contact form', 'ja-easy': 'フォームを ひらく' },
  intakeForm: { ja: '申請・相談フォームを開く', en: 'Open the form', 'ja-easy': 'フォームを ひらく' },
  link: { ja: '連携する', en: 'Link', 'ja-easy': 'つなぐ' },
  noticesOn: { ja: '受け取る', en: 'Yes, send notices', 'ja-easy': 'うけとる' },
  noticesOff: { ja: '受け取らない', en: 'No notices', 'ja-easy': 'うけとらない' },
  call: { ja: '電話 {number}', en: 'Call {number}', 'ja-easy': '電話 {number}' },
} satisfies Record<string, LocalizedText>;

/** Words the family sends on LINE for the account commands (compared after NFKC, lower case, no spaces). */
export const COMMANDS = {
  // 「停止」「解除」 alone end the link (what people send to stop a service); 「通知停止」 only pauses notices.
  unlink: ['連携解除', '解除', '停止', 'unlink', 'stop'],
  noticesOff: ['通知停止', 'stopnotices'],
  noticesOn: ['通知再開', 'noticeson'],
  rate: ['評価', 'rate'],
};
