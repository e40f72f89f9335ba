import type { Lang } from './i18n.js';

/** Texts of passkeys in my account and at sign-in: [Japanese, English, やさしい日本語]. `%` is a placeholder. */
export const P = {
  heading: ['パスキー', 'Passkeys', 'パスキー'],
  intro: [
    'パスキーは、このパソコンやスマートフォンの指紋・顔・PINで本人を確かめる方法です。サインインの2段階目に、認証アプリのコードの代わりに使えます。',
    'A passkey confirms it is you with this computer’s or phone’s fingerprint, face or PIN. At sign-in it can be the second step instead of the authenticator app’s code.',
    'パスキーは、ゆび・かお・PIN で 本人か たしかめる ほうほうです。サインインの 2つめに アプリの コードの かわりに つかえます。',
  ],
  unsupported: [
    'このブラウザではパスキーを使えません。認証アプリをお使いください。',
    'This browser cannot use passkeys. Use an authenticator app.',
    'この ブラウザでは パスキーを つかえません。アプリを つかって ください。',
  ],
  none: ['登録されたパスキーはありません。', 'No passkeys registered.', 'パスキーは まだ ありません。'],
  listLabel: ['登録済みのパスキー', 'Registered passkeys', '登録した パスキー'],
  name: [
    'パスキーの名前（例：職場のPC、1〜40文字）',
    'Name of the passkey (e.g. work PC, 1 to 40 characters)',
    'パスキーの なまえ（れい：しょくばの PC、40文字 まで）',
  ],
  register: ['パスキーを登録', 'Register a passkey', 'パスキーを 登録'],
  registered: ['パスキー「%」を登録しました。', 'Passkey “%” registered.', 'パスキー「%」を 登録 しました。'],
  created: ['登録: %', 'Registered: %', '登録: %'],
  lastUsed: ['最後に使用: %', 'Last used: %', 'さいごに つかった: %'],
  neverUsed: ['未使用', 'Not used yet', 'まだ つかって いません'],
  rename: ['名前を変更', 'Rename', '名前を かえる'],
  renameLabel: ['パスキー「%」の名前を変更', 'Rename passkey “%”', 'パスキー「%」の 名前を かえる'],
  newName: ['「%」の新しい名前（1〜40文字）', 'New name for “%” (1 to 40 characters)', '「%」の あたらしい 名前（40文字 まで）'],
  nameRule: ['名前を1〜40文字で入力してください。', 'Enter a name of 1 to 40 characters.', '名前を 40文字 までで 書いて ください。'],
  save: ['保存', 'Save', 'ほぞん'],
  cancel: ['キャンセル', 'Cancel', 'やめる'],
  renamed: ['パスキー「%」の名前を「%」に変更しました。', 'Passkey “%” renamed to “%”.', 'パスキー「%」の 名前を「%」に かえました。'],
  remove: ['削除', 'Remove', 'けす'],
  removeLabel: ['パスキー「%」を削除', 'Remove passkey “%”', 'パスキー「%」を けす'],
  removed: ['パスキー「%」を削除しました。', 'Passkey “%” removed.', 'パスキー「%」を けしました。'],
  cancelled: [
    'パスキーの操作が取り消されたか、時間切れになりました。もう一度お試しください。',
    'The passkey request was cancelled or timed out. Please try again.',
    'パスキーが とちゅうで やめられました。もう一度 して ください。',
  ],
  // sign-in
  confirm: ['パスキーで確認', 'Confirm with a passkey', 'パスキーで たしかめる'],
  confirming: ['パスキーで確認しています…', 'Confirming with your passkey…', 'パスキーで たしかめて います…'],
  orCode: [
    'または、認証アプリのコードを入力してサインインしてください。',
    'Or enter the code from your authenticator app and sign in.',
    'または、アプリの コードを 書いて サインイン して ください。',
  ],
} as const satisfies Record<string, readonly [string, string, string]>;

export type PKey = keyof typeof P;

export function pt(lang: Lang | 2, key: PKey, ...args: (string | number)[]): string {
  let s: string = P[key][lang] ?? P[key][0];
  for (const a of args) s = s.replace('%', String(a));
  return s;
}
