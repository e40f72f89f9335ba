import type { SchemaDocs } from '../core';

/** Descriptions of push-type support (プッシュ型支援). */
export const OUTREACH_DOCS: SchemaDocs = {
  Query: {
    fields: {
      outreachCandidates: {
        description:
          'Staff: notices waiting for your department’s approval (プッシュ型支援の候補), oldest first, with the facts that triggered them (programme ids and amounts, never the family’s details).',
        args: { first: 'How many (1–200).' },
      },
      outreachCampaignPreview: {
        description:
          'Staff: how many records a campaign segment holds among those your department sees, how many a notice can reach now, and a sample of five showing only what you may read. Each criterion needs read access to its section (FORBIDDEN names the section).',
        args: { segment: 'The criteria.' },
      },
      outreachCampaigns: {
        description: 'Staff: your department’s campaigns, newest first, with their notices counted by status.',
        args: { first: 'How many (1–200).' },
      },
      outreachPhoneTasks: {
        description: 'Staff: your department’s call tasks (open first) with the script and the family’s safe times.',
        args: { first: 'How many (1–200).', status: 'Only tasks in this status; all when omitted.' },
      },
      outreachNotices: {
        description:
          'Staff: your department’s approved notices, most recently changed first, with their delivery status and whether the family opened the link.',
        args: { first: 'How many (1–200).', status: 'Only notices in this status; all when omitted.' },
      },
    },
  },
  Mutation: {
    fields: {
      createOutreachCampaign: {
        description:
          'Staff (not viewers): send a campaign now or schedule it. One notice per reachable record of the segment, approved by you, on the durable queue (opt-in, DV-safe channels, quiet hours and the daily cap apply when it goes). Recorded and audited.',
        args: { input: 'Template, programme, date, segment and when.' },
      },
      cancelOutreachCampaign: {
        description: 'Staff (not viewers): cancel a scheduled campaign before it is due; its notices are never sent. CONFLICT once sending has started.',
        args: { id: 'The campaign.' },
      },
      recordOutreachCallOutcome: {
        description:
          'Staff (not viewers): record what came of a call. NO_ANSWER keeps the task open; DO_NOT_CALL also withdraws the family’s opt-in to calls. Audited.',
        args: { input: 'The task and the outcome.' },
      },
      decideOutreachCandidates: {
        description:
          'Staff: approve (they are queued for sending) or reject candidates of your department. Returns the ids whose decision changed; others are ignored.',
        args: { input: 'Which candidates, and the decision.' },
      },
    },
  },
  OutreachDecisionInput: {
    description: 'A decision on candidates.',
    fields: { ids: 'Candidate ids (at most 200).', approve: 'true to approve, false to reject.' },
  },
  OutreachCandidate: {
    description: 'A notice waiting for approval.',
    fields: {
      id: 'The notice id.',
      recordId: 'The record it is about (open it to see the family).',
      record: 'The 電子個人票, read under the usual access rules (null when your department may not see it).',
      programmeName: 'The programme’s name in the request’s language, or null.',
      amountBefore:
        'The amount (yen, monthly else yearly) before the change; null for a newly fitting programme or when your department may not read the income section.',
      amountAfter: 'The amount after the change; null when the programme lapses or when your department may not read the income section.',
      asOf: 'The date the re-screening evaluated (YYYY-MM-DD), or null.',
      kind: 'programme-fits, amount-changed, programme-lapses, deadline, campaign or reminder.',
      programmeId: 'The programme, or empty.',
      channel: 'The channel it would be sent on.',
      createdAt: 'When it was found.',
      facts: 'JSON: what triggered it (programme ids, amounts before and after, evaluation date).',
    },
  },
  OutreachNotice: {
    description: 'A notice of your department that was approved (or needed no approval), with its delivery status.',
    fields: {
      id: 'The notice id.',
      record: 'The 電子個人票, read under the usual access rules (null when your department may not see it).',
      kind: 'programme-fits, amount-changed, programme-lapses, deadline, campaign or reminder.',
      programmeId: 'The programme, or empty.',
      programmeName: 'The programme’s name in the request’s language, or null.',
      channel: 'The channel it goes by.',
      approval: 'APPROVED by a caseworker, or AUTOMATIC.',
      status: 'Where its delivery stands.',
      attempts: 'How many times a sender took it.',
      lastError: 'A short code of the last failure (e.g. smtp-550), never a message text.',
      createdAt: 'When it was found.',
      statusAt: 'When its status last changed.',
      deliveredAt: 'When the receiving server accepted it.',
      openedAt: 'When the family first opened its link.',
    },
  },
  NoticeStatus: {
    description: 'A notice’s delivery status (GOV.UK Notify’s, plus OPTED_OUT).',
    values: {
      CREATED: 'Waiting to be sent.',
      SENDING: 'A sender has it.',
      DELIVERED: 'Accepted by the receiving server (or handed to a caseworker as a call task).',
      TEMPORARY_FAILURE: 'Failed for now; retried with backoff.',
      PERMANENT_FAILURE: 'Failed for good; no more e-mail to that address (a call task instead when calls are allowed).',
      OPTED_OUT: 'Not sent: the family withdrew that channel before it went.',
    },
  },
  NoticeApproval: {
    description: 'Whether a notice may be sent.',
    values: {
      PENDING: 'Waiting for a caseworker.',
      APPROVED: 'Approved by a caseworker.',
      REJECTED: 'Declined by a caseworker; never sent.',
      AUTOMATIC: 'Sent without approval (the municipality’s policy for its kind).',
    },
  },
  OutreachSegmentInput: { description: 'Who a campaign is for: all criteria must hold; each may be used only by a department that may read its section.' },
  OutreachCampaignInput: {
    description: 'A campaign: which message, about what, to whom, when.',
    fields: { template: 'The message template.', segment: 'Who it is for.' },
  },
  OutreachCampaignTemplate: {
    description: 'A campaign’s message (seeds/notices).',
    values: {
      NEWS: 'News about a programme (template campaign).',
      DEADLINE: 'A programme’s deadline (template deadline).',
      REMINDER: 'A date to remember (template reminder).',
    },
  },
  OutreachCampaignStatus: {
    description: 'Where a campaign stands.',
    values: { SCHEDULED: 'Due later; may be cancelled.', SENT: 'Handed to the senders.', CANCELLED: 'Cancelled before it was due.' },
  },
  OutreachCampaignPreview: {
    description: 'What a campaign would reach.',
    fields: { byChannel: 'Reachable families by the channel their notice would take.', limit: 'The most records one campaign may go to.' },
  },
  OutreachChannelCount: { description: 'A count per channel.', fields: { channel: 'The channel.', count: 'How many.' } },
  OutreachCampaign: {
    description: 'A campaign of your department.',
    fields: {
      id: 'The campaign id.',
      template: 'Its message.',
      programmeId: 'The programme, or empty.',
      programmeName: 'The programme’s name, or null.',
      status: 'Scheduled, sent or cancelled.',
      sendAt: 'When it goes (went).',
      createdAt: 'When it was made.',
      matched: 'Records in the segment when it was made.',
      delivered: 'Notices delivered.',
      failed: 'Notices failed for good.',
      optedOut: 'Not sent: the family withdrew the channel.',
      opened: 'Families who opened the link.',
      unreachable: 'Records in the segment no notice could reach (no opt-in, no address, or not DV-safe).',
    },
  },
  OutreachPhoneTask: {
    description: 'A call a caseworker of your department is to make.',
    fields: {
      id: 'The task id.',
      status: 'Open or done.',
      outcome: 'The last outcome recorded.',
      attempts: 'Calls recorded.',
      programmeName: 'The programme the call is about, or null.',
      createdAt: 'When the task was made.',
      outcomeAt: 'When the last outcome was recorded.',
    },
  },
  OutreachPhoneTaskStatus: {
    description: 'Whether a call task is still to do.',
    values: { OPEN: 'To call (again).', DONE: 'Finished: reached, wrong number, or asked not to be called.' },
  },
  OutreachCallOutcome: {
    description: 'What came of a call.',
    values: {
      REACHED: 'Spoke with the person.',
      NO_ANSWER: 'No answer (the task stays open).',
      WRONG_NUMBER: 'The number is not the family’s.',
      DO_NOT_CALL: 'Asked not to be called: the opt-in to calls is withdrawn.',
    },
  },
  OutreachCallOutcomeInput: { description: 'A call’s outcome.', fields: { taskId: 'The task.', outcome: 'What came of it.' } },
  OutreachChannel: {
    description: 'お知らせの受け取り方法 — a channel a family may opt in to for notices.',
    values: {
      EMAIL: 'By e-mail (メール).',
      SMS: 'By SMS (ショートメッセージ); for a DV-protected record only when the family said an SMS is safe.',
      PHONE: 'A call from a caseworker (担当者からの電話), within the family’s safe times.',
      LINE: 'On LINE (LINEで受け取る), once the family has linked its LINE account and left notices on there; never for a DV-protected record.',
    },
  },
};
