import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineSignature, verifyLineSignature } from '../../api/line';
import { FakeLine } from '../support/fake-line';
import { CHANNEL_SECRET, FORWARDER_SECRET, LINE_CODE, type LineTestApp, startLineApp } from '../support/line';

let t: LineTestApp;
beforeAll(async () => {
  t = await startLineApp();
});
afterAll(async () => {
  await t?.close();
});

const queued = async () => Number((await t.em().execute<{ n: string }[]>('select count(*) as n from line_event'))[0]!.n);

describe('x-line-signature', () => {
  const body = Buffer.from(FakeLine.body([{ type: 'message', message: { type: 'text', text: '児童扶養手当はいくら？🙏👨‍👩‍👧' } }]), 'utf8');

  it('is base64 HMAC-SHA256 of the raw bytes, compared whole', () => {
    const sig = lineSignature(CHANNEL_SECRET, body);
    expect(verifyLineSignature([CHANNEL_SECRET], body, sig)).toBe(true);
    expect(verifyLineSignature(['another-secret'], body, sig)).toBe(false);
    expect(verifyLineSignature([CHANNEL_SECRET], body, undefined)).toBe(false);
    expect(verifyLineSignature([CHANNEL_SECRET], body, ['a', 'b'])).toBe(false);
    expect(verifyLineSignature([CHANNEL_SECRET], body, sig.slice(0, -2))).toBe(false);
    // One bit of one byte of the emoji changed.
    const altered = Buffer.from(body);
    altered[altered.length - 10] ^= 1;
    expect(verifyLineSignature([CHANNEL_SECRET], altered, sig)).toBe(false);
  });

  it('any configured secret may have signed (a forwarding platform), never an empty one', () => {
    expect(verifyLineSignature([CHANNEL_SECRET, FORWARDER_SECRET], body, lineSignature(FORWARDER_SECRET, body))).toBe(true);
    expect(verifyLineSignature([''], body, lineSignature('', body))).toBe(false);
  });
});

describe('POST /line/:municipalityCode', () => {
  it('answers a signed call at once and the bot replies after (Japanese and emoji)', async () => {
    const user = FakeLine.newUserId();
    const r = await t.fake.deliver(t.target, [t.fake.messageEvent(user, '手当について知りたい🙏😊')]);
    // Acknowledged before the reply exists (timing is the benchmark's: test/bench/line.bench.mjs).
    expect(r.status).toBe(200);
    const [d] = await t.fake.waitFor(user);
    expect(d!.kind).toBe('reply');
    expect(d!.messages[0]!.text).toContain('18歳以下のお子さんは何人');
  });

  it('refuses forged and altered signatures and queues nothing', async () => {
    const before = await queued();
    const user = FakeLine.newUserId();
    const event = t.fake.messageEvent(user, '死にたい😢');
    const body = FakeLine.body([event]);
    expect((await t.fake.deliver(t.target, [], { body, signature: FakeLine.sign('not-the-secret', body) })).status).toBe(401);
    expect((await t.fake.deliver(t.target, [], { body, signature: null })).status).toBe(401);
    expect((await t.fake.deliver(t.target, [], { body, signature: 'x'.repeat(43) + '=' })).status).toBe(401);
    // The same signature over a body with one character changed (😢 → 😊).
    expect((await t.fake.deliver(t.target, [], { body: body.replace('😢', '😊'), signature: FakeLine.sign(CHANNEL_SECRET, body) })).status).toBe(401);
    expect(await queued()).toBe(before);
    expect(t.fake.sentTo(user)).toHaveLength(0);
  });

  it('verifies the bytes as sent: the same JSON re-serialised with \\u escapes is another body', async () => {
    const user = FakeLine.newUserId();
    const body = FakeLine.body([t.fake.messageEvent(user, 'ひとり親の手当🌸')]);
    const escaped = body.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(JSON.parse(escaped)).toEqual(JSON.parse(body));
    // Signed over the UTF-8 text, sent escaped: refused (a verifier re-serialising would have passed it).
    expect((await t.fake.deliver(t.target, [], { body: escaped, signature: FakeLine.sign(CHANNEL_SECRET, body) })).status).toBe(401);
    // Signed over the escaped bytes themselves: accepted.
    expect((await t.fake.deliver(t.target, [], { body: escaped, signature: FakeLine.sign(CHANNEL_SECRET, escaped) })).status).toBe(200);
    await t.fake.waitFor(user);
  });

  it('answers a redelivered event once', async () => {
    const user = FakeLine.newUserId();
    const event = t.fake.messageEvent(user, '児童手当はいくらですか');
    expect((await t.fake.deliver(t.target, [event])).status).toBe(200);
    expect((await t.fake.deliver(t.target, [FakeLine.redelivery(event)])).status).toBe(200);
    expect((await t.fake.deliver(t.target, [FakeLine.redelivery(event)])).status).toBe(200);
    await t.fake.waitFor(user);
    await t.app.line.worker.idle();
    await new Promise((r) => setTimeout(r, 200));
    expect(t.fake.sentTo(user)).toHaveLength(1);
    const rows = await t.em().execute('select status, payload from line_event where webhook_event_id = ?', [event.webhookEventId]);
    expect(rows).toHaveLength(1);
    // Handled: the content is gone, the id stays for deduplication.
    expect(rows[0]).toEqual({ status: 'done', payload: '' });
  });

  it('answers a redelivery it never saw, with a push when the reply token no longer works', async () => {
    const user = FakeLine.newUserId();
    const event = FakeLine.redelivery({ ...t.fake.messageEvent(user, '児童手当について'), replyToken: 'expired-token' });
    expect((await t.fake.deliver(t.target, [event])).status).toBe(200);
    const [d] = await t.fake.waitFor(user);
    expect(d!.kind).toBe('push');
    expect(d!.retryKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('works behind a forwarding platform: LINE’s body passed on, signed by LINE or by the platform', async () => {
    const a = FakeLine.newUserId();
    const b = FakeLine.newUserId();
    expect((await t.fake.deliver(t.target, [t.fake.messageEvent(a, 'こんにちは')])).status).toBe(200);
    expect((await t.fake.deliver({ url: t.target.url, secret: FORWARDER_SECRET }, [t.fake.messageEvent(b, 'こんにちは')])).status).toBe(200);
    await t.fake.waitFor(a);
    await t.fake.waitFor(b);
  });

  it('stays silent in standby mode and in groups; reads no stickers or images', async () => {
    const user = FakeLine.newUserId();
    const standby = { ...t.fake.messageEvent(user, 'こんにちは'), mode: 'standby' };
    const group = { ...t.fake.messageEvent(user, 'こんにちは'), source: { type: 'group', groupId: 'Cgroup', userId: user } };
    expect((await t.fake.deliver(t.target, [standby, group, t.fake.stickerEvent(user)])).status).toBe(200);
    const [d] = await t.fake.waitFor(user);
    await t.app.line.worker.idle();
    expect(t.fake.sentTo(user)).toHaveLength(1);
    expect(d!.messages[0]!.text).toContain('文字のメッセージだけ');
  });

  it('refuses what is not a LINE call: unknown municipality, no JSON, too large, not events', async () => {
    const ok = FakeLine.body([]);
    expect((await t.fake.deliver({ url: `${t.target.url.replace(LINE_CODE, '000000')}`, secret: CHANNEL_SECRET }, [])).status).toBe(404);
    expect((await t.fake.deliver(t.target, [], { body: ok })).status).toBe(200); // the console's "Verify"
    expect((await t.fake.deliver(t.target, [], { body: '{"events":' })).status).toBe(400);
    expect((await t.fake.deliver(t.target, [], { body: '{"events":[{"type":"message"}]}' })).status).toBe(400);
    const big = FakeLine.body([{ type: 'message', webhookEventId: 'x', message: { type: 'text', text: 'あ'.repeat(100_000) } }]);
    expect((await t.fake.deliver(t.target, [], { body: big })).status).toBe(413);
  });
});
