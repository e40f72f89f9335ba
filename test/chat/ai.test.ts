import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptAnswer, AiAnswerer, type AiRequest, buildPrompt, parseAiSettings } from '../../api/chat/ai';
import { ChatKnowledgeError, readChatKnowledge } from '../../api/chat/knowledge';

const REQ: AiRequest = {
  question: '児童扶養手当はいつ振り込まれますか？電話は〔電話番号〕です',
  sources: [
    { title: '児童扶養手当はいつ振り込まれますか', text: '児童扶養手当は年6回、奇数月に振り込まれます。問い合わせ先：デモ市こども家庭課 0120-111-222' },
    { title: '児童手当の金額', text: '児童手当は、3歳未満は月15,000円です。' },
  ],
  locale: 'ja',
  municipality: 'デモ市',
};

describe('AI settings (the ai block of seeds/chatbot/overrides/<code>.yaml)', () => {
  it('accepts a complete block, fills defaults and completes a /v1 base URL', () => {
    const { settings, problems } = parseAiSettings({ endpoint: 'https://llm.example.lg.jp/v1', model: 'm', apiKeyEnv: 'YORISOI_AI_KEY' });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      endpoint: 'https://llm.example.lg.jp/v1/chat/completions',
      model: 'm',
      apiKeyEnv: 'YORISOI_AI_KEY',
      timeoutMs: 3000,
      maxEntries: 3,
    });
    expect(parseAiSettings({ endpoint: 'http://127.0.0.1:8080/v1/chat/completions', model: 'local', timeoutMs: 500, maxEntries: 5 }).settings).toMatchObject({
      apiKeyEnv: null,
      timeoutMs: 500,
      maxEntries: 5,
    });
  });

  it('refuses keys written in the file, credentials in the URL, plain http to other hosts and bad values', () => {
    const fields = (raw: unknown) => parseAiSettings(raw).problems.map((p) => p.field);
    expect(fields({ endpoint: 'https://x.example/v1', model: 'm', apiKey: 'sk-123' })).toEqual(['ai.apiKey']);
    expect(parseAiSettings({ endpoint: 'https://x.example/v1', model: 'm', apiKey: 'sk-123' }).settings).toBeUndefined();
    expect(fields({ endpoint: 'https://user:secret@x.example/v1', model: 'm' })).toEqual(['ai.endpoint']);
    expect(fields({ endpoint: 'http://llm.example.jp/v1', model: 'm' })).toEqual(['ai.endpoint']);
    expect(fields({ endpoint: 'not a url', model: '' })).toEqual(['ai.endpoint', 'ai.model']);
    expect(fields({ endpoint: 'https://x.example/v1', model: 'm', apiKeyEnv: 'sk-live-abc', timeoutMs: 60_000, maxEntries: 0, temperature: 1 })).toEqual([
      'ai.temperature',
      'ai.apiKeyEnv',
      'ai.timeoutMs',
      'ai.maxEntries',
    ]);
  });

  it('is read with the knowledge base; a file may hold only the ai block; problems stop the load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-ai-'));
    try {
      cpSync(join(__dirname, 'fixtures'), dir, { recursive: true });
      writeFileSync(
        join(dir, 'overrides', '131016.yaml'),
        'ai:\n  endpoint: https://llm.example.lg.jp/v1/chat/completions\n  model: demo-model\n  apiKeyEnv: CITY_AI_KEY\n',
      );
      const data = readChatKnowledge(dir);
      expect(data.ai.get('131016')).toMatchObject({ model: 'demo-model', apiKeyEnv: 'CITY_AI_KEY' });
      expect(data.ai.has('999999')).toBe(false);
      expect(data.overrides.get('131016')).toEqual([]);

      writeFileSync(join(dir, 'overrides', '131016.yaml'), 'ai:\n  endpoint: https://llm.example.lg.jp/v1\n  model: demo-model\n  api_key: sk-oops\n');
      expect(() => readChatKnowledge(dir)).toThrow(ChatKnowledgeError);
      expect(() => readChatKnowledge(dir)).toThrow(/131016\.yaml: ai\.api_key: an API key must not be written in a file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('AI prompt and answer checks', () => {
  it('sends the instructions, the numbered sources and the (masked) question, in the reply language', () => {
    const [system, user] = buildPrompt(REQ);
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('ONLY the numbered sources');
    expect(system!.content).toContain('NO_ANSWER');
    expect(system!.content).toContain('Japanese');
    expect(user!.content).toContain('[1] 児童扶養手当はいつ振り込まれますか\n児童扶養手当は年6回');
    expect(user!.content).toContain('[2] 児童手当の金額');
    expect(user!.content).toContain('〔電話番号〕');
    expect(buildPrompt({ ...REQ, locale: 'ja-easy' })[0]!.content).toContain('やさしい日本語');
  });

  it('accepts an answer drawn from the sources, and refuses what is not', () => {
    expect(acceptAnswer('  奇数月に振り込まれます [1]。問い合わせは 0120-111-222 へ。 ', REQ)).toBe(
      '奇数月に振り込まれます [1]。問い合わせは 0120-111-222 へ。',
    );
    expect(acceptAnswer('児童手当は月15000円です [2]', REQ)).not.toBeNull();
    // A number the sources do not have (a made-up amount or phone number).
    expect(acceptAnswer('児童扶養手当は月45,500円です。', REQ)).toBeNull();
    expect(acceptAnswer('03-9999-8888 に電話してください。', REQ)).toBeNull();
    expect(acceptAnswer('詳しくは https://evil.example/ を見てください。', REQ)).toBeNull();
    // Wrong language, nothing to say, too long, control characters.
    expect(acceptAnswer('It is paid in odd months.', REQ)).toBeNull();
    expect(acceptAnswer('奇数月です', { ...REQ, locale: 'en' })).toBeNull();
    expect(acceptAnswer('AIの回答です。奇数月に振り込まれます。', { ...REQ, locale: 'en' })).toBeNull();
    expect(acceptAnswer('The allowance (児童扶養手当) is paid in odd months [1].', { ...REQ, locale: 'en' })).not.toBeNull();
    expect(acceptAnswer('DVの相談はこちら', REQ)).not.toBeNull();
    expect(acceptAnswer('NO_ANSWER', REQ)).toBeNull();
    expect(acceptAnswer('奇数月'.repeat(300), REQ)).toBeNull();
    expect(acceptAnswer('奇数月\u0000です', REQ)).toBeNull();
    expect(acceptAnswer('   ', REQ)).toBeNull();
  });

  it('does not call the endpoint when the key variable is missing, and never logs the key', async () => {
    const lines: string[] = [];
    const a = new AiAnswerer(
      '999999',
      { endpoint: 'http://127.0.0.1:9/v1/chat/completions', model: 'm', apiKeyEnv: 'NO_SUCH_KEY_VAR', timeoutMs: 500, maxEntries: 3 },
      {},
      (l) => lines.push(l),
    );
    expect(await a.answer(REQ)).toEqual({ ok: false, reason: 'missing-key' });
    expect(a.calls).toBe(0);
    expect(lines.join('\n')).toContain('999999');
    const b = new AiAnswerer(
      '999999',
      { endpoint: 'http://127.0.0.1:9/v1/chat/completions', model: 'm', apiKeyEnv: 'K', timeoutMs: 500, maxEntries: 3 },
      { K: 'sk-very-secret' },
      (l) => lines.push(l),
    );
    // Port 9 (discard) refuses: a network failure, logged without the key.
    expect(await b.answer(REQ)).toMatchObject({ ok: false });
    expect(b.calls).toBe(1);
    expect(lines.join('\n')).not.toContain('sk-very-secret');
  });
});
