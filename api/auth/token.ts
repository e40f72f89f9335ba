import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed access tokens (JWT, HS256) for staff. Signed with AUTH_SECRET; a token
 * carries only ids, never personal data. Revocation (logout) is checked in auth.service.ts.
 */
export interface AccessClaims {
  /** staff member id */
  sub: string;
  /** municipality code */
  mun: string;
  /** department code, department id, role and display name: read from the token, not the database */
  dep: string;
  did: string;
  role: string;
  name: string;
  /** token id, for revocation */
  jti: string;
  iat: number;
  exp: number;
}

const b64 = (buf: Buffer | string): string => Buffer.from(buf).toString('base64url');
const HEADER = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export type StaffClaims = Pick<AccessClaims, 'sub' | 'mun' | 'dep' | 'did' | 'role' | 'name'>;

export function signAccessToken(secret: string, staff: StaffClaims, ttlSeconds: number, now = Date.now()): { token: string; claims: AccessClaims } {
  const iat = Math.floor(now / 1000);
  const claims: AccessClaims = { ...staff, jti: randomUUID(), iat, exp: iat + ttlSeconds };
  const body = `${HEADER}.${b64(JSON.stringify(claims))}`;
  const sig = createHmac('sha256', secret).update(body).digest('base64url');
  return { token: `${body}.${sig}`, claims };
}

/** The claims of a valid, unexpired token, or null (bad shape, bad signature, expired). */
export function verifyAccessToken(secret: string, token: string, now = Date.now()): AccessClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return null;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return null;
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
  for (const key of ['sub', 'mun', 'jti', 'dep', 'did', 'role', 'name'] as const) if (typeof claims[key] !== 'string') return null;
  return claims;
}
