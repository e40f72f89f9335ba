/**
 * Text tables of the staff console: [Japanese, English, やさしい日本語]. Japanese is the default; the
 * header's language switch offers the other two. A row without a third column shows its Japanese in
 * やさしい日本語 (a screen written before the column existed still reads, in plain Japanese). `%` is a
 * placeholder (replaced in order by `t(key, ...args)`).
 */
export type Lang = 0 | 1 | 2;
export const LANG_TAGS = ['ja', 'en', 'ja-x-easy'] as const;
/** The API's name of each language (error messages come keyed by it). */
export const LOCALES = ['ja', 'en', 'ja-easy'] as const;
/** The switch: each language named in itself, and what choosing it does, said in that language. */
export const LANG_NAMES = ['日本語', 'English', 'やさしい日本語'] as const;
export const LANG_CHOOSE = ['日本語に切り替える', 'Switch to English', 'やさしい日本語に する'] as const;
export type Pair = readonly [string, string, string?];

/** A row's text in `lang`; the Japanese when the row has no やさしい日本語. */
export const col = (row: Pair, lang: Lang): string => row[lang] ?? row[0];

export const T = {
  app: ['Yorisoi 職員コンソール', 'Yorisoi staff console'],
  skip: ['本文へ移動', 'Skip to main content'],
  navLabel: ['メインメニュー', 'Main menu'],
  inbox: ['受付一覧', 'Inbox'],
  records: ['電子個人票', 'Records'],
  langSwitchLabel: ['表示言語', 'Language', 'ことば'],
  signedInAs: ['%（%・%）', '% (%, %)'],
  signOut: ['サインアウト', 'Sign out'],
  signIn: ['サインイン', 'Sign in'],
  signInHeading: ['職員サインイン', 'Staff sign-in'],
  signInIntro: ['所属部署のアカウントでサインインしてください。', 'Sign in with your department account.'],
  email: ['メールアドレス', 'E-mail address'],
  password: ['パスワード', 'Password'],
  oneTimeCode: ['認証アプリのコード（または回復コード）', 'Code from your authenticator app (or a recovery code)'],
  required: ['入力してください。', 'Required.'],
  notNumber: ['「%」は数字で入力してください。', 'Enter "%" as a whole number.'],
  signingIn: ['サインインしています…', 'Signing in…'],
  signedOut: ['サインアウトしました。', 'You have signed out.'],
  expiredHeading: ['サインインの有効期限が切れました', 'Your sign-in has expired'],
  expiredText: [
    '入力中の内容はそのまま残っています。もう一度サインインすると、続けて保存します。',
    'What you were typing is still there. Sign in again and it will be saved.',
  ],
  cancel: ['キャンセル', 'Cancel'],
  notSavedSignIn: ['サインインしていないため保存されていません。入力内容は残っています。', 'Not saved because you are not signed in. Your input is still there.'],
  loading: ['読み込んでいます…', 'Loading…'],
  saving: ['保存しています…', 'Saving…'],
  saved: ['保存しました。', 'Saved.'],
  netError: ['サーバーに接続できませんでした。もう一度お試しください。', 'Could not reach the server. Please try again.'],
  retry: ['再試行', 'Retry'],
  notFound: ['この個人票は見つかりません。', 'This record was not found.'],
  forbidden: ['この操作の権限がありません。', 'You are not allowed to do this.'],
  // inbox
  inboxHeading: ['受付一覧（新しい順）', 'Inbox (newest first)'],
  inboxIntro: ['入力フォームからの申込みと、チャットボットからの相談希望です。', 'Intake form submissions and consultation requests from the chatbot.'],
  status: ['状態', 'Status'],
  NEW: ['未対応', 'New'],
  TAKEN: ['担当済み', 'Taken'],
  ALL: ['すべて', 'All'],
  INTAKE: ['入力フォーム', 'Intake form'],
  CHAT_REQUEST: ['チャット相談希望', 'Chat request'],
  CHAT: ['チャット', 'Chat'],
  STAFF: ['職員', 'Staff'],
  kind: ['種類', 'Kind'],
  receivedAt: ['受付日時', 'Received'],
  referenceNumber: ['受付番号', 'Reference'],
  message: ['メッセージ', 'Message'],
  urgent: ['緊急', 'Urgent'],
  preferredTime: ['連絡の希望時間', 'Preferred time'],
  concerns: ['困りごと', 'Concerns'],
  take: ['担当する', 'Take'],
  takeLabel: ['受付番号 % を担当する', 'Take %'],
  takenBy: ['担当: %（%）', 'Taken by % (%)'],
  taken: ['受付番号 % を担当しました。', 'You took %.'],
  openRecord: ['個人票を開く', 'Open record'],
  inboxEmpty: ['該当する受付はありません。', 'Nothing here.'],
  inboxCount: ['% 件', '% items'],
  more: ['さらに表示', 'Show more'],
  show: ['表示', 'Show'],
  // records
  recordsHeading: ['電子個人票の検索', 'Find records'],
  search: ['検索', 'Search'],
  clear: ['条件をクリア', 'Clear'],
  nameOrKana: ['氏名またはふりがな', 'Name or kana'],
  concern: ['困りごと', 'Concern'],
  consentTo: ['同意のある部署', 'Consent to share with'],
  createdFrom: ['作成日（から）', 'Created from'],
  createdTo: ['作成日（まで）', 'Created to'],
  any: ['指定しない', 'Any'],
  name: ['氏名', 'Name'],
  kana: ['ふりがな', 'Kana'],
  city: ['住所（市区町村）', 'City'],
  createdAt: ['作成日', 'Created'],
  resultCount: ['% 件見つかりました', '% records found'],
  noResults: ['該当する個人票はありません。', 'No records found.'],
  columnHidden: ['「%」の列は表示できません（%）。', 'The "%" column is not shown (%).'],
  prev: ['前へ', 'Previous'],
  next: ['次へ', 'Next'],
  pageOf: ['% ページ目', 'Page %'],
  tableLabel: ['検索結果', 'Search results'],
  // record view
  recordHeading: ['個人票 %', 'Record %'],
  tabsLabel: ['個人票の表示', 'Record views'],
  tabSections: ['内容', 'Details'],
  tabConsultations: ['相談履歴', 'Consultations'],
  tabEligibility: ['制度の判定', 'Eligibility'],
  tabReferrals: ['NPOへの紹介', 'Referral'],
  tabAudit: ['監査ログ', 'Audit log'],
  printRecord: ['個人票を印刷', 'Print the record'],
  auditLogNav: ['監査ログ', 'Audit log'],
  exportCsv: ['この条件の一覧をCSVで出力', 'Export this list as CSV'],
  exportCsvNote: ['あなたの部署が見られる項目だけを出力します。出力は監査ログに記録されます。', 'Only the sections your department may see; the export is recorded in the audit log.'],
  exportedCsv: ['CSVを出力しました。', 'The CSV has been exported.'],
  backToList: ['検索結果に戻る', 'Back to the list'],
  version: ['版 %', 'Version %'],
  owner: ['所管: %', 'Owner: %'],
  edit: ['編集', 'Edit'],
  editLabel: ['「%」を編集', 'Edit "%"'],
  save: ['保存', 'Save'],
  conflict: [
    'ほかの職員が先にこの個人票を更新しました。入力内容は残っています。最新の内容を読み込んでから、もう一度保存してください。',
    'Someone else changed this record first. Your input is kept. Load the latest version, then save again.',
  ],
  reload: ['最新の内容を読み込む', 'Load the latest version'],
  NOT_PERMITTED: ['権限がありません', 'Not permitted'],
  NO_CONSENT: ['本人の同意がありません', 'No consent from the family'],
  DV_PROTECTED: ['DV等支援措置のため非表示', 'Hidden: DV protection'],
  hiddenSection: ['この項目は表示できません: %', 'This section is not shown: %'],
  empty: ['（未入力）', '(not entered)'],
  yes: ['はい', 'Yes'],
  no: ['いいえ', 'No'],
  add: ['追加', 'Add'],
  remove: ['削除', 'Remove'],
  removeItem: ['% 件目を削除', 'Remove item %'],
  item: ['% 件目', 'Item %'],
  // sections
  IDENTITY: ['本人情報', 'Identity'],
  ADDRESS: ['住所', 'Address'],
  CONTACT: ['連絡先', 'Contact'],
  HOUSEHOLD: ['世帯', 'Household'],
  INCOME: ['収入', 'Income'],
  BENEFITS: ['利用中の制度', 'Benefits in use'],
  CONCERNS: ['困りごと', 'Concerns'],
  SELF_RELIANCE_PLAN: ['自立支援プログラム', 'Self-reliance plan'],
  CONSULTATIONS: ['相談対応履歴', 'Consultations'],
  PROTECTION: ['DV等支援措置', 'DV protection'],
  CONSENT: ['同意', 'Consent'],
  // fields
  familyName: ['姓', 'Family name'],
  givenName: ['名', 'Given name'],
  familyNameKana: ['姓（カナ）', 'Family name (kana)'],
  givenNameKana: ['名（カナ）', 'Given name (kana)'],
  birthDate: ['生年月日', 'Date of birth'],
  postalCode: ['郵便番号', 'Postal code'],
  prefecture: ['都道府県', 'Prefecture'],
  cityField: ['市区町村', 'City'],
  street: ['町名・番地', 'Street'],
  contactAllowed: ['市からの連絡を希望', 'May be contacted'],
  phone: ['電話番号', 'Phone'],
  emailField: ['メール', 'E-mail'],
  preferredChannel: ['希望する連絡方法', 'Preferred channel'],
  PHONE: ['電話', 'Phone'],
  EMAIL: ['メール', 'E-mail'],
  LETTER: ['郵便', 'Letter'],
  children: ['子ども', 'Children'],
  disability: ['障害あり', 'Disability'],
  otherMembers: ['その他の同居者', 'Other members'],
  relation: ['続柄', 'Relation'],
  note: ['メモ', 'Note'],
  incomeYear: ['対象年', 'Income year'],
  dependentsCount: ['扶養親族等の数（子の数と異なる場合）', 'Dependants (if not the number of children)'],
  maritalStatus: ['婚姻・事実婚', 'Marital status'],
  NOT_MARRIED: ['婚姻・事実婚なし', 'Not married'],
  MARRIED: ['婚姻', 'Married'],
  DE_FACTO: ['事実婚', 'De facto'],
  safeTimes: ['連絡してよい時間帯', 'Safe times to contact'],
  voicemailSafe: ['留守番電話に残してよい', 'Voicemail is safe'],
  smsSafe: ['SMSを送ってよい', 'SMS is safe'],
  YES: ['はい', 'Yes'],
  NO: ['いいえ', 'No'],
  annualEmploymentIncome: ['給与収入（円/年）', 'Employment income (yen/year)'],
  otherIncome: ['その他の所得（円/年）', 'Other income (yen/year)'],
  childSupportReceivedYearly: ['養育費（円/年）', 'Child support (yen/year)'],
  programmeId: ['制度', 'Programme'],
  since: ['開始日', 'Since'],
  categories: ['分類', 'Categories'],
  goal: ['目標', 'Goal'],
  steps: ['取組内容', 'Steps'],
  startedOn: ['開始日', 'Started on'],
  reviewOn: ['次回見直し日', 'Next review'],
  supportMeasure: ['DV等支援措置を実施', 'DV support measure in force'],
  expiresOn: ['有効期限（1年以内）', 'Expires on (within a year)'],
  dvConcern: ['DVの相談あり', 'DV named as a concern'],
  dvProtected: ['住所・連絡先を他部署に非表示', 'Address and contact hidden from other departments'],
  sharedWith: ['共有に同意した部署', 'Departments the family consented to'],
  shareWithPartners: ['連携NPOとの共有に同意', 'Consented to sharing with partner NPOs'],
  privacyNoticeVersion: ['説明したプライバシー通知の版', 'Privacy notice version shown'],
  consentHistory: ['同意の記録', 'Consent history'],
  granted: ['同意', 'Granted'],
  withdrawn: ['撤回', 'Withdrawn'],
  partners: ['連携NPO', 'Partner NPOs'],
  // concern categories
  CARE: ['介護', 'Care'],
  CHILDCARE: ['子育て', 'Childcare'],
  CHILD_SUPPORT: ['養育費', 'Child support'],
  DV: ['DV', 'DV'],
  EDUCATION: ['教育', 'Education'],
  FINANCES: ['家計', 'Finances'],
  HOUSING: ['住まい', 'Housing'],
  LEGAL: ['法律', 'Legal'],
  MEDICAL: ['医療', 'Medical'],
  MENTAL_HEALTH: ['心の健康', 'Mental health'],
  OTHER: ['その他', 'Other'],
  WORK: ['仕事', 'Work'],
  // departments
  SINGLE_PARENT: ['ひとり親支援担当課', 'Single-Parent Support'],
  LIVELIHOOD_SUPPORT: ['生活困窮担当課', 'Livelihood Support'],
  FAMILY_REGISTER: ['戸籍担当課', 'Family Register'],
  PUBLIC_HOUSING: ['公営住宅担当課', 'Public Housing'],
  LONG_TERM_CARE: ['介護担当課', 'Long-Term Care'],
  DISABILITY_WELFARE: ['障害担当課', 'Disability Welfare'],
  // roles
  CASEWORKER: ['相談員', 'Caseworker'],
  SUPERVISOR: ['係長', 'Supervisor'],
  ADMIN: ['管理者', 'Administrator'],
  VIEWER: ['閲覧のみ', 'Viewer'],
  // consultations
  consultationsHeading: ['相談対応履歴', 'Consultation history'],
  addConsultation: ['相談記録を追加', 'Add a consultation'],
  date: ['日付', 'Date'],
  channel: ['方法', 'Channel'],
  summary: ['内容', 'Summary'],
  followUp: ['今後の対応', 'Follow-up'],
  followUpDue: ['対応予定日', 'Follow-up due'],
  department: ['部署', 'Department'],
  staffName: ['担当', 'Staff'],
  IN_PERSON: ['来所', 'In person'],
  HOME_VISIT: ['訪問', 'Home visit'],
  ONLINE: ['オンライン', 'Online'],
  noConsultations: ['相談の記録はまだありません。', 'No consultations yet.'],
  consultationAdded: ['相談記録を追加しました。', 'Consultation added.'],
  cannotAddConsultation: ['この部署は相談記録を追加できません。', 'Your department cannot add consultations.'],
  // eligibility
  eligibilityHeading: ['制度の判定（窓口用）', 'Eligibility at the desk'],
  eligibilityIntro: ['個人票の世帯・収入・利用中の制度から判定します。判定結果は保存されません。', 'Runs the eligibility rules on the household, income and benefits in the record. Nothing is stored.'],
  factsUsed: ['判定に使う情報', 'Facts used'],
  asOf: ['判定日', 'As of'],
  run: ['判定する', 'Run'],
  programme: ['制度', 'Programme'],
  eligible: ['判定', 'Result'],
  amount: ['金額', 'Amount'],
  reasons: ['理由', 'Reasons'],
  ELIGIBLE: ['対象', 'Eligible'],
  NOT_ELIGIBLE: ['対象外', 'Not eligible'],
  NEEDS_MORE_INFO: ['要確認', 'Needs more information'],
  monthly: ['月額 % 円', '¥% a month'],
  yearly: ['年額 % 円', '¥% a year'],
  childrenCount: ['子ども % 人', '% children'],
  factMissing: ['%: 読めないため判定に使いません（%）', '%: not used (%)'],
  resultsCount: ['% 件の制度を判定しました。', '% programmes checked.'],
  // referrals
  referralsHeading: ['連携NPOへの紹介', 'Referral to a partner NPO'],
  partner: ['紹介先', 'Partner'],
  reason: ['紹介の理由', 'Reason'],
  refer: ['紹介する', 'Refer'],
  referred: ['紹介しました。', 'Referred.'],
  noReferrals: ['この個人票の紹介はありません。', 'No referrals for this record.'],
  closeReferral: ['紹介を終了する', 'Close the referral'],
  closeReason: ['終了の理由', 'Why it is closed'],
  referralClosed: ['紹介を終了しました。', 'Referral closed.'],
  REQUESTED: ['依頼中', 'Requested'],
  ACCEPTED: ['受入れ済み', 'Accepted'],
  CLOSED: ['終了', 'Closed'],
  ownerOnly: ['紹介はひとり親支援担当課が行います。', 'Referrals are made by the single-parent support division.'],
  noPartnerConsent: ['本人が連携NPOとの共有に同意していないため、紹介できません。先に同意を確認してください。', 'The family has not consented to sharing with partner NPOs, so the record cannot be referred. Ask for consent first.'],
  searchBox: ['氏名・カナ・受付番号・電話番号・生年月日', 'Name, kana, reference number, phone or birth date'],
  searchBoxHint: ['例: 朝霧 / アサギリ / QSAG-WPD5 / 090-1234-5678 / 1990-04-01。電話番号とメールアドレスは完全一致です。', 'e.g. 朝霧, アサギリ, QSAG-WPD5, 090-1234-5678, 1990-04-01. Phone numbers and e-mail addresses must be whole.'],
  // audit
  auditHeading: ['監査ログ', 'Audit log'],
  auditIntro: ['この個人票の閲覧・更新の記録です（係長・管理者のみ）。', 'Who read or wrote this record (supervisors and administrators).'],
  chainOk: ['監査ログの改ざん検知: 正常（ハッシュチェーンは完全です）', 'Tamper check: the hash chain is intact'],
  chainBroken: ['監査ログの改ざん検知: 異常（ハッシュチェーンが途切れています）', 'Tamper check: the hash chain is BROKEN'],
  at: ['日時', 'When'],
  actor: ['職員', 'Who'],
  action: ['操作', 'Action'],
  sections: ['項目', 'Sections'],
  operation: ['操作名', 'Operation'],
  read: ['閲覧', 'Read'],
  write: ['更新', 'Write'],
  noAudit: ['記録はありません。', 'No entries.'],
  // allowed origins (admins)
  originsNav: ['埋め込みの許可', 'Embedding'],
  dashboardNav: ['利用実績', 'Usage figures'],
  figuresNav: ['手入力の実績', 'Figures entered by hand'],
  originsHeading: ['ウィジェットを埋め込めるサイト（許可するオリジン）', 'Sites that may embed the widgets (allowed origins)'],
  originsIntro: [
    '入力フォームとチャットを載せる市のホームページのオリジンを登録します。登録したページからだけ、ウィジェットを読み込み、申込みを送信できます。変更はすぐに反映され、記録が残ります。',
    "Register the origins of the municipality's web pages that show the intake form and the chat. Only pages of these origins can load the widgets and send submissions. Changes take effect at once and are recorded.",
  ],
  addOrigin: ['オリジンを追加', 'Add an origin'],
  origin: ['オリジン', 'Origin'],
  originHint: [
    '例: https://www.city.example.lg.jp（https:// とホスト名、必要ならポート番号まで。ページのパスは入れません）',
    'e.g. https://www.city.example.lg.jp (https://, the host name and, if needed, the port — no page path)',
  ],
  originsListed: ['許可しているオリジン（% 件）', 'Allowed origins (%)'],
  noOrigins: ['ありません。', 'None.'],
  removeOrigin: ['削除', 'Remove'],
  removeOriginLabel: ['% を削除', 'Remove %'],
  originAdded: ['% を許可しました。', '% is now allowed.'],
  originRemoved: ['% の許可を取り消しました。', '% is no longer allowed.'],
  originsFromEnv: ['サーバーの設定で許可（CORS_ORIGINS）', 'Allowed by the server (CORS_ORIGINS)'],
  originsFromEnvIntro: ['すべての自治体に共通です。ここでは変更できません。', 'Shared by every municipality; change them in the deployment.'],
  originChanges: ['変更の記録', 'Changes'],
  originsAdminOnly: ['この画面は管理者だけが使えます。', 'This page is for administrators.'],
  ADDED: ['追加', 'Added'],
  REMOVED: ['削除', 'Removed'],
  auditOnly: ['監査ログは、ひとり親支援担当課の係長・管理者が見られます。', 'The audit log is for supervisors of the single-parent support division.'],
  // worklist and case (issue 18)
  worklistNav: ['今日の仕事', 'Today'],
  outreachNav: ['プッシュ型支援', 'Outreach'],
  worklistHeading: ['今日の仕事', 'Your day'],
  worklistSummary: ['期限切れの連絡 % 件、本日の連絡 % 件、未担当の新着 % 件', '% overdue, % due today, % new items'],
  wlScope: ['表示', 'Show'],
  wlMine: ['自分の担当', 'My cases'],
  wlDepartment: ['部署全体', 'Whole department'],
  wlToday: ['今日: %。最初の連絡の目標は %開庁日以内です。', 'Today: %. Target for a first contact: % open days.'],
  wl_overdue: ['期限切れの連絡', 'Overdue follow-ups'],
  wl_dueToday: ['本日の連絡予定', 'Follow-ups due today'],
  wl_newItems: ['未担当の新着', 'New, not taken'],
  wl_assigned: ['担当中', 'Assigned'],
  wlEmpty: ['ありません。', 'None.'],
  wlState: ['状況', 'State'],
  wlActions: ['操作', 'Actions'],
  wantsContact: ['連絡希望', 'Wants contact'],
  wantsContactYes: ['あり', 'Yes'],
  wantsContactNo: ['なし', 'No'],
  unknownContact: ['（見られません）', '(not visible)'],
  waitedOpenDays: ['%開庁日経過（目標 %開庁日）', '% open days waited (target %)'],
  overTarget: ['目標超過', 'Past target'],
  overTargetCount: ['目標超過 % 件', '% past target'],
  nextContactOn: ['次回連絡 %', 'next contact %'],
  SHARED: ['共有（本人同意）', 'Shared with you'],
  REFERRAL: ['紹介', 'Referral'],
  CASE: ['担当・対応状況', 'Case'],
  IN_PROGRESS: ['対応中', 'In progress'],
  WAITING_FOR_FAMILY: ['本人の返事待ち', 'Waiting for the family'],
  caseHeading: ['担当・対応状況', 'Case'],
  caseStatus: ['対応状況', 'Status'],
  caseAssignee: ['担当者', 'Assignee'],
  caseNobody: ['未定', 'Nobody'],
  caseNext: ['次回連絡日', 'Next contact date'],
  caseClosedReason: ['終了の理由', 'Why it is closed'],
  caseTakeMine: ['自分が担当する', 'Assign to me'],
  caseSave: ['担当情報を保存', 'Save case'],
  caseSaved: ['担当情報を保存しました。', 'Case saved.'],
  handoversHeading: ['他部署への共有と引き継ぎ', 'Shared with departments'],
  handoverLine: ['%: % に共有、%', '%: shared %, %'],
  handoverWaiting: ['まだ誰も担当していません', 'not taken up yet'],
  handoverTaken: ['% が担当（%）', 'taken up by % (%)'],
  applicationsNav: ['オンライン申請', 'Applications'],
} as const satisfies Record<string, Pair>;

export type Key = keyof typeof T;

export function langOf(tag: string | null | undefined): Lang {
  const v = (tag ?? '').toLowerCase();
  return v.startsWith('en') ? 1 : v.includes('easy') ? 2 : 0;
}

/** Text in `lang`, with each `%` replaced by the next argument. */
export function tr(lang: Lang, key: Key, ...args: (string | number)[]): string {
  let s = col(T[key], lang);
  for (const a of args) s = s.replace('%', String(a));
  return s;
}

/** Label of an enum value that has a table entry, else the value itself. */
export function label(lang: Lang, value: string | null | undefined): string {
  if (value == null) return '';
  const row = (T as Record<string, Pair>)[value];
  return row ? col(row, lang) : value;
}

export const CONCERNS = ['CHILDCARE', 'DV', 'MENTAL_HEALTH', 'WORK', 'HOUSING', 'FINANCES', 'MEDICAL', 'CARE', 'LEGAL', 'EDUCATION', 'CHILD_SUPPORT', 'OTHER'] as const;
export const DEPARTMENTS = ['SINGLE_PARENT', 'LIVELIHOOD_SUPPORT', 'FAMILY_REGISTER', 'PUBLIC_HOUSING', 'LONG_TERM_CARE', 'DISABILITY_WELFARE'] as const;
export const CHANNELS = ['IN_PERSON', 'PHONE', 'HOME_VISIT', 'ONLINE', 'EMAIL', 'CHAT'] as const;

const yen = new Intl.NumberFormat('ja-JP');
export const formatYen = (n: number): string => yen.format(n);

/** A DateTime shown in Japan time, e.g. 2026/04/01 10:02. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 1 ? 'en-GB' : 'ja-JP', {
    timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).format(d);
}
/** A DateTime's calendar date in Japan time, YYYY-MM-DD. */
export function japanDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
