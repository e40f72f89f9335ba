import type { Lang } from './i18n.js';

/**
 * Texts of the outreach screen's campaigns and call tasks: [Japanese, English, やさしい日本語] (as
 * outreach-texts.ts; `%` is filled in order).
 */
export const C = {
  campaigns: ['お知らせを送る（キャンペーン）', 'Send a campaign', 'おしらせ を まとめて おくる'],
  campaignsIntro: [
    '制度の案内や期限のお知らせを、条件に合う家庭にまとめて送ります。条件には、あなたの部署が読める項目だけを使えます。送る前に件数と例を確かめてください。連絡に同意した方法にだけ、夜間を避けて送ります。',
    'Send news or a deadline to the families matching a segment. Only sections your department may read can be criteria. Check the count and a sample before sending. Notices go only by the channels each family agreed to, never at night.',
    'じょうけん に あう かぞく に おしらせ を まとめて おくります。おくる まえ に かず を たしかめて ください。',
  ],
  template: ['お知らせの種類', 'Message', 'おしらせ の しゅるい'],
  NEWS: ['制度のご案内', 'News about a programme', 'しえん の あんない'],
  DEADLINE: ['手続きの期限', 'A deadline', 'しめきり'],
  REMINDER: ['予定・期限のご案内', 'A reminder of a date', 'よてい の おしらせ'],
  programme: ['制度', 'Programme', 'しえん'],
  noProgramme: ['（制度を選ばない）', '(none)', '（えらばない）'],
  deadline: ['日付（期限・予定）', 'Date (deadline or appointment)', 'ひづけ'],
  segment: ['送る相手の条件', 'Who it is for', 'おくる あいて'],
  concern: ['困りごと', 'Concern', 'こまりごと'],
  anyConcern: ['（指定しない）', '(any)', '（えらばない）'],
  childAgeFrom: ['子どもの年齢（何歳から）', 'A child aged from', 'こども の とし（なんさい から）'],
  childAgeTo: ['子どもの年齢（何歳まで）', 'A child aged up to', 'こども の とし（なんさい まで）'],
  fitsProgramme: ['再判定で対象となった制度', 'Fits this programme (last re-screening)', 'つかえる しえん'],
  createdFrom: ['受付日（から）', 'Registered from', 'うけつけ（から）'],
  createdTo: ['受付日（まで）', 'Registered until', 'うけつけ（まで）'],
  preview: ['対象の件数を確認する', 'Check the count', 'かず を たしかめる'],
  previewResult: [
    '条件に合う家庭は % 件です。そのうちお知らせが届けられるのは % 件です。',
    '% records match; % of them can be reached.',
    'あう かぞく は % けん、おくれる の は % けん です。',
  ],
  previewTooMany: [
    '条件に合う家庭は % 件です。一度に送れるのは % 件までです。条件を絞ってください。',
    '% records match; a campaign may reach at most %. Narrow the segment.',
    '% けん あります。% けん まで しか おくれません。',
  ],
  byChannel: ['連絡方法ごとの件数', 'By channel', 'ほうほう ごと'],
  sample: ['対象の例（あなたの部署が見られる項目だけ）', 'A sample (only what your department may see)', 'れい'],
  when: ['送るタイミング', 'When', 'いつ おくるか'],
  now: ['今すぐ（夜間は翌朝）', 'Now (at night: the next morning)', 'いま'],
  later: ['日時を指定して予約', 'Schedule', 'ひ と じかん を きめる'],
  sendAt: ['送信日時', 'Send at', 'おくる ひ と じかん'],
  send: ['送信する', 'Send', 'おくる'],
  schedule: ['予約する', 'Schedule', 'よやく する'],
  previewFirst: ['先に件数を確認してください。', 'Check the count first.', 'さき に かず を たしかめて ください。'],
  sent: ['% 件のお知らせを送信の順番に入れました。', '% notices queued for sending.', '% こ の おしらせ を おくります。'],
  scheduled: ['% 件のお知らせを予約しました。', '% notices scheduled.', '% こ の おしらせ を よやく しました。'],
  history: ['これまでのキャンペーン', 'Campaigns', 'これまで の おしらせ'],
  noCampaigns: ['キャンペーンはまだありません。', 'No campaigns yet.', 'まだ ありません。'],
  created: ['作成日時', 'Made', 'つくった ひ'],
  about: ['内容', 'Message', 'ないよう'],
  status: ['状態', 'Status', 'じょうたい'],
  matched: ['対象', 'Matched', 'あう かず'],
  notices: ['お知らせ', 'Notices', 'おしらせ'],
  waiting: ['送信待ち', 'Waiting', 'まって いる'],
  delivered: ['送信済み', 'Delivered', 'おくった'],
  failed: ['失敗', 'Failed', 'おくれなかった'],
  optedOut: ['停止', 'Opted out', 'とめた'],
  opened: ['開封', 'Opened', 'ひらいた'],
  cancel: ['予約を取り消す', 'Cancel', 'とりけす'],
  cancelled: ['キャンペーンの予約を取り消しました。', 'The campaign was cancelled.', 'とりけし ました。'],
  SCHEDULED: ['予約中', 'Scheduled', 'よやく'],
  SENT: ['送信済み', 'Sent', 'おくった'],
  CANCELLED: ['取消', 'Cancelled', 'とりけし'],
  // Call tasks
  calls: ['電話タスク', 'Calls to make', 'でんわ の しごと'],
  callsIntro: [
    '電話での連絡を希望した家庭や、メールが届かなかった家庭への電話です。安全な時間帯に、ご本人と確認できてから用件を伝えてください。',
    'Calls to families who chose calls, or whose e-mail could not be delivered. Call within their safe times and say why only once you know it is the person.',
    'でんわ で れんらく する かぞく です。あんぜん な じかん に でんわ して ください。',
  ],
  noCalls: ['電話タスクはありません。', 'No calls to make.', 'でんわ の しごと は ありません。'],
  callsSummary: ['電話タスクが % 件あります。', '% calls to make.', 'でんわ が % けん あります。'],
  reference: ['受付番号', 'Reference', 'ばんごう'],
  name: ['氏名', 'Name', 'なまえ'],
  phone: ['電話番号', 'Phone', 'でんわ ばんごう'],
  safeTimes: ['安全な時間帯', 'Safe times', 'あんぜん な じかん'],
  reason: ['理由', 'Why', 'なぜ'],
  'phone-channel': ['電話を希望', 'Chose calls', 'でんわ が いい'],
  'permanent-failure': ['メールが届かない', 'E-mail undeliverable', 'メール が とどかない'],
  attempts: ['かけた回数', 'Tries', 'かけた かず'],
  scriptLabel: ['話す内容', 'Script', 'はなす こと'],
  outcome: ['結果', 'Outcome', 'けっか'],
  record: ['記録する', 'Record', 'きろく する'],
  REACHED: ['本人と話せた', 'Reached', 'はなせた'],
  NO_ANSWER: ['出なかった', 'No answer', 'でなかった'],
  WRONG_NUMBER: ['番号違い', 'Wrong number', 'ばんごう が ちがう'],
  DO_NOT_CALL: ['電話しないでほしいと言われた', 'Asked not to be called', 'でんわ しないで と いわれた'],
  outcomeSaved: ['結果を記録しました: %', 'Recorded: %', 'きろく しました: %'],
  hidden: ['（表示できません）', '(not shown)', '（みせられません）'],
} as const satisfies Record<string, readonly [string, string, string]>;
export type CKey = keyof typeof C;

export function ct(lang: Lang | 2, key: CKey, ...args: (string | number)[]): string {
  let s: string = C[key][lang];
  for (const a of args) s = s.replace('%', String(a));
  return s;
}

export function clabel(lang: Lang | 2, value: string): string {
  return value in C ? C[value as CKey][lang] : value;
}
