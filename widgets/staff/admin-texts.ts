import type { Lang } from './i18n.js';

/**
 * Texts of the administration screens (departments, partner organisations, privacy notice):
 * [Japanese, English, やさしい日本語]; `%` is a placeholder, replaced in order.
 */
export const M = {
  depNav: ['部署の名前', 'Departments', '部署の なまえ'],
  partnersNav: ['連携団体', 'Partner organisations', 'れんけい だんたい'],
  noticeNav: ['プライバシー通知', 'Privacy notice', 'プライバシーの おしらせ'],
  progNav: ['支援制度の設定', 'Programme settings', '支援制度の 設定'],
  policyNav: ['アクセス方針', 'Access policy', 'だれが 何を 見られるか'],
  // departments
  depHeading: ['部署と名前', 'Departments and their names', '部署と なまえ'],
  depIntro: [
    'この自治体での部署の呼び方です（例：子ども家庭課）。職員の画面と申請の案内に表示されます。変更はすべて記録されます。',
    'What each department is called here (e.g. 子ども家庭課). Staff screens and application guidance show these names. Every change is recorded.',
    '部署の なまえです。かえた ことは きろく されます。',
  ],
  depKind: ['部署の種類', 'Kind', '部署の しゅるい'],
  depName: ['この自治体での名前', 'Local name', 'なまえ'],
  depRename: ['名前を保存', 'Save name', 'なまえを ほぞん'],
  depRenameLabel: ['%の名前を保存', 'Save the name of %', '% の なまえを ほぞん'],
  depSaved: ['%の名前を「%」にしました。', 'The % is now called “%”.', '% の なまえを「%」に しました。'],
  depAddHeading: ['部署を追加', 'Add a department', '部署を ふやす'],
  depAddIntro: ['この自治体にまだない部署です。', 'Departments your municipality does not have yet.', 'まだ ない 部署です。'],
  depAdd: ['追加', 'Add', 'ふやす'],
  depAdded: ['%を追加しました。', 'Added %.', '% を ふやしました。'],
  // partners
  pHeading: ['連携団体（委託先・NPO）', 'Partner organisations', 'れんけい だんたい'],
  pIntro: [
    '紹介先の団体を登録し、連絡先を管理し、APIトークンを発行・失効します。トークンは発行したときに一度だけ表示されます。',
    'Register the organisations records are referred to, keep their contact, issue and revoke their API tokens. A token is shown once, when it is issued.',
    'だんたいを とうろく し、トークンを つくります。',
  ],
  pNone: ['まだ登録されていません。', 'None registered yet.', 'まだ ありません。'],
  pName: ['団体名', 'Name', 'なまえ'],
  pContact: ['連絡先（担当者・電話など）', 'Contact (person, phone, …)', 'れんらくさき'],
  pCreateHeading: ['団体を登録', 'Register an organisation', 'だんたいを とうろく'],
  pCreate: ['登録', 'Register', 'とうろく'],
  pCreated: ['%を登録しました。', 'Registered %.', '% を とうろく しました。'],
  pManage: ['管理', 'Manage', 'かんり'],
  pManageLabel: ['%を管理', 'Manage %', '% を かんり'],
  pSave: ['連絡先を保存', 'Save contact', 'ほぞん'],
  pSaved: ['%の連絡先を保存しました。', 'Saved the contact of %.', 'ほぞん しました。'],
  tHeading: ['APIトークン', 'API tokens', 'トークン'],
  tLabel: ['用途', 'What it is for', 'なにに つかうか'],
  tDays: ['有効日数（1〜365）', 'Valid for (days, 1–365)', 'つかえる 日数'],
  tIssue: ['トークンを発行', 'Issue a token', 'トークンを つくる'],
  tIssued: [
    'トークンです。一度だけ表示されます。安全な方法で団体に渡してください。',
    'The token, shown this once. Give it to the organisation by a safe channel.',
    'トークンです。1回だけ 見られます。',
  ],
  tNone: ['トークンはありません。', 'No tokens.', 'ありません。'],
  tExpires: ['有効期限', 'Expires', 'おわり'],
  tState: ['状態', 'State', 'じょうたい'],
  tValid: ['有効', 'Valid', 'つかえる'],
  tRevoked: ['失効', 'Revoked', 'とめた'],
  tRevoke: ['失効させる', 'Revoke', 'とめる'],
  tRevokeLabel: ['「%」のトークンを失効させる', 'Revoke the token “%”', '「%」を とめる'],
  tRevokedDone: ['トークン「%」を失効させました。', 'Revoked the token “%”.', '「%」を とめました。'],
  ownerOnly: [
    'この画面はひとり親支援担当課の管理者・監督者が使います。',
    'This page is for admins and supervisors of the single-parent support division.',
    'この がめんは ひとり親の 係の 管理者が つかいます。',
  ],
  // privacy notice
  nHeading: ['プライバシーに関するお知らせ', 'Privacy notice', 'プライバシーの おしらせ'],
  nIntro: [
    '入力フォームとチャットで家族に示すお知らせです。新しい版を公開すると、次の表示から新しい版になり、古い版で開いていたフォームは読み直しを求められます。公開した版は変更・削除できません（同意の記録が版を指すため）。',
    'The notice the intake form and the chatbot show to families. A new version is shown from the next page load; a form opened on the old version is asked to read it again. Published versions cannot be changed or removed (consents name them).',
    'フォームで 見せる おしらせです。あたらしい 版に すると つぎから それを 見せます。',
  ],
  nCurrent: ['現在の版：%', 'In force: version %', 'いまの 版：%'],
  nFromFile: ['（初期設定のファイル）', '(the default file)', '（さいしょの ファイル）'],
  nPublishedOn: ['% 公開（%）', 'published % (%)', '% に 公開（%）'],
  nNewHeading: ['新しい版を公開', 'Publish a new version', 'あたらしい 版を 公開'],
  nVersion: ['版の名前（例：2027-04）', 'Version name (e.g. 2027-04)', '版の なまえ（れい：2027-04）'],
  nJa: ['日本語', 'Japanese', 'にほんご'],
  nEn: ['英語', 'English', 'えいご'],
  nEasy: ['やさしい日本語', 'Easy Japanese (やさしい日本語)', 'やさしい にほんご'],
  nPublish: ['公開', 'Publish', '公開'],
  nPublished: ['版 % を公開しました。', 'Published version %.', '版 % を 公開 しました。'],
  nVersions: ['公開した版', 'Published versions', '公開した 版'],
  nNoVersions: ['まだ公開していません（初期設定のお知らせを表示中）。', 'None yet (the default notice is shown).', 'まだ ありません。'],
  required: ['入力してください。', 'Required.', '書いて ください。'],
  adminOnly: ['この画面は管理者だけが使えます。', 'This page is for administrators.', 'この がめんは 管理者だけが つかえます。'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type MKey = keyof typeof M;

export function mt(lang: Lang, key: MKey, ...args: (string | number)[]): string {
  let s: string = M[key][lang] ?? M[key][0];
  for (const a of args) s = s.replace('%', String(a));
  return s;
}
