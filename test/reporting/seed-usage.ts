import type { EntityManager } from '@mikro-orm/postgresql';
import { ChatMessage, ChatRole, ChatSession } from '../../api/chat/chat.entity';
import { addDays, todayInJapan } from '../../api/core/dates';
import { ConsentEvent } from '../../api/record/consent-event.entity';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { Referral } from '../../api/partner/referral.entity';
import { ReferralStatus } from '../../api/partner/referral-status';
import { Consultation } from '../../api/record/consultation/consultation.entity';
import { InboxItem } from '../../api/inbox/inbox-item.entity';
import { InboxItemKind } from '../../api/inbox/inbox-item-kind';
import { DepartmentCode } from '../../api/core/departments';

export const DEMO = '999999';

/** Chatbot conversations, ratings, danger messages, hand-offs, a withdrawal and a closed referral over the past year. */
export async function seedUsageEvents(em: EntityManager): Promise<void> {
  const today = todayInJapan();
  const records = await em.find(PersonalRecord, { municipality: DEMO }, { orderBy: { createdAt: 'asc' }, limit: 10 });
  for (let n = 0; n < 120; n++) {
    // 23:30 Japan time on a day n*3 days ago: the day boundary is where a UTC mistake would show.
    const day = addDays(today, -3 * n - 1);
    const at = new Date(Date.parse(`${day}T23:30:00+09:00`));
    const session = em.create(ChatSession, {
      municipality: DEMO,
      locale: 'ja',
      createdAt: at,
      updatedAt: at,
      satisfaction: n % 3 === 0 ? 1 + (n % 5) : null,
    } as never);
    em.create(ChatMessage, { session, role: ChatRole.USER, text: '相談です', at, urgent: n % 7 === 0 } as never);
    if (n % 10 === 0) {
      em.create(InboxItem, {
        municipality: DEMO,
        department: DepartmentCode.SINGLE_PARENT,
        kind: InboxItemKind.CHAT_REQUEST,
        record: records[n % records.length]!,
        referenceNumber: records[n % records.length]!.referenceNumber,
        receivedAt: at,
        chatSessionId: session.id,
        urgent: n % 20 === 0,
      } as never);
    }
  }
  const withdrawn = records[1]!;
  em.create(ConsentEvent, {
    municipality: DEMO,
    record: withdrawn,
    target: 'public-housing',
    granted: false,
    at: new Date(Date.parse(`${addDays(today, -20)}T10:00:00+09:00`)),
    privacyNoticeVersion: 'demo',
    recordedBy: null,
  } as never);
  const referrals = await em.find(Referral, { municipality: DEMO }, { limit: 1 });
  if (referrals[0]) {
    referrals[0].status = ReferralStatus.CLOSED;
    referrals[0].updatedAt = new Date(Date.parse(`${addDays(today, -5)}T12:00:00+09:00`));
  }
  await em.flush();
}

const jst = (d: Date | string) => todayInJapan(new Date(d));
const inside = (day: string, from: string, to: string) => day >= from && day <= to;

/** The figures counted straight from the entities, without SQL grouping: what the stored counts must equal. */
export async function countIndependently(em: EntityManager, from: string, to: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (name: string, key = '') => {
    out.set(`${name}|`, (out.get(`${name}|`) ?? 0) + 1);
    if (key) out.set(`${name}|${key}`, (out.get(`${name}|${key}`) ?? 0) + 1);
  };
  const sessions = await em.find(ChatSession, { municipality: DEMO });
  let rated = 0,
    sum = 0;
  for (const s of sessions) {
    if (!inside(jst(s.createdAt), from, to)) continue;
    add('chat.sessions');
    if (s.satisfaction != null) ((rated += 1), (sum += s.satisfaction));
  }
  out.set('chat.rated|', rated);
  out.set('chat.ratingAverage|', rated ? Math.round((sum / rated) * 100) / 100 : NaN);
  const urgent = await em.find(ChatMessage, { urgent: true, session: { municipality: DEMO } });
  const urgentPerDay = new Set(urgent.filter((m) => inside(jst(m.at), from, to)).map((m) => `${jst(m.at)}|${m.session.id}`));
  out.set('chat.urgent|', urgentPerDay.size);
  for (const i of await em.find(InboxItem, { municipality: DEMO })) {
    if (!inside(jst(i.receivedAt), from, to)) continue;
    add(i.kind === InboxItemKind.INTAKE ? 'intake.submitted' : 'chat.handoffs');
    if (i.kind === InboxItemKind.CHAT_REQUEST && i.urgent) add('handoff.urgent');
  }
  for (const r of await em.find(PersonalRecord, { municipality: DEMO })) if (inside(jst(r.createdAt), from, to)) add('record.created', r.source);
  for (const c of await em.find(ConsentEvent, { municipality: DEMO }))
    if (inside(jst(c.at), from, to)) add(c.granted ? 'record.consents' : 'record.withdrawals', c.target);
  for (const r of await em.find(Referral, { municipality: DEMO })) {
    if (inside(jst(r.createdAt), from, to)) add('partner.referrals', 'requested');
    if (r.status !== ReferralStatus.REQUESTED && inside(jst(r.updatedAt), from, to)) add('partner.referrals', r.status);
  }
  for (const c of await em.find(Consultation, { municipality: DEMO }, { populate: ['department'] })) {
    if (!inside(c.date, from, to)) continue;
    add('consultation.byChannel', c.channel);
    out.set(`consultation.byDepartment|${c.department.code}`, (out.get(`consultation.byDepartment|${c.department.code}`) ?? 0) + 1);
    out.set('consultation.byDepartment|', (out.get('consultation.byDepartment|') ?? 0) + 1);
  }
  return out;
}
