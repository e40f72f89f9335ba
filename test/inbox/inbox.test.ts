import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxItem } from '../../api/inbox/inbox-item.entity';
import { DepartmentCode } from '../../api/core/departments';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';
import { addMunicipality } from '../support/fixtures';
import { inviteStaff } from '../support/staff-accounts';

const REQUEST = `mutation R($input: ConsultationRequestInput!) { requestConsultation(input: $input) { referenceNumber receivedAt nextSteps } }`;
const SUBMIT = `mutation S($input: IntakeInput!) { submitIntake(input: $input) { referenceNumber } }`;
const INBOX = `query I($status: InboxStatus, $first: Int, $after: String) { inbox(status: $status, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id kind receivedAt referenceNumber status urgent takenAt takenBy { id name } message preferredTime
    record { id source identity { familyName } contact { phone contactAllowed } concerns { categories } } } } } }`;
const TAKE = `mutation T($id: ID!) { takeInboxItem(id: $id) { id status takenAt takenBy { name } } }`;
const CHAT = `mutation C($input: ChatInput!) { chat(input: $input) { sessionId urgent } }`;

const request = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  municipalityCode: '999999',
  name: 'チャット 花子',
  contact: { phone: '０９０−３３３３−４４４４', contactAllowed: true, preferredChannel: 'PHONE' },
  preferredTime: '平日の夜7時以降',
  message: '仕事と子育ての両立について相談したいです',
  privacyNoticeVersion: '2026-04',
  ...over,
});

type Node = {
  id: string;
  kind: string;
  referenceNumber: string;
  status: string;
  urgent: boolean;
  takenBy: { name: string } | null;
  message: string | null;
  preferredTime: string | null;
  record: any;
};

describe('department inbox: chat consultation requests and intake submissions', () => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 6 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
  });
  afterAll(() => t.close());

  const inbox = async (token: string, vars: Record<string, unknown> = {}) => {
    const res = await t.gql(INBOX, vars, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.inbox as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: Node }[];
    };
  };
  const findRef = async (token: string, ref: string, status = 'ALL') =>
    (await inbox(token, { status, first: 100 })).edges.map((e) => e.node).find((n) => n.referenceNumber === ref);

  it('a chat request becomes a record owned by ひとり親支援担当課 and a new item in its inbox, shared with nobody else', async () => {
    const res = await t.gql(REQUEST, { input: request() });
    expect(res.body.errors).toBeUndefined();
    const receipt = res.body.data!.requestConsultation;
    expect(receipt.referenceNumber).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(receipt.nextSteps.join('')).toContain('連絡');

    const item = await findRef(owner, receipt.referenceNumber, 'NEW');
    expect(item).toMatchObject({
      kind: 'CHAT_REQUEST',
      status: 'NEW',
      urgent: false,
      takenBy: null,
      message: '仕事と子育ての両立について相談したいです',
      preferredTime: '平日の夜7時以降',
    });
    expect(item!.record).toMatchObject({
      source: 'CHAT',
      identity: { familyName: 'チャット 花子' },
      contact: { phone: '090-3333-4444', contactAllowed: true },
    });

    // No consent to anyone else: other departments neither get the item nor find the record.
    for (const d of [DepartmentCode.LIVELIHOOD_SUPPORT, DepartmentCode.FAMILY_REGISTER]) {
      const token = await t.login(d);
      expect((await inbox(token, { status: 'ALL' })).totalCount).toBe(0);
      const found = await t.gql(`query($f: RecordFilter){ records(filter: $f) { totalCount } }`, { f: { referenceNumber: receipt.referenceNumber } }, token);
      expect(found.body.data!.records.totalCount).toBe(0);
    }
  });

  it('the same idempotency key twice stores one request; the key with other content is refused', async () => {
    const input = request();
    const a = await t.gql(REQUEST, { input });
    const b = await t.gql(REQUEST, { input });
    expect(b.body.data!.requestConsultation.referenceNumber).toBe(a.body.data!.requestConsultation.referenceNumber);
    expect(await t.em().count(InboxItem, { idempotencyKey: input.idempotencyKey })).toBe(1);
    const c = await t.gql(REQUEST, { input: { ...input, message: '別の内容' } });
    expect(c.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });

  it.each([
    ['no consent to be contacted', { contact: { phone: '090-1111-2222', contactAllowed: false } }, 'input.contact.contactAllowed'],
    ['neither phone nor e-mail', { contact: { contactAllowed: true, preferredChannel: 'EMAIL' } }, 'input.contact.email'],
    ['a phone number that is not one', { contact: { phone: '12345', contactAllowed: true } }, 'input.contact.phone'],
    ['a message over 1000 characters', { message: 'あ'.repeat(1001) }, 'input.message'],
    ['a filled honeypot', { website: 'http://spam.example' }, 'input.website'],
    ['an outdated privacy notice', { privacyNoticeVersion: '2020-01' }, 'input.privacyNoticeVersion'],
    ['a malformed chat session id', { chatSessionId: 'not-a-session' }, 'input.chatSessionId'],
  ])('refuses %s with BAD_USER_INPUT at the field, and stores nothing', async (_label, over, field) => {
    const before = [await t.em().count(InboxItem, {}), await t.em().count(PersonalRecord, {})];
    const res = await t.gql(REQUEST, { input: request(over) });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    // Errors describe the rule, never the person's data.
    expect(JSON.stringify(res.body.errors)).not.toMatch(/チャット 花子|3333|12345|spam\.example/);
    expect([await t.em().count(InboxItem, {}), await t.em().count(PersonalRecord, {})]).toEqual(before);
  });

  it('refuses a page not on the municipality’s allow-list (CORS origin), storing nothing', async () => {
    const before = await t.em().count(InboxItem, {});
    const res = await t.gql(REQUEST, { input: request() }, undefined, { origin: 'http://evil.example' });
    expect(JSON.stringify(res.body)).toMatch(/FORBIDDEN|CORS|not allowed/i);
    expect(await t.em().count(InboxItem, {})).toBe(before);
  });

  it('a request from a conversation that spoke of danger is urgent, and the receipt puts safety first', async () => {
    const chat = await t.gql(CHAT, { input: { sessionId: null, message: '夫になぐられる。こわい', locale: 'ja', municipalityCode: '999999' } });
    expect(chat.body.data!.chat.urgent).toBe(true);
    const res = await t.gql(REQUEST, { input: request({ chatSessionId: chat.body.data!.chat.sessionId }) });
    expect(res.body.data!.requestConsultation.nextSteps[0]).toContain('110');
    const item = await findRef(owner, res.body.data!.requestConsultation.referenceNumber);
    expect(item!.urgent).toBe(true);
    // A calm conversation does not mark the request urgent.
    const calm = await t.gql(CHAT, { input: { sessionId: null, message: '児童手当はいくら？', locale: 'ja', municipalityCode: '999999' } });
    const res2 = await t.gql(REQUEST, { input: request({ chatSessionId: calm.body.data!.chat.sessionId }) });
    expect((await findRef(owner, res2.body.data!.requestConsultation.referenceNumber))!.urgent).toBe(false);
  });

  it('an intake submission arrives in the owner’s inbox; the first caseworker takes it, a second gets CONFLICT', async () => {
    const sub = await t.gql(SUBMIT, {
      input: {
        idempotencyKey: randomUUID(),
        municipalityCode: '999999',
        contact: { contactAllowed: false },
        concerns: { categories: ['DV', 'HOUSING'] },
        consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
      },
    });
    const ref = sub.body.data!.submitIntake.referenceNumber as string;
    const item = (await findRef(owner, ref, 'NEW'))!;
    expect(item).toMatchObject({ kind: 'INTAKE', status: 'NEW', urgent: true });
    expect(item.record.concerns.categories).toEqual(['DV', 'HOUSING']);

    const taken = await t.gql(TAKE, { id: item.id }, owner);
    expect(taken.body.errors).toBeUndefined();
    expect(taken.body.data!.takeInboxItem).toMatchObject({ id: item.id, status: 'TAKEN', takenBy: { name: expect.any(String) } });
    expect(await findRef(owner, ref, 'NEW')).toBeUndefined();
    expect((await findRef(owner, ref, 'TAKEN'))!.status).toBe('TAKEN');
    // Taking it again yourself is harmless; someone else is told who was first.
    expect((await t.gql(TAKE, { id: item.id }, owner)).body.errors).toBeUndefined();
    const second = await t.gql(TAKE, { id: item.id }, await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor'));
    expect(second.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('of two caseworkers taking one item at the same moment, exactly one gets it', async () => {
    const { body } = await t.gql(REQUEST, { input: request() });
    const item = (await findRef(owner, body.data!.requestConsultation.referenceNumber))!;
    const results = await Promise.all([
      t.gql(TAKE, { id: item.id }, owner),
      t.gql(TAKE, { id: item.id }, await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor')),
    ]);
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });

  it('only caseworkers and above take items; anonymous callers, other departments and other municipalities cannot', async () => {
    const { body } = await t.gql(REQUEST, { input: request() });
    const item = (await findRef(owner, body.data!.requestConsultation.referenceNumber))!;

    const admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    await inviteStaff(t, admin, { name: '閲覧 一郎', email: 'inbox-viewer@demo.yorisoi.example', department: 'SINGLE_PARENT', role: 'VIEWER' }, TEST_PASSWORD);
    const login = await t.gql(`mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }`, {
      e: 'inbox-viewer@demo.yorisoi.example',
      p: TEST_PASSWORD,
    });
    const viewer = login.body.data!.login.token as string;
    expect((await inbox(viewer, { status: 'ALL', first: 100 })).edges.some((e) => e.node.id === item.id)).toBe(true);
    expect((await t.gql(TAKE, { id: item.id }, viewer)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect((await t.gql(INBOX, {})).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(TAKE, { id: item.id }, await t.login(DepartmentCode.LIVELIHOOD_SUPPORT))).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const other = await addMunicipality(t.em(), '888888');
    const login2 = await t.gql(`mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }`, {
      e: other.email(DepartmentCode.SINGLE_PARENT),
      p: TEST_PASSWORD,
    });
    const stranger = login2.body.data!.login.token as string;
    expect((await inbox(stranger, { status: 'ALL' })).totalCount).toBe(0);
    expect((await t.gql(TAKE, { id: item.id }, stranger)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await findRef(owner, item.referenceNumber))!.status).toBe('NEW');
  });

  it('pages newest first without gaps or repeats, and counts by status', async () => {
    const all = await inbox(owner, { status: 'ALL', first: 100 });
    const [fresh, taken] = [await inbox(owner, { status: 'NEW', first: 100 }), await inbox(owner, { status: 'TAKEN', first: 100 })];
    expect(fresh.totalCount + taken.totalCount).toBe(all.totalCount);
    expect(all.totalCount).toBe(all.edges.length);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await inbox(owner, { status: 'ALL', first: 2, after });
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
    const times = all.edges.map((e) => Date.parse((e.node as unknown as { receivedAt: string }).receivedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await t.gql(INBOX, { first: 0 }, owner)).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await t.gql(INBOX, { after: 'garbage' }, owner)).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('reading a request’s words is written to the audit log as a read of `concerns`', async () => {
    const { body } = await t.gql(REQUEST, { input: request() });
    const item = (await findRef(owner, body.data!.requestConsultation.referenceNumber))!;
    const log = await t.gql(
      `query($id: ID!){ auditLog(recordId: $id) { action sections actorDepartment } }`,
      { id: item.record.id },
      await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor'),
    );
    expect(log.body.errors).toBeUndefined();
    expect(log.body.data!.auditLog).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'read', actorDepartment: 'single-parent', sections: expect.arrayContaining(['concerns']) })]),
    );
  });
});

describe('demo inbox', () => {
  it('the demo municipality starts with intake submissions in ひとり親支援担当課’s inbox, new and taken', async () => {
    const t = await startTestApp({ records: 40 });
    try {
      const owner = await t.login(DepartmentCode.SINGLE_PARENT);
      const res = await t.gql(`{ n: inbox(status: NEW) { totalCount } d: inbox(status: TAKEN) { totalCount edges { node { takenBy { name } } } } }`, {}, owner);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.n.totalCount + res.body.data!.d.totalCount).toBe(await t.em().count(PersonalRecord, { source: 'intake' } as never));
      expect(res.body.data!.d.totalCount).toBeGreaterThan(0);
      expect(res.body.data!.d.edges[0].node.takenBy).not.toBeNull();
    } finally {
      await t.close();
    }
  });
});
