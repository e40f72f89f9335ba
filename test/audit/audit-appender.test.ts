import { describe, expect, it } from 'vitest';
import { AuditAppender } from '../../api/audit/audit-appender';

/** Group commit of audit entries (api/audit/audit-appender.ts): shared calls, never a lost or borrowed failure. */
describe('audit appender', () => {
  const entry = (n: number) => JSON.stringify({ n });

  it('sends the first request at once and the requests that arrive meanwhile together, each resolved after its call', async () => {
    const calls: unknown[][] = [];
    let release!: () => void;
    const appender = new AuditAppender(async (json) => {
      calls.push(JSON.parse(json));
      if (calls.length === 1) await new Promise<void>((r) => (release = r));
    });
    const done: number[] = [];
    const first = appender.append(entry(1), 1).then(() => done.push(1));
    const second = appender.append(entry(2), 1).then(() => done.push(2));
    const third = appender.append(`${entry(3)},${entry(4)}`, 2).then(() => done.push(3));
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual([[{ n: 1 }]]);
    expect(done).toEqual([]); // nothing is acknowledged before its call returns
    release();
    await Promise.all([first, second, third]);
    expect(calls).toEqual([[{ n: 1 }], [{ n: 2 }, { n: 3 }, { n: 4 }]]);
    expect(done).toEqual([1, 2, 3]);
  });

  it('retries each request alone when a shared call fails, so only the failing request is refused', async () => {
    const calls: unknown[][] = [];
    let release!: () => void;
    const appender = new AuditAppender(async (json) => {
      const entries = JSON.parse(json) as { n: number }[];
      calls.push(entries);
      if (calls.length === 1) await new Promise<void>((r) => (release = r));
      if (entries.some((e) => e.n === 3)) throw new Error('refused');
    });
    const first = appender.append(entry(1), 1);
    const results = Promise.allSettled([appender.append(entry(2), 1), appender.append(entry(3), 1), appender.append(entry(4), 1)]);
    await new Promise((r) => setTimeout(r, 10));
    release();
    await first;
    expect((await results).map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls.slice(1)).toEqual([[{ n: 2 }, { n: 3 }, { n: 4 }], [{ n: 2 }], [{ n: 3 }], [{ n: 4 }]]);
  });

  it('keeps going after a failure: a later request gets its own call', async () => {
    let fail = true;
    const appender = new AuditAppender(async () => {
      if (fail) throw new Error('down');
    });
    await expect(appender.append(entry(1), 1)).rejects.toThrow('down');
    fail = false;
    await expect(appender.append(entry(2), 1)).resolves.toBeUndefined();
  });
});
