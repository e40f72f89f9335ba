import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, extendSchema, getVariableValues, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';

// The chat widget's pure logic (widgets/chat/model.ts): its operations and variables checked against
// the committed API contract (schema/schema.graphql), the queue, storage parsing and key handling.
type Model = typeof import('../../widgets/chat/model.js', { with: { 'resolution-mode': 'import' } });
let m: Model;
let schema: GraphQLSchema;

/** The contract of requestConsultation, as agreed; used only while schema.graphql does not have it yet. */
const CONTRACT = `
input ConsultationRequestInput { idempotencyKey: String!  municipalityCode: String!  chatSessionId: String  name: String  contact: ContactInput!  preferredTime: String  message: String  privacyNoticeVersion: String!  website: String }
type ConsultationRequestReceipt { referenceNumber: String!  receivedAt: DateTimeISO!  nextSteps: [String!]! }
extend type Mutation { requestConsultation(input: ConsultationRequestInput!): ConsultationRequestReceipt! }
`;

beforeAll(async () => {
  m = await import('../../widgets/chat/model.js');
  const sdl = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
  schema = buildSchema(sdl);
  if (!schema.getMutationType()?.getFields().requestConsultation) schema = extendSchema(schema, parse(CONTRACT));
});

function coerce(query: string, variables: Record<string, unknown>) {
  const doc = parse(query);
  expect(validate(schema, doc)).toEqual([]);
  const op = doc.definitions[0];
  if (op?.kind !== 'OperationDefinition') throw new Error('no operation');
  return getVariableValues(schema, op.variableDefinitions ?? [], variables).errors ?? [];
}

const reply = (over: Partial<import('../../widgets/chat/model.js', { with: { 'resolution-mode': 'import' } }).ChatReply> = {}) => ({
  sessionId: 's-1',
  messages: [{ text: 'こんにちは。' }, { text: '何でも聞いてください。' }],
  quickReplies: [{ label: '相談員と話したい', value: 'handoff:staff' }],
  relatedProgrammes: [{ id: 'child-rearing-allowance', name: '児童扶養手当' }],
  urgent: false,
  handoff: null,
  ...over,
});

describe('chat model: the API contract', () => {
  it('sends chat, rateChat and intakeSettings operations the published schema accepts', () => {
    let t = m.enqueue(m.emptyTranscript(), ' 手当のこと ', 'a');
    expect(coerce(m.CHAT, { input: m.chatInput(t, t.messages[0]!, 'ja-easy', '999999') })).toEqual([]);
    t = m.applyReply(t, 'a', reply(), 'b');
    expect(m.chatInput(t, m.enqueue(t, '次', 'c').messages[2]!, 'en', '')).toEqual({ sessionId: 's-1', message: '次', locale: 'en', municipalityCode: null });
    expect(coerce(m.RATE, { sessionId: 's-1', score: 5 })).toEqual([]);
    expect(coerce(m.SETTINGS, { code: '999999' })).toEqual([]);
  });

  it('sends a quick reply by its value and shows its label', () => {
    const t = m.enqueue(m.emptyTranscript(), '手当の目安を知りたい', 'a', 'start:allowance');
    expect(t.messages[0]).toMatchObject({ text: '手当の目安を知りたい', value: 'start:allowance', state: 'queued' });
    expect(m.chatInput(t, t.messages[0]!, 'ja', '999999').message).toBe('start:allowance');
  });

  it('builds a ConsultationRequestInput of the agreed contract: contact allowed, normalised, honeypot as typed', () => {
    const form = {
      ...m.emptyForm(),
      name: ' 山田 ',
      ch: 'PHONE' as const,
      phone: '０９０ー１２３４ー５６７８',
      email: 'ignored@example.jp',
      time: '',
      note: ' 夜に ',
      agree: true,
    };
    const input = m.consultationInput(form, { key: 'k-1', municipality: '999999', sessionId: 's-1', noticeVersion: '2026-04', website: '' });
    expect(input).toEqual({
      idempotencyKey: 'k-1',
      municipalityCode: '999999',
      chatSessionId: 's-1',
      name: '山田',
      contact: { contactAllowed: true, preferredChannel: 'PHONE', phone: '090-1234-5678', email: null },
      preferredTime: null,
      message: '夜に',
      privacyNoticeVersion: '2026-04',
      website: '',
    });
    expect(coerce(m.REQUEST, { input })).toEqual([]);
    const mail = m.consultationInput(
      { ...form, ch: 'EMAIL', email: 'ｈａｎａ@example.jp' },
      { key: 'k', municipality: '999999', sessionId: null, noticeVersion: 'v', website: 'spam' },
    );
    expect(mail.contact).toEqual({ contactAllowed: true, preferredChannel: 'EMAIL', phone: null, email: 'hana@example.jp' });
    expect(mail.website).toBe('spam');
    expect(coerce(m.REQUEST, { input: mail })).toEqual([]);
  });

  it('checks the call-back form: channel, a valid number or address, and the consent tick', () => {
    expect(m.validateForm(m.emptyForm())).toEqual({ ch: 'chErr', agree: 'agreeErr' });
    expect(m.validateForm({ ...m.emptyForm(), ch: 'PHONE', phone: '12345', agree: true })).toEqual({ phone: 'phoneErr' });
    expect(m.validateForm({ ...m.emptyForm(), ch: 'EMAIL', email: 'no-at-sign', agree: true })).toEqual({ email: 'emailErr' });
    expect(m.validateForm({ ...m.emptyForm(), ch: 'PHONE', phone: '０３－１２３４－５６７８', agree: true })).toEqual({});
  });

  it('maps API error paths to the form fields, in the widget language', () => {
    expect(m.formFieldOf('input.contact.phone')).toBe('phone');
    expect(m.formFieldOf('input.contact.email')).toBe('email');
    expect(m.formFieldOf('input.contact.contactAllowed')).toBe('agree');
    expect(m.formFieldOf('input.preferredTime')).toBe('time');
    expect(m.formFieldOf('input.message')).toBe('note');
    expect(m.formFieldOf('input.privacyNoticeVersion')).toBe('agree');
    expect(m.formFieldOf('input.idempotencyKey')).toBeNull();
    expect(m.formFieldOf('score')).toBeNull();
    const messages = { ja: '電話番号が正しくありません。', en: 'Bad phone number.', 'ja-easy': 'でんわばんごうが ちがいます。' };
    expect(m.errorsByField([{ message: 'x', extensions: { code: 'BAD_USER_INPUT', field: 'input.contact.phone', messages } }], 'en', 'cform')).toEqual({
      phone: 'Bad phone number.',
    });
    expect(
      m.errorsByField(
        [
          {
            message: 'x',
            extensions: {
              code: 'BAD_USER_INPUT',
              problems: [
                { field: 'input.name', message: 'too long' },
                { field: 'input.website', message: 'no' },
              ],
            },
          },
        ],
        'ja',
        'cform',
      ),
    ).toEqual({ name: 'too long', cform: 'no' });
    // Not an input error: never pinned on a field.
    expect(m.errorsByField([{ message: 'denied', extensions: { code: 'FORBIDDEN', field: 'input.contact.phone' } }], 'ja', 'cform')).toEqual({
      cform: 'denied',
    });
  });
});

describe('chat model: queue and transcript', () => {
  it('queues messages and sends the oldest first; an answered message is never picked again', () => {
    let t = m.emptyTranscript();
    t = m.enqueue(t, '一つ目', 'a');
    t = m.enqueue(t, '二つ目', 'b');
    expect(m.enqueue(t, '   ', 'c')).toBe(t); // blank adds nothing
    expect(m.queuedCount(t)).toBe(2);
    expect(m.nextToSend(t)?.id).toBe('a');
    t = m.applyReply(t, 'a', reply(), 'bot-a');
    expect(m.nextToSend(t)?.id).toBe('b');
    // The reply sits right after its question, before the still-queued one.
    expect(t.messages.map((x) => x.id)).toEqual(['a', 'bot-a', 'b']);
    expect(t.messages[1]).toMatchObject({
      from: 'bot',
      text: 'こんにちは。\n\n何でも聞いてください。',
      programmes: [{ id: 'child-rearing-allowance', name: '児童扶養手当' }],
    });
    expect(t.sessionId).toBe('s-1');
    // A late second answer to the same message (a duplicate response) changes nothing.
    expect(m.applyReply(t, 'a', reply({ sessionId: 's-2' }), 'bot-x')).toBe(t);
    t = m.applyReply(t, 'b', reply(), 'bot-b');
    expect(m.nextToSend(t)).toBeUndefined();
    expect(m.lastBot(t)?.id).toBe('bot-b');
    expect(m.dropQueued(m.enqueue(t, 'x', 'z'), 'z').messages.map((x) => x.id)).toEqual(['a', 'bot-a', 'b', 'bot-b']);
  });

  it('gives a STAFF hand-off one idempotency key, kept for the next replies and retries', () => {
    let t = m.enqueue(m.emptyTranscript(), '相談員と話したい', 'a');
    t = m.applyReply(t, 'a', reply({ handoff: { kind: 'STAFF', url: null, payload: null } }), 'b');
    expect(t.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const key = t.key;
    t = m.enqueue(t, '夫に殴られた', 'c');
    t = m.applyReply(t, 'c', reply({ urgent: true, handoff: { kind: 'STAFF', payload: '{"urgent":true}' } }), 'd');
    expect(t.key).toBe(key);
    expect(m.lastHandoff(t)?.kind).toBe('STAFF');
    // After a receipt, no new request is opened.
    t = { ...t, key: '', ref: 'K7Q2-9M4X' };
    t = m.applyReply(m.enqueue(t, 'もう一度', 'e'), 'e', reply({ handoff: { kind: 'STAFF' } }), 'f');
    expect(t.key).toBe('');
  });

  it('restores a stored transcript and ignores what is unreadable or foreign', () => {
    let t = m.enqueue(m.emptyTranscript(), '質問', 'a');
    t = { ...m.applyReply(t, 'a', reply(), 'b'), open: true, rated: 4, ended: true };
    expect(m.parseTranscript(m.serialise(t))).toEqual(t);
    expect(m.parseTranscript(null)).toEqual(m.emptyTranscript());
    expect(m.parseTranscript('{not json')).toEqual(m.emptyTranscript());
    expect(m.parseTranscript('"a string"')).toEqual(m.emptyTranscript());
    const odd = m.parseTranscript(
      JSON.stringify({
        sessionId: 5,
        messages: [{ id: 'x', from: 'hacker', text: 'no' }, { id: 'y', from: 'me', text: 'ok', state: 'queued' }, null],
        rated: 9,
        open: 'yes',
      }),
    );
    expect(odd).toEqual({ ...m.emptyTranscript(), messages: [{ id: 'y', from: 'me', text: 'ok', state: 'queued' }] });
    // A queued message survives the reload: it is sent afterwards.
    expect(m.nextToSend(odd)?.id).toBe('y');
  });

  it('keeps at most MAX_MESSAGES lines and cuts a message at MAX_LENGTH characters', () => {
    let t = m.emptyTranscript();
    for (let i = 0; i < m.MAX_MESSAGES + 5; i++) t = m.enqueue(t, `q${i}`, `id${i}`);
    expect(t.messages).toHaveLength(m.MAX_MESSAGES);
    expect(t.messages[0]!.id).toBe('id5');
    expect(m.enqueue(m.emptyTranscript(), 'あ'.repeat(600), 'x').messages[0]!.text).toHaveLength(m.MAX_LENGTH);
    expect(m.storageKey('999999')).toBe('yorisoi-chat:999999');
  });
});

describe('chat model: keys and links', () => {
  it('never sends on the Enter that confirms an IME conversion; Shift+Enter is a new line', () => {
    expect(m.sendsOnEnter({ key: 'Enter' })).toBe(true);
    expect(m.sendsOnEnter({ key: 'Enter', isComposing: true })).toBe(false);
    expect(m.sendsOnEnter({ key: 'Enter', keyCode: 229 })).toBe(false);
    expect(m.isImeEnter({ key: 'Enter', keyCode: 229 })).toBe(true);
    expect(m.isImeEnter({ key: 'Enter', keyCode: 13 })).toBe(false);
    expect(m.sendsOnEnter({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(m.sendsOnEnter({ key: 'Enter', ctrlKey: true })).toBe(false);
    expect(m.sendsOnEnter({ key: 'a' })).toBe(false);
  });

  it('links an INTAKE hand-off with its payload in the fragment, and refuses non-web URLs', () => {
    const h = { kind: 'INTAKE' as const, url: null, payload: '{"income":{"annualEmploymentIncome":1300000}}' };
    const href = m.handoffHref('/shinsei/#top', h, 'https://www.city.example.lg.jp/kosodate/chat.html')!;
    expect(href.startsWith('https://www.city.example.lg.jp/shinsei/#yorisoi-handoff=')).toBe(true);
    expect(JSON.parse(decodeURIComponent(new URL(href).hash.slice('#yorisoi-handoff='.length)))).toEqual({ income: { annualEmploymentIncome: 1300000 } });
    expect(m.handoffHref(null, { ...h, url: 'https://intake.example.jp/form' }, 'https://x.example/')).toMatch(
      /^https:\/\/intake\.example\.jp\/form#yorisoi-handoff=/,
    );
    expect(m.handoffHref('https://x.example/form', { kind: 'INTAKE', payload: null }, 'https://x.example/')).toBe('https://x.example/form');
    expect(m.handoffHref(null, { kind: 'INTAKE', url: null, payload: '{}' }, 'https://x.example/')).toBeNull();
    expect(m.handoffHref('javascript:alert(1)', h, 'https://x.example/')).toBeNull();
  });

  it('makes a link whose fragment <yorisoi-intake> reads back (the two widgets agree on the format)', async () => {
    const intake = await import('../../widgets/intake/model.js');
    const payload = JSON.stringify({
      household: { children: [{ birthDate: '2018-05-28' }, { birthDate: '2025-05-28' }] },
      income: { annualEmploymentIncome: 1950000 },
      benefitsInterest: ['child-allowance'],
    });
    const href = m.handoffHref('/shinsei/', { kind: 'INTAKE', url: null, payload }, 'https://www.city.example.lg.jp/kosodate/chat.html')!;
    expect(intake.parseHandoff(new URL(href).hash, '2026-11-28')).toEqual({ ages: [8, 1], salary: 1950000 });
    // A payload the intake cannot use gives nothing there, though the chat still links to the form.
    const odd = m.handoffHref('/shinsei/', { kind: 'INTAKE', url: null, payload: '{"income":{"annualEmploymentIncome":"lots"}}' }, 'https://x.example/')!;
    expect(odd.startsWith('https://x.example/shinsei/#yorisoi-handoff=')).toBe(true);
    expect(intake.parseHandoff(new URL(odd).hash, '2026-11-28')).toBeNull();
  });

  it('drops furigana marks for plain text', () => {
    expect(m.plain('110番{ばん}に 電話{でんわ}')).toBe('110番に 電話');
  });
});
