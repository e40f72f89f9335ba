import type { Lang } from './i18n.js';

/**
 * Texts of the outreach screen: [Japanese, English, やさしい日本語] (kept apart from i18n.ts: one view's
 * words). The console's switch offers Japanese and English; the plain-Japanese column is here for the
 * console's ja-easy mode and for the screen's own checks, so every text exists in all three.
 */
export const O = {
  nav: ['プッシュ型支援', 'Outreach', 'おしらせ'],
  heading: ['プッシュ型支援', 'Outreach (push-type support)', 'おしらせ を おくる'],
  intro: [
    '再判定などで、利用できる可能性がある制度が見つかった家庭への「お知らせ」の候補です。内容を確かめて、送るか見送るかを決めてください。連絡に同意した方法にだけ送ります。',
    'Notices for families who may be able to use a programme, found by re-screening and other triggers. Check each one and approve or decline it. Notices go only by the channels the family agreed to.',
    'つかえる かもしれない しえん が みつかった かぞく への おしらせ です。たしかめて、おくるか おくらないか を きめて ください。かぞく が いい と いった ほうほう だけ で おくります。',
  ],
  candidates: ['承認待ちの候補', 'Waiting for approval', 'きめて いない おしらせ'],
  noCandidates: ['承認待ちの候補はありません。', 'Nothing is waiting for approval.', 'きめて いない おしらせ は ありません。'],
  candidatesSummary: ['承認待ちの候補が % 件あります。', '% notices are waiting for approval.', 'きめて いない おしらせ が % こ あります。'],
  selectAll: ['すべて選択', 'Select all', 'ぜんぶ えらぶ'],
  select: ['% を選択', 'Select %', '% を えらぶ'],
  approve: ['選択した候補を送る（承認）', 'Approve the selected', 'えらんだ おしらせ を おくる'],
  decline: ['選択した候補を見送る', 'Decline the selected', 'えらんだ おしらせ を おくらない'],
  noneSelected: ['候補を1件以上選択してください。', 'Select at least one notice.', 'ひとつ いじょう えらんで ください。'],
  approved: ['% 件を承認しました。送信の順番に入りました。', '% approved and queued for sending.', '% こ を おくる ことに しました。'],
  declined: ['% 件を見送りました。', '% declined.', '% こ を おくらない ことに しました。'],
  changedElsewhere: ['% 件はすでに他の職員が決めていました。', '% had already been decided by someone else.', '% こ は ほかの ひと が もう きめて いました。'],
  reference: ['受付番号', 'Reference', 'ばんごう'],
  name: ['氏名', 'Name', 'なまえ'],
  programme: ['制度', 'Programme', 'しえん'],
  why: ['見つかった理由', 'Why', 'なぜ'],
  amount: ['金額', 'Amount', 'きんがく'],
  asOf: ['判定日', 'Evaluated on', 'しらべた ひ'],
  channel: ['連絡方法', 'Channel', 'れんらく の ほうほう'],
  found: ['見つかった日時', 'Found', 'みつけた ひ'],
  hidden: ['（表示できません）', '(not shown)', '（みせられません）'],
  generic: ['（制度を特定しないお知らせ）', '(not about one programme)', '（しえん を きめない おしらせ）'],
  amountHidden: ['（収入欄の権限なし）', '(no access to income)', '（みられません）'],
  yen: ['% 円', '¥%', '% えん'],
  notices: ['送信状況', 'Sending status', 'おくった おしらせ'],
  noNotices: ['該当するお知らせはありません。', 'No notices to show.', 'おしらせ は ありません。'],
  noticesSummary: ['お知らせ % 件を表示しています。', 'Showing % notices.', 'おしらせ % こ を みせて います。'],
  statusFilter: ['状態で絞り込む', 'Filter by status', 'じょうたい で えらぶ'],
  allStatuses: ['すべて', 'All', 'ぜんぶ'],
  status: ['状態', 'Status', 'じょうたい'],
  opened: ['リンクの開封', 'Link opened', 'リンク を ひらいた'],
  notOpened: ['未開封', 'Not opened', 'まだ ひらいて いない'],
  updated: ['更新日時', 'Updated', 'かわった ひ'],
  error: ['エラー', 'Error', 'エラー'],
  attempts: ['試行 % 回', '% attempts', '% かい ためした'],
  viewerNote: ['閲覧者は候補を見ることだけができます。', 'Viewers can see the candidates but not decide them.', 'みる ことだけ できます。'],
  // Why a candidate was found (NoticeKind values)
  'programme-fits': ['新たに対象', 'Newly fits', 'あたらしく つかえる'],
  'amount-changed': ['金額の変更', 'Amount changed', 'きんがく が かわった'],
  'programme-lapses': ['対象外に', 'No longer fits', 'つかえなく なった'],
  deadline: ['期限', 'Deadline', 'しめきり'],
  campaign: ['職員からのお知らせ', 'Campaign', 'しょくいん から'],
  reminder: ['リマインド', 'Reminder', 'わすれないで'],
  // Channels
  EMAIL: ['メール', 'E-mail', 'メール'],
  SMS: ['SMS', 'SMS', 'ショートメール'],
  PHONE: ['電話（担当者から）', 'Phone call', 'でんわ'],
  LINE: ['LINE', 'LINE', 'LINE'],
  // Statuses (NoticeStatus values)
  CREATED: ['送信待ち', 'Waiting', 'まって いる'],
  SENDING: ['送信中', 'Sending', 'おくって いる'],
  DELIVERED: ['送信済み', 'Delivered', 'おくった'],
  TEMPORARY_FAILURE: ['一時的な失敗（再送します）', 'Temporary failure (will retry)', 'いま おくれない（また おくる）'],
  PERMANENT_FAILURE: ['送信失敗', 'Failed', 'おくれなかった'],
  OPTED_OUT: ['配信停止済み', 'Opted out', 'いらない と いわれた'],
} as const satisfies Record<string, readonly [string, string, string]>;
export type OKey = keyof typeof O;

/** Text in the console's language (0 ja, 1 en, 2 ja-easy), each `%` replaced by the next argument. */
export function ot(lang: Lang | 2, key: OKey, ...args: (string | number)[]): string {
  let s: string = O[key][lang];
  for (const a of args) s = s.replace('%', String(a));
  return s;
}

/** A label for an API value that has a text here, else the value itself. */
export function olabel(lang: Lang | 2, value: string): string {
  return value in O ? O[value as OKey][lang] : value;
}
