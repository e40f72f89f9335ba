import { registerEnumType } from 'type-graphql';

/** Where an inbox item came from. Values are stored; keep them stable. */
export enum InboxItemKind {
  INTAKE = 'intake',
  CHAT_REQUEST = 'chat-request',
  /** The family consented to share their record with this department (issue 18: the one-stop hand-over). */
  SHARED = 'shared',
}
registerEnumType(InboxItemKind, {
  name: 'InboxItemKind',
  description:
    'INTAKE: an intake form submission. CHAT_REQUEST: a chatbot visitor asked to talk to a caseworker. SHARED: a family consented to share their record with your department.',
});

export enum InboxStatus {
  NEW = 'new',
  TAKEN = 'taken',
  ALL = 'all',
}
registerEnumType(InboxStatus, { name: 'InboxStatus', description: 'NEW: nobody has taken it yet. TAKEN: a caseworker took it. ALL: both (filter only).' });
