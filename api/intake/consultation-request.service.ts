import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../core';
import type { Locale } from '../core';
import { todayInJapan } from '../core';
import { InputChecker } from '../core';
import { inputHash, type IntakeService, NEXT_CONTACT, NEXT_SAFETY } from './intake.service';
import { OWNER_DEPARTMENT } from '../core';
import { Municipality } from '../municipality';
import { PersonalRecord, RecordSource } from '../record';
import { ContactChannel } from '../record';
import { RecordWriter } from '../record';
import { newReferenceNumber } from '../record';
import { insertTogether } from './insert-together';
import { InboxItem } from '../inbox';
import { InboxItemKind } from '../inbox';
import type { ConsultationRequestInput } from './consultation-request.inputs';
import type { ConsultationRequestReceipt } from './consultation-request.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "相談員と話したい": a chatbot visitor leaves a way to reach them. It becomes a 電子個人票 owned by the
 * single-parent division (shared with nobody else) and an item in that division's inbox, in one
 * transaction. The same anonymous-submission checks as the intake form apply (IntakeService.admit).
 */
export class ConsultationRequestService {
  constructor(
    private readonly em: EntityManager,
    private readonly intake: IntakeService,
    private readonly locale: Locale,
  ) {}

  async request(input: ConsultationRequestInput): Promise<ConsultationRequestReceipt> {
    const l = this.locale;
    const municipality = await this.intake.admit(input, 'input.privacyNoticeVersion');
    const today = todayInJapan();
    const c = new InputChecker(today);
    const name = c.text('input.name', input.name, { ja: 'お名前', en: 'Name' }, 50);
    const preferredTime = c.text('input.preferredTime', input.preferredTime, { ja: '連絡の希望時間', en: 'Preferred time' }, 100);
    const message = c.text('input.message', input.message, { ja: '相談したいこと', en: 'Message' }, 1000);
    if (input.contact.contactAllowed !== true) {
      c.custom(
        'input.contact.contactAllowed',
        '担当者からの連絡に同意してください。',
        'Agree to be contacted by a caseworker.',
        '係の 人から れんらく しても よいか えらんで ください。',
      );
    }
    if (!input.contact.phone?.trim() && !input.contact.email?.trim()) {
      c.custom(
        input.contact.preferredChannel === ContactChannel.EMAIL ? 'input.contact.email' : 'input.contact.phone',
        '電話番号かメールアドレスを入力してください。',
        'Enter a phone number or an e-mail address.',
        '電話番号か メールアドレスを 書いて ください。',
      );
    }
    if (input.chatSessionId != null && !UUID.test(input.chatSessionId)) {
      c.custom(
        'input.chatSessionId',
        'チャットの番号が正しくありません。ページを読み込み直してください。',
        'The chat session id is not valid; reload the page.',
        'ページを もう一度 ひらいて ください。',
      );
    }
    if (!c.ok) throw badInput(c.problems, l);
    const hash = inputHash(input);
    const urgent = input.chatSessionId ? await this.urgentSession(input.chatSessionId, municipality.code) : false;

    const em = this.em.fork();
    const receivedAt = new Date();
    const record = em.create(PersonalRecord, {
      municipality: em.getReference(Municipality, municipality.code),
      referenceNumber: newReferenceNumber(),
      source: RecordSource.CHAT,
    } as never);
    await new RecordWriter(em, today, l).apply(
      record,
      {
        identity: name ? { familyName: name } : null,
        contact: input.contact,
        concerns: { categories: [], note: message ?? null },
        consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: input.privacyNoticeVersion },
      },
      'input',
      null,
      true,
    );
    const inboxItem = em.create(InboxItem, {
      municipality: record.municipality,
      department: OWNER_DEPARTMENT,
      kind: InboxItemKind.CHAT_REQUEST,
      record,
      referenceNumber: record.referenceNumber,
      receivedAt,
      urgent,
      preferredTime: preferredTime ?? null,
      chatSessionId: input.chatSessionId ?? null,
      idempotencyKey: input.idempotencyKey,
      inputHash: hash,
    });
    // One statement: record and inbox item together; the key claimed without an error on a retry (see insertTogether).
    if (await insertTogether(em, { claim: inboxItem })) return this.receipt(record.referenceNumber, receivedAt, urgent);
    // A retry of a request already stored: its first receipt, not a second record.
    const first = await this.em
      .fork()
      .findOne(
        InboxItem,
        { municipality: municipality.code, idempotencyKey: input.idempotencyKey },
        { fields: ['referenceNumber', 'receivedAt', 'urgent', 'inputHash'] },
      );
    if (!first) throw new Error('consultation request vanished after commit');
    if (first.inputHash !== hash) {
      throw badInput(
        [
          {
            field: 'input.idempotencyKey',
            messages: {
              ja: 'この送信キーは別の内容ですでに使われています。ページを読み込み直してください。',
              en: 'This request key was used for a different request; reload the page.',
              'ja-easy': 'ページを もう一度 ひらいて ください。',
            },
          },
        ],
        l,
      );
    }
    return this.receipt(first.referenceNumber, first.receivedAt, first.urgent);
  }

  /** Whether the chatbot flagged danger in this session (a session of another municipality counts as none). */
  private async urgentSession(sessionId: string, municipalityCode: string): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      'select 1 from chat_message m join chat_session s on s.id = m.session_id where m.session_id = ? and m.urgent and s.municipality_code = ? limit 1',
      [sessionId, municipalityCode],
    );
    return rows.length > 0;
  }

  private receipt(referenceNumber: string, receivedAt: Date, urgent: boolean): ConsultationRequestReceipt {
    const l = this.locale;
    return { referenceNumber, receivedAt, nextSteps: [...(urgent ? [NEXT_SAFETY[l]] : []), NEXT_CONTACT[l]] };
  }
}
