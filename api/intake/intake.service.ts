import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isDvProtected } from '../access';
import { apiError, badInput, notFound } from '../core';
import type { Locale, LocalizedText } from '../core';
import { todayInJapan } from '../core';
import { DEPARTMENT_NAMES, OWNER_DEPARTMENT } from '../core';
import { Municipality } from '../municipality';
import { PersonalRecord, RecordSource } from '../record';
import type { CreateRecordInput } from '../record';
import { RecordWriter } from '../record';
import { newReferenceNumber } from '../record';
import { isProgrammeId } from '../core';
import type { IntakeInput } from './intake.inputs';
import type { IntakeTexts } from './intake-texts';
import type { MunicipalOrigins } from './municipal-origins';
import { ConsentMethod, recordConsent } from '../outreach';
import { insertTogether } from './insert-together';
import { InboxItem } from '../inbox';
import { InboxItemKind } from '../inbox';
import type { IntakeReceipt, IntakeSettings } from './intake.types';

const MUNICIPALITY_NOT_FOUND: LocalizedText = {
  ja: 'この自治体では受け付けていません。',
  en: 'This municipality does not take submissions here.',
  'ja-easy': 'この 市では 受け付けて いません。',
};
const ORIGIN_REFUSED: LocalizedText = {
  ja: 'このページからは送信できません。',
  en: 'Submissions are not accepted from this page.',
  'ja-easy': 'この ページからは 送れません。',
};
const TOO_MANY: LocalizedText = {
  ja: '送信が多すぎます。少し時間をおいてからもう一度お試しください。',
  en: 'Too many submissions. Please wait a little and try again.',
  'ja-easy': 'たくさん 送られました。少し まって から もう一度 して ください。',
};

export const NEXT_CONTACT: LocalizedText = {
  ja: '担当者から、ご希望の方法で連絡します（通常3開庁日以内）。',
  en: 'A caseworker will contact you the way you chose (usually within 3 working days).',
  'ja-easy': '係の 人から れんらく します（ふつう 3日 いないに）。',
};
const NEXT_NO_CONTACT: LocalizedText = {
  ja: '窓口で相談するときは、受付番号を伝えてください。',
  en: 'When you visit or call, quote your reference number.',
  'ja-easy': '窓口に 行く ときは、受付番号を 言って ください。',
};
export const NEXT_SAFETY: LocalizedText = {
  ja: '危険を感じたら、すぐに110番に電話してください。DV相談ナビ #8008、DV相談＋ 0120-279-889 にも相談できます。',
  en: 'If you are in danger, call 110 now. You can also call DV相談ナビ #8008 or DV相談＋ 0120-279-889.',
  'ja-easy': 'あぶない ときは すぐ 110に 電話 して ください。#8008 や 0120-279-889 にも 相談 できます。',
};

export interface IntakeRequest {
  locale: Locale;
  origin: string | undefined;
  clientAddress: string;
}

/** The fields every anonymous submission carries (intake form, chat consultation request). */
export interface PublicSubmission {
  idempotencyKey: string;
  municipalityCode: string;
  privacyNoticeVersion: string;
  website?: string | null;
}

export interface IntakeDeps {
  texts: { for(code: string): IntakeTexts };
  /** Origins allowed for every municipality (the service's own pages). */
  globalOrigins: ReadonlySet<string>;
  rateLimit: { take(key: string): boolean | Promise<boolean> };
  municipalities: MunicipalOrigins;
  /** The signed link to connect the family's LINE account (api/line), or null where the municipality has no LINE channel. */
  lineLink?: (municipalityCode: string, recordId: string) => string | null;
}

/** The public side of the 電子個人票: families submit, staff of the owning department find it by reference number. */
export class IntakeService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: IntakeDeps,
    private readonly req: IntakeRequest,
  ) {}

  private async municipality(code: string, field: string): Promise<Pick<Municipality, 'code' | 'name' | 'allowedOrigins' | 'privacyNotice'>> {
    if (!/^\d{6}$/.test(code))
      throw badInput(
        [{ field, messages: { ja: '自治体コードは6桁の数字です。', en: 'The municipality code has 6 digits.', 'ja-easy': '市の コードは 6つの 数字です。' } }],
        this.req.locale,
      );
    const m = await this.deps.municipalities.get(code);
    if (!m) throw notFound(MUNICIPALITY_NOT_FOUND, this.req.locale);
    return m;
  }

  async settings(code: string): Promise<IntakeSettings> {
    const m = await this.municipality(code, 'municipalityCode');
    const texts = this.deps.texts.for(m.code);
    const l = this.req.locale;
    const notice = this.notice(m);
    return {
      municipalityCode: m.code,
      municipalityName: m.name,
      privacyNoticeVersion: notice.version,
      privacyNotice: notice.text[l],
      privacyNoticePublishedAt: notice.publishedAt,
      departments: Object.entries(texts.departments).map(([code, purpose]) => ({
        code: code as never,
        name: DEPARTMENT_NAMES[code as keyof typeof DEPARTMENT_NAMES].ja,
        purpose: purpose[l],
      })),
      partnersPurpose: texts.partners[l],
      outreachPurpose: texts.outreachPurpose!.text[l],
      outreachPurposeVersion: texts.outreachPurpose!.version,
    };
  }

  /**
   * The checks every anonymous submission passes before anything is read or written: rate limit per
   * client address, honeypot, key format, known municipality, the page's origin on its allow-list,
   * and the privacy notice the person saw is the current one. Shared with chat consultation requests.
   */
  /** The privacy notice in force: the one an admin published last (publishPrivacyNotice), else the seed file's. */
  private notice(m: Pick<Municipality, 'code' | 'privacyNotice'>): { version: string; text: LocalizedText; publishedAt: Date | null } {
    if (m.privacyNotice) return { version: m.privacyNotice.version, text: m.privacyNotice.text, publishedAt: new Date(m.privacyNotice.publishedAt) };
    const file = this.deps.texts.for(m.code).privacyNotice;
    return { version: file.version, text: file.text, publishedAt: null };
  }

  async admit(input: PublicSubmission, noticeField: string): Promise<Pick<Municipality, 'code' | 'name' | 'allowedOrigins'>> {
    const l = this.req.locale;
    if (!(await this.deps.rateLimit.take(this.req.clientAddress))) throw apiError('TOO_MANY_REQUESTS', TOO_MANY, l);
    if (input.website) {
      throw badInput(
        [
          {
            field: 'input.website',
            messages: { ja: 'この欄は空のままにしてください。', en: 'Leave this field empty.', 'ja-easy': 'ここは 書かないで ください。' },
          },
        ],
        l,
      );
    }
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(input.idempotencyKey)) {
      throw badInput(
        [
          {
            field: 'input.idempotencyKey',
            messages: {
              ja: '送信キーが正しくありません。ページを読み込み直してください。',
              en: 'The submission key is not valid; reload the page.',
              'ja-easy': 'ページを もう一度 ひらいて ください。',
            },
          },
        ],
        l,
      );
    }
    const municipality = await this.municipality(input.municipalityCode, 'input.municipalityCode');
    if (this.req.origin && !this.deps.globalOrigins.has(this.req.origin) && !municipality.allowedOrigins.includes(this.req.origin)) {
      throw apiError('FORBIDDEN', ORIGIN_REFUSED, l);
    }
    if (input.privacyNoticeVersion !== this.notice(municipality).version) {
      throw badInput(
        [
          {
            field: noticeField,
            messages: {
              ja: 'プライバシーに関するお知らせが更新されました。もう一度お読みください。',
              en: 'The privacy notice has changed; please read it again.',
              'ja-easy': 'お知らせが 新しく なりました。もう一度 読んで ください。',
            },
          },
        ],
        l,
      );
    }
    return municipality;
  }

  async submit(input: IntakeInput): Promise<IntakeReceipt> {
    const l = this.req.locale;
    const municipality = await this.admit({ ...input, privacyNoticeVersion: input.consent.privacyNoticeVersion }, 'input.consent.privacyNoticeVersion');
    if (input.consent.sharedWith.includes(OWNER_DEPARTMENT as never)) input.consent.sharedWith = input.consent.sharedWith.filter((d) => d !== OWNER_DEPARTMENT);
    const known = input.benefitsInUse?.findIndex((id) => !isProgrammeId(id) && !id.startsWith(`${municipality.code}-`)) ?? -1;
    if (known >= 0)
      throw badInput(
        [
          {
            field: `input.benefitsInUse[${known}]`,
            messages: { ja: '制度のIDが正しくありません。', en: 'Unknown programme id.', 'ja-easy': '制度の ID が まちがって います。' },
          },
        ],
        l,
      );
    const hash = inputHash(input);

    // "Address only if they ask to be contacted": without contact, the street is not kept.
    const contactAllowed = input.contact?.contactAllowed === true;
    const section: CreateRecordInput = {
      identity: input.identity ?? null,
      address: input.address ? { ...input.address, street: contactAllowed ? input.address.street : null } : null,
      contact: input.contact ?? null,
      household: input.household ?? null,
      income: input.income ?? null,
      benefits: input.benefitsInUse?.map((programmeId) => ({ programmeId })) ?? null,
      concerns: input.concerns ?? null,
      consent: input.consent,
    };
    const receivedAt = new Date();
    let receipt: IntakeReceipt | null = null;
    const em = this.em.fork();
    const record = em.create(PersonalRecord, {
      municipality: em.getReference(Municipality, municipality.code),
      referenceNumber: newReferenceNumber(),
      source: RecordSource.INTAKE,
    } as never);
    await new RecordWriter(em, todayInJapan(), l).apply(record, section, 'input', null, true);
    // In the owning department's inbox, in the same statement: nothing acknowledged goes unseen. The
    // inbox item carries the submission's key (unique per municipality, shared with chat requests' keys).
    const inboxItem = em.create(InboxItem, {
      municipality: record.municipality,
      department: OWNER_DEPARTMENT,
      kind: InboxItemKind.INTAKE,
      record,
      referenceNumber: record.referenceNumber,
      receivedAt,
      urgent: isDvProtected(record),
      idempotencyKey: input.idempotencyKey,
      inputHash: hash,
    });
    // One statement: the record, its rows and the inbox item with the key commit together or not at all.
    // The key is claimed with ON CONFLICT DO NOTHING: a retry (the widget retries) or a concurrent copy
    // stores nothing and raises no error, so PostgreSQL logs no failed statement (issue 14, finding 2).
    if (await insertTogether(em, { claim: inboxItem })) {
      receipt = receiptFor(
        record.referenceNumber,
        receivedAt,
        record.contact.contactAllowed,
        isDvProtected(record),
        l,
        this.lineLink(municipality.code, record.id, isDvProtected(record), record.contact.contactAllowed),
      );
      // Channel opt-ins for notices (issue 16), only with contact allowed. A separate statement: should
      // it be lost, the family gets no notices — never the other way round.
      const channels = contactAllowed ? [...new Set(input.outreachChannels ?? [])] : [];
      const purposeVersion = this.deps.texts.for(municipality.code).outreachPurpose!.version;
      await recordConsent(
        em,
        municipality.code,
        record.id,
        channels.map((channel) => ({ channel, granted: true, method: ConsentMethod.INTAKE, recordedBy: null, purposeVersion, at: receivedAt })),
      );
    }
    // A retry or a concurrent copy of a submission already stored: the first receipt, not a second record.
    receipt ??= await this.findReceipt(municipality.code, input.idempotencyKey, hash);
    if (!receipt) throw new Error('intake submission vanished after commit');
    return receipt;
  }

  /** The receipt for a key already used; the same key with other answers is refused. */
  private async findReceipt(code: string, key: string, hash: string): Promise<IntakeReceipt | null> {
    const [row] = await this.em.execute<{ reference_number: string; received_at: Date | string; input_hash: string; record_id: string }[]>(
      'select reference_number, received_at, input_hash, record_id from inbox_item where municipality_code = ? and idempotency_key = ?',
      [code, key],
    );
    if (!row) return null;
    if (row.input_hash !== hash) {
      throw badInput(
        [
          {
            field: 'input.idempotencyKey',
            messages: {
              ja: 'この送信キーは別の内容ですでに使われています。ページを読み込み直してください。',
              en: 'This submission key was used for different answers; reload the page.',
              'ja-easy': 'ページを もう一度 ひらいて ください。',
            },
          },
        ],
        this.req.locale,
      );
    }
    const record = await this.em.findOneOrFail(PersonalRecord, { id: row.record_id }, { fields: ['contact', 'concerns', 'protection'] as never });
    return receiptFor(
      row.reference_number,
      row.received_at instanceof Date ? row.received_at : new Date(row.received_at),
      record.contact.contactAllowed,
      isDvProtected(record),
      this.req.locale,
      this.lineLink(code, row.record_id, isDvProtected(record), record.contact.contactAllowed),
    );
  }

  /** Not offered to a DV-protected family: a LINE account on a phone someone else may see is not a safe channel to suggest. */
  /** Notices on LINE are a way of contacting the family: offered only with their consent to be contacted, never under DV protection. */
  private lineLink(code: string, recordId: string, dvProtected: boolean, contactAllowed: boolean): string | null {
    return dvProtected || !contactAllowed ? null : (this.deps.lineLink?.(code, recordId) ?? null);
  }
}

function receiptFor(
  referenceNumber: string,
  receivedAt: Date,
  contactAllowed: boolean,
  dvProtected: boolean,
  l: Locale,
  lineLinkUrl: string | null = null,
): IntakeReceipt {
  return {
    lineLinkUrl,
    referenceNumber,
    receivedAt,
    contactAllowed,
    dvProtected,
    nextSteps: [...(dvProtected ? [NEXT_SAFETY[l]] : []), (contactAllowed ? NEXT_CONTACT : NEXT_NO_CONTACT)[l]],
  };
}

/** SHA-256 of the answers (not the key or honeypot), with object keys sorted. */
export function inputHash(input: { idempotencyKey: string; website?: string | null }): string {
  const { idempotencyKey: _k, website: _w, ...answers } = input;
  void _k;
  void _w;
  const canonical = JSON.stringify(answers, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}
