import type { LocalizedText } from '../core';

/** Why a passkey step was refused: `extensions.reason` of the error (stable strings, read by the console and tests). */
export type PasskeyRefusal =
  | 'PASSKEY_CHALLENGE_UNKNOWN'
  | 'PASSKEY_CHALLENGE_USED'
  | 'PASSKEY_CHALLENGE_EXPIRED'
  | 'PASSKEY_WRONG_ORIGIN'
  | 'PASSKEY_UNKNOWN_CREDENTIAL'
  | 'PASSKEY_COUNTER_REGRESSION'
  | 'PASSKEY_ALREADY_REGISTERED'
  | 'PASSKEY_INVALID';

const AGAIN = { ja: 'もう一度お試しください。', en: 'Please try again.', 'ja-easy': 'もう一度 して ください。' };
const text = (ja: string, en: string, easy: string): LocalizedText => ({
  ja: `${ja}${AGAIN.ja}`,
  en: `${en} ${AGAIN.en}`,
  'ja-easy': `${easy} ${AGAIN['ja-easy']}`,
});

export const PASSKEY_REFUSAL_TEXT: Record<PasskeyRefusal, LocalizedText> = {
  PASSKEY_CHALLENGE_UNKNOWN: text('パスキーの手続きが見つかりません。', 'This passkey request is not known.', 'パスキーの 手続きが 見つかりません。'),
  PASSKEY_CHALLENGE_USED: text('このパスキーの手続きはすでに使われています。', 'This passkey request was already used.', 'この 手続きは もう 使われました。'),
  PASSKEY_CHALLENGE_EXPIRED: text('パスキーの手続きの期限（5分）が切れました。', 'The passkey request expired (5 minutes).', 'じかんが すぎました（5分）。'),
  PASSKEY_WRONG_ORIGIN: text(
    'パスキーの応答が別のサイトから届きました。',
    'The passkey answer came from another site.',
    'パスキーの こたえが ちがう サイトから きました。',
  ),
  PASSKEY_UNKNOWN_CREDENTIAL: text(
    'このパスキーはこのアカウントに登録されていません。',
    'This passkey is not registered to this account.',
    'この パスキーは 登録 されて いません。',
  ),
  PASSKEY_COUNTER_REGRESSION: text(
    'パスキーの使用回数が以前より小さくなっています（複製のおそれ）。管理者に相談してください。',
    'The passkey’s use counter went back (it may have been copied). Talk to your administrator.',
    'パスキーが コピー された かも しれません。管理者に そうだん して ください。',
  ),
  PASSKEY_ALREADY_REGISTERED: text(
    'このパスキーはすでに登録されています。',
    'This passkey is already registered.',
    'この パスキーは もう 登録 されて います。',
  ),
  PASSKEY_INVALID: text(
    'パスキーの応答を確認できませんでした。',
    'The passkey answer could not be verified.',
    'パスキーの こたえを たしかめ られません でした。',
  ),
};

export const PASSKEY_NONE: LocalizedText = {
  ja: 'このアカウントにはパスキーが登録されていません。認証アプリのコードを入力してください。',
  en: 'This account has no passkey. Enter the code from your authenticator app.',
  'ja-easy': 'パスキーが 登録 されて いません。アプリの コードを 書いて ください。',
};
export const PASSKEY_NOT_FOUND: LocalizedText = { ja: 'そのパスキーは見つかりません。', en: 'No such passkey.', 'ja-easy': 'その パスキーは ありません。' };
export const PASSKEY_NAME_NEEDED: LocalizedText = {
  ja: 'パスキーの名前（例：職場のPC）を1〜40文字で入力してください。',
  en: 'Give the passkey a name (e.g. "work PC") of 1 to 40 characters.',
  'ja-easy': 'パスキーの 名前を 書いて ください（40文字 まで）。',
};
export const PASSKEY_LAST_SECOND_FACTOR: LocalizedText = {
  ja: 'この自治体では2段階認証が必要です。これが最後の確認方法なので削除できません。先に別のパスキーか認証アプリを登録してください。',
  en: 'Your municipality requires two-factor sign-in and this is your last second factor, so it cannot be removed. Add another passkey or an authenticator app first.',
  'ja-easy': 'これを けすと サインイン できなく なります。さきに ほかの パスキーか アプリを 登録 して ください。',
};
export const PASSKEY_REQUIRED: LocalizedText = {
  ja: 'パスキーで確認してください。',
  en: 'Confirm with your passkey.',
  'ja-easy': 'パスキーで たしかめて ください。',
};
