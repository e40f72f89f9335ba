import type { Lang } from './i18n.js';

/**
 * Texts of the account screens (staff and roles, my account, municipality settings):
 * [Japanese, English, やさしい日本語]. The console's switch offers Japanese and English today; the
 * third column is here so that these screens follow when it offers やさしい日本語 (locale 2).
 * `%` is a placeholder, replaced in order.
 */
export const A = {
  staffNav: ['職員と権限', 'Staff and roles', 'しょくいんと けんげん'],
  myNav: ['自分のアカウント', 'My account', 'じぶんの アカウント'],
  municipalityNav: ['自治体の設定', 'Municipality settings', '市の せってい'],
  adminOnly: ['この画面は管理者だけが使えます。', 'This page is for administrators.', 'この がめんは 管理者だけが つかえます。'],
  // staff and roles
  staffHeading: ['職員と権限', 'Staff and roles', 'しょくいんと けんげん'],
  staffIntro: [
    '職員を招待し、部署と役割を変え、アカウントを停止します。パスワードは本人だけが決めます（招待リンク・再設定リンク）。変更はすべて記録されます。',
    'Invite staff, change their department and role, disable accounts. Only the person chooses their password (invitation and reset links). Every change is recorded.',
    'しょくいんを よび、部署と やくわりを かえます。パスワードは 本人だけが きめます。かえた ことは すべて きろく されます。',
  ],
  staffListed: ['職員（% 人）', 'Staff (%)', 'しょくいん（% 人）'],
  name: ['氏名', 'Name', 'なまえ'],
  email: ['メールアドレス', 'E-mail address', 'メールアドレス'],
  department: ['部署', 'Department', '部署'],
  role: ['役割', 'Role', 'やくわり'],
  state: ['状態', 'State', 'じょうたい'],
  twoFactor: ['2段階認証', 'Two-factor', '2だんかい にんしょう'],
  actions: ['操作', 'Actions', 'そうさ'],
  active: ['有効', 'Active', 'つかえる'],
  disabled: ['停止中', 'Disabled', 'とめて いる'],
  pending: ['招待中', 'Invited', 'しょうたい ちゅう'],
  factorApp: ['認証アプリ', 'Authenticator app', 'にんしょう アプリ'],
  factorPasskeys: ['パスキー（%）', 'Passkeys (%)', 'パスキー（%）'],
  factorBoth: ['認証アプリ・パスキー（%）', 'Authenticator app, passkeys (%)', 'にんしょう アプリ・パスキー（%）'],
  factorNone: ['なし', 'None', 'なし'],
  factorMissing: ['⚠ なし（この自治体では必須です）', '⚠ None (required by this municipality)', '⚠ なし（この 市では ひつようです）'],
  manage: ['管理', 'Manage', 'かんり'],
  manageLabel: ['% さんを管理', 'Manage %', '% さんを かんり'],
  memberHeading: ['% さん', '%', '% さん'],
  saveRole: ['部署と役割を保存', 'Save department and role', '部署と やくわりを ほぞん'],
  roleSaved: [
    '% さんの部署と役割を変更しました。サインイン中のセッションは終了しました。',
    'Changed the department and role of %. Their sessions have ended.',
    '% さんの 部署と やくわりを かえました。',
  ],
  disable: ['アカウントを停止', 'Disable account', 'アカウントを とめる'],
  enable: ['アカウントを再開', 'Enable account', 'アカウントを もどす'],
  disabledDone: [
    '% さんのアカウントを停止しました。すぐにサインインできなくなります。',
    '% is disabled and signed out at once.',
    '% さんの アカウントを とめました。',
  ],
  enabledDone: ['% さんのアカウントを再開しました。', '% is enabled again.', '% さんの アカウントを もどしました。'],
  resetLink: ['パスワード再設定リンクを発行', 'Issue a password reset link', 'パスワードを かえる リンクを つくる'],
  resetTwoFactor: [
    '認証アプリの登録も解除する（端末をなくした場合）',
    'Also remove the authenticator (a lost phone)',
    'アプリの 登録も けす（スマホを なくした とき）',
  ],
  newInvitationLink: ['招待リンクを発行し直す', 'Issue a new invitation link', 'しょうたい リンクを つくりなおす'],
  linkIssued: [
    '一度だけ使えるリンクです。% まで有効。本人にだけ、安全な方法で渡してください。この画面を離れると二度と表示されません。',
    'A one-time link, valid until %. Give it to the person only, by a safe channel. It is not shown again once you leave.',
    '1回だけ つかえる リンクです。% まで。本人だけに わたして ください。',
  ],
  linkLabel: ['リンク', 'Link', 'リンク'],
  linkReady: ['リンクを発行しました。', 'The link is ready.', 'リンクを つくりました。'],
  sessionsOf: ['% さんのサインイン中のセッション', 'Sessions of %', '% さんの サインイン'],
  noSessions: ['ありません。', 'None.', 'ありません。'],
  started: ['開始', 'Started', 'はじめ'],
  expires: ['有効期限', 'Expires', 'おわり'],
  withTwoFactor: ['2段階認証あり', 'with two factors', '2だんかい あり'],
  withoutTwoFactor: ['パスワードのみ', 'password only', 'パスワード だけ'],
  thisSession: ['この画面のセッション', 'this session', 'いま つかって いる'],
  revoke: ['終了', 'End', 'おわらせる'],
  revokeLabel: ['% に開始したセッションを終了', 'End the session started %', '% の サインインを おわらせる'],
  revoked: ['セッションを終了しました。', 'The session has ended.', 'サインインを おわらせました。'],
  close: ['閉じる', 'Close', 'とじる'],
  pendingHeading: ['招待中の職員（% 人）', 'Pending invitations (%)', 'しょうたい ちゅうの 人（% 人）'],
  pendingIntro: [
    '招待リンクでまだパスワードを設定していない職員です。リンクをなくした場合は発行し直します（前のリンクは使えなくなります）。',
    'Invited staff who have not chosen a password yet. Issue a new link if theirs is lost (the old one stops working).',
    'まだ パスワードを きめて いない 人です。',
  ],
  noPending: ['ありません。', 'None.', 'ありません。'],
  inviteHeading: ['職員を招待', 'Invite a staff member', 'しょくいんを よぶ'],
  invite: ['招待リンクを発行', 'Create invitation link', 'しょうたい リンクを つくる'],
  invited: ['% さんを招待しました。', '% is invited.', '% さんを よびました。'],
  required: ['入力してください。', 'Required.', '書いて ください。'],
  self: ['（自分）', '(you)', '（じぶん）'],
  // my account
  myHeading: ['自分のアカウント', 'My account', 'じぶんの アカウント'],
  mySessions: ['サインイン中のセッション', 'Your sessions', 'サインイン して いる ところ'],
  mySessionsIntro: [
    '心当たりのないセッションは終了してください。この画面のセッションを終えるにはサインアウトします。',
    'End any session you do not recognise. To end this one, sign out.',
    'しらない ものは おわらせて ください。',
  ],
  tfHeading: ['2段階認証（認証アプリ）', 'Two-factor sign-in (authenticator app)', '2だんかい にんしょう（アプリ）'],
  tfOn: [
    '設定済みです。サインインのときに認証アプリのコードを入力します。',
    'It is on: you enter a code from your authenticator app when you sign in.',
    'せってい して あります。',
  ],
  tfOff: [
    'まだ設定していません。認証アプリ（Google Authenticator、Microsoft Authenticator など）を用意してください。',
    'Not set up yet. Have an authenticator app ready (Google Authenticator, Microsoft Authenticator, …).',
    'まだ です。アプリを よういして ください。',
  ],
  tfStart: ['設定を始める', 'Set it up', 'せっていを はじめる'],
  tfPassword: ['本人確認のため、パスワードを入力してください', 'Your password, to confirm it is you', 'たしかめる ため、パスワードを 書いて ください'],
  tfScan: ['認証アプリでこのQRコードを読み取ってください', 'Scan this QR code with your authenticator app', 'アプリで この QRコードを よみとって ください'],
  tfQrLabel: ['認証アプリ登録用のQRコード（%）', 'QR code for your authenticator app (%)', 'アプリ 登録の QRコード（%）'],
  tfManual: ['読み取れない場合は、このキーを入力してください：', 'If you cannot scan it, enter this key:', 'よみとれない ときは この キーを 書いて ください：'],
  tfCode: ['認証アプリに表示された6桁のコード', 'The 6-digit code your app shows', 'アプリの 6けたの 数字'],
  tfConfirm: ['確認して有効にする', 'Confirm and turn on', 'たしかめて はじめる'],
  tfDone: [
    '2段階認証を有効にしました。回復コードを保管してください。',
    'Two-factor sign-in is on. Keep your recovery codes.',
    '2だんかい にんしょうを はじめました。',
  ],
  recoveryHeading: ['回復コード（一度だけ表示）', 'Recovery codes (shown once)', 'かいふく コード（1回だけ）'],
  recoveryIntro: [
    'スマートフォンをなくしたときに、コードの代わりに一つずつ使えます。印刷するか安全な場所に書き写してください。この画面を離れると二度と表示されません。',
    'Each can be used once instead of a code if you lose your phone. Print them or copy them somewhere safe. They are not shown again.',
    'スマホを なくした とき、1つずつ つかえます。安全な ところに 書いて おいて ください。',
  ],
  recoverySaved: ['保管しました', 'I have kept them', 'ほかん しました'],
  pwHeading: ['パスワードの変更', 'Change your password', 'パスワードを かえる'],
  pwCurrent: ['今のパスワード', 'Current password', 'いまの パスワード'],
  pwNew: ['新しいパスワード（12文字以上）', 'New password (at least 12 characters)', 'あたらしい パスワード（12文字 いじょう）'],
  pwChange: ['パスワードを変更', 'Change password', 'かえる'],
  pwChanged: ['パスワードを変更しました。ほかのセッションは終了しました。', 'Password changed. Your other sessions have ended.', 'パスワードを かえました。'],
  // municipality settings
  munHeading: ['自治体の設定', 'Municipality settings', '市の せってい'],
  munCode: ['地方公共団体コード', 'Local government code', 'コード'],
  munName: ['名称', 'Name', 'なまえ'],
  requireTwoFactor: ['すべての職員に2段階認証を求める', 'Require two-factor sign-in for all staff', 'みんなに 2だんかい にんしょうを もとめる'],
  requireTwoFactorHint: [
    '総務省の情報セキュリティポリシーガイドラインに沿い、インターネットから使う場合は有効にしてください。未設定の職員は次のサインインで登録を求められます。',
    'Keep this on for a service reachable from the internet (MIC security policy guideline). Staff without an app are asked to set one up at their next sign-in.',
    'インターネットから つかう ときは オンに して ください。',
  ],
  munSave: ['設定を保存', 'Save settings', 'ほぞん'],
  munSaved: ['自治体の設定を保存しました。', 'Settings saved.', 'ほぞん しました。'],
  eventsHeading: ['管理の記録（新しい順）', 'Administration trail (newest first)', 'かんりの きろく'],
  at: ['日時', 'When', 'いつ'],
  actor: ['操作した人', 'By', 'だれが'],
  action: ['内容', 'What', 'なにを'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type AKey = keyof typeof A;

/** A text of these screens in the console's language (Japanese when a language has no column). */
export function at(lang: Lang | 2, key: AKey, ...args: (string | number)[]): string {
  let s: string = A[key][lang] ?? A[key][0];
  for (const a of args) s = s.replace('%', String(a));
  return s;
}
