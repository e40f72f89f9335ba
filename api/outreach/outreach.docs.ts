import type { SchemaDocs } from '../core';

/** Descriptions of push-type support (プッシュ型支援). */
export const OUTREACH_DOCS: SchemaDocs = {
  Query: {
    fields: {
      outreachCandidates: { description: 'Staff: notices waiting for your department’s approval (プッシュ型支援の候補), oldest first, with the facts that triggered them (programme ids and amounts, never the family’s details).', args: { first: 'How many (1–200).' } },
    },
  },
  Mutation: {
    fields: {
      decideOutreachCandidates: { description: 'Staff: approve (they are queued for sending) or reject candidates of your department. Returns the ids whose decision changed; others are ignored.', args: { input: 'Which candidates, and the decision.' } },
    },
  },
  OutreachDecisionInput: {
    description: 'A decision on candidates.',
    fields: { ids: 'Candidate ids (at most 200).', approve: 'true to approve, false to reject.' },
  },
  OutreachCandidate: {
    description: 'A notice waiting for approval.',
    fields: { id: 'The notice id.', recordId: 'The record it is about (open it to see the family).', kind: 'programme-fits, amount-changed, programme-lapses, deadline, campaign or reminder.', programmeId: 'The programme, or empty.', channel: 'The channel it would be sent on.', createdAt: 'When it was found.', facts: 'JSON: what triggered it (programme ids, amounts before and after, evaluation date).' },
  },
  OutreachChannel: {
    description: 'お知らせの受け取り方法 — a channel a family may opt in to for notices (LINE comes with its own channel).',
    values: { EMAIL: 'By e-mail (メール).', SMS: 'By SMS (ショートメッセージ); for a DV-protected record only when the family said an SMS is safe.', PHONE: 'A call from a caseworker (担当者からの電話), within the family’s safe times.' },
  },
};
