import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentHistory, optedInChannels, recordConsent } from '../../api/outreach/consent';
import { createNotices, decideNotices, type NoticeCandidate } from '../../api/outreach/notices';
import { figures } from '../../api/outreach/figures';
import { ConsentMethod, NoticeKind, OutreachChannel } from '../../api/outreach/outreach-types';
import { PgBossQueue } from '../../api/outreach/queue';
import { rawQuery } from '../../api/db/raw-query';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { addFamily, newMunicipality } from './support';

const M = '130001';
const candidate = (recordId: string, over: Partial<NoticeCandidate> = {}): NoticeCandidate => ({
  municipalityCode: M,
  recordId,
  department: 'single-parent',
  kind: NoticeKind.PROGRAMME_FITS,
  trigger: 'rescreen:test',
  programmeId: 'child-rearing-allowance',
  period: '2026',
  facts: { programmeIds: ['child-rearing-allowance'] },
  ...over,
});

describe('outreach notices: consent first, each finding once, through pg-boss', () => {
  let db: TestDatabase;
  let em: EntityManager;
  beforeAll(async () => {
    db = await openTestDatabase();
    em = db.orm.em.fork() as EntityManager;
    await newMunicipality(em, M);
  });
  afterAll(() => db.close());

  it('keeps each channel consent change with who, when, how and the purpose version; the latest wins', async () => {
    const id = await addFamily(em, M);
    expect([...(await optedInChannels(em, id))]).toEqual([]);
    await recordConsent(em, M, id, [
      { channel: OutreachChannel.EMAIL, granted: true, method: ConsentMethod.INTAKE, recordedBy: null, purposeVersion: 'p1', at: new Date(Date.now() - 2000) },
    ]);
    await recordConsent(em, M, id, [
      { channel: OutreachChannel.SMS, granted: true, method: ConsentMethod.INTAKE, recordedBy: null, purposeVersion: 'p1', at: new Date(Date.now() - 2000) },
    ]);
    await recordConsent(em, M, id, [
      { channel: OutreachChannel.EMAIL, granted: false, method: ConsentMethod.ONE_CLICK, recordedBy: null, purposeVersion: 'p1' },
    ]);
    expect([...(await optedInChannels(em, id))]).toEqual([OutreachChannel.SMS]);
    const history = await consentHistory(em, id);
    expect(history.map((h) => [h.channel, h.granted, h.method])).toEqual([
      [OutreachChannel.EMAIL, false, 'one-click'],
      [OutreachChannel.SMS, true, 'intake'],
      [OutreachChannel.EMAIL, true, 'intake'],
    ]);
  });

  it('creates no notice without an opt-in, nor on a channel a DV-protected family did not mark safe', async () => {
    const none = await addFamily(em, M, { channels: [] });
    const dvEmail = await addFamily(em, M, { channels: [OutreachChannel.EMAIL], dv: true });
    const dvSmsUnasked = await addFamily(em, M, { channels: [OutreachChannel.SMS], dv: true, smsSafe: null });
    const dvSmsSafe = await addFamily(em, M, { channels: [OutreachChannel.SMS, OutreachChannel.EMAIL], dv: true, smsSafe: true });
    const noAddress = await addFamily(em, M, { channels: [OutreachChannel.EMAIL], email: null });
    const result = await createNotices(
      em,
      null,
      [none, dvEmail, dvSmsUnasked, dvSmsSafe, noAddress].map((r) => candidate(r)),
    );
    expect(result.unreachable).toBe(4);
    expect(result.created).toHaveLength(1);
    const [row] = await rawQuery<{ record_id: string; channel: string }>(em, 'select record_id, channel from outreach_notice where id = ?', [
      result.created[0],
    ]);
    expect(row).toEqual({ record_id: dvSmsSafe, channel: 'SMS' });
  });

  it('creates a notice once per (record, trigger, programme, period), however often the finding comes back', async () => {
    const id = await addFamily(em, M, { channels: [OutreachChannel.EMAIL] });
    const first = await createNotices(em, null, [candidate(id), candidate(id)]);
    expect(first.created).toHaveLength(1);
    expect(first.duplicates).toBe(1);
    const again = await createNotices(em, null, [candidate(id)]);
    expect(again.created).toHaveLength(0);
    const nextYear = await createNotices(em, null, [candidate(id, { period: '2027' })]);
    expect(nextYear.created).toHaveLength(1);
    const [count] = await rawQuery<{ n: number }>(em, 'select count(*)::int as n from outreach_notice where record_id = ?', [id]);
    expect(count!.n).toBe(2);
  });

  it('hands a worker its fetched jobs as one batch (workBatches), every id once', async () => {
    const queue = PgBossQueue.for(db.orm, db.database);
    const batches: string[][] = [];
    try {
      const id = await addFamily(em, M, { channels: [OutreachChannel.EMAIL] });
      const { created } = await createNotices(
        em,
        null,
        [1, 2, 3, 4, 5].map((i) => candidate(id, { trigger: `batch:${i}` })),
        () => 'automatic',
      );
      // Queued before the worker starts: its first fetch finds all five.
      await queue.enqueue(created);
      await queue.workBatches(async (ids) => void batches.push(ids), { batchSize: 5, pollSeconds: 0.5 });
      const until = Date.now() + 10_000;
      while (batches.flat().length < 5 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(batches.flat().sort()).toEqual([...created].sort());
      expect(batches[0]!.length).toBe(5);
    } finally {
      await queue.stop();
    }
  });

  it('waits for approval by default; an approved notice reaches a pg-boss worker exactly as its id', async () => {
    const queue = PgBossQueue.for(db.orm, db.database);
    const seen: string[] = [];
    await queue.work(async (noticeId) => void seen.push(noticeId), { pollSeconds: 0.5 });
    try {
      const id = await addFamily(em, M, { channels: [OutreachChannel.EMAIL] });
      const { created } = await createNotices(em, queue, [candidate(id, { trigger: 'rescreen:approval' })]);
      await new Promise((r) => setTimeout(r, 1200));
      expect(seen).not.toContain(created[0]);
      // Another department cannot approve the owner's candidates.
      expect(await decideNotices(em, queue, M, 'public-housing', created, true)).toEqual([]);
      expect(await decideNotices(em, queue, M, 'single-parent', created, true)).toEqual(created);
      const until = Date.now() + 10_000;
      while (!seen.includes(created[0]!) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(seen).toContain(created[0]);
      const auto = await createNotices(em, queue, [candidate(id, { trigger: 'rescreen:auto' })], () => 'automatic');
      while (!seen.includes(auto.created[0]!) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(seen).toContain(auto.created[0]);
    } finally {
      await queue.stop();
    }
    const rows = await figures(em, M, '2000-01', '2999-12');
    expect(rows.filter((r) => r.metric === 'created').reduce((s, r) => s + r.count, 0)).toBeGreaterThanOrEqual(5);
  });
});
