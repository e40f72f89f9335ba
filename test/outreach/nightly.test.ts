import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../api/db/raw-query';
import { outreachEnv } from '../../api/outreach';
import { nightlyCron, runNightly } from '../../api/outreach/nightly';
import { startTestApp, type TestApp } from '../support/app';

// The nightly re-screening (issue 16) runs on pg-boss's cron in Japan time at OUTREACH_NIGHTLY_HOUR; a
// firing re-screens every municipality once per Japan day: a second firing the same day does nothing,
// the next day runs again. The schedule is triggered for real here (a cron due every minute, checked
// every second), then fired again by hand the same day and the next.

describe('the nightly re-screening on a schedule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ records: 8 });
  }, 300_000);
  afterAll(() => t.close());

  const runs = async () =>
    rawQuery<{ municipality_code: string; day: string; finished_at: Date | null; summary: { screened: number } | string | null }>(
      t.em(),
      `select municipality_code, to_char(day, 'YYYY-MM-DD') as day, finished_at, summary from outreach_rescreen_run order by day, municipality_code`,
      [],
    );

  it('reads its hour from the environment (Japan time), or none when off', () => {
    expect(outreachEnv({}).nightlyHour).toBe(2);
    expect(outreachEnv({ OUTREACH_NIGHTLY_HOUR: '3' }).nightlyHour).toBe(3);
    expect(outreachEnv({ OUTREACH_NIGHTLY_HOUR: 'off' }).nightlyHour).toBeNull();
    expect(() => outreachEnv({ OUTREACH_NIGHTLY_HOUR: '24' })).toThrow(/0–23/);
    expect(nightlyCron(3)).toBe('0 3 * * *');
  });

  it('fires from the schedule, and runs once per day whatever the number of firings', async () => {
    const outreach = t.app.services.outreach!;
    await outreach.startNightly({ cron: '* * * * *', fast: true });
    const [schedule] = await rawQuery<{ cron: string; timezone: string }>(
      t.em(),
      `select cron, timezone from pgboss.schedule where name = 'outreach-rescreen'`,
      [],
    );
    expect(schedule).toEqual({ cron: '* * * * *', timezone: 'Asia/Tokyo' });

    // pg-boss's timekeeper sends the job; the worker runs the re-screening for the municipality.
    await expect.poll(async () => (await runs()).filter((r) => r.finished_at !== null).length, { timeout: 90_000, interval: 500 }).toBe(1);
    const [first] = await runs();
    const summary = typeof first!.summary === 'string' ? JSON.parse(first!.summary) : first!.summary;
    const records = Number((await rawQuery<{ n: string }>(t.em(), `select count(*) as n from personal_record where municipality_code = '999999'`, []))[0]!.n);
    expect(summary.screened).toBe(records);
    expect(first!.municipality_code).toBe('999999');

    // Another firing the same day (a second worker, a retried job): nothing runs.
    const deps = { orm: t.db.orm, queue: outreach.queue, catalogue: () => t.app.services.catalogue, approval: outreach.approval };
    const again = await runNightly(deps);
    expect(again).toEqual([{ municipalityCode: '999999', day: first!.day, ran: false, summary: null }]);
    expect((await runs()).length).toBe(1);

    // The next day it runs again.
    const tomorrow = new Date(`${first!.day}T12:00:00+09:00`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const next = await runNightly({ ...deps, now: () => tomorrow });
    expect(next[0]).toMatchObject({ ran: true });
    expect((await runs()).map((r) => r.day)).toEqual([first!.day, next[0]!.day]);
    expect(next[0]!.day > first!.day).toBe(true);
  }, 240_000);
});
