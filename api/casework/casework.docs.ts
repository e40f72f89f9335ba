import type { SchemaDocs } from '../core';

/** Descriptions of case work: case statuses, worklist scope. */
export const CASEWORK_DOCS: SchemaDocs = {
  CaseStatus: {
    values: {
      NEW: '未着手 — nobody has started on it.',
      IN_PROGRESS: '対応中 — a caseworker is working on it.',
      WAITING_FOR_FAMILY: '本人の返事待ち — waiting for the family (documents, a call back).',
      CLOSED: '終了 — closed, with the reason in closedReason.',
    },
  },
  WorklistScope: {
    values: {
      MINE: 'Your own cases and follow-ups (new items are the department’s either way).',
      DEPARTMENT: 'Everyone’s cases in your department (for supervisors and shared desks).',
    },
  },
  Mutation: {
    fields: {
      updateCase: {
        description: 'Set the assignee, status or next contact date of your department’s case (caseworker, supervisor or admin). Audited.',
        args: { input: 'What to change; left-out fields stay as they are.' },
      },
    },
  },
};
