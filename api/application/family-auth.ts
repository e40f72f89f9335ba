/**
 * The family's sign-in (no passwords): a one-time code and link sent to the contact already on the
 * record, or straight from the intake receipt (the reference number and the submission key the intake
 * widget holds, within a day). A session token is then passed with every family operation.
 *
 * Nothing here tells a caller whether a reference number or a contact exists: the request answers the
 * same either way. Codes and tokens are stored only as keyed hashes; a code has 5 tries and 10 minutes.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { apiError, badInput, type Locale, UNAUTHENTICATED_TEXT } from '../core';
import { contactTermHash, keyringOf } from '../crypto';
import { normalizeReferenceNumber, PersonalRecord } from '../record';
import { FamilyHandoff, FamilySession, FamilySignIn } from './family-session.entity';
import type { NoticeChannel, NoticeSender } from './notice-sender';

export const CODE_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 2 * 60 * 60_000;
export const RECEIPT_SIGN_IN_MS = 24 * 60 * 60_000;
export const MAX_CODE_TRIES = 5;
/** Sign-in notices per record in 15 minutes: a stranger who knows a number cannot flood the family. */
export const MAX_REQUESTS_PER_WINDOW = 3;
const REQUEST_WINDOW_MS = 15 * 60_000;
export const SESSION_PREFIX = 'yfs_';
/** The intake receipt's hand-off to the family page: minutes-long, used once. */
export const HANDOFF_TTL_MS = 15 * 60_000;
export const HANDOFF_PREFIX = 'yfh_';

export interface FamilyIdentity {
  recordId: string;
  municipalityCode: string;
  sessionId: string;
}

const SIGN_IN_FAILED = {
  ja: 'サインインできませんでした。コードを確かめるか、新しいコードを求めてください。',
  en: 'Sign-in failed. Check the code, or ask for a new one.',
  'ja-easy': 'サインイン できませんでした。コードを もう一度 見て ください。',
};

const HANDOFF_FAILED = {
  ja: 'このリンクは使えなくなりました（15分を過ぎたか、一度使われています）。受付番号と連絡先を入力して、コードを求めてください。',
  en: 'This link can no longer be used (over 15 minutes old, or used already). Enter your reference number and contact to get a code.',
  'ja-easy': 'この リンクは もう つかえません。受付番号と 連絡先を 書いて ください。',
};

export class FamilyAuth {
  constructor(
    private readonly em: EntityManager,
    private readonly secret: string,
    private readonly locale: Locale,
  ) {}

  private hmac(kind: string, value: string): string {
    return createHmac('sha256', this.secret).update(`family-${kind}:${value}`).digest('hex');
  }

  /**
   * Sends a code and a link to the record's contact that matches `contact` (the phone or e-mail the
   * family gives, checked against the record's search hash). Answers the same whether or not it sent.
   */
  async request(municipalityCode: string, referenceNumber: string, contact: string, linkBase: string | null, notices: NoticeSender): Promise<void> {
    if (contact.length > 254 || referenceNumber.length > 20)
      throw badInput(
        [{ field: 'input.contact', messages: { ja: '入力が長すぎます。', en: 'The input is too long.', 'ja-easy': '長すぎます。' } }],
        this.locale,
      );
    const term = contactTermHash(keyringOf(this.em.getPlatform()), contact);
    if (!term) {
      throw badInput(
        [
          {
            field: 'input.contact',
            messages: {
              ja: '登録した電話番号かメールアドレスを入力してください。',
              en: 'Enter the phone number or e-mail address you registered.',
              'ja-easy': 'とうろくした 電話番号か メールアドレスを 書いて ください。',
            },
          },
        ],
        this.locale,
      );
    }
    const record = await this.em.findOne(PersonalRecord, { municipality: municipalityCode, referenceNumber: normalizeReferenceNumber(referenceNumber) });
    if (!record) return;
    const matches = term.column === 'phone' ? record.contact.phoneHash === term.hash : record.contact.emailHash === term.hash;
    if (matches) await this.sendCode(record, term.column, linkBase, notices);
  }

  /** A new code and link to the record's e-mail or phone, within the per-record limit; false when none went. */
  private async sendCode(record: PersonalRecord, column: 'phone' | 'email', linkBase: string | null, notices: NoticeSender): Promise<boolean> {
    const to = column === 'phone' ? record.contact.phone : record.contact.email;
    if (!to) return false;
    const recent = await this.em.count(FamilySignIn, { record, createdAt: { $gt: new Date(Date.now() - REQUEST_WINDOW_MS) } });
    if (recent >= MAX_REQUESTS_PER_WINDOW) return false;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const link = randomBytes(32).toString('base64url');
    const row = this.em.create(FamilySignIn, {
      municipality: record.municipality,
      record,
      codeHash: '',
      linkHash: this.hmac('link', link),
      expiresAt: new Date(Date.now() + CODE_TTL_MS),
    } as never);
    row.codeHash = this.hmac('code', `${row.id}:${code}`);
    await this.em.flush();
    const channel: NoticeChannel = column === 'phone' ? 'SMS' : 'EMAIL';
    const url = linkBase ? `${linkBase}${linkBase.includes('#') ? '&' : '#'}yorisoi-link=${link}` : null;
    await notices.send({
      municipalityCode: record.municipality.code,
      recordId: record.id,
      kind: 'sign-in',
      channel,
      to,
      locale: this.locale,
      key: row.id,
      subject: { ja: 'サインインのコード', en: 'Your sign-in code', 'ja-easy': 'サインインの コード' },
      body: {
        ja: `サインインのコードは ${code} です（10分間有効）。${url ? `\nこのリンクからも開けます:\n${url}\n` : ''}心当たりがない場合は、このお知らせを無視してください。`,
        en: `Your sign-in code is ${code} (valid for 10 minutes).${url ? `\nOr open:\n${url}\n` : ' '}If you did not ask for it, ignore this message.`,
        'ja-easy': `サインインの コードは ${code} です（10分）。${url ? `\nここから ひらけます:\n${url}\n` : ''}`,
      },
    });
    return true;
  }

  /** A code typed by the family, for the newest open sign-in of that record. */
  async withCode(municipalityCode: string, referenceNumber: string, code: string): Promise<string> {
    const record = await this.em.findOne(PersonalRecord, { municipality: municipalityCode, referenceNumber: normalizeReferenceNumber(referenceNumber) });
    const row = record
      ? await this.em.findOne(FamilySignIn, { record, usedAt: null, expiresAt: { $gt: new Date() } }, { orderBy: { createdAt: 'desc' } })
      : null;
    if (!row || row.attempts >= MAX_CODE_TRIES) throw apiError('UNAUTHENTICATED', SIGN_IN_FAILED, this.locale);
    const given = Buffer.from(this.hmac('code', `${row.id}:${code.normalize('NFKC').trim()}`), 'hex');
    if (!timingSafeEqual(given, Buffer.from(row.codeHash, 'hex'))) {
      row.attempts += 1;
      await this.em.flush();
      throw apiError('UNAUTHENTICATED', SIGN_IN_FAILED, this.locale);
    }
    return this.open(row);
  }

  /** The link from the notice. */
  async withLink(link: string): Promise<string> {
    const row =
      link.length <= 100
        ? await this.em.findOne(FamilySignIn, { linkHash: this.hmac('link', link), usedAt: null, expiresAt: { $gt: new Date() } }, { populate: ['record'] })
        : null;
    if (!row) throw apiError('UNAUTHENTICATED', SIGN_IN_FAILED, this.locale);
    return this.open(row);
  }

  /** Straight from the intake receipt: the reference number with the submission key the widget kept. */
  async withReceipt(municipalityCode: string, referenceNumber: string, submissionKey: string): Promise<string> {
    return this.newSession(await this.receiptRecord(municipalityCode, referenceNumber, submissionKey));
  }

  /** The record of an intake received within a day with this reference number and submission key. */
  private async receiptRecord(municipalityCode: string, referenceNumber: string, submissionKey: string): Promise<PersonalRecord> {
    const rows =
      submissionKey.length <= 64 && referenceNumber.length <= 20
        ? ((await this.em
            .getConnection()
            .execute('select record_id from inbox_item where municipality_code = ? and idempotency_key = ? and reference_number = ? and received_at > ?', [
              municipalityCode,
              submissionKey,
              normalizeReferenceNumber(referenceNumber),
              new Date(Date.now() - RECEIPT_SIGN_IN_MS),
            ])) as { record_id: string }[])
        : [];
    if (rows.length !== 1) throw apiError('UNAUTHENTICATED', SIGN_IN_FAILED, this.locale);
    return this.em.findOneOrFail(PersonalRecord, { id: rows[0]!.record_id });
  }

  /**
   * A hand-off for the receipt's link to the family page, by the same proof as withReceipt; null when
   * the intake left no e-mail or phone to send a code to. The token itself signs nobody in: the family
   * page spends it on requestByHandoff, and the code still has to come from the family's mailbox.
   */
  async issueHandoff(municipalityCode: string, referenceNumber: string, submissionKey: string): Promise<{ token: string; expiresAt: Date } | null> {
    const record = await this.receiptRecord(municipalityCode, referenceNumber, submissionKey);
    if (!record.contact.email && !record.contact.phone) return null;
    const token = HANDOFF_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + HANDOFF_TTL_MS);
    this.em.create(FamilyHandoff, { municipality: record.municipality, record, tokenHash: this.hmac('handoff', token), expiresAt } as never);
    await this.em.flush();
    return { token, expiresAt };
  }

  /** Spends a hand-off (once, before it expires) and sends the code to the intake's e-mail, or else its phone; the record's reference number. */
  async requestByHandoff(municipalityCode: string, token: string, linkBase: string | null, notices: NoticeSender): Promise<string> {
    const row =
      token.startsWith(HANDOFF_PREFIX) && token.length <= 100
        ? await this.em.findOne(
            FamilyHandoff,
            { tokenHash: this.hmac('handoff', token), municipality: municipalityCode, usedAt: null, expiresAt: { $gt: new Date() } },
            { populate: ['record'] },
          )
        : null;
    if (!row) throw apiError('UNAUTHENTICATED', HANDOFF_FAILED, this.locale);
    row.usedAt = new Date();
    await this.em.flush();
    await this.sendCode(row.record, row.record.contact.email ? 'email' : 'phone', linkBase, notices);
    return row.record.referenceNumber;
  }

  private async open(row: FamilySignIn): Promise<string> {
    row.usedAt = new Date();
    const token = await this.newSession(row.record);
    return token;
  }

  private async newSession(record: PersonalRecord): Promise<string> {
    const token = SESSION_PREFIX + randomBytes(32).toString('base64url');
    this.em.create(FamilySession, {
      municipality: record.municipality,
      record,
      tokenHash: this.hmac('session', token),
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    } as never);
    await this.em.flush();
    return token;
  }

  /** The family behind a session token; UNAUTHENTICATED when unknown, expired or signed out. */
  async identify(token: string): Promise<FamilyIdentity> {
    const row =
      token.startsWith(SESSION_PREFIX) && token.length <= 100 ? await this.em.findOne(FamilySession, { tokenHash: this.hmac('session', token) }) : null;
    if (!row || row.revokedAt || row.expiresAt <= new Date()) throw apiError('UNAUTHENTICATED', UNAUTHENTICATED_TEXT, this.locale);
    return { recordId: row.record.id, municipalityCode: row.municipality.code, sessionId: row.id };
  }

  async signOut(token: string): Promise<void> {
    const who = await this.identify(token);
    const row = await this.em.findOneOrFail(FamilySession, { id: who.sessionId });
    row.revokedAt = new Date();
    await this.em.flush();
  }
}
