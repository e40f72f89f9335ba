/**
 * Issue 18, "shared with you": a department the family consents to share with gets an item in its
 * inbox and on its worklist — read under its own policy, nothing more — and the owning department sees
 * who there has taken it up. Without consent (or after it is withdrawn) there is nothing to see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

const INBOX = `query { inbox(status: ALL, first: 50) { totalCount edges { node { id kind status referenceNumber urgent takenBy { name } record { id identity { familyName } income { annualEmploymentIncome } } } } } }`;
const HANDOVERS = `query($id: ID!) { handovers(recordId: $id) { department sharedAt takenBy { name } takenAt caseStatus } }`;
const CONSENT = `mutation($i: UpdateRecordSectionInput!) { updateRecordSection(input: $i) { version } }`;

describe('shared with you', () => {
  let t: TestApp;
  let owner: string;
  let housing: string;
  let care: string;
  let recordId: string;
  let version: number;

  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    housing = await t.login(DepartmentCode.PUBLIC_HOUSING);
    care = await t.login(DepartmentCode.LONG_TERM_CARE);
    const created = await t.gql(
      `mutation($input: CreateRecordInput!) { createRecord(input: $input) { id version } }`,
      {
        input: {
          identity: { familyName: '共有', givenName: '試験' },
          income: { annualEmploymentIncome: 1_800_000 },
          concerns: { categories: ['HOUSING'], note: '家賃が払えない' },
          consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
        },
      },
      owner,
    );
    recordId = created.body.data!.createRecord.id;
    version = created.body.data!.createRecord.version;
  }, 120_000);
  afterAll(() => t?.close());

  async function setConsent(sharedWith: string[]) {
    const res = await t.gql(
      CONSENT,
      { i: { id: recordId, expectedVersion: version, consent: { sharedWith, shareWithPartners: false, privacyNoticeVersion: 'v1' } } },
      owner,
    );
    expect(res.body.errors).toBeUndefined();
    version = res.body.data!.updateRecordSection.version;
  }

  it('before consent, 公営住宅担当課 has nothing: no item, no worklist line, no hand-over', async () => {
    expect((await t.gql(INBOX, {}, housing)).body.data!.inbox.totalCount).toBe(0);
    expect((await t.gql(`{ worklist { counts { newItems } } }`, {}, housing)).body.data!.worklist.counts.newItems).toBe(0);
    expect((await t.gql(HANDOVERS, { id: recordId }, owner)).body.data!.handovers.map((h: { department: string }) => h.department)).toEqual([
      'LIVELIHOOD_SUPPORT',
    ]);
  });

  it('once the family consents, the item is in 公営住宅担当課’s inbox and worklist, read under its policy', async () => {
    await setConsent(['LIVELIHOOD_SUPPORT', 'PUBLIC_HOUSING']);
    const res = await t.gql(INBOX, {}, housing);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.inbox.totalCount).toBe(1);
    const item = res.body.data!.inbox.edges[0].node;
    expect(item).toMatchObject({
      kind: 'SHARED',
      status: 'NEW',
      urgent: false,
      record: { id: recordId, identity: { familyName: '共有' }, income: { annualEmploymentIncome: 1_800_000 } },
    });
    // The concerns note is not 公営住宅担当課’s to read: the message is withheld, with the reason.
    const msg = await t.gql(`query { inbox(first: 5) { edges { node { message } } } }`, {}, housing);
    expect(msg.body.data!.inbox.edges[0].node.message).toBeNull();
    expect(msg.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', section: 'concerns' });
    const w = (await t.gql(`{ worklist { counts { newItems } newItems { kind referenceNumber record { id } } } }`, {}, housing)).body.data!.worklist;
    expect(w.counts.newItems).toBe(1);
    expect(w.newItems[0]).toMatchObject({ kind: 'SHARED', record: { id: recordId } });
    // Departments the family did not consent to hear nothing.
    expect((await t.gql(INBOX, {}, care)).body.data!.inbox.totalCount).toBe(0);
    const h = (await t.gql(HANDOVERS, { id: recordId }, owner)).body.data!.handovers.find((x: { department: string }) => x.department === 'PUBLIC_HOUSING');
    expect(h).toMatchObject({ takenBy: null, takenAt: null, caseStatus: null });
  });

  it('the owner sees who has taken it up', async () => {
    const itemId = (await t.gql(INBOX, {}, housing)).body.data!.inbox.edges[0].node.id;
    const took = await t.gql(`mutation($id: ID!) { takeInboxItem(id: $id) { status takenBy { name } } }`, { id: itemId }, housing);
    expect(took.body.errors).toBeUndefined();
    const h = (await t.gql(HANDOVERS, { id: recordId }, owner)).body.data!.handovers.find((x: { department: string }) => x.department === 'PUBLIC_HOUSING');
    expect(h).toMatchObject({ takenBy: { name: took.body.data!.takeInboxItem.takenBy.name }, caseStatus: 'IN_PROGRESS' });
    expect(h.takenAt).toBeTruthy();
    // Only the owner asks this.
    expect((await t.gql(HANDOVERS, { id: recordId }, housing)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('withdrawn consent takes the item away; consent given again while one waits does not double it', async () => {
    await setConsent(['LIVELIHOOD_SUPPORT']);
    expect((await t.gql(INBOX, {}, housing)).body.data!.inbox.totalCount).toBe(0);
    expect((await t.gql(HANDOVERS, { id: recordId }, owner)).body.data!.handovers.map((h: { department: string }) => h.department)).toEqual([
      'LIVELIHOOD_SUPPORT',
    ]);
    await setConsent(['LIVELIHOOD_SUPPORT', 'LONG_TERM_CARE']);
    await setConsent(['LIVELIHOOD_SUPPORT']);
    await setConsent(['LIVELIHOOD_SUPPORT', 'LONG_TERM_CARE']);
    const careInbox = (await t.gql(INBOX, {}, care)).body.data!.inbox;
    expect(careInbox.totalCount).toBe(1);
    expect(careInbox.edges[0].node.kind).toBe('SHARED');
  });
});
