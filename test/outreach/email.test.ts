import type { EntityManager } from '@mikro-orm/postgresql';
import { simpleParser, type ParsedMail } from 'mailparser';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../api/core/paths';
import { rawQuery } from '../../api/db/raw-query';
import { recordConsent } from '../../api/outreach/consent';
import { NoticeLinks } from '../../api/outreach/link';
import { MailCatcher } from '../../api/outreach/mail-catcher';
import { smtpMailer, type Mailer } from '../../api/outreach/mailer';
import { createNotices, type NoticeCandidate } from '../../api/outreach/notices';
import { ConsentMethod, NoticeKind, OutreachChannel } from '../../api/outreach/outreach-types';
import type { NoticeQueue } from '../../api/outreach/queue';
import { DEFAULT_SETTINGS, NoticeSender } from '../../api/outreach/sender';
import { loadNoticeTemplates } from '../../api/outreach/templates';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { addFamily, newMunicipality } from './support';

const M = '130002';
// 10:00 in Japan: outside quiet hours whenever the test runs.
const DAYTIME = new Date('2026-12-03T01:00:00Z');
const NIGHT = new Date('2026-12-03T13:30:00Z'); // 22:30 JST

/** The sender's re-enqueues, recorded: these tests call send() themselves, the queue has its own test. */
class RecordingQueue implements NoticeQueue {
  readonly later: Array<{ id: string; at: Date | undefined }> = [];
  async enqueue(ids: readonly string[], at?: Date) {
    for (const id of ids) this.later.push({ id, at });
  }
  async work() {}
  async workBatches() {}
  async stop() {}
}

describe('outreach e-mail over real SMTP (smtp-server)', () => {
  let db: TestDatabase;
  let em: EntityManager;
  let catcher: MailCatcher;
  let mailer: Mailer;
  let queue: RecordingQueue;
  let now = DAYTIME;
  const links = new NoticeLinks('test-secret-test-secret-test-secret-0123456789');
  let cap = 1000;
  const sender = () =>
    new NoticeSender({
      orm: db.orm,
      queue,
      templates: loadNoticeTemplates(join(SEEDS_DIR, 'notices')),
      links,
      email: mailer,
      sms: null,
      now: () => now,
      programmeName: (id) => (id === 'child-rearing-allowance' ? '児童扶養手当' : id),
      settings: {
        ...DEFAULT_SETTINGS,
        publicBaseUrl: 'https://yorisoi.example.jp',
        from: 'デモ市 <outreach@demo.example.jp>',
        backoffSeconds: 1,
        maxAttempts: 3,
        dailyCap: () => cap,
      },
    });
  let seq = 0;
  const notice = async (recordId: string, over: Partial<NoticeCandidate> = {}) => {
    const { created } = await createNotices(
      em,
      null,
      [
        {
          municipalityCode: M,
          recordId,
          department: 'single-parent',
          kind: NoticeKind.PROGRAMME_FITS,
          trigger: `t${seq++}`,
          programmeId: 'child-rearing-allowance',
          period: '2026',
          facts: {},
          dueAt: new Date(DAYTIME.getTime() - 60_000),
          ...over,
        },
      ],
      () => 'automatic',
    );
    return created[0]!;
  };
  const status = async (id: string) =>
    (
      await rawQuery<{ status: string; last_error: string | null; attempts: number; due_at: Date }>(
        em,
        'select status, last_error, attempts, due_at from outreach_notice where id = ?',
        [id],
      )
    )[0]!;
  const lastMail = async (): Promise<ParsedMail> => simpleParser(catcher.mails[catcher.mails.length - 1]!.raw);

  beforeAll(async () => {
    db = await openTestDatabase();
    em = db.orm.em.fork() as EntityManager;
    await newMunicipality(em, M);
    catcher = await MailCatcher.start();
    mailer = smtpMailer(catcher.url);
  });
  afterAll(async () => {
    mailer.close();
    await catcher.close();
    await db.close();
  });

  it('sends UTF-8 text and HTML with a stable Message-ID and RFC 8058 one-click unsubscribe headers, and marks the notice delivered', async () => {
    queue = new RecordingQueue();
    const record = await addFamily(em, M, { channels: [OutreachChannel.EMAIL], email: 'family1@example.test' });
    const id = await notice(record);
    await sender().send(id);
    expect((await status(id)).status).toBe('DELIVERED');
    const mail = await lastMail();
    expect(mail.to && 'value' in mail.to ? mail.to.value[0]!.address : '').toBe('family1@example.test');
    expect(mail.messageId).toBe(`<${id}@notice.yorisoi>`);
    expect(mail.subject).toBe(
      'デモ市から支援制度のお知らせ'.replace('デモ市', (await em.findOneOrFail(PersonalRecord, record, { populate: ['municipality'] })).municipality.name),
    );
    expect(mail.text).toContain('寄添 様');
    expect(mail.text).toContain('「児童扶養手当」');
    expect(mail.html).toContain('<a href="https://yorisoi.example.jp/outreach/n/');
    // The raw header lines, as a receiving mail system reads them.
    const raw = catcher.mails[catcher.mails.length - 1]!.raw;
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
    expect(headers).toMatch(/^List-Unsubscribe: <https:\/\/yorisoi\.example\.jp\/outreach\/unsubscribe\/[\w.-]+>\r?$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(headers).toMatch(new RegExp(`^Message-ID: <${id}@notice\\.yorisoi>\\r?$`, 'mi'));
    expect(catcher.mails[catcher.mails.length - 1]!.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    // No images, no tracking: the only link is the family's page.
    expect(mail.html).not.toMatch(/<img/i);
    expect([...(mail.html as string).matchAll(/href="/g)]).toHaveLength(1);
    // Sending the same notice again (a duplicate job) does nothing.
    const before = catcher.mails.length;
    await sender().send(id);
    expect(catcher.mails.length).toBe(before);
  });

  it('retries a 4xx answer with backoff, then delivers', async () => {
    queue = new RecordingQueue();
    const record = await addFamily(em, M, { channels: [OutreachChannel.EMAIL], email: 'busy@example.test' });
    const id = await notice(record);
    catcher.reply = (to) => (to === 'busy@example.test' ? { code: 451, message: 'try again later' } : null);
    await sender().send(id);
    const failed = await status(id);
    expect(failed).toMatchObject({ status: 'TEMPORARY_FAILURE', last_error: 'smtp-451', attempts: 1 });
    expect(queue.later).toEqual([{ id, at: new Date(failed.due_at) }]);
    expect(new Date(failed.due_at).getTime() - now.getTime()).toBe(1000);
    catcher.reply = () => null;
    now = new Date(DAYTIME.getTime() + 5000);
    await sender().send(id);
    expect((await status(id)).status).toBe('DELIVERED');
    now = DAYTIME;
  });

  it('treats a 5xx answer as permanent: the address is blocked, a phone task is opened if calls were allowed', async () => {
    queue = new RecordingQueue();
    const record = await addFamily(em, M, { channels: [OutreachChannel.EMAIL, OutreachChannel.PHONE], email: 'gone@example.test' });
    const id = await notice(record);
    catcher.reply = (to) => (to === 'gone@example.test' ? { code: 550, message: 'no such user' } : null);
    await sender().send(id);
    catcher.reply = () => null;
    expect(await status(id)).toMatchObject({ status: 'PERMANENT_FAILURE', last_error: 'smtp-550' });
    expect(queue.later).toEqual([]);
    const tasks = await rawQuery<{ reason: string; status: string }>(em, 'select reason, status from outreach_phone_task where notice_id = ?', [id]);
    expect(tasks).toEqual([{ reason: 'permanent-failure', status: 'OPEN' }]);
    // The next notice to that address is not even offered to the server.
    const before = catcher.mails.length;
    const second = await notice(record);
    await sender().send(second);
    expect(await status(second)).toMatchObject({ status: 'PERMANENT_FAILURE', last_error: 'blocked-address' });
    expect(catcher.mails.length).toBe(before);
  });

  it('sends nothing in quiet hours: the notice waits until 8:00 Japan time', async () => {
    queue = new RecordingQueue();
    const record = await addFamily(em, M, { channels: [OutreachChannel.EMAIL] });
    const id = await notice(record);
    const before = catcher.mails.length;
    now = NIGHT;
    await sender().send(id);
    now = DAYTIME;
    expect(catcher.mails.length).toBe(before);
    const s = await status(id);
    expect(s.status).toBe('CREATED');
    expect(s.attempts).toBe(0);
    expect(new Date(s.due_at).toISOString()).toBe('2026-12-03T23:00:00.000Z');
    expect(queue.later).toEqual([{ id, at: new Date('2026-12-03T23:00:00.000Z') }]);
  });

  it('sends nothing once the family opted out, nor to a family that became DV-protected', async () => {
    queue = new RecordingQueue();
    const a = await addFamily(em, M, { channels: [OutreachChannel.EMAIL] });
    const b = await addFamily(em, M, { channels: [OutreachChannel.EMAIL] });
    const na = await notice(a);
    const nb = await notice(b);
    await recordConsent(em, M, a, [
      { channel: OutreachChannel.EMAIL, granted: false, method: ConsentMethod.FAMILY_PAGE, recordedBy: null, purposeVersion: 'test' },
    ]);
    const rb = await em.findOneOrFail(PersonalRecord, b);
    rb.protection.supportMeasure = true;
    await em.flush();
    const before = catcher.mails.length;
    await sender().send(na);
    await sender().send(nb);
    expect(catcher.mails.length).toBe(before);
    expect((await status(na)).status).toBe('OPTED_OUT');
    expect((await status(nb)).status).toBe('OPTED_OUT');
  });

  it('holds the rest of the day once the municipality’s daily cap is reached', async () => {
    queue = new RecordingQueue();
    const r = await addFamily(em, M, { channels: [OutreachChannel.EMAIL] });
    const [count] = await rawQuery<{ n: number }>(em, `select coalesce(max(count), 0)::int as n from outreach_daily_count where municipality_code = ?`, [M]);
    cap = count!.n + 1;
    const first = await notice(r);
    const second = await notice(r);
    await sender().send(first);
    await sender().send(second);
    cap = 1000;
    expect((await status(first)).status).toBe('DELIVERED');
    const held = await status(second);
    expect(held.status).toBe('CREATED');
    expect(new Date(held.due_at).toISOString()).toBe('2026-12-03T23:00:00.000Z');
  });

  it('sends a batch with one claim: each notice gets its own outcome, the cap is split, a repeated or finished id is not sent again', async () => {
    queue = new RecordingQueue();
    const families = await Promise.all([1, 2, 3, 4].map((i) => addFamily(em, M, { channels: [OutreachChannel.EMAIL], email: `batch${i}@example.test` })));
    const goes = [];
    for (const f of families) goes.push(await notice(f));
    const stopped = await addFamily(em, M, { channels: [OutreachChannel.EMAIL] });
    const gone = await notice(stopped);
    await recordConsent(em, M, stopped, [
      { channel: OutreachChannel.EMAIL, granted: false, method: ConsentMethod.FAMILY_PAGE, recordedBy: null, purposeVersion: 'test' },
    ]);
    const [count] = await rawQuery<{ n: number }>(em, `select coalesce(max(count), 0)::int as n from outreach_daily_count where municipality_code = ?`, [M]);
    cap = count!.n + 3;
    const delivered = async () =>
      Number(
        (
          await rawQuery<{ n: string }>(em, `select coalesce(sum(count), 0) as n from outreach_figure where municipality_code = ? and metric = 'delivered'`, [
            M,
          ])
        )[0]!.n,
      );
    const figureBefore = await delivered();
    const before = catcher.mails.length;
    await sender().sendMany([...goes, gone, goes[0]!]);
    cap = 1000;
    expect(catcher.mails.length - before).toBe(3);
    const to = await Promise.all(catcher.mails.slice(before).map(async (m) => (await simpleParser(m.raw)).to));
    expect(new Set(to.map((t) => JSON.stringify(t))).size).toBe(3);
    const statuses = await Promise.all(goes.map(status));
    expect(statuses.filter((x) => x.status === 'DELIVERED')).toHaveLength(3);
    const held = statuses.find((x) => x.status === 'CREATED')!;
    expect(new Date(held.due_at).toISOString()).toBe('2026-12-03T23:00:00.000Z');
    expect(held.attempts).toBe(0);
    expect((await status(gone)).status).toBe('OPTED_OUT');
    expect(await delivered()).toBe(figureBefore + 3);
    expect(queue.later).toHaveLength(1);
    await sender().sendMany(goes);
    expect(catcher.mails.length - before).toBe(3);
  });

  it('never sends a notice waiting for a record since merged away (名寄せ): the family hears through the survivor', async () => {
    queue = new RecordingQueue();
    const survivor = await addFamily(em, M, { channels: [OutreachChannel.EMAIL], email: 'merged-survivor@example.test' });
    const merged = await addFamily(em, M, { channels: [OutreachChannel.EMAIL], email: 'merged-away@example.test' });
    const waiting = await notice(merged);
    const theirs = await notice(survivor);
    // The state a merge leaves when the survivor already had the like of this notice (it stays on the tombstone).
    await rawQuery(em, `update personal_record set merged_into_id = ?, merged_at = now() where id = ?`, [survivor, merged]);
    const failed = async () =>
      Number(
        (
          await rawQuery<{ n: string }>(
            em,
            `select coalesce(sum(count), 0) as n from outreach_figure where municipality_code = ? and metric = 'permanent-failure'`,
            [M],
          )
        )[0]!.n,
      );
    const failedBefore = await failed();
    const before = catcher.mails.length;
    await sender().sendMany([waiting, theirs]);
    expect(await status(waiting)).toMatchObject({ status: 'PERMANENT_FAILURE', last_error: 'merged-record' });
    // Not an undelivered notice in reporting's figures: the family was reached, once.
    expect(await failed()).toBe(failedBefore);
    expect((await status(theirs)).status).toBe('DELIVERED');
    const sent = await Promise.all(catcher.mails.slice(before).map(async (m) => (await simpleParser(m.raw)).to));
    expect(sent.map((to) => (to && 'value' in to ? to.value[0]!.address : ''))).toEqual(['merged-survivor@example.test']);
    expect(queue.later).toEqual([]);
  });

  it('puts nothing of the family’s situation in any message', async () => {
    queue = new RecordingQueue();
    const secret = 'SECRET-NOTE-借金と夫からの連絡';
    const record = await addFamily(em, M, { channels: [OutreachChannel.EMAIL], note: secret, email: 'private@example.test' });
    const r = await em.findOneOrFail(PersonalRecord, record);
    Object.assign(r.income, { annualEmploymentIncome: 1234567, childSupportReceivedYearly: 7654321 });
    Object.assign(r.address, { postalCode: '1000001', street: '千代田1-1-1 秘密マンション' });
    await em.flush();
    for (const kind of [
      NoticeKind.PROGRAMME_FITS,
      NoticeKind.AMOUNT_CHANGED,
      NoticeKind.PROGRAMME_LAPSES,
      NoticeKind.DEADLINE,
      NoticeKind.CAMPAIGN,
      NoticeKind.REMINDER,
    ]) {
      for (const locale of ['ja', 'en', 'ja-easy'] as const) {
        const id = await notice(record, {
          kind,
          locale,
          programmeId: kind === NoticeKind.CAMPAIGN ? 'dv-consultation' : 'child-rearing-allowance',
          facts: { deadline: '2027-08-31' },
        });
        await sender().send(id);
        const raw = catcher.mails[catcher.mails.length - 1]!.raw;
        const mail = await simpleParser(raw);
        // The signed link is random-looking base64url; the words are checked around it.
        for (const part of [mail.subject ?? '', mail.text ?? '', String(mail.html)].map((p) =>
          p.replace(/https:\/\/yorisoi\.example\.jp\/outreach\/n\/[\w.-]+/g, '<link>'),
        )) {
          for (const sensitive of [secret, '1234567', '1,234,567', '7654321', '1000001', '秘密マンション', 'DV', 'ＤＶ', 'dv-consultation', '090-1111-2222'])
            expect(part).not.toContain(sensitive);
        }
      }
    }
  });
});
