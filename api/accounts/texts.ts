import type { LocalizedText } from '../core';

export const LINK_NOT_USABLE: LocalizedText = {
  ja: 'このリンクは使えません。期限が切れたか、すでに使われています。管理者に新しいリンクを依頼してください。',
  en: 'This link cannot be used: it has expired or was already used. Ask your administrator for a new one.',
  'ja-easy': 'この リンクは もう 使えません。管理者に 新しい リンクを たのんで ください。',
};
export const TICKET_NOT_USABLE: LocalizedText = {
  ja: '登録の手続きの期限が切れました。もう一度サインインからやり直してください。',
  en: 'The enrolment has expired. Please start again from sign-in.',
  'ja-easy': 'じかんが すぎました。もう一度 サインイン から して ください。',
};
export const EMAIL_TAKEN: LocalizedText = {
  ja: 'このメールアドレスはすでに使われています。',
  en: 'This e-mail address is already in use.',
  'ja-easy': 'この メールアドレスは もう 使われて います。',
};
export const NAME_NEEDED: LocalizedText = { ja: '氏名を入力してください。', en: 'Enter your name.', 'ja-easy': '名前を 書いて ください。' };
export const EMAIL_NEEDED: LocalizedText = {
  ja: 'メールアドレスを入力してください。',
  en: 'Enter the e-mail address.',
  'ja-easy': 'メールアドレスを 書いて ください。',
};
export const ALREADY_ENROLLED: LocalizedText = {
  ja: '認証アプリはすでに登録されています。サインイン画面でコードを入力してください。',
  en: 'An authenticator app is already set up. Enter its code when you sign in.',
  'ja-easy': 'アプリは もう 登録 されて います。サインインで コードを 書いて ください。',
};
export const CODE_WRONG: LocalizedText = {
  ja: 'コードが正しくありません。認証アプリに表示されている今のコードを入力してください。',
  en: 'The code is not right. Enter the code your authenticator app shows now.',
  'ja-easy': 'コードが ちがいます。アプリの 今の コードを 書いて ください。',
};
export const CURRENT_PASSWORD_WRONG: LocalizedText = {
  ja: '今のパスワードが正しくありません。',
  en: 'The current password is not right.',
  'ja-easy': '今の パスワードが ちがいます。',
};
export const SAME_PASSWORD: LocalizedText = {
  ja: '新しいパスワードは今のものと違うものにしてください。',
  en: 'Choose a password different from the current one.',
  'ja-easy': '今と ちがう パスワードに して ください。',
};
export const SESSION_NOT_FOUND: LocalizedText = { ja: 'このサインインは見つかりません。', en: 'No such session.', 'ja-easy': 'その サインインは ありません。' };
export const STAFF_NOT_FOUND: LocalizedText = { ja: '職員が見つかりません。', en: 'No such staff member.', 'ja-easy': 'その 職員は いません。' };
export const TOO_MANY_CODES: LocalizedText = {
  ja: 'コードの入力が多すぎます。1分ほど待ってからもう一度お試しください。',
  en: 'Too many codes. Please wait a minute and try again.',
  'ja-easy': 'コードを たくさん 入れました。1分 まって から して ください。',
};
export const OWN_ACCOUNT: LocalizedText = {
  ja: '自分自身のアカウントは停止できません。',
  en: 'You cannot disable your own account.',
  'ja-easy': '自分の アカウントは 止められません。',
};
