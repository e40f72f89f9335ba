import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The family's link in a notice: the notice id and an expiry, signed (HMAC-SHA256 with a key derived
 * from AUTH_SECRET). Nothing personal is in it; whoever holds it may see which programmes prompted
 * the notice and stop notices on its channel — what the message itself already allowed.
 */
export interface LinkPayload {
  noticeId: string;
  expiresAt: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class NoticeLinks {
  private readonly key: Buffer;
  constructor(
    secret: string,
    private readonly days = 30,
  ) {
    this.key = createHmac('sha256', secret).update('yorisoi outreach link v1').digest();
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  token(noticeId: string, now = Date.now()): string {
    const body = `${noticeId}.${Math.floor(now / 1000) + this.days * 86_400}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The payload of a genuine, unexpired token; null for anything else (no reason given to the caller). */
  verify(token: string, now = Date.now()): LinkPayload | null {
    if (token.length > 200) return null;
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [id, exp, mac] = parts as [string, string, string];
    if (!UUID.test(id) || !/^\d{1,12}$/.test(exp)) return null;
    const want = Buffer.from(this.mac(`${id}.${exp}`));
    const got = Buffer.from(mac);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
    const expiresAt = Number(exp) * 1000;
    return expiresAt > now ? { noticeId: id, expiresAt } : null;
  }
}
