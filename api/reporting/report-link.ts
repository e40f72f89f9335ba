import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a download link works: long enough to click, short enough that a forwarded link is dead. */
export const LINK_TTL_MS = 5 * 60_000;

/** What a download link grants: one file of one municipality and period, to one staff member. */
export interface ReportGrant {
  municipalityCode: string;
  form: 'PLAN' | 'REPORT';
  format: 'DOCX' | 'CSV';
  from: string;
  to: string;
  staffId: string;
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,600}\.[A-Za-z0-9_-]{43}$/;

function mac(secret: string, payload: string): string {
  // A purpose prefix: the signing secret also signs sign-in tokens, which must never verify as links.
  return createHmac('sha256', secret).update(`yorisoi-report-link:${payload}`).digest('base64url');
}

export function signGrant(secret: string, grant: ReportGrant): string {
  const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The grant of a link, or null when it is malformed, forged or expired. */
export function verifyGrant(secret: string, token: string, now = Date.now()): ReportGrant | null {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [payload, signature] = token.split('.') as [string, string];
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let grant: ReportGrant;
  try {
    grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ReportGrant;
  } catch {
    return null;
  }
  return typeof grant.exp === 'number' && grant.exp > now ? grant : null;
}
