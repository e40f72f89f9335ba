import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { rawQuery } from '../../api/db/raw-query';
import { rescreenForOutreach } from '../../api/outreach/rescreen-trigger';
import { createNotices, reachableChannels, type NoticeCandidate } from '../../api/outreach/notices';
import { NoticeKind, OutreachChannel } from '../../api/outreach/outreach-types';
import { startTestApp, type TestApp } from '../support/app';
import { mergeRecords } from '../support/merge';
import { addFamily } from './support';

// Push-type support after a merge (名寄せ): the merged-away record is a tombstone pointing at the
// survivor. It is never selected, counted, sampled or notified by a campaign, never screened by the
// (nightly) re-screening, and never reachable — the family would get the same notice twice; the
// survivor is. The tombstone here keeps its e-mail opt-in, as when the survivor already had its like.

const PREVIEW = `query($segment: OutreachSegmentInput!) { outreachCampaignPreview(segment: $segment) { matched reachable sample { id } } }`;
const CREATE = `mutation($input: OutreachCampaignInput!) { createOutreachCampaign(input: $input) { id matched notices unreachable } }`;

describe('merged-away records in outreach', () => {
  let t: TestApp;
  let owner: string;
  let survivor: string;
  let merged: string;
  const count = async (sql: string, params: unknown[] = []) => Number((await rawQuery<{ n: string }>(t.em(), sql, params))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp({ records: 4 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    survivor = await addFamily(t.em(), '999999', { channels: [OutreachChannel.EMAIL], email: 'survivor@example.test' });
    merged = await addFamily(t.em(), '999999', { channels: [OutreachChannel.EMAIL], email: 'merged@example.test' });
    await rawQuery(t.em(), `update personal_record set merged_into_id = ?, merged_at = now() where id = ?`, [survivor, merged]);
  }, 300_000);
  afterAll(() => t.close());

  it('leaves it out of a campaign’s count, sample and notices; the survivor is in', async () => {
    const live = await count(`select count(*) as n from personal_record where municipality_code = '999999' and merged_into_id is null`);
    const p = (await t.gql(PREVIEW, { segment: {} }, owner)).body.data!.outreachCampaignPreview;
    expect(p.matched).toBe(live);
    const sample = p.sample.map((r: { id: string }) => r.id);
    // Newest first: the survivor heads the sample, the (newer) tombstone is nowhere.
    expect(sample[0]).toBe(survivor);
    expect(sample).not.toContain(merged);

    const c = (await t.gql(CREATE, { input: { template: 'NEWS', segment: {} } }, owner)).body.data!.createOutreachCampaign;
    expect(c.matched).toBe(live);
    const to = await rawQuery<{ record_id: string }>(t.em(), `select record_id from outreach_notice where trigger = ?`, [`campaign:${c.id}`]);
    expect(to.map((n) => n.record_id)).toContain(survivor);
    expect(to.map((n) => n.record_id)).not.toContain(merged);
  });

  it('is never reachable, whatever notice is asked for it', async () => {
    const reach = await reachableChannels(t.em(), [survivor, merged]);
    expect(reach.get(survivor)).toBe(OutreachChannel.EMAIL);
    expect(reach.get(merged) ?? null).toBeNull();
  });

  it('is not screened by the re-screening (nightly or after a change)', async () => {
    const summary = await rescreenForOutreach(t.em(), null, { municipalityCode: '999999', trigger: 'merged-test', catalogue: t.app.services.catalogue });
    expect(summary.screened).toBe(await count(`select count(*) as n from personal_record where municipality_code = '999999' and merged_into_id is null`));
    expect(await count(`select count(*) as n from outreach_screening_state where record_id = ?`, [merged])).toBe(0);
    expect(await count(`select count(*) as n from outreach_screening_state where record_id = ?`, [survivor])).toBe(1);
  });

  it('rejects at the merge a notice still waiting for approval on the merged-away record (the survivor has its like)', async () => {
    const a = await addFamily(t.em(), '999999', { channels: [OutreachChannel.EMAIL], email: 'pair-a@example.test' });
    const b = await addFamily(t.em(), '999999', { channels: [OutreachChannel.EMAIL], email: 'pair-b@example.test' });
    // Same birth date and phone: a possible pair the owning department may merge.
    await rawQuery(t.em(), `update personal_record set identity_birth_date = '1987-07-07' where id in (?, ?)`, [a, b]);
    const candidate = (recordId: string): NoticeCandidate => ({
      municipalityCode: '999999',
      recordId,
      department: 'single-parent',
      kind: NoticeKind.PROGRAMME_FITS,
      trigger: 'merge-test',
      programmeId: 'child-rearing-allowance',
      period: '2026',
      facts: {},
    });
    expect((await createNotices(t.em(), null, [candidate(a), candidate(b)], () => 'approval')).created).toHaveLength(2);
    const rows = await mergeRecords(t, owner, a, b);
    expect(rows.find((r) => r.table === 'outreach_notice')).toMatchObject({ moved: 0, kept: 1 });
    const approval = async (id: string) =>
      (await rawQuery<{ approval: string }>(t.em(), `select approval from outreach_notice where record_id = ? and trigger = 'merge-test'`, [id]))[0]!.approval;
    expect(await approval(a)).toBe('PENDING');
    expect(await approval(b)).toBe('REJECTED');
  });
});
