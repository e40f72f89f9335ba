import type { SchemaDocs } from '../core';

/** Descriptions of the department inbox (受付箱). The chatbot's call-back request is intake's (intake.docs.ts). */
export const INBOX_DOCS: SchemaDocs = {
  InboxConnection: {
    description: 'A page of inbox items (Relay cursor connection), newest first.',
    fields: { edges: 'The items of this page, each with its cursor.', pageInfo: 'Whether there are more pages, and the cursors to continue from.' },
  },
  InboxEdge: {
    description: 'One inbox item of a page, with the cursor that points at it.',
    fields: { cursor: 'Opaque cursor: pass it as `after` to continue after this item.', node: 'The item.' },
  },
  InboxItem: {
    fields: {
      id: 'Identifier of the item (for `takeInboxItem`).',
      kind: 'What arrived.',
      receivedAt: 'When it arrived (UTC).',
      takenAt: 'When a caseworker took it (UTC); null while NEW.',
      takenBy: 'Who took it; null while NEW.',
    },
  },
  InboxItemKind: {
    values: {
      CHAT_REQUEST: 'A chatbot visitor asked a caseworker to get in touch.',
      INTAKE: 'An intake form (入力フォーム) submission.',
      SHARED: 'The family consented to share their record with your department (the one-stop hand-over).',
    },
  },
  InboxStatus: { values: { ALL: 'Both, new and taken (filter only).', NEW: 'Nobody has taken it yet.', TAKEN: 'A caseworker took it.' } },
  InboxTaker: { fields: { id: "The staff member's id.", name: "The staff member's name." } },
  Query: {
    fields: {
      inbox: {
        description: 'New intake submissions and chat requests for your department, newest first (staff).',
        args: {
          first: 'Page size, 1 to 100 (default 20).',
          after: '`endCursor` of the previous page; omit for the first page.',
          status: 'Which items: NEW (default), TAKEN or ALL.',
        },
      },
    },
  },
  Mutation: {
    fields: {
      takeInboxItem: {
        description: 'Take an inbox item (caseworker, supervisor or admin of its department). CONFLICT when someone else took it first.',
        args: { id: 'The item (`InboxItem.id`).' },
      },
    },
  },
};
