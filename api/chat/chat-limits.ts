import { LOCALES, type Locale, type LocalizedText } from '../core';

// The chatbot's limits and the messages that explain them (ja, en, やさしい日本語): kept apart from the
// conversation logic so the service reads as the order of decisions it makes.

/** Below this share of the question found in the best document, the bot says it does not know. */
export const MIN_COVERAGE = 0.3;
export const MIN_SCORE = 3;
/** The best answer is given outright when the runner-up scores at most this share of it. */
export const CLEAR_LEAD = 0.85;
/** A runner-up above this share of the best score is offered as a quick reply next to the answer. */
export const CLOSE_RUNNER_UP = 0.6;
export const MAX_MESSAGE_LENGTH = 500;
/** How much of a message is checked for danger: more than MAX_MESSAGE_LENGTH, so an overlong cry for help is still answered. */
export const DANGER_SCAN_LENGTH = 4 * MAX_MESSAGE_LENGTH;
export const URGENT_STORE_WAIT_MS = 1_000;

export const isLocale = (v: string): v is Locale => (LOCALES as readonly string[]).includes(v);
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const EMPTY: LocalizedText = { ja: 'メッセージを入力してください。', en: 'Please type a message.', 'ja-easy': 'メッセージを 書いて ください。' };
export const TOO_LONG: LocalizedText = {
  ja: `メッセージは${MAX_MESSAGE_LENGTH}文字以内にしてください。`,
  en: `Messages are at most ${MAX_MESSAGE_LENGTH} characters.`,
  'ja-easy': `${MAX_MESSAGE_LENGTH}文字 までに して ください。`,
};
export const BAD_LOCALE: LocalizedText = {
  ja: '言語は ja、en、ja-easy のどれかです。',
  en: 'The locale is ja, en or ja-easy.',
  'ja-easy': 'ja、en、ja-easy の どれかです。',
};
export const BAD_MUNICIPALITY: LocalizedText = {
  ja: 'この自治体ではチャットを使えません。',
  en: 'The chat is not available for this municipality.',
  'ja-easy': 'この 市では 使えません。',
};
export const TOO_MANY: LocalizedText = {
  ja: 'メッセージが多すぎます。1分ほど待ってからもう一度送ってください。危険を感じているときは、すぐに110番に電話してください。',
  en: 'Too many messages. Please wait a minute and send it again. If you are in danger, call 110 now.',
  'ja-easy': 'メッセージが 多すぎます。1分 まって から 送って ください。あぶない ときは すぐ 110に 電話 して ください。',
};
export const SESSION_NOT_FOUND: LocalizedText = { ja: 'チャットが見つかりません。', en: 'No such chat.', 'ja-easy': 'チャットが ありません。' };
export const BAD_SCORE: LocalizedText = { ja: '評価は1から5で選んでください。', en: 'The rating is 1 to 5.', 'ja-easy': '1から 5で えらんで ください。' };
export const BAD_RANGE: LocalizedText = {
  ja: '期間の終わりは始まり以降にしてください。',
  en: 'The end of the period must not be before its start.',
  'ja-easy': '日付を たしかめて ください。',
};
export const FORBIDDEN_TEXT: LocalizedText = { ja: 'この操作をする権限がありません。', en: 'You may not do this.', 'ja-easy': 'これは できません。' };
