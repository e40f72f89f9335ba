import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLine, type SentMessage } from '../support/fake-line';
import { type LineTestApp, startLineApp } from '../support/line';

let t: LineTestApp;
beforeAll(async () => {
  t = await startLineApp();
});
afterAll(async () => {
  // Every message of this file went through the fake's checks of LINE's limits.
  expect(t?.fake.refused).toEqual([]);
  await t?.close();
});

/** Sends one event and returns the messages of the answer it got. */
async function say(user: string, event: Record<string, unknown>): Promise<SentMessage[]> {
  const before = t.fake.sentTo(user).length;
  expect((await t.fake.deliver(t.target, [event])).status).toBe(200);
  const all = await t.fake.waitFor(user, before + 1);
  return all[before]!.messages;
}
const text = (user: string, message: string) => say(user, t.fake.messageEvent(user, message));
const tap = (user: string, data: string) => say(user, t.fake.postbackEvent(user, data));
const quick = (m: SentMessage[]) => m.at(-1)!.quickReply?.items.map((i) => i.action) ?? [];

describe('the chatbot on LINE', () => {
  it('danger first: the safety text, the numbers, tap-to-call quick replies, the call-back form', async () => {
    const user = FakeLine.newUserId();
    const m = await text(user, 'もう死にたい。子どもと一緒に消えたい');
    expect(m[0]!.type).toBe('text');
    expect(m[1]!.text).toMatch(/すぐにつながる電話：[\s\S]*・.+：/);
    const actions = quick(m);
    expect(actions[0]!.type).toBe('uri');
    expect(actions[0]!.uri).toMatch(/^tel:/);
    expect(actions.filter((a) => a.type === 'uri').map((a) => a.uri)).toContain('tel:110');
    const button = m.find((x) => x.type === 'template')!;
    expect(button.template!.actions[0]!.uri).toBe('https://www.city.demo.example.jp/kosodate/callback');
    // Nothing the family typed comes back.
    expect(JSON.stringify(m)).not.toContain('消えたい');
    // Sent as LINE's reply to the event (its reply token), not as a push.
    expect(t.fake.sentTo(user).map((d) => d.kind)).toEqual(['reply']);
  });

  it('a danger message with a command word in it is answered as danger (the safety reply, by reply token)', async () => {
    const user = FakeLine.newUserId();
    const m = await text(user, '停止したい、死にたい');
    expect(m[1]!.text).toMatch(/すぐにつながる電話：/);
    expect(t.fake.sentTo(user)[0]!.kind).toBe('reply');
  });

  it('past the reply token’s window the answer is pushed at once, with the event’s retry key', async () => {
    const user = FakeLine.newUserId();
    // An event LINE sent a while ago (a redelivery, or one that waited in a backlog): its token is not tried.
    const event = { ...t.fake.messageEvent(user, 'もう死にたい'), timestamp: Date.now() - 5 * 60_000 };
    expect((await t.fake.deliver(t.target, [event])).status).toBe(200);
    const [d] = await t.fake.waitFor(user, 1);
    expect(d!.kind).toBe('push');
    expect(d!.retryKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d!.messages[1]!.text).toMatch(/すぐにつながる電話：/);
  });

  it('a programme answer is a short text with a link to the programme’s page', async () => {
    const user = FakeLine.newUserId();
    const m = await text(user, '児童扶養手当の申請はどこでできますか');
    const body = m[0]!.text!;
    expect(body).toMatch(/くわしく：https:\/\//);
    expect(body.split('くわしく：')[0]!.length).toBeLessThanOrEqual(2 * 400 + 4);
    const labels = quick(m).map((a) => a.label);
    expect(labels).toContain('評価する');
    expect(quick(m).length).toBeLessThanOrEqual(13);
  });

  it('quick replies are postbacks: the chat shows the label, and the allowance estimate runs on them', async () => {
    const user = FakeLine.newUserId();
    let m = await tap(user, 'v:start:allowance');
    expect(m[0]!.text).toContain('何人');
    const two = quick(m).find((a) => a.data === 'v:children:2')!;
    expect(two.displayText).toBe('2人');
    m = await tap(user, two.data!);
    m = await tap(user, quick(m).find((a) => a.data === 'v:age:8')!.data!);
    m = await tap(user, quick(m).find((a) => a.data === 'v:age:13')!.data!);
    m = await tap(user, quick(m).find((a) => a.data === 'v:income:1300000')!.data!);
    expect(m[0]!.text).toContain('合計：月額');
    // The hand-off to the intake form opens it in the browser; the answers are not carried in the link.
    const button = m.find((x) => x.type === 'template')!;
    expect(button.template!.actions[0]!.uri).toBe('https://www.city.demo.example.jp/kosodate/intake');
  });

  it('a request for a person opens the call-back form, never asks for details on LINE', async () => {
    const user = FakeLine.newUserId();
    const m = await text(user, '相談員と話したい');
    const button = m.find((x) => x.type === 'template')!;
    expect(button.template!.text).toContain('LINEではなく');
    expect(button.template!.actions[0]).toMatchObject({ type: 'uri', uri: 'https://www.city.demo.example.jp/kosodate/callback' });
  });

  it('ratings are a quick reply and land on the chat session', async () => {
    const user = FakeLine.newUserId();
    expect((await tap(user, 'rate'))[0]!.text).toContain('まだ評価できる会話がありません');
    await text(user, '児童手当はいくら');
    const ask = await tap(user, 'rate');
    expect(quick(ask).map((a) => a.data)).toEqual(['rate:5', 'rate:4', 'rate:3', 'rate:2', 'rate:1']);
    expect((await tap(user, 'rate:4'))[0]!.text).toContain('評価ありがとうございました');
    const rows = await t.em().execute<{ satisfaction: number }[]>('select s.satisfaction from chat_session s join line_chat_session l on l.session_id = s.id');
    expect(rows.map((r) => r.satisfaction)).toContain(4);
  });

  it('masks what the family typed before anything is stored, and never echoes it', async () => {
    const user = FakeLine.newUserId();
    const m = await text(user, '電話番号は090-1234-5678、メールはhanako@example.jp です。児童手当について');
    expect(JSON.stringify(m)).not.toMatch(/5678|hanako/);
    const stored = await t.em().execute<{ text: string }[]>(`select text from chat_message where role = 'user' and text like '%児童手当について%'`);
    expect(stored.length).toBeGreaterThan(0);
    for (const r of stored) expect(r.text).not.toMatch(/5678|hanako/);
    // The queue keeps nothing once the event is handled; the LINE user id is nowhere in the tables.
    const events = await t.em().execute<{ payload: string }[]>(`select payload from line_event where status = 'done'`);
    expect(events.every((e) => e.payload === '')).toBe(true);
    const dump = JSON.stringify(await t.em().execute('select * from line_chat_session'));
    expect(dump).not.toContain(user);
  });

  it('answers a user’s events in the order sent', async () => {
    const user = FakeLine.newUserId();
    const events = [t.fake.postbackEvent(user, 'v:start:allowance'), t.fake.postbackEvent(user, 'v:children:1')];
    expect((await t.fake.deliver(t.target, events)).status).toBe(200);
    const [first, second] = await t.fake.waitFor(user, 2);
    expect(first!.messages[0]!.text).toContain('何人');
    expect(second!.messages[0]!.text).toContain('1人目');
  });
});
