/**
 * Interview booking by the family: list free slots, book, reschedule, cancel. The count of a slot is
 * changed by one conditional UPDATE (`booked < capacity`) inside the booking's transaction, so the
 * database decides who gets the last place; the rest are told the slot is full.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { apiError, type DepartmentCode, type Locale, type LocalizedText, todayInJapan } from '../../core';
import { Application } from '../application.entity';
import { ApplicationStatus } from '../application-status';
import type { FamilyIdentity } from '../family-auth';
import type { ApplicationServices } from '../services';
import { DEFAULT_HOURS, type InterviewHours, slotTimes } from './hours';
import { interviewIcs } from './ics';
import { BookingStatus, InterviewBooking, InterviewSlot } from './interview.entity';

export const T = {
  full: {
    ja: 'この時間は満員になりました。別の時間を選んでください。',
    en: 'This time is now full. Please choose another time.',
    'ja-easy': 'この 時間は いっぱいです。ほかの 時間を えらんで ください。',
  },
  notFound: { ja: '見つかりません。', en: 'Not found.', 'ja-easy': 'ありません。' },
  notNeeded: { ja: 'この申請では面談の予約はできません。', en: 'This application has no interview to book.', 'ja-easy': 'この 申請は 面談が ありません。' },
  already: {
    ja: 'この申請の面談はもう予約されています。変更する場合は予約の変更を使ってください。',
    en: 'An interview is already booked for this application; reschedule it instead.',
    'ja-easy': 'もう よやく して います。',
  },
} satisfies Record<string, LocalizedText>;

const BOOKABLE: ReadonlySet<ApplicationStatus> = new Set([ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW, ApplicationStatus.INFO_REQUESTED]);
const UUID = /^[0-9a-f-]{36}$/;

export interface SlotView {
  id: string;
  startsAt: Date;
  endsAt: Date;
  remaining: number;
}

export interface BookingView {
  id: string;
  applicationId: string;
  procedureName: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  calendar: string;
}

/** The department's interview hours in the municipality: its own setting (seeds/procedures/overrides), or the default. */
export function hoursFor(services: Pick<ApplicationServices, 'procedures'>, municipalityCode: string, department: DepartmentCode): InterviewHours {
  return services.procedures.settings(municipalityCode).interviews.get(department) ?? DEFAULT_HOURS;
}

/** Creates the slots of the coming days that do not exist yet (idempotent, safe to run concurrently). */
export async function ensureSlots(
  em: EntityManager,
  hours: InterviewHours,
  municipalityCode: string,
  department: DepartmentCode,
  today = todayInJapan(),
): Promise<void> {
  const times = slotTimes(hours, today);
  if (times.length === 0) return;
  const values = times.map(() => '(gen_random_uuid(), ?, ?, ?, ?, ?, 0)').join(', ');
  const params = times.flatMap((t) => [municipalityCode, department, t.startsAt, t.endsAt, hours.capacity]);
  await em.execute(
    `insert into interview_slot (id, municipality_code, department, starts_at, ends_at, capacity, booked) values ${values} on conflict (municipality_code, department, starts_at) do nothing`,
    params,
  );
}

export class Bookings {
  constructor(
    private readonly em: EntityManager,
    private readonly services: ApplicationServices,
    private readonly who: FamilyIdentity,
    private readonly locale: Locale,
  ) {}

  private async application(id: string): Promise<{ a: Application; department: DepartmentCode }> {
    const a = UUID.test(id) ? await this.em.findOne(Application, { id, record: this.who.recordId }) : null;
    const p = a ? this.services.procedures.get(a.procedureId, this.who.municipalityCode) : undefined;
    if (!a || !p) throw apiError('NOT_FOUND', T.notFound, this.locale);
    if (p.interview === 'none' || !BOOKABLE.has(a.status)) throw apiError('CONFLICT', T.notNeeded, this.locale);
    return { a, department: p.department as DepartmentCode };
  }

  async slots(applicationId: string): Promise<SlotView[]> {
    const { department } = await this.application(applicationId);
    await ensureSlots(this.em, hoursFor(this.services, this.who.municipalityCode, department), this.who.municipalityCode, department);
    const rows = await this.em.find(
      InterviewSlot,
      { municipality: this.who.municipalityCode, department, startsAt: { $gt: new Date() } },
      { orderBy: { startsAt: 'asc' }, limit: 300 },
    );
    return rows.filter((s) => s.booked < s.capacity).map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, remaining: s.capacity - s.booked }));
  }

  /** Takes a place in the slot or throws CONFLICT (full); the caller's transaction undoes it on any later failure. */
  private async take(em: EntityManager, slotId: string, department: DepartmentCode): Promise<void> {
    const rows = (await em.execute(
      'update interview_slot set booked = booked + 1 where id = ? and municipality_code = ? and department = ? and booked < capacity and starts_at > ? returning id',
      [slotId, this.who.municipalityCode, department, new Date()],
    )) as unknown[];
    if (rows.length !== 1) throw apiError('CONFLICT', T.full, this.locale);
  }

  private async release(em: EntityManager, slotId: string): Promise<void> {
    await em.execute('update interview_slot set booked = booked - 1 where id = ? and booked > 0', [slotId]);
  }

  async book(applicationId: string, slotId: string): Promise<BookingView> {
    if (!UUID.test(slotId)) throw apiError('NOT_FOUND', T.notFound, this.locale);
    const { a, department } = await this.application(applicationId);
    if (await this.em.count(InterviewBooking, { application: a, status: BookingStatus.BOOKED })) throw apiError('CONFLICT', T.already, this.locale);
    const id = await this.em
      .transactional(async (tem) => {
        await this.take(tem, slotId, department);
        const b = tem.create(InterviewBooking, {
          municipality: this.who.municipalityCode,
          slot: slotId,
          record: this.who.recordId,
          application: a.id,
        } as never);
        await tem.flush();
        return b.id;
      })
      .catch((e: unknown) => {
        // Two tabs booking the same application at once: the unique index lets one through.
        if ((e as { code?: string }).code === '23505' || /unique/i.test(String((e as Error).message))) throw apiError('CONFLICT', T.already, this.locale);
        throw e;
      });
    return this.view(id);
  }

  private async mine(bookingId: string): Promise<InterviewBooking> {
    const b = UUID.test(bookingId)
      ? await this.em.findOne(
          InterviewBooking,
          { id: bookingId, record: this.who.recordId, status: BookingStatus.BOOKED },
          { populate: ['slot', 'application'] },
        )
      : null;
    if (!b) throw apiError('NOT_FOUND', T.notFound, this.locale);
    return b;
  }

  async reschedule(bookingId: string, slotId: string): Promise<BookingView> {
    const b = await this.mine(bookingId);
    if (!UUID.test(slotId)) throw apiError('NOT_FOUND', T.notFound, this.locale);
    const department = b.slot.department;
    const oldSlot = b.slot.id;
    await this.em.transactional(async (tem) => {
      await this.take(tem, slotId, department);
      await this.release(tem, oldSlot);
      await tem.execute('update interview_booking set slot_id = ? where id = ?', [slotId, b.id]);
    });
    this.em.clear();
    return this.view(b.id);
  }

  async cancel(bookingId: string): Promise<BookingView> {
    const b = await this.mine(bookingId);
    await this.em.transactional(async (tem) => {
      await this.release(tem, b.slot.id);
      await tem.execute(`update interview_booking set status = 'CANCELLED', cancelled_at = ? where id = ?`, [new Date(), b.id]);
    });
    this.em.clear();
    return this.view(b.id);
  }

  async list(): Promise<BookingView[]> {
    const rows = await this.em.find(
      InterviewBooking,
      { record: this.who.recordId, status: BookingStatus.BOOKED },
      { populate: ['slot', 'application'], orderBy: { createdAt: 'desc' }, limit: 20 },
    );
    return rows.map((b) => this.toView(b));
  }

  private async view(id: string): Promise<BookingView> {
    return this.toView(await this.em.findOneOrFail(InterviewBooking, { id }, { populate: ['slot', 'application'], refresh: true }));
  }

  private toView(b: InterviewBooking): BookingView {
    const p = this.services.procedures.get(b.application.procedureId, this.who.municipalityCode);
    const name = p?.name[this.locale] ?? b.application.procedureId;
    const contact = p?.contact?.[this.locale] ?? '';
    return {
      id: b.id,
      applicationId: b.application.id,
      procedureName: name,
      startsAt: b.slot.startsAt,
      endsAt: b.slot.endsAt,
      status: b.status,
      calendar: interviewIcs({
        uid: `${b.id}@yorisoi`,
        start: b.slot.startsAt,
        end: b.slot.endsAt,
        summary: name,
        description: [b.application.receiptNumber ?? '', contact].filter(Boolean).join('\n'),
        location: contact,
      }),
    };
  }
}
