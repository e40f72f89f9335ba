import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The x-line-signature of a webhook body: base64(HMAC-SHA256(channel secret, the body's bytes)).
 * Always over the raw bytes as received: JSON parsed and serialised again differs from them (key
 * order, `\u` escapes, emoji and Japanese written out or escaped), and a valid call would be refused.
 */
export function lineSignature(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret)
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('base64');
}

/** A base64 SHA-256 digest is 44 characters; anything else is refused before decoding. */
const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

/**
 * True when `header` is the signature of `body` under one of `secrets` (the channel secret, and the
 * forwarding platform's secret where a municipality forwards events through one). Compared in
 * constant time on the decoded digests; every secret is tried, so the time does not say which matched.
 */
export function verifyLineSignature(secrets: readonly string[], body: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !SIGNATURE.test(header)) return false;
  const given = Buffer.from(header, 'base64');
  let ok = false;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = createHmac('sha256', secret).update(body).digest();
    // Bitwise or, not ||: the loop runs for every secret whatever the first one gave.
    ok = timingSafeEqual(expected, given) || ok;
  }
  return ok;
}
