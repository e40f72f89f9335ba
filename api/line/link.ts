import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { auditAppenderFor } from '../audit';
import { canonicalLine, canonicalTime } from '../audit';
import { keyringOf } from '../crypto';
import { decrypt } from '../crypto';

/** How long the signed link on the receipt opens the link page. */
export const START_LINK_DAYS = 30;
/** How long the one-time code shown on the link page may be sent on LINE. */
export const CODE_MINUTES = 30;
/** How long LINE's link token lives (LINE: 10 minutes); the nonce is kept as long. */
export const NONCE_MINUTES = 10;

/** The code the family sends on LINE: 28 letters (131 bits), only letters so chat masking never touches it. */
const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The message with the code, after NFKC, lower case and without spaces (bot.ts). */
export const CODE_PATTERN = /^(?:連携コード|linkcode):?([a-z]{28})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function newCode(): string {
  let out = '';
  // randomInt draws without modulo bias: every letter equally likely.
  for (let i = 0; i < 28; i++) out += CODE_ALPHABET[randomInt(26)];
  return out;
}

export type RevokedBy = 'family' | 'staff' | 'line';

/** Who changed a link, for the audit log: the family (on LINE or its link page), or a member of staff. */
export type LinkActor = { kind: 'family' } | { kind: 'staff'; staffId: string; name: string; department: string };
const FAMILY: LinkActor = { kind: 'family' };

export interface ActiveLink {
  userId: string;
  notices: boolean;
  blocked: boolean;
}

/**
 * Account linking (LINE Messaging API "Link user accounts"), started from the signed link on the
 * intake receipt:
 *   1. the receipt's link (startUrl) opens the link page, which issues a one-time code;
 *   2. the family sends the code to the official account (the page's button pre-fills it);
 *   3. the bot asks LINE for a link token for that user, makes a nonce (hashed here) and sends the
 *      family to LINE's account-link dialog with both;
 *   4. LINE sends an accountLink event with the nonce: the link is made for the user who holds it.
 * Every change (linked, revoked, notices on or off) is written to the audit log as the family's act.
 */
export class LineLinks {
  private readonly signingKey: Buffer;

  constructor(
    private readonly em: () => EntityManager,
    secret: string,
  ) {
    this.signingKey = createHmac('sha256', secret).update('yorisoi:line-link-start').digest();
  }

  /** The keyed hash a LINE user is known by (per municipality); never the user id itself. */
  userKey(municipalityCode: string, userId: string): string {
    return keyringOf(this.em().getPlatform()).hash('line-user', `${municipalityCode}:${userId}`);
  }

  /** The signed link for the receipt (and the family's page): it opens the link page for this record. */
  startToken(municipalityCode: string, recordId: string, now = new Date()): string {
    const body = Buffer.from(JSON.stringify({ m: municipalityCode, r: recordId, e: Math.floor(now.getTime() / 1000) + START_LINK_DAYS * 86_400 })).toString(
      'base64url',
    );
    return `${body}.${createHmac('sha256', this.signingKey).update(body).digest('base64url')}`;
  }

  startUrl(publicUrl: string, municipalityCode: string, recordId: string): string {
    return `${publicUrl}/line/${municipalityCode}/link?t=${this.startToken(municipalityCode, recordId)}`;
  }

  /** The record a start token names, or null (forged, expired, another municipality's). */
  verifyStart(municipalityCode: string, token: unknown, now = new Date()): string | null {
    if (typeof token !== 'string' || token.length > 400) return null;
    const [body, mac] = token.split('.');
    if (!body || !mac) return null;
    const expected = createHmac('sha256', this.signingKey).update(body).digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { m?: unknown; r?: unknown; e?: unknown };
      if (p.m !== municipalityCode || typeof p.r !== 'string' || !UUID.test(p.r) || typeof p.e !== 'number' || p.e * 1000 < now.getTime()) return null;
      return p.r;
    } catch {
      return null;
    }
  }

  /** A one-time code for the record (step 1); only its hash is kept. */
  async issueCode(municipalityCode: string, recordId: string): Promise<string> {
    const code = newCode();
    await this.em().execute(
      `insert into line_link_request (id, municipality_code, record_id, code_hash, created_at, expires_at) values (?, ?, ?, ?, now(), now() + interval '${CODE_MINUTES} minutes')`,
      [randomUUID(), municipalityCode, recordId, sha256(code)],
      'run',
    );
    return code;
  }

  async codesInLastHour(recordId: string): Promise<number> {
    const [row] = await this.em().execute<{ n: string | number }[]>(
      `select count(*) as n from line_link_request where record_id = ? and created_at > now() - interval '1 hour'`,
      [recordId],
    );
    return Number(row?.n ?? 0);
  }

  /** Step 2: the code sent by a LINE user; the request is then that user's, for NONCE_MINUTES. */
  async claimCode(municipalityCode: string, code: string, userKey: string): Promise<string | null> {
    const rows = await this.em().execute<{ id: string }[]>(
      `update line_link_request set user_key = ?, expires_at = now() + interval '${NONCE_MINUTES} minutes'
        where code_hash = ? and municipality_code = ? and user_key is null and used_at is null and expires_at > now() returning id`,
      [userKey, sha256(code), municipalityCode],
    );
    return rows[0]?.id ?? null;
  }

  /** Step 3: a nonce for LINE's dialog (≥ 128 bits, base64url), its hash kept with the request. */
  async nonceFor(requestId: string): Promise<string> {
    const nonce = randomBytes(24).toString('base64url');
    await this.em().execute('update line_link_request set nonce_hash = ? where id = ?', [sha256(nonce), requestId], 'run');
    return nonce;
  }

  /**
   * Step 4: LINE's accountLink event. Linked only when the nonce is one we made, for this user, unused
   * and in time; an earlier link of the same record or of the same LINE user is revoked first.
   */
  async complete(municipalityCode: string, nonce: string, userId: string): Promise<boolean> {
    const em = this.em();
    const userKey = this.userKey(municipalityCode, userId);
    const linked = await em.transactional(async (tx) => {
      const [req] = await tx.execute<{ id: string; record_id: string }[]>(
        `update line_link_request set used_at = now() where nonce_hash = ? and municipality_code = ? and user_key = ? and used_at is null and expires_at > now() returning id, record_id`,
        [sha256(nonce), municipalityCode, userKey],
      );
      if (!req) return null;
      const previous = await tx.execute<{ record_id: string }[]>(
        `update line_link set revoked_at = now(), revoked_by = 'family' where municipality_code = ? and revoked_at is null and (record_id = ? or user_key = ?) returning record_id`,
        [municipalityCode, req.record_id, userKey],
      );
      await tx.execute(
        `insert into line_link (id, municipality_code, record_id, user_key, user_id, linked_at) values (?, ?, ?, ?, ?, now())`,
        [randomUUID(), municipalityCode, req.record_id, userKey, keyringOf(tx.getPlatform()).encrypt(userId)],
        'run',
      );
      return { recordId: req.record_id, previous: previous.map((p) => p.record_id).filter((r) => r !== req.record_id) };
    });
    if (!linked) return false;
    for (const r of linked.previous) await this.audit(municipalityCode, r, 'lineUnlink');
    await this.audit(municipalityCode, linked.recordId, 'lineLink');
    return true;
  }

  /** The family (on LINE), LINE itself (blocked) or staff removes the link; true when there was one. */
  async revoke(municipalityCode: string, by: RevokedBy, which: { userKey: string } | { recordId: string }, actor: LinkActor = FAMILY): Promise<boolean> {
    const [column, value] = 'userKey' in which ? ['user_key', which.userKey] : ['record_id', which.recordId];
    const rows = await this.em().execute<{ record_id: string }[]>(
      `update line_link set revoked_at = now(), revoked_by = ? where municipality_code = ? and ${column} = ? and revoked_at is null returning record_id`,
      [by, municipalityCode, value],
    );
    for (const r of rows) await this.audit(municipalityCode, r.record_id, 'lineUnlink', actor);
    return rows.length > 0;
  }

  /** Opt in or out of notices on LINE; false when the user is not linked. */
  async setNotices(municipalityCode: string, userKey: string, on: boolean): Promise<boolean> {
    const rows = await this.em().execute<{ record_id: string }[]>(
      `update line_link set notices = ?, notices_changed_at = now() where municipality_code = ? and user_key = ? and revoked_at is null returning record_id`,
      [on, municipalityCode, userKey],
    );
    for (const r of rows) await this.audit(municipalityCode, r.record_id, on ? 'lineNoticesOn' : 'lineNoticesOff');
    return rows.length > 0;
  }

  /** unfollow / follow: nothing is pushed to a user who blocked the account. */
  async setBlocked(municipalityCode: string, userKey: string, blocked: boolean): Promise<void> {
    await this.em().execute(
      `update line_link set blocked = ? where municipality_code = ? and user_key = ? and revoked_at is null`,
      [blocked, municipalityCode, userKey],
      'run',
    );
  }

  async isLinked(municipalityCode: string, userKey: string): Promise<boolean> {
    const rows = await this.em().execute<{ id: string }[]>(`select id from line_link where municipality_code = ? and user_key = ? and revoked_at is null`, [
      municipalityCode,
      userKey,
    ]);
    return rows.length > 0;
  }

  /** The record's active link, the user id opened (only the notice sender needs it). */
  async activeForRecord(municipalityCode: string, recordId: string): Promise<ActiveLink | null> {
    const [row] = await this.em().execute<{ user_id: string; notices: boolean; blocked: boolean }[]>(
      `select user_id, notices, blocked from line_link where municipality_code = ? and record_id = ? and revoked_at is null`,
      [municipalityCode, recordId],
    );
    return row ? { userId: decrypt(row.user_id), notices: row.notices, blocked: row.blocked } : null;
  }

  /** One audit entry — the family as actor (the record is theirs), or staff — section `contact` (a way to reach them). */
  private async audit(municipalityCode: string, recordId: string, operation: string, by: LinkActor = FAMILY): Promise<void> {
    const at = new Date();
    const actor =
      by.kind === 'staff'
        ? { actor_kind: 'staff', actor_id: by.staffId, actor_name: by.name, actor_department: by.department }
        : { actor_kind: 'family', actor_id: recordId, actor_name: 'family (LINE)', actor_department: 'family' };
    const entry = {
      ...actor,
      at: at.toISOString(),
      municipality_code: municipalityCode,
      record_ids: [recordId],
      action: 'write',
      sections: ['contact'],
      operation_name: operation,
    };
    const line = canonicalLine({
      ...actor,
      at: canonicalTime(at),
      municipality_code: municipalityCode,
      record_ids: recordId.toLowerCase(),
      action: 'write',
      sections: 'contact',
      operation_name: operation,
    });
    await auditAppenderFor(this.em()).append(JSON.stringify(entry), 1, new Map([[municipalityCode, [line]]]));
  }
}
