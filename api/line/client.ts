/** A message of the Messaging API (the kinds Yorisoi sends: text, with quick replies or a URI button). */
export interface LineMessage {
  type: 'text' | 'template';
  text?: string;
  altText?: string;
  template?: { type: 'buttons'; text: string; actions: LineAction[] };
  quickReply?: { items: { type: 'action'; action: LineAction }[] };
}

export type LineAction =
  | { type: 'postback'; label: string; data: string; displayText?: string }
  | { type: 'uri'; label: string; uri: string }
  | { type: 'message'; label: string; text: string };

/** What a call to the platform came to, in the terms of a notice's status. */
export type LineCallResult =
  { ok: true; status: number; alreadySent?: boolean } | { ok: false; status: number; temporary: boolean; retryAfterSeconds?: number };

const TIMEOUT_MS = 5_000;

/**
 * The few Messaging API calls Yorisoi makes, over fetch (no SDK: three endpoints). Nothing of a
 * request or response body is logged: they carry user ids and message texts.
 */
export class LineClient {
  constructor(
    private readonly apiBase: string,
    private readonly accessToken: string,
  ) {}

  private async post(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    method: 'POST' | 'GET' = 'POST',
  ): Promise<{ status: number; json: unknown; headers: Headers } | null> {
    try {
      const res = await fetch(`${this.apiBase}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.accessToken}`, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      return { status: res.status, json, headers: res.headers };
    } catch {
      return null;
    }
  }

  private result(r: { status: number; headers: Headers } | null): LineCallResult {
    if (!r) return { ok: false, status: 0, temporary: true };
    if (r.status >= 200 && r.status < 300) return { ok: true, status: r.status };
    // 409 on a push with X-Line-Retry-Key: the same request was accepted before — it is sent.
    if (r.status === 409) return { ok: true, status: 409, alreadySent: true };
    const retryAfter = Number(r.headers.get('retry-after'));
    return {
      ok: false,
      status: r.status,
      temporary: r.status === 429 || r.status >= 500,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  }

  async reply(replyToken: string, messages: LineMessage[]): Promise<LineCallResult> {
    return this.result(await this.post('/v2/bot/message/reply', { replyToken, messages }));
  }

  /** `retryKey` (a UUID) makes a repeat harmless: the platform answers 409 and sends nothing twice. */
  async push(to: string, messages: LineMessage[], retryKey: string): Promise<LineCallResult> {
    return this.result(await this.post('/v2/bot/message/push', { to, messages }, { 'x-line-retry-key': retryKey }));
  }

  /** LINE's link token for a user (account linking); null when the platform refused or did not answer. */
  async linkToken(userId: string): Promise<string | null> {
    const r = await this.post(`/v2/bot/user/${encodeURIComponent(userId)}/linkToken`, undefined);
    const token = (r?.json as { linkToken?: unknown } | null)?.linkToken;
    return r && r.status === 200 && typeof token === 'string' ? token : null;
  }

  /** The account's own description (GET /v2/bot/info): proves the access token; null when unreachable. */
  async botInfo(): Promise<{ status: number; displayName: string | null; basicId: string | null } | null> {
    const r = await this.post('/v2/bot/info', undefined, {}, 'GET');
    if (!r) return null;
    const j = (r.json ?? {}) as { displayName?: unknown; basicId?: unknown };
    return {
      status: r.status,
      displayName: typeof j.displayName === 'string' ? j.displayName : null,
      basicId: typeof j.basicId === 'string' ? j.basicId : null,
    };
  }

  /**
   * LINE sends a test webhook to `endpoint` (POST /v2/bot/channel/webhook/test) and says how the
   * endpoint answered: this proves the URL is reachable and the channel secret matches (a wrong secret
   * makes Yorisoi's webhook refuse LINE's signature with 401).
   */
  async testWebhook(endpoint: string): Promise<{ status: number; success: boolean; statusCode: number | null } | null> {
    const r = await this.post('/v2/bot/channel/webhook/test', { endpoint });
    if (!r) return null;
    const j = (r.json ?? {}) as { success?: unknown; statusCode?: unknown };
    return { status: r.status, success: j.success === true, statusCode: typeof j.statusCode === 'number' ? j.statusCode : null };
  }
}
