import type { SchemaDocs } from '../core';

/** Descriptions of the chatbot (チャットボット) part of the schema. */
export const CHAT_DOCS: SchemaDocs = {
  ChatReply: {
    fields: {
      messages: 'The reply, one bubble per message, in the reply locale; for an urgent reply the safety message comes first.',
      quickReplies: 'Buttons to offer (may be empty).',
      handoff: 'Where to continue outside the chat (intake form or a caseworker); null when the chat goes on.',
    },
  },
  ChatText: {
    description: 'One message bubble of a chatbot reply.',
    fields: { text: 'Plain text in the reply locale (やさしい日本語 may carry furigana as 漢字{かんじ}); no HTML.' },
  },
  ChatQuickReply: {
    fields: { label: 'Text of the button, in the reply locale.', value: 'What to send as the next `message` when the button is tapped.' },
  },
  ChatHandoff: { fields: { kind: 'Where the conversation continues.' } },
  ChatHandoffKind: {
    values: { INTAKE: 'Continue in the intake form (入力フォーム).', STAFF: 'Talk to a consultant (相談員): offer `requestConsultation` or the phone number.' },
  },
  ChatProgramme: {
    description: 'A support programme (支援施策) an answer is about.',
    fields: { id: 'Programme id (docs/design.md), e.g. child-rearing-allowance; `programme(id:)` gives the details.' },
  },
  ChatRatingCount: {
    description: 'How many sessions were rated with one score.',
    fields: { score: 'The rating, 1 (poor) to 5 (very helpful).', count: 'Sessions with that rating.' },
  },
  Query: {
    fields: {
      chatSatisfaction: {
        description: 'How visitors rated the chatbot for your municipality, for sessions started from `from` to `to` (inclusive, staff).',
        args: { from: 'First day (YYYY-MM-DD, Japan time).', to: 'Last day (YYYY-MM-DD, Japan time), not before `from`.' },
      },
    },
  },
  Mutation: {
    fields: {
      chat: {
        description:
          'Send one message to the chatbot (public). Start with sessionId null; continue with the sessionId of the reply. At most CHAT_RATE_PER_MINUTE messages a minute per client address (TOO_MANY_REQUESTS), except that a message speaking of danger is always answered.',
        args: { input: 'The message and the session.' },
      },
      rateChat: {
        description: 'Rate a chat session from 1 (poor) to 5 (very helpful) (public). A second rating replaces the first.',
        args: { sessionId: 'The `sessionId` of the chat replies.', score: '1 (poor) to 5 (very helpful); else BAD_USER_INPUT.' },
      },
    },
  },
};
