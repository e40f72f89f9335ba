/**
 * The optional AI mode through the public API, against a fake OpenAI-compatible endpoint (node:http
 * on port 0) that records every request it gets.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadChatServices } from '../../api/chat/chat.services';
import { startTestApp, type TestApp } from '../support/app';

const CHAT = `mutation Chat($input: ChatInput!) { chat(input: $input) { sessionId messages { text } quickReplies { label value } relatedProgrammes { id } urgent generated } }`;
const KEY = 'sk-test-0123456789-not-a-real-key';
const ANSWER = 'AIの回答です。児童扶養手当は奇数月に2か月分ずつ振り込まれます [1]。';

type Mode = 'ok' | 'status-500' | 'slow' | 'not-json' | 'no-choices' | 'made-up-number';
interface Received {
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: { model: string; messages: { role: string; content: string }[] };
}

describe('chat AI mode (fake OpenAI-compatible endpoint)', () => {
  let t: TestApp;
  let fake: Server;
  let dir: string;
  let mode: Mode = 'ok';
  let received: Received[] = [];
  let logs: string[] = [];

  const say = async (message: string, extra: Record<string, unknown> = {}) => {
    const res = await t.gql(CHAT, { input: { sessionId: null, message, municipalityCode: '999999', ...extra } });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    return res.body.data!.chat as {
      sessionId: string;
      messages: { text: string }[];
      quickReplies: { label: string; value: string }[];
      relatedProgrammes: { id: string }[];
      urgent: boolean;
      generated: boolean;
    };
  };

  beforeAll(async () => {
    fake = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        received.push({ url: req.url, headers: req.headers, body: JSON.parse(raw) });
        const json = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(typeof body === 'string' ? body : JSON.stringify(body));
        };
        const completion = (content: string) => ({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          model: 'fake-model',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        });
        if (req.url !== '/v1/chat/completions' || req.method !== 'POST') return json(404, { error: 'not found' });
        if (mode === 'ok') return json(200, completion(ANSWER));
        if (mode === 'status-500') return json(500, { error: { message: 'internal' } });
        if (mode === 'slow') return void setTimeout(() => (res.destroyed ? undefined : json(200, completion(ANSWER))), 2_000);
        if (mode === 'not-json') return json(200, '<html>502 Bad Gateway</html>');
        if (mode === 'no-choices') return json(200, { object: 'error', message: 'overloaded' });
        return json(200, completion('児童扶養手当は毎月45,500円が振り込まれます。'));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const port = (fake.address() as AddressInfo).port;

    // The fixture knowledge base, with デモ市's chatbot file naming the fake endpoint (a base URL: /chat/completions is appended).
    // timeoutMs 1000: well under the slow mode's 2 s, and room for a loaded machine to answer the fast ones in time.
    dir = mkdtempSync(join(tmpdir(), 'yorisoi-chat-ai-'));
    cpSync(join(__dirname, 'fixtures'), dir, { recursive: true });
    const override = join(dir, 'overrides', '999999.yaml');
    writeFileSync(
      override,
      `${readFileSync(override, 'utf8')}\nai:\n  endpoint: http://127.0.0.1:${port}/v1\n  model: fake-model\n  apiKeyEnv: YORISOI_TEST_AI_KEY\n  timeoutMs: 1000\n  maxEntries: 2\n`,
    );
    t = await startTestApp({ records: 1 });
  });

  beforeEach(() => {
    mode = 'ok';
    received = [];
    logs = [];
    t.app.services.chat = loadChatServices(dir, t.app.services.catalogue, { env: { YORISOI_TEST_AI_KEY: KEY }, log: (line) => logs.push(line) });
  });

  afterAll(async () => {
    fake.closeAllConnections();
    await new Promise((resolve) => fake.close(resolve));
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with the text of the endpoint, marked generated, linking to the entries it was written from', async () => {
    const r = await say('児童扶養手当はいつ振り込まれますか？');
    expect(r.generated).toBe(true);
    expect(r.urgent).toBe(false);
    expect(r.messages.map((m) => m.text)).toEqual([ANSWER]);
    expect(r.quickReplies[0]).toMatchObject({ value: 'topic:entry:cra-payment-day' });
    expect(r.quickReplies.map((q) => q.value)).toContain('handoff:staff');
    expect(r.relatedProgrammes[0]!.id).toBe('child-rearing-allowance');
    expect(received).toHaveLength(1);
    // What is stored is what the visitor saw.
    const rows = await t
      .em()
      .getConnection()
      .execute<{ role: string; text: string; generated: boolean }[]>('select role, text, generated from chat_message where session_id = ? order by at', [
        r.sessionId,
      ]);
    expect(rows.map((x) => [x.role, x.generated])).toEqual([
      ['user', false],
      ['bot', true],
    ]);
    expect(rows[1]!.text).toBe(ANSWER);
    // Entries linked in the reply open as the knowledge base wrote them.
    const topic = await say(r.quickReplies[0]!.value);
    expect(topic.generated).toBe(false);
    expect(topic.messages[0]!.text).toContain('奇数月（1月');
    expect(received).toHaveLength(1);
  });

  it('sends the retrieved entries and the masked message only: no phone number or e-mail address, the key only in the header', async () => {
    await say('児童扶養手当はいつ振り込まれますか？ 連絡先は０９０−１２３４−５６７８、hanako.yamada@example.jp です');
    expect(received).toHaveLength(1);
    const [req] = received;
    expect(req!.url).toBe('/v1/chat/completions');
    expect(req!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req!.body.model).toBe('fake-model');
    const [system, user] = req!.body.messages;
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('ONLY the numbered sources');
    expect(system!.content).toContain('デモ市');
    // The best entry, word for word, and no more than maxEntries (2) sources.
    expect(user!.content).toContain(
      '[1] 児童扶養手当はいつ振り込まれますか\n児童扶養手当は年6回、奇数月（1月・3月・5月・7月・9月・11月）に前の2か月分が振り込まれます。',
    );
    expect(user!.content.match(/^\[\d+\] /gm)).toHaveLength(2);
    expect(user!.content).not.toContain('[3] ');
    // The message, masked.
    expect(user!.content).toContain('〔電話番号〕');
    expect(user!.content).toContain('〔メールアドレス〕');
    const sent = JSON.stringify(req!.body);
    expect(sent).not.toMatch(/1234|5678|０９０|hanako|yamada|example\.jp/);
    expect(sent).not.toContain(KEY);
    expect(logs.join('\n')).not.toContain(KEY);
  });

  it('falls back to the retrieval answer when the endpoint answers 500', async () => {
    mode = 'status-500';
    const r = await say('児童扶養手当はいつ振り込まれますか？');
    expect(received).toHaveLength(1);
    expect(r.generated).toBe(false);
    expect(r.messages[0]!.text).toContain('奇数月（1月');
    expect(r.relatedProgrammes[0]!.id).toBe('child-rearing-allowance');
    expect(logs.join('\n')).toMatch(/999999.*http-status 500/);
    const rows = await t.em().getConnection().execute<{ generated: boolean }[]>('select generated from chat_message where session_id = ?', [r.sessionId]);
    expect(rows.map((x) => x.generated)).toEqual([false, false]);
  });

  it('falls back when the endpoint is slower than its timeoutMs (it would have answered later)', async () => {
    mode = 'slow';
    const r = await say('児童扶養手当はいつ振り込まれますか？');
    expect(received).toHaveLength(1);
    expect(r.generated).toBe(false);
    expect(r.messages[0]!.text).toContain('奇数月（1月');
    expect(logs.join('\n')).toContain('timeout');
  });

  it('falls back on a malformed body, a body without choices, and an answer with a number the entries do not have', async () => {
    for (const m of ['not-json', 'no-choices', 'made-up-number'] as const) {
      mode = m;
      const r = await say('児童扶養手当はいつ振り込まれますか？');
      expect(r.generated, m).toBe(false);
      expect(r.messages[0]!.text, m).toContain('奇数月（1月');
      expect(r.messages.map((x) => x.text).join(''), m).not.toContain('45,500');
    }
    expect(received).toHaveLength(3);
  });

  it('after three failures in a row leaves the endpoint alone for a while (visitors get retrieval at once)', async () => {
    mode = 'status-500';
    for (let i = 0; i < 3; i++) expect((await say('児童扶養手当はいつ振り込まれますか？')).generated).toBe(false);
    expect(received).toHaveLength(3);
    mode = 'ok';
    const r = await say('児童扶養手当はいつ振り込まれますか？');
    expect(r.generated).toBe(false);
    expect(received).toHaveLength(3);
  });

  it('never calls the endpoint for a message that speaks of danger', async () => {
    const r = await say('児童扶養手当はいつ振り込まれますか？夫に殴られる');
    expect(r.urgent).toBe(true);
    expect(r.generated).toBe(false);
    expect(r.messages[0]!.text).toContain('110');
    expect(received).toHaveLength(0);
    expect((await say('消えたい', { locale: 'en' })).urgent).toBe(true);
    expect(received).toHaveLength(0);
  });

  it('is not used without an endpoint, for commands and scenarios, or when nothing was found', async () => {
    // No municipality (national knowledge base): retrieval only.
    const national = await say('児童扶養手当はいつ振り込まれますか？', { municipalityCode: null });
    expect(national.generated).toBe(false);
    expect(national.messages[0]!.text).toContain('奇数月（1月');
    expect((await say('手当について知りたい')).quickReplies.map((q) => q.value)).toEqual(['children:1', 'children:2', 'children:3']);
    expect((await say('相談員と話したい')).generated).toBe(false);
    expect((await say('こんにちは')).generated).toBe(false);
    const unknown = await say('宇宙旅行の予約をしたい');
    expect(unknown.messages[0]!.text).toContain('見つかりませんでした');
    expect(received).toHaveLength(0);
  });

  it('keeps the retrieval answer when the model answers in another language than the reply', async () => {
    const r = await say('How much is the child allowance?', { locale: 'en' });
    expect(received).toHaveLength(1);
    expect(received[0]!.body.messages[0]!.content).toContain('Reply in English');
    expect(r.generated).toBe(false);
    expect(r.messages[0]!.text).toContain('15,000 yen');
  });

  it('does not call the endpoint when the key variable is not set', async () => {
    t.app.services.chat = loadChatServices(dir, t.app.services.catalogue, { env: {}, log: (line) => logs.push(line) });
    const r = await say('児童扶養手当はいつ振り込まれますか？');
    expect(r.generated).toBe(false);
    expect(received).toHaveLength(0);
    expect(logs.join('\n')).toContain('missing-key');
  });
});
