/**
 * Limits on the public chat mutation: messages per client address per minute, message length —
 * and the danger path, which no limit may refuse.
 */
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatService } from '../../api/chat/chat.service';
import { DEFAULT_CHAT_RATE_PER_MINUTE, loadChatServices } from '../../api/chat/chat.services';
import { loadConfig } from '../../api/server/config';
import { createApp } from '../../api/server/app';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/app';

const CHAT = `mutation Chat($input: ChatInput!) { chat(input: $input) { sessionId messages { text } relatedProgrammes { id } urgent generated handoff { kind } } }`;

describe('chat limits', () => {
  let t: TestApp;
  const send = (message: string, address: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    // The app trusts X-Forwarded-For from loopback (a reverse proxy), so each test chooses the client address.
    t.gql(CHAT, { input: { sessionId: null, message, municipalityCode: '999999', ...extra } }, undefined, { 'x-forwarded-for': address, ...headers });
  const count = async (table: string) => Number((await t.em().getConnection().execute<{ n: string }[]>(`select count(*) as n from ${table}`))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp({ records: 1 });
  });
  beforeEach(() => {
    t.app.services.chat = loadChatServices(join(__dirname, 'fixtures'), t.app.services.catalogue, { ratePerMinute: 3 });
  });
  afterAll(() => t.close());

  it('allows CHAT_RATE_PER_MINUTE messages a minute per address by default (60), then TOO_MANY_REQUESTS in ja, en and やさしい日本語', async () => {
    t.app.services.chat = loadChatServices(join(__dirname, 'fixtures'), t.app.services.catalogue);
    expect(DEFAULT_CHAT_RATE_PER_MINUTE).toBe(60);
    for (let i = 0; i < 60; i++) {
      const ok = await send('こんにちは', '198.51.100.60');
      expect(ok.body.errors, `message ${i + 1}`).toBeUndefined();
    }
    const refused = await send('こんにちは', '198.51.100.60');
    expect(refused.body.data).toBeNull();
    const e = refused.body.errors![0]!;
    expect(e.extensions!.code).toBe('TOO_MANY_REQUESTS');
    expect(e.message).toContain('メッセージが多すぎます');
    expect(Object.keys(e.extensions!.messages).sort()).toEqual(['en', 'ja', 'ja-easy']);
    expect(e.extensions!.messages.en).toContain('Too many messages');
    expect(e.extensions!.messages['ja-easy']).toContain('まって');
    const english = await send('hello', '198.51.100.60', {}, { 'accept-language': 'en' });
    expect(english.body.errors![0]!.message).toContain('Too many messages');
    // Another address is counted on its own.
    expect((await send('こんにちは', '198.51.100.61')).body.errors).toBeUndefined();
  });

  it('the app reads the limit from its configuration (CHAT_RATE_PER_MINUTE)', async () => {
    const secret = { AUTH_SECRET: 'x'.repeat(40) };
    expect(loadConfig(secret).chatRatePerMinute).toBe(60);
    expect(loadConfig({ ...secret, CHAT_RATE_PER_MINUTE: '7' }).chatRatePerMinute).toBe(7);
    expect(() => loadConfig({ ...secret, CHAT_RATE_PER_MINUTE: '0' })).toThrow(/positive integer/);
    // Production limits but for trusted documents (this test's CHAT operation is not the widget's text).
    const app = await createApp(
      t.db.orm,
      { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: [], chatRatePerMinute: 2 },
      { limits: { trustedDocumentsOnly: false } },
    );
    try {
      const post = () =>
        request(app.express)
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('x-forwarded-for', '198.51.100.70')
          .send({ query: CHAT, variables: { input: { message: 'こんにちは' } } });
      expect((await post()).body.errors).toBeUndefined();
      expect((await post()).body.errors).toBeUndefined();
      expect((await post()).body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await app.stop();
    }
  });

  it('refused messages store nothing', async () => {
    for (let i = 0; i < 3; i++) expect((await send('児童扶養手当はいつ振り込まれますか？', '198.51.100.10')).body.errors).toBeUndefined();
    const [sessions, messages] = [await count('chat_session'), await count('chat_message')];
    expect((await send('児童扶養手当はいつ振り込まれますか？', '198.51.100.10')).body.errors![0]!.extensions!.code).toBe('TOO_MANY_REQUESTS');
    expect([await count('chat_session'), await count('chat_message')]).toEqual([sessions, messages]);
  });

  it('always answers a message about danger with the safety reply, even beyond the limit', async () => {
    const first = await send('児童扶養手当はいつ振り込まれますか？', '198.51.100.20');
    for (let i = 0; i < 2; i++) await send('こんにちは', '198.51.100.20');
    expect((await send('こんにちは', '198.51.100.20')).body.errors![0]!.extensions!.code).toBe('TOO_MANY_REQUESTS');
    const sessionId = first.body.data!.chat.sessionId as string;

    const danger = await send('夫に殴られる。助けて', '198.51.100.20', { sessionId });
    expect(danger.body.errors).toBeUndefined();
    const r = danger.body.data!.chat;
    expect(r.urgent).toBe(true);
    // Danger right now (「助けて」): 110 first, then the DV line.
    expect(r.messages[0].text).toMatch(/^いま危険なら、すぐ110番（警察）へ。DV相談＋ 0120-279-889/);
    expect(r.handoff.kind).toBe('STAFF');
    expect(r.relatedProgrammes[0].id).toBe('dv-consultation');
    expect(r.sessionId).toBe(sessionId);
    // Again and again: never refused, in the language asked for, whatever else is wrong with the input.
    for (let i = 0; i < 5; i++) {
      const again = await send('死にたい', '198.51.100.20', { locale: i % 2 ? 'en' : 'fr', municipalityCode: '000000' });
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data!.chat.urgent).toBe(true);
      expect(again.body.data!.chat.messages[0].text).toContain(i % 2 ? 'Yorisoi Hotline 0120-279-338' : 'よりそいホットライン 0120-279-338');
    }
    // Ordinary questions are still refused.
    expect((await send('児童扶養手当はいつ振り込まれますか？', '198.51.100.20')).body.errors![0]!.extensions!.code).toBe('TOO_MANY_REQUESTS');
  });

  it('within the limit, a danger message with a wrong locale or municipality is answered and stored as urgent', async () => {
    const r = await send('今すぐ助けて', '198.51.100.30', { locale: 'fr', municipalityCode: '000000' });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.chat.urgent).toBe(true);
    const rows = await t
      .em()
      .getConnection()
      .execute<{ urgent: boolean }[]>('select urgent from chat_message where session_id = ?', [r.body.data!.chat.sessionId]);
    expect(rows.map((x) => x.urgent)).toEqual([true, true]);
    // The same input without danger is refused for its wrong fields.
    expect((await send('こんにちは', '198.51.100.30', { locale: 'fr' })).body.errors![0]!.extensions!.field).toBe('input.locale');
    expect((await send('こんにちは', '198.51.100.30', { municipalityCode: '000000' })).body.errors![0]!.extensions!.field).toBe('input.municipalityCode');
  });

  it('gives the safety reply even when the database fails or hangs; other messages then fail', async () => {
    const knowledge = loadChatServices(join(__dirname, 'fixtures'), t.app.services.catalogue).knowledge;
    const deps = { knowledge, catalogue: t.app.services.catalogue, municipalities: t.app.services.intake.municipalities, urgentStoreWaitMs: 50 };
    const failing = new ChatService({ execute: () => Promise.reject(new Error('connection refused')) } as never, deps, 'ja');
    const hanging = new ChatService({ execute: () => new Promise(() => undefined) } as never, deps, 'en');
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    try {
      const sessionId = '3f1c7c9e-8a59-4e0b-9b0f-6a2f7c1d2e3f';
      const a = await failing.chat({ sessionId, message: '夫に殴られる', municipalityCode: '999999' });
      expect(a).toMatchObject({ sessionId, urgent: true, generated: false });
      expect(a.messages[0]!.text).toContain('DV相談＋ 0120-279-889');
      const b = await hanging.chat({ message: 'I want to die' });
      expect(b.urgent).toBe(true);
      expect(b.messages[0]!.text).toContain('Yorisoi Hotline 0120-279-338');
      expect(b.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      await expect(failing.chat({ message: '児童扶養手当はいつ振り込まれますか？' })).rejects.toThrow('connection refused');
      expect(errors.join('\n')).toContain('urgent message could not be stored');
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a message over 500 characters with BAD_USER_INPUT on input.message, unless it speaks of danger', async () => {
    const long = `${'児童扶養手当について教えてください。'.repeat(28)}`.slice(0, 501);
    expect(long).toHaveLength(501);
    const refused = await send(long, '198.51.100.40');
    const e = refused.body.errors![0]!;
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.message' });
    expect(e.extensions!.messages).toEqual({
      ja: 'メッセージは500文字以内にしてください。',
      en: 'Messages are at most 500 characters.',
      'ja-easy': '500文字 までに して ください。',
    });
    expect((await send('あ'.repeat(500), '198.51.100.41')).body.errors).toBeUndefined();
    const cry = await send(`${'もう限界です。'.repeat(100)}死にたい`, '198.51.100.42');
    expect(cry.body.errors).toBeUndefined();
    expect(cry.body.data!.chat.urgent).toBe(true);
  });
});
