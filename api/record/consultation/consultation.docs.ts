import type { SchemaDocs } from '../../core';

/** Descriptions of the 相談対応履歴 (consultation history) part of the schema. */
export const CONSULTATION_DOCS: SchemaDocs = {
  Consultation: {
    fields: {
      id: 'Identifier of the consultation.',
      channel: 'How the consultation was held.',
      date: 'The day it was held (YYYY-MM-DD, Japan time).',
      summary: 'What was discussed (相談内容).',
      createdAt: 'When it was recorded (UTC).',
    },
  },
  ConsultationChannel: {
    description: '相談方法 — how a consultation was held.',
    values: {
      CHAT: 'Chat (チャット).',
      EMAIL: 'E-mail (メール).',
      HOME_VISIT: 'Home visit (家庭訪問).',
      IN_PERSON: 'At the counter (窓口).',
      ONLINE: 'Video call (オンライン).',
      PHONE: 'Telephone (電話).',
    },
  },
  AddConsultationInput: {
    description: "A consultation (相談対応) to add to a record's history.",
    fields: {
      recordId: 'The record (`PersonalRecord.id`).',
      channel: 'How it was held.',
      date: 'The day it was held (YYYY-MM-DD), not in the future.',
      summary: 'What was discussed (相談内容).',
      followUp: 'What happens next (フォローアップ), if anything.',
      followUpDue: 'When to follow up (YYYY-MM-DD).',
    },
  },
  Mutation: {
    fields: {
      addConsultation: {
        description:
          'Record a consultation (相談対応) with the family. Caseworker, supervisor or admin of a department that may write `consultations`; else FORBIDDEN.',
        args: { input: 'The consultation.' },
      },
    },
  },
};
