/**
 * The staff side of interviews: the department's bookings for a period (the counter's day), and
 * marking each as kept or missed once its time has come. Staff see only their own municipality's
 * bookings, and only for procedures their department handles — the queue's rule. A mark can be
 * corrected (kept ↔ missed) but a booking never goes back to BOOKED, and a cancelled one is never
 * marked. Who marked it and when is kept on the booking and the read/write goes to the audit log.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditCollector } from '../../audit';
import { addDays, apiError, badInput, isIsoDate, startOfJapanDay } from '../../core';
import type { Locale, LocalizedText, Viewer } from '../../core';
import type { ApplicationServices } from '../services';
import { BookingStatus, InterviewBooking } from './interview.entity';

type StaffViewer = Extract<Viewer, { kind: 'staff' }>;

export interface StaffInterviewRow {
  id: string;
  applicationId: string;
  procedureName: string;
  receiptNumber: string | null;
  referenceNumber: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  markedAt: Date | null;
}

const T = {
  notFound: { ja: 'その面談予約は見つかりません。', en: 'No such interview booking.', 'ja-easy': 'その よやくは ありません。' },
  notYet: {
    ja: '面談の時間になる前に、来た・来なかったは記録できません。',
    en: 'An interview can be marked kept or missed only once its time has come.',
    'ja-easy': '面談の 時間の あとで 記録して ください。',
  },
  cancelled: { ja: '取り消された予約は記録できません。', en: 'A cancelled booking cannot be marked.', 'ja-easy': 'とりけした よやくです。' },
  mark: { ja: '記録できるのは「来た」か「来なかった」です。', en: 'Mark KEPT or MISSED.', 'ja-easy': '「来た」か「来なかった」です。' },
  period: {
    ja: '日付は YYYY-MM-DD で、開始は終了より前にしてください（最長62日）。',
    en: 'Dates are YYYY-MM-DD, from before to, at most 62 days apart.',
    'ja-easy': '日付が まちがって います。',
  },
} satisfies Record<string, LocalizedText>;

const UUID = /^[0-9a-f-]{36}$/;
export const MAX_INTERVIEW_DAYS = 62;

export class StaffInterviews {
  constructor(
    private readonly em: EntityManager,
    private readonly services: ApplicationServices,
    private readonly viewer: StaffViewer,
    private readonly audit: AuditCollector,
    private readonly locale: Locale,
  ) {}

  private handledIds(): string[] {
    return this.services.procedures
      .list(this.viewer.municipalityCode)
      .filter((p) => p.department === this.viewer.department)
      .map((p) => p.id);
  }

  /** Bookings (not cancelled) whose time falls between two Japan dates, earliest first. */
  async list(from: string, to: string): Promise<StaffInterviewRow[]> {
    if (!isIsoDate(from)) throw badInput([{ field: 'from', messages: T.period }], this.locale);
    if (!isIsoDate(to) || to < from || addDays(from, MAX_INTERVIEW_DAYS) < to) throw badInput([{ field: 'to', messages: T.period }], this.locale);
    return this.rows({ startsAt: { $gte: startOfJapanDay(from), $lt: startOfJapanDay(addDays(to, 1)) } }, null);
  }

  /** Every booking of one application (for its page), cancelled ones included so the history is whole. */
  forApplication(applicationId: string): Promise<StaffInterviewRow[]> {
    return this.rows({}, applicationId);
  }

  private async rows(slot: Record<string, unknown>, applicationId: string | null): Promise<StaffInterviewRow[]> {
    const ids = this.handledIds();
    if (ids.length === 0) return [];
    const bookings = await this.em.find(
      InterviewBooking,
      {
        municipality: this.viewer.municipalityCode,
        ...(applicationId ? {} : { status: { $ne: BookingStatus.CANCELLED } }),
        application: applicationId ? { id: applicationId, procedureId: { $in: ids } } : { procedureId: { $in: ids } },
        slot: { ...slot, department: this.viewer.department },
      } as never,
      { populate: ['slot', 'application', 'record'], orderBy: { slot: { startsAt: 'asc' }, id: 'asc' } as never, limit: 500 },
    );
    return bookings.map((b) => this.view(b));
  }

  private view(b: InterviewBooking): StaffInterviewRow {
    const p = this.services.procedures.get(b.application.procedureId, this.viewer.municipalityCode);
    return {
      id: b.id,
      applicationId: b.application.id,
      procedureName: p?.name[this.locale] ?? b.application.procedureId,
      receiptNumber: b.application.receiptNumber ?? null,
      referenceNumber: b.record.referenceNumber,
      startsAt: b.slot.startsAt,
      endsAt: b.slot.endsAt,
      status: b.status,
      markedAt: b.markedAt ?? null,
    };
  }

  async mark(id: string, status: BookingStatus, now = new Date()): Promise<StaffInterviewRow> {
    if (status !== BookingStatus.KEPT && status !== BookingStatus.MISSED) throw badInput([{ field: 'input.status', messages: T.mark }], this.locale);
    const b = UUID.test(id)
      ? await this.em.findOne(InterviewBooking, { id, municipality: this.viewer.municipalityCode }, { populate: ['slot', 'application', 'record'] })
      : null;
    if (!b || b.slot.department !== (this.viewer.department as never) || !this.handledIds().includes(b.application.procedureId))
      throw apiError('NOT_FOUND', T.notFound, this.locale);
    if (b.status === BookingStatus.CANCELLED) throw apiError('CONFLICT', T.cancelled, this.locale);
    if (b.slot.startsAt.getTime() > now.getTime()) throw apiError('CONFLICT', T.notYet, this.locale);
    b.status = status;
    b.markedAt = now;
    b.markedBy = this.viewer.staffId;
    this.audit.note(b.record.id, this.viewer.municipalityCode, 'write', 'applications');
    await this.em.flush();
    return this.view(b);
  }
}
