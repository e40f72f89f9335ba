import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fake of the LINE platform (the brief: LINE is faked over HTTP, nothing else). It implements
 * what Yorisoi calls — reply, push (X-Line-Retry-Key: 409 on a repeat), link token — checks every
 * message against LINE's limits as the real platform would (400), and plays LINE's side of webhooks:
 * signed deliveries, redeliveries, and the account-link dialog that sends the accountLink event.
 */

export interface SentMessage {
  type: string;
  text?: string;
  altText?: string;
  template?: { type: string; text: string; actions: { type: string; label: string; uri?: string; data?: string }[] };
  quickReply?: { items: { type: string; action: { type: string; label: string; uri?: string; data?: string; displayText?: string } }[] };
}

export interface Delivery {
  kind: 'reply' | 'push';
  userId: string;
  messages: SentMessage[];
  retryKey?: string;
}

export interface WebhookTarget {
  url: string;
  secret: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the real platform refuses with 400 (Messaging API reference: message objects, quick reply, actions). */
export function lineProblems(messages: SentMessage[]): string[] {
  const p: string[] = [];
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) p.push('messages: 1 to 5');
  for (const [i, m] of (messages ?? []).entries()) {
    if (m.type === 'text' && (typeof m.text !== 'string' || m.text.length === 0 || m.text.length > 5000)) p.push(`messages[${i}].text: 1 to 5000 characters`);
    if (m.type === 'template') {
      if (!m.altText || m.altText.length > 400) p.push(`messages[${i}].altText: 1 to 400`);
      if (!m.template || m.template.text.length > 160 || m.template.actions.length < 1 || m.template.actions.length > 4) p.push(`messages[${i}].template`);
    }
    const items = m.quickReply?.items ?? [];
    if (items.length > 13) p.push(`messages[${i}].quickReply.items: at most 13`);
    const actions = [...items.map((x) => x.action), ...(m.template?.actions ?? [])];
    for (const a of actions) {
      if (!a.label || [...a.label].length > 20) p.push(`messages[${i}] action label "${a.label}": 1 to 20 characters`);
      if (a.type === 'postback' && (!a.data || a.data.length > 300)) p.push(`messages[${i}] postback data: 1 to 300`);
      if (a.type === 'uri' && !/^(https?:|tel:|line:)/.test(a.uri ?? '')) p.push(`messages[${i}] uri scheme`);
    }
  }
  return p;
}

export class FakeLine {
  readonly deliveries: Delivery[] = [];
  readonly refused: { path: string; problems: string[] }[] = [];
  readonly linkTokens = new Map<string, string>();
  /** Where the platform delivers webhooks for the account-link dialog. */
  webhook: WebhookTarget | null = null;
  private readonly replyTokens = new Map<string, { userId: string; used: boolean }>();
  private readonly retryKeys = new Set<string>();
  private server!: http.Server;
  url = '';

  /** The access tokens the platform accepts (a test may issue another one, as LINE Developers would). */
  constructor(readonly accessTokens: Set<string>) {}

  static async start(accessTokens: string[]): Promise<FakeLine> {
    const fake = new FakeLine(new Set(accessTokens));
    fake.server = http.createServer((req, res) => void fake.serve(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/dialog/bot/accountLink') return this.accountLinkDialog(url, res);
    const auth = req.headers.authorization ?? '';
    if (!this.accessTokens.has(auth.replace(/^Bearer /, ''))) return send(401, { message: 'Authentication failed' });
    const body = raw ? (JSON.parse(raw) as { replyToken?: string; to?: string; messages?: SentMessage[] }) : {};
    if (req.method === 'POST' && url.pathname === '/v2/bot/message/reply') {
      const token = this.replyTokens.get(body.replyToken ?? '');
      if (!token || token.used) return send(400, { message: 'Invalid reply token' });
      const problems = lineProblems(body.messages ?? []);
      if (problems.length) {
        this.refused.push({ path: url.pathname, problems });
        return send(400, { message: 'The request body has 1 error(s)', details: problems });
      }
      token.used = true;
      this.deliveries.push({ kind: 'reply', userId: token.userId, messages: body.messages! });
      return send(200, {});
    }
    if (req.method === 'POST' && url.pathname === '/v2/bot/message/push') {
      const key = req.headers['x-line-retry-key'];
      if (key !== undefined && (typeof key !== 'string' || !UUID.test(key)))
        return send(400, { message: 'The value for the X-Line-Retry-Key header is invalid' });
      if (typeof key === 'string' && this.retryKeys.has(key))
        return send(409, { message: 'The retry key is already accepted' }, { 'x-line-accepted-request-id': key });
      const problems = lineProblems(body.messages ?? []);
      if (problems.length || typeof body.to !== 'string') {
        this.refused.push({ path: url.pathname, problems });
        return send(400, { message: 'The request body has error(s)', details: problems });
      }
      if (typeof key === 'string') this.retryKeys.add(key);
      this.deliveries.push({ kind: 'push', userId: body.to, messages: body.messages!, retryKey: key });
      return send(200, { sentMessages: body.messages!.map(() => ({ id: randomBytes(8).toString('hex') })) });
    }
    if (req.method === 'GET' && url.pathname === '/v2/bot/info') {
      return send(200, {
        userId: 'U0000000000000000000000000000bot',
        basicId: '@yorisoi-demo',
        displayName: 'デモ市ひとり親相談',
        pictureUrl: null,
        chatMode: 'bot',
        markAsReadMode: 'auto',
      });
    }
    // LINE calls the endpoint as it calls the webhook (signed with the channel's real secret, no events) and reports the answer.
    if (req.method === 'POST' && url.pathname === '/v2/bot/channel/webhook/test') {
      const endpoint = (JSON.parse(raw || '{}') as { endpoint?: string }).endpoint;
      if (!endpoint || !this.webhook) return send(400, { message: 'no webhook endpoint' });
      try {
        const { status } = await this.deliver({ url: endpoint, secret: this.webhook.secret }, []);
        return send(200, {
          success: status === 200,
          timestamp: new Date().toISOString(),
          statusCode: status,
          reason: status === 200 ? 'OK' : 'ERROR',
          detail: String(status),
        });
      } catch {
        return send(200, { success: false, timestamp: new Date().toISOString(), statusCode: 0, reason: 'COULD_NOT_CONNECT', detail: '' });
      }
    }
    const link = /^\/v2\/bot\/user\/([^/]+)\/linkToken$/.exec(url.pathname);
    if (req.method === 'POST' && link) {
      const token = randomBytes(16).toString('base64url');
      this.linkTokens.set(token, decodeURIComponent(link[1]!));
      return send(200, { linkToken: token });
    }
    send(404, { message: 'Not found' });
  }

  /** The user opens LINE's dialog: LINE sends the accountLink event with the nonce to the webhook. */
  private async accountLinkDialog(url: URL, res: http.ServerResponse): Promise<void> {
    const userId = this.linkTokens.get(url.searchParams.get('linkToken') ?? '');
    const nonce = url.searchParams.get('nonce') ?? '';
    this.linkTokens.delete(url.searchParams.get('linkToken') ?? '');
    const event = { ...this.base('accountLink', userId ?? 'unknown'), link: userId ? { result: 'ok', nonce } : { result: 'failed' } };
    if (this.webhook) await this.deliver(this.webhook, [event]);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><p>linked</p>');
  }

  private base(type: string, userId: string, reply = true): Record<string, unknown> {
    const replyToken = reply ? randomBytes(16).toString('hex') : undefined;
    if (replyToken) this.replyTokens.set(replyToken, { userId, used: false });
    return {
      type,
      mode: 'active',
      timestamp: Date.now(),
      source: { type: 'user', userId },
      webhookEventId: `01${randomBytes(12).toString('hex').toUpperCase()}`,
      deliveryContext: { isRedelivery: false },
      ...(replyToken ? { replyToken } : {}),
    };
  }

  messageEvent(userId: string, text: string): Record<string, unknown> {
    return { ...this.base('message', userId), message: { type: 'text', id: randomBytes(8).toString('hex'), quoteToken: randomBytes(8).toString('hex'), text } };
  }

  stickerEvent(userId: string): Record<string, unknown> {
    return { ...this.base('message', userId), message: { type: 'sticker', id: '1', packageId: '446', stickerId: '1988' } };
  }

  postbackEvent(userId: string, data: string): Record<string, unknown> {
    return { ...this.base('postback', userId), postback: { data } };
  }

  followEvent(userId: string): Record<string, unknown> {
    return { ...this.base('follow', userId), follow: { isUnblocked: false } };
  }

  unfollowEvent(userId: string): Record<string, unknown> {
    return this.base('unfollow', userId, false);
  }

  /** The same event as LINE sends it again: same webhookEventId, isRedelivery true. */
  static redelivery(event: Record<string, unknown>): Record<string, unknown> {
    return { ...event, deliveryContext: { isRedelivery: true } };
  }

  /** A webhook body exactly as LINE writes it (compact JSON, Japanese and emoji as UTF-8, not \u-escaped). */
  static body(events: unknown[], destination = 'U0000000000000000000000000000bot'): string {
    return JSON.stringify({ destination, events });
  }

  static sign(secret: string, body: string | Buffer): string {
    return createHmac('sha256', secret).update(body).digest('base64');
  }

  /** POSTs a signed webhook call; `signature` overrides the header (forged), `body` the bytes (altered). */
  async deliver(target: WebhookTarget, events: unknown[], options: { body?: string; signature?: string | null } = {}): Promise<{ status: number; ms: number }> {
    const body = options.body ?? FakeLine.body(events);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'LineBotWebhook/2.0' };
    const signature = options.signature === undefined ? FakeLine.sign(target.secret, body) : options.signature;
    if (signature !== null) headers['x-line-signature'] = signature;
    const started = performance.now();
    const res = await fetch(target.url, { method: 'POST', headers, body });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  }

  /** Everything sent to one user, replies and pushes, in order. */
  sentTo(userId: string): Delivery[] {
    return this.deliveries.filter((d) => d.userId === userId);
  }

  /** Waits until `count` deliveries reached the user (the bot works after the webhook's answer). */
  async waitFor(userId: string, count = 1, timeoutMs = 10_000): Promise<Delivery[]> {
    const until = Date.now() + timeoutMs;
    while (this.sentTo(userId).length < count) {
      if (Date.now() > until)
        throw new Error(`fake LINE: ${this.sentTo(userId).length} of ${count} deliveries to ${userId} (refused: ${JSON.stringify(this.refused)})`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.sentTo(userId);
  }

  static newUserId(): string {
    return `U${randomUUID().replace(/-/g, '')}`;
  }
}
