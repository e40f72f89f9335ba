/**
 * Optional AI mode: a municipality may name an OpenAI-compatible chat-completions endpoint in its
 * chatbot file (seeds/chatbot/overrides/<code>.yaml):
 *
 *   ai:
 *     endpoint: https://llm.example.lg.jp/v1/chat/completions
 *     model: gpt-4o-mini
 *     apiKeyEnv: YORISOI_AI_KEY      # optional: the environment variable holding the key (never the key itself)
 *     timeoutMs: 3000                # optional, 200–10000
 *     maxEntries: 3                  # optional, 1–5: knowledge-base entries sent as sources
 *
 * The model is given the visitor's message with personal data masked (masking.ts) and the top entries
 * the retrieval found, and is told to answer from those only. Its answer is used only when it is
 * plausible (right language, not too long, no number or address that is not in the sources, not cut
 * off); otherwise — and on any error, HTTP status, malformed body or timeout — the retrieval answer
 * stands. Danger is decided before any of this and never reaches the endpoint.
 */
import type { Locale } from '../core';
import { hasJapanese } from './text';

export interface AiSettings {
  /** The chat-completions URL (a base URL ending in /v1 gets /chat/completions appended). */
  endpoint: string;
  model: string;
  /** Name of the environment variable with the API key; null for endpoints without a key. */
  apiKeyEnv: string | null;
  timeoutMs: number;
  maxEntries: number;
}

export const AI_DEFAULT_TIMEOUT_MS = 3_000;
export const AI_DEFAULT_MAX_ENTRIES = 3;
/** Longest generated answer accepted (characters). */
export const AI_MAX_ANSWER = 800;
/** Consecutive failures after which the endpoint is left alone for AI_PAUSE_MS (answers come from retrieval). */
export const AI_FAILURES_BEFORE_PAUSE = 3;
export const AI_PAUSE_MS = 30_000;
/** Calls in flight per endpoint; beyond it a visitor gets the retrieval answer at once. */
export const AI_MAX_IN_FLIGHT = 16;
const MAX_RESPONSE_BYTES = 64 * 1024;
const NO_ANSWER = 'NO_ANSWER';

const AI_KEYS = new Set(['endpoint', 'model', 'apiKeyEnv', 'timeoutMs', 'maxEntries']);
const ENV_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Validates the `ai` block of a municipality's chatbot file; returns the settings or the problems. */
export function parseAiSettings(raw: unknown): { settings?: AiSettings; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { problems: [{ field: 'ai', message: 'must be a map { endpoint, model, apiKeyEnv?, timeoutMs?, maxEntries? }' }] };
  const r = raw as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    if (/^api_?key$/i.test(k))
      problems.push({
        field: `ai.${k}`,
        message: 'an API key must not be written in a file: put it in an environment variable and name that variable in apiKeyEnv',
      });
    else if (!AI_KEYS.has(k)) problems.push({ field: `ai.${k}`, message: `unknown setting (known: ${[...AI_KEYS].join(', ')})` });
  }
  let endpoint: string | undefined;
  if (typeof r.endpoint !== 'string' || !r.endpoint.trim()) problems.push({ field: 'ai.endpoint', message: 'is required (the chat-completions URL)' });
  else {
    let url: URL | undefined;
    try {
      url = new URL(r.endpoint.trim());
    } catch {
      problems.push({ field: 'ai.endpoint', message: 'must be an absolute URL' });
    }
    if (url) {
      if (url.username || url.password) problems.push({ field: 'ai.endpoint', message: 'must not contain credentials (use apiKeyEnv)' });
      else if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
        problems.push({ field: 'ai.endpoint', message: 'must be https (plain http only on localhost)' });
      else {
        if (/\/v1\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/$/, '')}/chat/completions`;
        endpoint = url.toString();
      }
    }
  }
  if (typeof r.model !== 'string' || !r.model.trim()) problems.push({ field: 'ai.model', message: 'is required (the model name the endpoint expects)' });
  const apiKeyEnv = r.apiKeyEnv == null ? null : r.apiKeyEnv;
  if (apiKeyEnv !== null && (typeof apiKeyEnv !== 'string' || !ENV_NAME.test(apiKeyEnv)))
    problems.push({ field: 'ai.apiKeyEnv', message: 'must be the name of an environment variable (A–Z, 0–9, _)' });
  const int = (k: 'timeoutMs' | 'maxEntries', min: number, max: number, fallback: number): number => {
    const v = r[k];
    if (v == null) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      problems.push({ field: `ai.${k}`, message: `must be a whole number from ${min} to ${max}` });
    return typeof v === 'number' ? v : fallback;
  };
  const timeoutMs = int('timeoutMs', 200, 10_000, AI_DEFAULT_TIMEOUT_MS);
  const maxEntries = int('maxEntries', 1, 5, AI_DEFAULT_MAX_ENTRIES);
  if (problems.length > 0 || !endpoint) return { problems };
  return { settings: { endpoint, model: (r.model as string).trim(), apiKeyEnv: apiKeyEnv as string | null, timeoutMs, maxEntries }, problems };
}

/** One knowledge-base entry or programme given to the model, in the reply locale. */
export interface AiSource {
  title: string;
  text: string;
}

export interface AiRequest {
  /** The visitor's message with personal data already masked. */
  question: string;
  sources: readonly AiSource[];
  locale: Locale;
  /** Who answers (the municipality's name), for the instructions. */
  municipality: string;
}

const LANGUAGE: Record<Locale, string> = {
  ja: 'Japanese (polite です/ます style)',
  en: 'English',
  'ja-easy': 'easy Japanese (やさしい日本語: short sentences, everyday words, a space between phrases, no difficult kanji)',
};

/** The messages sent to the endpoint: instructions, then the numbered sources and the question. */
export function buildPrompt(req: AiRequest): { role: 'system' | 'user'; content: string }[] {
  const system = [
    `You are the consultation chatbot of ${req.municipality} for single-parent families (ひとり親家庭).`,
    'Answer the question using ONLY the numbered sources given with it. Do not add facts, amounts, dates, phone numbers, addresses or web addresses that are not in the sources.',
    `If the sources do not answer the question, reply with exactly ${NO_ANSWER} and nothing else.`,
    'Do not ask for personal information (names, phone numbers, addresses, My Number). Text like 〔電話番号〕 is masked personal data: ignore it.',
    `Reply in ${LANGUAGE[req.locale]}, in at most 4 short sentences of plain text (no markdown), and refer to the sources by their number like [1].`,
  ].join('\n');
  const sources = req.sources.map((s, i) => `[${i + 1}] ${s.title}\n${s.text}`).join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: `Sources:\n${sources}\n\nQuestion:\n${req.question}` },
  ];
}

/** Why a generated answer was not used (logged with the municipality code; never the text or the key). */
export type AiFailure = 'not-configured' | 'missing-key' | 'paused' | 'busy' | 'timeout' | 'network' | 'http-status' | 'malformed' | 'no-answer' | 'rejected';

export type AiResult = { ok: true; text: string } | { ok: false; reason: AiFailure };

const JAPANESE_CHARS = /[\u3041-\u3096\u30A1-\u30FA\u3400-\u4DBF\u4E00-\u9FFF々]/g;
const digits = (s: string) => s.normalize('NFKC').replace(/[,，]/g, '');

/** The model's text if it is a plausible answer from these sources, else null. */
export function acceptAnswer(raw: string, req: AiRequest): string | null {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (!text || text.length > AI_MAX_ANSWER || text.includes(NO_ANSWER)) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text)) return null;
  // The reply language: English with at most a few Japanese names in it; Japanese mostly in Japanese.
  const japanese = text.match(JAPANESE_CHARS)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  if (req.locale === 'en' ? latin < 2 || japanese * 4 > latin : !hasJapanese(text) || latin > japanese) return null;
  const allowed = digits(`${req.sources.map((s) => `${s.title}\n${s.text}`).join('\n')}\n${req.question}`);
  // Every number of three or more digits (amounts, phone numbers, years) and every web address must come from the sources.
  for (const n of digits(text).match(/\d{3,}/g) ?? []) if (!allowed.includes(n)) return null;
  for (const u of text.match(/https?:\/\/[^\s)）」]+/g) ?? []) if (!allowed.includes(u.replace(/(?<![.。、,])[.。、,]+$/, ''))) return null;
  return text;
}

/**
 * One municipality's endpoint. Calls are bounded by the timeout (AbortController on Node's fetch,
 * body included), by AI_MAX_IN_FLIGHT, and paused after repeated failures, so a broken endpoint
 * costs a visitor at most one timeout.
 */
export class AiAnswerer {
  private failures = 0;
  private pausedUntil = 0;
  private inFlight = 0;
  private lastLog = 0;
  /** Calls made to the endpoint (for tests and operations). */
  calls = 0;

  constructor(
    readonly code: string,
    readonly settings: AiSettings,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly log: (line: string) => void = (line) => console.warn(line),
  ) {}

  async answer(req: AiRequest, now = Date.now()): Promise<AiResult> {
    if (req.sources.length === 0) return { ok: false, reason: 'no-answer' };
    if (now < this.pausedUntil) return { ok: false, reason: 'paused' };
    if (this.inFlight >= AI_MAX_IN_FLIGHT) return { ok: false, reason: 'busy' };
    const key = this.settings.apiKeyEnv ? this.env[this.settings.apiKeyEnv]?.trim() : undefined;
    if (this.settings.apiKeyEnv && !key) return this.failed('missing-key', false);
    this.inFlight += 1;
    this.calls += 1;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.settings.timeoutMs);
    try {
      const res = await fetch(this.settings.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ model: this.settings.model, messages: buildPrompt(req), temperature: 0, max_tokens: 600, stream: false }),
        signal: abort.signal,
        redirect: 'error',
      });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return this.failed('http-status', true, String(res.status));
      }
      const body = await res.text();
      if (body.length > MAX_RESPONSE_BYTES) return this.failed('malformed', true);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return this.failed('malformed', true);
      }
      const choice = (parsed as { choices?: { message?: { content?: unknown }; finish_reason?: unknown }[] } | null)?.choices?.[0];
      const content = choice?.message?.content;
      if (typeof content !== 'string' || choice?.finish_reason === 'length') return this.failed('malformed', true);
      this.failures = 0;
      // The endpoint works; the model just had nothing (or nothing usable) to say.
      if (content.includes(NO_ANSWER)) return { ok: false, reason: 'no-answer' };
      const text = acceptAnswer(content, req);
      return text === null ? { ok: false, reason: 'rejected' } : { ok: true, text };
    } catch {
      return this.failed(abort.signal.aborted ? 'timeout' : 'network', true);
    } finally {
      clearTimeout(timer);
      this.inFlight -= 1;
    }
  }

  private failed(reason: AiFailure, counts: boolean, detail = ''): AiResult {
    const now = Date.now();
    if (counts && ++this.failures >= AI_FAILURES_BEFORE_PAUSE) {
      this.pausedUntil = now + AI_PAUSE_MS;
      this.failures = 0;
    }
    if (now - this.lastLog >= 60_000) {
      this.lastLog = now;
      // Never the key, the endpoint's answer or the visitor's message.
      this.log(`[yorisoi] chat AI for ${this.code} unavailable (${reason}${detail ? ` ${detail}` : ''}); answering from the knowledge base`);
    }
    return { ok: false, reason };
  }
}

/** The municipalities' answerers, created once from the settings read with the knowledge base. */
export class AiAnswerers {
  private readonly byCode = new Map<string, AiAnswerer>();

  constructor(settings: ReadonlyMap<string, AiSettings>, env: NodeJS.ProcessEnv = process.env, log?: (line: string) => void) {
    for (const [code, s] of settings) this.byCode.set(code, new AiAnswerer(code, s, env, log));
  }

  for(code: string | null): AiAnswerer | null {
    return code ? (this.byCode.get(code) ?? null) : null;
  }

  get size(): number {
    return this.byCode.size;
  }
}
