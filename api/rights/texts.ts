import type { LocalizedText } from '../core';

export const ALREADY_REQUESTED: LocalizedText = {
  ja: '消去の申出はすでに受け付けています。担当者の判断をお待ちください。',
  en: 'Your erasure request has already been received. Please wait for the decision.',
  'ja-easy': 'もう 受けつけて います。まって いて ください。',
};
export const ALREADY_DECIDED: LocalizedText = {
  ja: 'この申出はすでに処理されています。',
  en: 'This request has already been decided.',
  'ja-easy': 'もう おわって います。',
};
export const REQUEST_NOT_FOUND: LocalizedText = {
  ja: '見つかりません。',
  en: 'Not found.',
  'ja-easy': 'ありません。',
};
export const REASON_NEEDED: LocalizedText = {
  ja: '消去しない場合は理由を入力してください（ご家族に伝えます）。',
  en: 'Give the reason when refusing (the family is told).',
  'ja-easy': 'けさない ときは りゆうを 書いて ください。',
};
export const OWNER_ONLY: LocalizedText = {
  ja: '開示はひとり親支援担当課の係長と管理者が行います。',
  en: 'Disclosure is for supervisors and admins of the owning department.',
  'ja-easy': 'たんとうの 課の 人だけが できます。',
};
