import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../api/core/paths';
import { rawQuery } from '../../api/db/raw-query';
import { NoticeLinks } from '../../api/outreach/link';
import { createNotices, reachableChannels, type NoticeCandidate } from '../../api/outreach/notices';
import { NoticeKind, OutreachChannel } from '../../api/outreach/outreach-types';
import type { NoticeQueue } from '../../api/outreach/queue';
import { DEFAULT_SETTINGS, NoticeSender, type LineNotices } from '../../api/outreach/sender';
import { httpSmsSender, isStopWord, toE164 } from '../../api/outreach/sms';
import { smsInboundRoutes } from '../../api/outreach/sms-inbound';
import { loadNoticeTemplates } from '../../api/outreach/templates';
import { consentHistory, optedInChannels } from '../../api/outreach/consent';
import express from 'express';
import request from 'supertest';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { addFamily, newMunicipality } from './support';

// SMS through a generic HTTP provider (a local fake provider here, never a real one) and LINE through
// api/line's notice face (sendLine with the notice id as retry key); the channel follows consent.

const M = '130010';
const DAYTIME = new Date('2026-12-03T01:00:00Z'); // 10:00 JST

interface ProviderRequest {
  headers: IncomingMessage['headers'];
  body: { to: string; from: string | null; text: string; reference: string };
}

/** A fake SMS provider: records each message, answers per number, and de-duplicates by Idempotency-Key (409). */
class FakeSmsProvider {
  readonly requests: ProviderRequest[] = [];
  readonly accepted = new Map<string, ProviderRequest>();
  answer: (to: string) => number = () => 202;
  private server!: Server;
  url = '';
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        const r = { headers: req.headers, body: JSON.parse(raw) as ProviderRequest['body'] };
        this.requests.push(r);
        const key = String(req.headers['idempotency-key']);
        if (this.accepted.has(key)) {
          res.writeHead(409).end('{"error":"duplicate"}');
          return;
        }
        const status = this.answer(r.body.to);
        if (status < 300) this.accepted.set(key, r);
        res.writeHead(status, { 'content-type': 'application/json' }).end(status < 300 ? '{"id":"m1"}' : '{"error":"number +819000000000 unknown"}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/messages`;
  }
  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

class NoQueue implements NoticeQueue {
  async enqueue() {}
  async work() {}
  async workBatches() {}
  async stop() {}
}

/** api/line's face as the outreach sender sees it: records the calls; answers as told. */
class RecordingLine implements LineNotices {
  readonly calls: Array<Parameters<LineNotices['sendLine']>[0]> = [];
  answer: Awaited<ReturnType<LineNotices['sendLine']>> = { status: 'DELIVERED' };
  async sendLine(n: Parameters<LineNotices['sendLine']>[0]) {
    this.calls.push(n);
    return this.answer;
  }
}

describe('outreach over SMS and LINE', () => {
  let db: TestDatabase;
  let em: EntityManager;
  const provider = new FakeSmsProvider();
  const line = new RecordingLine();
  const links = new NoticeLinks('test-secret-test-secret-test-secret-0123456789');
  const sender = (url = provider.url) =>
    new NoticeSender({
      orm: db.orm,
      queue: new NoQueue(),
      templates: loadNoticeTemplates(join(SEEDS_DIR, 'notices')),
      links,
      email: null,
      now: () => DAYTIME,
      sms: httpSmsSender({ url, token: 'provider-token', from: 'YORISOI' }),
      line,
      programmeName: () => '児童扶養手当',
      settings: { ...DEFAULT_SETTINGS, publicBaseUrl: 'https://yorisoi.example.jp', backoffSeconds: 1 },
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
          trigger: `s${seq++}`,
          programmeId: 'child-rearing-allowance',
          period: '2026',
          facts: {},
          dueAt: new Date(DAYTIME.getTime() - 60_000),
          ...over,
        },
      ],
      () => 'automatic',
    );
    return created[0];
  };
  const row = async (id: string) =>
    (
      await rawQuery<{ status: string; last_error: string | null; channel: string; body: string | null; handoffs: number }>(
        em,
        'select status, last_error, channel, body, handoffs from outreach_notice where id = ?',
        [id],
      )
    )[0]!;
  const linkLine = (recordId: string, o: { notices?: boolean; blocked?: boolean } = {}) =>
    rawQuery(
      em,
      `insert into line_link (id, municipality_code, record_id, user_key, user_id, linked_at, notices, blocked) values (?, ?, ?, ?, 'enc1:test', now(), ?, ?)`,
      [randomUUID(), M, recordId, randomUUID().replace(/-/g, ''), o.notices ?? true, o.blocked ?? false],
    );

  beforeAll(async () => {
    db = await openTestDatabase();
    em = db.orm.em.fork() as EntityManager;
    await newMunicipality(em, M);
    await provider.start();
  });
  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  it('sends a short SMS with only the municipality, the link and the opt-out word, keyed by the notice id', async () => {
    const record = await addFamily(em, M, { channels: [OutreachChannel.SMS], phone: '090-1111-2222', note: '夫からの暴力で転居' });
    const id = (await notice(record))!;
    expect((await row(id)).channel).toBe('SMS');
    await sender().send(id);
    expect(await row(id)).toMatchObject({ status: 'DELIVERED', last_error: null });
    const sent = provider.requests.at(-1)!;
    expect(sent.headers.authorization).toBe('Bearer provider-token');
    expect(sent.headers['idempotency-key']).toBe(id);
    expect(sent.body).toMatchObject({ to: '+819011112222', from: 'YORISOI', reference: id });
    const text = sent.body.text;
    const link = /https:\/\/yorisoi\.example\.jp\/outreach\/n\/\S+/.exec(text)?.[0];
    expect(link).toBeDefined();
    // One SMS: at most 70 characters besides the link; the opt-out word; nothing of the family or the programme.
    expect(text.replace(link!, '').length).toBeLessThanOrEqual(70);
    expect(text).toContain('「停止」と返信');
    for (const secret of ['寄添', '花子', '児童扶養手当', '090', '暴力']) expect(text).not.toContain(secret);
    expect((await row(id)).body).toBe(text);
    expect(isStopWord(' ＳＴＯＰ ')).toBe(true);
    expect(isStopWord('停止')).toBe(true);
    expect(isStopWord('停止しないで')).toBe(false);
  });

  it('retries 429 and 5xx and no connection; stops at other 4xx; never keeps the provider’s text', async () => {
    const busy = await addFamily(em, M, { channels: [OutreachChannel.SMS], phone: '080-3333-4444' });
    const wrong = await addFamily(em, M, { channels: [OutreachChannel.SMS], phone: '080-5555-6666' });
    const down = await addFamily(em, M, { channels: [OutreachChannel.SMS], phone: '080-7777-8888' });
    provider.answer = (to) => (to === toE164('080-3333-4444') ? 503 : to === toE164('080-5555-6666') ? 400 : 202);
    const [a, b, c] = [(await notice(busy))!, (await notice(wrong))!, (await notice(down))!];
    await sender().send(a);
    await sender().send(b);
    await sender('http://127.0.0.1:9/v1/messages').send(c);
    expect(await row(a)).toMatchObject({ status: 'TEMPORARY_FAILURE', last_error: 'http-503' });
    expect(await row(b)).toMatchObject({ status: 'PERMANENT_FAILURE', last_error: 'http-400' });
    expect(await row(c)).toMatchObject({ status: 'TEMPORARY_FAILURE', last_error: 'network' });
    provider.answer = () => 202;
  });

  it('a re-send after a crash between hand-off and record reaches the provider with the same key: sent once, delivered', async () => {
    const record = await addFamily(em, M, { channels: [OutreachChannel.SMS], phone: '070-1212-3434' });
    const id = (await notice(record))!;
    await sender().send(id);
    // The crash: the message went out but the worker died before marking it (the lease ran out).
    await rawQuery(em, `update outreach_notice set status = 'SENDING', lease_until = ? where id = ?`, [new Date(DAYTIME.getTime() - 1000), id]);
    await sender().send(id);
    expect(await row(id)).toMatchObject({ status: 'DELIVERED', handoffs: 2 });
    expect(provider.requests.filter((r) => r.headers['idempotency-key'] === id)).toHaveLength(2);
    expect([...provider.accepted.keys()].filter((k) => k === id)).toHaveLength(1);
  });

  it('chooses the channel by consent: e-mail before LINE before SMS before a call; LINE only when linked with notices on', async () => {
    const smsOnly = await addFamily(em, M, { channels: [OutreachChannel.SMS] });
    const both = await addFamily(em, M, { channels: [OutreachChannel.SMS, OutreachChannel.EMAIL] });
    const lineLinked = await addFamily(em, M, { channels: [OutreachChannel.LINE, OutreachChannel.SMS] });
    const lineNotLinked = await addFamily(em, M, { channels: [OutreachChannel.LINE] });
    const lineOff = await addFamily(em, M, { channels: [OutreachChannel.LINE] });
    const lineDv = await addFamily(em, M, { channels: [OutreachChannel.LINE], dv: true });
    await linkLine(lineLinked);
    await linkLine(lineOff, { notices: false });
    await linkLine(lineDv);
    const reach = await reachableChannels(em, [smsOnly, both, lineLinked, lineNotLinked, lineOff, lineDv]);
    expect(Object.fromEntries(reach)).toEqual({
      [smsOnly]: 'SMS',
      [both]: 'EMAIL',
      [lineLinked]: 'LINE',
      [lineNotLinked]: null,
      [lineOff]: null,
      [lineDv]: null,
    });
  });

  it('hands LINE notices to api/line with the notice id as retry key; LINE’s opt-out and failures are the notice’s', async () => {
    const a = await addFamily(em, M, { channels: [OutreachChannel.LINE] });
    const b = await addFamily(em, M, { channels: [OutreachChannel.LINE] });
    const c = await addFamily(em, M, { channels: [OutreachChannel.LINE] });
    for (const r of [a, b, c]) await linkLine(r);
    const [na, nb, nc] = [(await notice(a, { locale: 'en' }))!, (await notice(b))!, (await notice(c))!];
    expect((await row(na)).channel).toBe('LINE');
    line.answer = { status: 'DELIVERED' };
    await sender().send(na);
    expect(line.calls.at(-1)).toEqual({ id: na, municipalityCode: M, recordId: a, kind: 'programme-fits', locale: 'en' });
    expect(await row(na)).toMatchObject({ status: 'DELIVERED' });
    line.answer = { status: 'OPTED_OUT', reason: 'blocked' };
    await sender().send(nb);
    expect(await row(nb)).toMatchObject({ status: 'OPTED_OUT', last_error: 'line-blocked' });
    line.answer = { status: 'TEMPORARY_FAILURE', reason: 'http-429', retryAfterSeconds: 30 };
    await sender().send(nc);
    expect(await row(nc)).toMatchObject({ status: 'TEMPORARY_FAILURE', last_error: 'line-http-429' });
    // Unlinked since: checked again at send time, nothing handed to LINE.
    const calls = line.calls.length;
    await rawQuery(em, `update line_link set revoked_at = now() where record_id = ?`, [c]);
    await rawQuery(em, `update outreach_notice set due_at = ? where id = ?`, [new Date(DAYTIME.getTime() - 1000), nc]);
    await sender().send(nc);
    expect(await row(nc)).toMatchObject({ status: 'OPTED_OUT' });
    expect(line.calls.length).toBe(calls);
  });

  it('a stop-word reply to an SMS withdraws that number’s SMS opt-in (history: sms-reply); other replies and bad tokens change nothing', async () => {
    const record = await addFamily(em, M, { channels: [OutreachChannel.SMS, OutreachChannel.EMAIL], phone: '090-8888-1111' });
    const app = express().use('/outreach', smsInboundRoutes(db.orm, 'inbound-token'));
    const post = (body: unknown, token = 'inbound-token') =>
      request(app)
        .post('/outreach/sms/inbound')
        .set('authorization', `Bearer ${token}`)
        .send(body as object);
    expect((await post({ from: '+819088881111', text: '停止' }, 'wrong')).status).toBe(401);
    expect((await post({ from: '+819088881111', text: 'ありがとう' })).status).toBe(204);
    expect([...(await optedInChannels(em, record))].sort()).toEqual(['EMAIL', 'SMS']);
    const optOuts = async () =>
      Number(
        (
          await rawQuery<{ n: string }>(
            em,
            `select coalesce(sum(count), 0) as n from outreach_figure where municipality_code = ? and channel = 'SMS' and metric = 'opt-out'`,
            [M],
          )
        )[0]!.n,
      );
    const counted = await optOuts();
    expect((await post({ from: '+819088881111', text: ' 停止 ' })).status).toBe(204);
    expect([...(await optedInChannels(em, record))]).toEqual(['EMAIL']);
    expect(await optOuts()).toBe(counted + 1);
    // A second stop word finds no SMS opt-in left: nothing more is counted.
    expect((await post({ from: '+819088881111', text: '停止' })).status).toBe(204);
    expect(await optOuts()).toBe(counted + 1);
    expect((await consentHistory(em, record))[0]).toMatchObject({ channel: 'SMS', granted: false, method: 'sms-reply', recordedBy: null });
    // Without a configured token the webhook does not exist.
    const off = express().use('/outreach', smsInboundRoutes(db.orm, null));
    expect((await request(off).post('/outreach/sms/inbound').set('authorization', 'Bearer x').send({ from: '+819088881111', text: '停止' })).status).toBe(404);
  });
});
