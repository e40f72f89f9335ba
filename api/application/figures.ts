/**
 * Figures for reporting (実施状況報告): applications by procedure, channel and status; median days to a
 * decision; interviews booked, kept and missed; 現況届 submitted online within their window. Counts
 * only, per municipality, for applications submitted between two Japan dates — nothing personal.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { addDays, startOfJapanDay } from '../core';
import { ApplicationStatus } from './application-status';
import { BookingStatus } from './interviews/interview.entity';

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
  @Field(() => Float, { nullable: true, description: 'Median days from submission to a decision (accepted or not), for those decided.' })
  medianDaysToDecision?: number | null;
  @Field(() => Int, { description: 'Interviews booked for applications of the period (not cancelled).' }) interviewsBooked!: number;
  @Field(() => Int, { description: 'Of those, kept.' }) interviewsKept!: number;
  @Field(() => Int, { description: 'Of those, missed.' }) interviewsMissed!: number;
  @Field(() => Int, { description: '現況届 submitted online within their window (8/1–8/31).' }) statusReportsOnTime!: number;
}

type CountRow = { procedure_id: string; channel: string; status: string; n: number | string };
type SummaryRow = { median_days: number | string | null; on_time: number | string; booked: number | string; kept: number | string; missed: number | string };

/**
 * Counted by PostgreSQL, not by loading the period's applications: the dashboard's first read in a cache
 * window counted ~1,650 entities a month (and their bookings by a list of ids) here, which was the bulk of
 * its cold read (test/bench/RESULTS.md). Two statements; the figures are the same as before.
 */
export async function applicationFigures(em: EntityManager, municipalityCode: string, from: string, to: string): Promise<ApplicationFigures> {
  const conn = em.getConnection();
  const range = [municipalityCode, startOfJapanDay(from), startOfJapanDay(addDays(to, 1))];
  const inPeriod = 'a.municipality_code = ? and a.submitted_at >= ? and a.submitted_at < ?';
  const rows = await conn.execute<CountRow[]>(
    `select a.procedure_id, a.channel, a.status, count(*) as n from application a where ${inPeriod} group by 1, 2, 3`,
    range,
  );
  // Japan has no daylight saving: a Japan date is the UTC instant plus nine hours (as todayInJapan).
  const [summary] = await conn.execute<SummaryRow[]>(
    `select
       (select percentile_cont(0.5) within group (order by extract(epoch from a.decided_at - a.submitted_at) / 86400)
          from application a where ${inPeriod} and a.decided_at is not null and a.status in (?, ?)) as median_days,
       (select count(*) from application a where ${inPeriod} and a.procedure_id = 'cra-status-report'
          and to_char((a.submitted_at at time zone 'UTC') + interval '9 hours', 'MM-DD') between '08-01' and '08-31') as on_time,
       count(*) as booked,
       count(*) filter (where b.status = ?) as kept,
       count(*) filter (where b.status = ?) as missed
     from interview_booking b join application a on a.id = b.application_id
     where ${inPeriod} and b.status <> ?`,
    [
      ...range,
      ApplicationStatus.ACCEPTED,
      ApplicationStatus.NOT_ACCEPTED,
      ...range,
      BookingStatus.KEPT,
      BookingStatus.MISSED,
      ...range,
      BookingStatus.CANCELLED,
    ],
  );
  const counts: ApplicationCount[] = rows.map((r) => ({ procedureId: r.procedure_id, channel: r.channel, status: r.status, count: Number(r.n) }));
  const median = summary?.median_days == null ? null : Number(summary.median_days);
  return {
    counts: counts.sort((a, b) => a.procedureId.localeCompare(b.procedureId) || a.status.localeCompare(b.status)),
    medianDaysToDecision: median === null ? null : Math.round(median * 10) / 10,
    interviewsBooked: Number(summary?.booked ?? 0),
    interviewsKept: Number(summary?.kept ?? 0),
    interviewsMissed: Number(summary?.missed ?? 0),
    statusReportsOnTime: Number(summary?.on_time ?? 0),
  };
}
