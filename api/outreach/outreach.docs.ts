import type { SchemaDocs } from '../core/docs';

/** Descriptions of push-type support (プッシュ型支援). */
export const OUTREACH_DOCS: SchemaDocs = {
  OutreachChannel: {
    description: 'お知らせの受け取り方法 — a channel a family may opt in to for notices (LINE comes with its own channel).',
    values: { EMAIL: 'By e-mail (メール).', SMS: 'By SMS (ショートメッセージ); for a DV-protected record only when the family said an SMS is safe.', PHONE: 'A call from a caseworker (担当者からの電話), within the family’s safe times.' },
  },
};
