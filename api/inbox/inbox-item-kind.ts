import { registerEnumType } from 'type-graphql';

/** Where an inbox item came from. Values are stored; keep them stable. */
export enum InboxItemKind {
  INTAKE = 'intake',
  CHAT_REQUEST = 'chat-request',
}
registerEnumType(InboxItemKind, { name: 'InboxItemKind', description: 'INTAKE: an intake form submission. CHAT_REQUEST: a chatbot visitor asked to talk to a caseworker.' });

export enum InboxStatus {
  NEW = 'new',
  TAKEN = 'taken',
  ALL = 'all',
}
registerEnumType(InboxStatus, { name: 'InboxStatus', description: 'NEW: nobody has taken it yet. TAKEN: a caseworker took it. ALL: both (filter only).' });
