/**
 * Figures for reporting (実施状況報告): applications by procedure, channel and status; median days to a
 * decision; interviews booked, kept and missed; 現況届 submitted online within their window. Counts
 * only, per municipality, for applications submitted between two Japan dates — nothing personal.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { addDays, startOfJapanDay, todayInJapan } from '../core';
import { Application } from './application.entity';
import { ApplicationStatus } from './application-status';
import { BookingStatus, InterviewBooking } from './interviews/interview.entity';

@ObjectType({ simpleResolvers: true, description: 'How many applications of one procedure, channel and status.' })
export class ApplicationCount {
  @Field(() => String, { description: 'The procedure id.' }) procedureId!: string;
  @Field(() => String, { description: 'How it arrived (online).' }) channel!: string;
  @Field(() => String, { description: 'The status now.' }) status!: string;
  @Field(() => Int, { description: 'How many.' }) count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Online application figures for a period (counts only).' })
export class ApplicationFigures {
  @Field(() => [ApplicationCount], { description: 'Applications submitted in the period, by procedure, channel and status.' }) counts!: ApplicationCount[];
  @Field(() => Float, { nullable: true, description: 'Median days from submission to a decision (accepted or not), for those decided.' }) medianDaysToDecision?: number | null;
  @Field(() => Int, { description: 'Interviews booked for applications of the period (not cancelled).' }) interviewsBooked!: number;
  @Field(() => Int, { description: 'Of those, kept.' }) interviewsKept!: number;
  @Field(() => Int, { description: 'Of those, missed.' }) interviewsMissed!: number;
  @Field(() => Int, { description: '現況届 submitted online within their window (8/1–8/31).' }) statusReportsOnTime!: number;
}

export async function applicationFigures(em: EntityManager, municipalityCode: string, from: string, to: string): Promise<ApplicationFigures> {
  const apps = await em.find(Application, { municipality: municipalityCode, submittedAt: { $gte: startOfJapanDay(from), $lt: startOfJapanDay(addDays(to, 1)) } }, { fields: ['procedureId', 'channel', 'status', 'submittedAt', 'decidedAt'] });
  const counts = new Map<string, ApplicationCount>();
  const days: number[] = [];
  let onTime = 0;
  for (const a of apps) {
    const key = `${a.procedureId}|${a.channel}|${a.status}`;
    const c = counts.get(key) ?? { procedureId: a.procedureId, channel: a.channel, status: a.status, count: 0 };
    c.count += 1;
    counts.set(key, c);
    if (a.decidedAt && a.submittedAt && (a.status === ApplicationStatus.ACCEPTED || a.status === ApplicationStatus.NOT_ACCEPTED)) days.push((a.decidedAt.getTime() - a.submittedAt.getTime()) / 86_400_000);
    if (a.procedureId === 'cra-status-report' && a.submittedAt) {
      const md = todayInJapan(a.submittedAt).slice(5);
      if (md >= '08-01' && md <= '08-31') onTime += 1;
    }
  }
  days.sort((x, y) => x - y);
  const median = days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
  const ids = apps.map((a) => a.id);
  const bookings = ids.length ? await em.find(InterviewBooking, { application: { $in: ids }, status: { $ne: BookingStatus.CANCELLED } }, { fields: ['status'] }) : [];
  return {
    counts: [...counts.values()].sort((a, b) => a.procedureId.localeCompare(b.procedureId) || a.status.localeCompare(b.status)),
    medianDaysToDecision: median === null ? null : Math.round(median * 10) / 10,
    interviewsBooked: bookings.length,
    interviewsKept: bookings.filter((b) => b.status === BookingStatus.KEPT).length,
    interviewsMissed: bookings.filter((b) => b.status === BookingStatus.MISSED).length,
    statusReportsOnTime: onTime,
  };
}
