import type { SchemaDocs } from '../core';

/** Descriptions of push-type support (プッシュ型支援). */
export const OUTREACH_DOCS: SchemaDocs = {
  Query: {
    fields: {
      outreachCandidates: { description: 'Staff: notices waiting for your department’s approval (プッシュ型支援の候補), oldest first, with the facts that triggered them (programme ids and amounts, never the family’s details).', args: { first: 'How many (1–200).' } },
      outreachNotices: { description: 'Staff: your department’s approved notices, most recently changed first, with their delivery status and whether the family opened the link.', args: { first: 'How many (1–200).', status: 'Only notices in this status; all when omitted.' } },
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
    fields: { id: 'The notice id.', recordId: 'The record it is about (open it to see the family).', record: 'The 電子個人票, read under the usual access rules (null when your department may not see it).', programmeName: 'The programme’s name in the request’s language, or null.', amountBefore: 'The amount (yen, monthly else yearly) before the change; null for a newly fitting programme or when your department may not read the income section.', amountAfter: 'The amount after the change; null when the programme lapses or when your department may not read the income section.', asOf: 'The date the re-screening evaluated (YYYY-MM-DD), or null.', kind: 'programme-fits, amount-changed, programme-lapses, deadline, campaign or reminder.', programmeId: 'The programme, or empty.', channel: 'The channel it would be sent on.', createdAt: 'When it was found.', facts: 'JSON: what triggered it (programme ids, amounts before and after, evaluation date).' },
  },
  OutreachNotice: {
    description: 'A notice of your department that was approved (or needed no approval), with its delivery status.',
    fields: { id: 'The notice id.', record: 'The 電子個人票, read under the usual access rules (null when your department may not see it).', kind: 'programme-fits, amount-changed, programme-lapses, deadline, campaign or reminder.', programmeId: 'The programme, or empty.', programmeName: 'The programme’s name in the request’s language, or null.', channel: 'The channel it goes by.', approval: 'APPROVED by a caseworker, or AUTOMATIC.', status: 'Where its delivery stands.', attempts: 'How many times a sender took it.', lastError: 'A short code of the last failure (e.g. smtp-550), never a message text.', createdAt: 'When it was found.', statusAt: 'When its status last changed.', deliveredAt: 'When the receiving server accepted it.', openedAt: 'When the family first opened its link.' },
  },
  NoticeStatus: {
    description: 'A notice’s delivery status (GOV.UK Notify’s, plus OPTED_OUT).',
    values: { CREATED: 'Waiting to be sent.', SENDING: 'A sender has it.', DELIVERED: 'Accepted by the receiving server (or handed to a caseworker as a call task).', TEMPORARY_FAILURE: 'Failed for now; retried with backoff.', PERMANENT_FAILURE: 'Failed for good; no more e-mail to that address (a call task instead when calls are allowed).', OPTED_OUT: 'Not sent: the family withdrew that channel before it went.' },
  },
  NoticeApproval: {
    description: 'Whether a notice may be sent.',
    values: { PENDING: 'Waiting for a caseworker.', APPROVED: 'Approved by a caseworker.', REJECTED: 'Declined by a caseworker; never sent.', AUTOMATIC: 'Sent without approval (the municipality’s policy for its kind).' },
  },
  OutreachChannel: {
    description: 'お知らせの受け取り方法 — a channel a family may opt in to for notices.',
    values: { EMAIL: 'By e-mail (メール).', SMS: 'By SMS (ショートメッセージ); for a DV-protected record only when the family said an SMS is safe.', PHONE: 'A call from a caseworker (担当者からの電話), within the family’s safe times.', LINE: 'On LINE (LINEで受け取る), once the family has linked its LINE account and left notices on there; never for a DV-protected record.' },
  },
};
