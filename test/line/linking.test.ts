import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAuditKey } from '../../api/audit/audit-seal';
import { sqlFor, verifyChain } from '../../api/audit/audit-verifier';
import { TEST_SECRET } from '../support/app';
import { FakeLine, type SentMessage } from '../support/fake-line';
import { LINE_CODE, type LineTestApp, startLineApp } from '../support/line';

let t: LineTestApp;
let recordId: string;
let otherRecord: string;
let thirdRecord: string;
beforeAll(async () => {
  t = await startLineApp({ records: 3 });
  const rows = await t.em().execute<{ id: string }[]>('select id from personal_record where municipality_code = ? order by created_at limit 3', [LINE_CODE]);
  [recordId, otherRecord, thirdRecord] = rows.map((r) => r.id) as [string, string, string];
});
afterAll(async () => {
  expect(t?.fake.refused).toEqual([]);
  await t?.close();
});

async function say(user: string, event: Record<string, unknown>): Promise<SentMessage[]> {
  const before = t.fake.sentTo(user).length;
  expect((await t.fake.deliver(t.target, [event])).status).toBe(200);
  return (await t.fake.waitFor(user, before + 1))[before]!.messages;
}

/** The family's side: the receipt's link, the page's code sent on LINE, LINE's dialog. Returns the bot's last answer. */
async function link(user: string, record: string): Promise<SentMessage[]> {
  const start = t.app.line.links.startUrl(t.base, LINE_CODE, record);
  const pageRes = await fetch(start);
  expect(pageRes.status).toBe(200);
  expect(pageRes.headers.get('referrer-policy')).toBe('no-referrer');
  const token = new URL(start).searchParams.get('t')!;
  const issued = await fetch(`${t.base}/line/${LINE_CODE}/link`, { method: 'POST', body: new URLSearchParams({ t: token }) });
  const html = await issued.text();
  const code = /連携コード ([A-Z]{28})/.exec(html)![1]!;
  expect(html).toContain(`https://line.me/R/oaMessage/%40yorisoi-demo/?${encodeURIComponent(`連携コード ${code}`)}`);
  const m = await say(user, t.fake.messageEvent(user, `連携コード ${code}`));
  const uri = m[0]!.template!.actions[0]!.uri!;
  expect(uri).toMatch(/\/dialog\/bot\/accountLink\?linkToken=[^&]+&nonce=[A-Za-z0-9_-]{32}$/);
  // The family taps it: LINE's dialog, then LINE's accountLink event to the webhook.
  const before = t.fake.sentTo(user).length;
  expect((await fetch(uri)).status).toBe(200);
  return (await t.fake.waitFor(user, before + 1))[before]!.messages;
}

const auditOps = async (record: string) =>
  (
    await t
      .em()
      .execute<{ operation_name: string; actor_kind: string }[]>(`select operation_name, actor_kind from audit_entry where ? = any(record_ids) order by seq`, [
        record,
      ])
  ).map((r) => `${r.actor_kind}:${r.operation_name}`);

describe('account linking and notices on LINE', () => {
  it('links from the receipt’s signed link with LINE’s link token and a nonce; opt-in; audited', async () => {
    const user = FakeLine.newUserId();
    const done = await link(user, recordId);
    expect(done[0]!.text).toContain('連携しました');
    expect(done[0]!.quickReply!.items.map((i) => i.action.data)).toEqual(['notices:on', 'notices:off']);
    // Linked, notices still off until the family says yes.
    const notice = { id: randomUUID(), municipalityCode: LINE_CODE, recordId, kind: 'deadline' as const };
    expect(await t.app.line.notices.sendLine(notice)).toEqual({ status: 'OPTED_OUT', reason: 'notices-off' });
    expect((await say(user, t.fake.postbackEvent(user, 'notices:on')))[0]!.text).toContain('お知らせをLINEで受け取ります');
    // The user id is sealed at rest; codes and nonces are hashes.
    const [row] = await t
      .em()
      .execute<{ user_id: string; notices: boolean }[]>('select user_id, notices from line_link where record_id = ? and revoked_at is null', [recordId]);
    expect(row!.notices).toBe(true);
    expect(row!.user_id).toMatch(/^enc1:/);
    expect(JSON.stringify(await t.em().execute('select * from line_link_request'))).not.toContain(user);
    expect(await auditOps(recordId)).toEqual(['family:lineLink', 'family:lineNoticesOn']);
    // The family's entries are sealed and chained like staff entries.
    const report = await verifyChain(sqlFor(t.em()), deriveAuditKey(TEST_SECRET), LINE_CODE, null);
    expect(report.problems).toEqual([]);
  });

  it('pushes a notice once per retry key, with nothing of the record in it', async () => {
    const user = t.fake.deliveries.find((d) => d.kind === 'reply' && d.messages[0]?.text?.includes('連携しました'))!.userId;
    const notice = { id: randomUUID(), municipalityCode: LINE_CODE, recordId, kind: 'programme-fits' as const };
    expect(await t.app.line.notices.sendLine(notice)).toEqual({ status: 'DELIVERED' });
    // The outreach queue retries after a crash: LINE refuses the repeat (409), the notice counts as delivered.
    expect(await t.app.line.notices.sendLine(notice)).toEqual({ status: 'DELIVERED', reason: 'already-sent' });
    const pushes = t.fake.sentTo(user).filter((d) => d.kind === 'push');
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.retryKey).toBe(notice.id);
    expect(pushes[0]!.messages[0]!.text).toBe(
      `お知らせがあります。こちらのページでご確認ください（ログインが必要です）：${t.settings.channels.get(LINE_CODE)!.familyPageUrl}`,
    );
  });

  it('opts out and back in on LINE; blocking the account (unfollow) ends the link, audited', async () => {
    const user = t.fake.deliveries.find((d) => d.kind === 'reply' && d.messages[0]?.text?.includes('連携しました'))!.userId;
    const send = () => t.app.line.notices.sendLine({ id: randomUUID(), municipalityCode: LINE_CODE, recordId, kind: 'reminder' });
    expect((await say(user, t.fake.messageEvent(user, '通知停止')))[0]!.text).toContain('止めました');
    expect(await send()).toEqual({ status: 'OPTED_OUT', reason: 'notices-off' });
    expect((await say(user, t.fake.messageEvent(user, '通知 再開')))[0]!.text).toContain('受け取ります');
    expect((await send()).status).toBe('DELIVERED');
    expect((await t.fake.deliver(t.target, [t.fake.unfollowEvent(user)])).status).toBe(200);
    await t.app.line.worker.idle();
    expect(await send()).toEqual({ status: 'OPTED_OUT', reason: 'not-linked' });
    const [row] = await t
      .em()
      .execute<{ revoked_by: string }[]>('select revoked_by from line_link where record_id = ? order by linked_at desc limit 1', [recordId]);
    expect(row!.revoked_by).toBe('line');
    expect((await auditOps(recordId)).at(-1)).toBe('family:lineUnlink');
    // Adding the account again does not bring the link back: linking starts again from the receipt.
    await say(user, t.fake.followEvent(user));
    expect(await send()).toEqual({ status: 'OPTED_OUT', reason: 'not-linked' });
    expect((await say(user, t.fake.messageEvent(user, '通知再開')))[0]!.text).toContain('連携されていません');
  });

  it('「解除」 and 「停止」 (and stop, in any width) end the link and say so', async () => {
    for (const word of ['解除', '停止', 'ＳＴＯＰ']) {
      const user = FakeLine.newUserId();
      await link(user, thirdRecord);
      const m = await say(user, t.fake.messageEvent(user, word));
      expect(m[0]!.text).toBe('連携を解除しました。LINEでのお知らせは届きません。もう一度つなぐときは、受付票のリンクからはじめてください。');
      expect(await t.app.line.notices.sendLine({ id: randomUUID(), municipalityCode: LINE_CODE, recordId: thirdRecord, kind: 'campaign' })).toEqual({
        status: 'OPTED_OUT',
        reason: 'not-linked',
      });
      const [row] = await t
        .em()
        .execute<{ revoked_by: string }[]>('select revoked_by from line_link where record_id = ? order by linked_at desc limit 1', [thirdRecord]);
      expect(row!.revoked_by).toBe('family');
    }
    // Inside a sentence the words are not commands: the chat answers, and nothing is unlinked.
    const user = FakeLine.newUserId();
    await link(user, thirdRecord);
    const m = await say(user, t.fake.messageEvent(user, '児童扶養手当が停止されることはありますか'));
    expect(m[0]!.text).not.toContain('連携を解除しました');
    expect((await say(user, t.fake.messageEvent(user, '解除')))[0]!.text).toContain('連携を解除しました');
  });

  it('is revocable by the family, on LINE or from the receipt’s link page; audited', async () => {
    const user = FakeLine.newUserId();
    await link(user, otherRecord);
    expect((await say(user, t.fake.messageEvent(user, '連携解除')))[0]!.text).toContain('連携を解除しました');
    expect(await t.app.line.notices.sendLine({ id: randomUUID(), municipalityCode: LINE_CODE, recordId: otherRecord, kind: 'campaign' })).toEqual({
      status: 'OPTED_OUT',
      reason: 'not-linked',
    });
    expect((await say(user, t.fake.messageEvent(user, '連携解除')))[0]!.text).toContain('連携されていません');
    // Again, then from the page.
    await link(user, otherRecord);
    const token = new URL(t.app.line.links.startUrl(t.base, LINE_CODE, otherRecord)).searchParams.get('t')!;
    const res = await fetch(`${t.base}/line/${LINE_CODE}/link/revoke`, { method: 'POST', body: new URLSearchParams({ t: token }) });
    expect(await res.text()).toContain('連携を解除しました');
    expect(await auditOps(otherRecord)).toEqual(['family:lineLink', 'family:lineUnlink', 'family:lineLink', 'family:lineUnlink']);
  });

  it('the intake receipt carries the signed link (not for a DV-protected family)', async () => {
    const submit = async (concerns: Record<string, unknown>) => {
      const input = {
        idempotencyKey: randomUUID(),
        municipalityCode: LINE_CODE,
        identity: { familyName: '連携', givenName: '花', familyNameKana: 'れんけい', givenNameKana: 'はな' },
        contact: { phone: '09011112222', contactAllowed: true, preferredChannel: 'PHONE' },
        concerns,
        consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
      };
      const res = await fetch(`${t.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: IntakeInput!) { submitIntake(input: $input) { referenceNumber dvProtected lineLinkUrl } }',
          variables: { input },
        }),
      });
      const body = (await res.json()) as { data?: { submitIntake: { dvProtected: boolean; lineLinkUrl: string | null } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data!.submitIntake;
    };
    const receipt = await submit({ categories: ['WORK'] });
    expect(receipt.lineLinkUrl).toMatch(new RegExp(`^${t.base}/line/${LINE_CODE}/link\\?t=`));
    const page = await fetch(receipt.lineLinkUrl!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('連携を始める');
    const dv = await submit({ categories: ['DV'] });
    expect(dv.dvProtected).toBe(true);
    expect(dv.lineLinkUrl).toBeNull();
  });

  it('refuses forged links, used or unknown codes, and a nonce that is not LINE’s for this user', async () => {
    const forged = `${t.base}/line/${LINE_CODE}/link?t=${Buffer.from(JSON.stringify({ m: LINE_CODE, r: recordId, e: 9e9 })).toString('base64url')}.AAAA`;
    expect((await fetch(forged)).status).toBe(403);
    const otherTown = t.app.line.links.startUrl(t.base, '131016', recordId).replace('/131016/', `/${LINE_CODE}/`);
    expect((await fetch(otherTown)).status).toBe(403);
    const user = FakeLine.newUserId();
    expect((await say(user, t.fake.messageEvent(user, `連携コード ${'A'.repeat(28)}`)))[0]!.text).toContain('このコードは使えません');
    // A code claimed by one user cannot be used by another.
    const token = new URL(t.app.line.links.startUrl(t.base, LINE_CODE, recordId)).searchParams.get('t')!;
    const html = await (await fetch(`${t.base}/line/${LINE_CODE}/link`, { method: 'POST', body: new URLSearchParams({ t: token }) })).text();
    const code = /連携コード ([A-Z]{28})/.exec(html)![1]!;
    await say(user, t.fake.messageEvent(user, `連携コード ${code}`));
    const thief = FakeLine.newUserId();
    expect((await say(thief, t.fake.messageEvent(thief, `連携コード ${code}`)))[0]!.text).toContain('このコードは使えません');
    // An accountLink event with a made-up nonce links nothing.
    const fake = { ...t.fake.postbackEvent(thief, 'x'), type: 'accountLink', link: { result: 'ok', nonce: 'bm90LWEtbm9uY2Utd2UtbWFkZQ' } };
    expect((await say(thief, fake))[0]!.text).toContain('連携できませんでした');
  });
});
