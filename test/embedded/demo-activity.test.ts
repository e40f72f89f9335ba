import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { seedDemoActivity } from '../../api/server/seed/demo-activity';
import { startTestApp, type TestApp } from '../support/app';

// T12: after a fresh demo start, the staff console's online applications, push-type support candidates and
// call tasks have something in them — made by the product's own services (the family's application
// service, the re-screening, the notice sender) — and seeding again adds nothing.

const QUEUE = `query StaffApplications($limit: Int!) { applications(limit: $limit) { id status procedureId referenceNumber receiptNumber } }`;
const APPLICATION = `query StaffApplication($id: ID!) { application(id: $id) { status answers { question value prefilled } history { status actor } } }`;
const CANDIDATES = `query StaffOutreachCandidates { outreachCandidates(first: 100) { id kind programmeId channel record { id } } }`;
const RECORDS = `query { records(first: 100) { edges { node { address { postalCode street } } } } }`;
const WORKLIST = `query StaffWorklist { worklist(scope: DEPARTMENT) { counts { newItems } newItems { kind referenceNumber wantsContact record { id } } } }`;
const TASKS = `query StaffOutreachPhoneTasks { outreachPhoneTasks(status: OPEN) { id status reason programmeName record { id contact { phone } } } }`;

describe('demo activity (T12)', () => {
  let t: TestApp;
  let caseworker: string;
  let first: Awaited<ReturnType<typeof seedDemoActivity>>;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    first = await seedDemoActivity(t.em().fork() as EntityManager, t.app.services);
    caseworker = await t.login(DepartmentCode.SINGLE_PARENT);
  }, 120_000);
  afterAll(async () => t?.close());

  async function counts() {
    const apps = await t.gql(QUEUE, { limit: 200 }, caseworker);
    const candidates = await t.gql(CANDIDATES, {}, caseworker);
    const tasks = await t.gql(TASKS, {}, caseworker);
    const work = await t.gql(WORKLIST, {}, caseworker);
    for (const r of [apps, candidates, tasks, work]) expect(r.body.errors).toBeUndefined();
    return {
      newItems: work.body.data!.worklist.newItems as { kind: string; referenceNumber: string; wantsContact: boolean; record: { id: string } | null }[],
      apps: apps.body.data!.applications as { id: string; status: string; receiptNumber: string | null }[],
      candidates: candidates.body.data!.outreachCandidates as { kind: string; programmeId: string; channel: string; record: { id: string } | null }[],
      tasks: tasks.body.data!.outreachPhoneTasks as { reason: string; programmeName: string | null; record: { contact: { phone: string } | null } | null }[],
    };
  }

  it('lists applications in each stage, outreach candidates and call tasks to the demo caseworker', async () => {
    const { apps, candidates, tasks, newItems } = await counts();
    expect(first).toEqual({ applications: apps.length, candidates: candidates.length, phoneTasks: tasks.length, intakes: 3 });
    // 今日の仕事 has new work: the three intakes, submitted through the intake service, nobody has taken them.
    const intakes = newItems.filter((i) => i.kind === 'INTAKE');
    expect(intakes.length).toBeGreaterThanOrEqual(3);
    expect(intakes.filter((i) => i.wantsContact).length).toBeGreaterThanOrEqual(2);
    const statuses = new Set(apps.map((a) => a.status));
    for (const s of ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'ACCEPTED']) expect(statuses, s).toContain(s);
    expect(apps.every((a) => a.receiptNumber)).toBe(true);
    // Found by the re-screening: a programme the family fits now and did not a year ago, waiting for approval.
    expect(candidates.length).toBeGreaterThanOrEqual(1);
    expect(candidates.map((c) => c.kind)).toContain('programme-fits');
    expect(candidates.every((c) => c.record)).toBe(true);
    // Approved phone notices became call tasks, with the family's fictional number.
    expect(tasks.length).toBeGreaterThanOrEqual(1);
    for (const task of tasks) {
      expect(task.reason).toBe('phone-channel');
      expect(task.programmeName).toBeTruthy();
      expect(task.record!.contact!.phone).toMatch(/^0000-00-\d{4}$/);
    }
  });

  it('pre-fills applications from the demo records and keeps the staff steps in their history', async () => {
    const { apps } = await counts();
    const returned = apps.find((a) => a.status === 'INFO_REQUESTED')!;
    const res = await t.gql(APPLICATION, { id: returned.id }, caseworker);
    expect(res.body.errors).toBeUndefined();
    const detail = res.body.data!.application as {
      answers: { question: string; value: string | null; prefilled: boolean }[];
      history: { status: string; actor: string }[];
    };
    const prefilled = detail.answers.filter((a) => a.prefilled).map((a) => a.question);
    expect(prefilled).toEqual(expect.arrayContaining(['familyName', 'givenName', 'postalCode', 'phone']));
    // Fictional: デモ市's own postal codes (999-9901…9905) and the demo's phone range.
    const answer = (q: string) => detail.answers.find((a) => a.question === q)!.value;
    expect(answer('postalCode')).toMatch(/^999-990[1-5]$/);
    expect(answer('phone')).toMatch(/^0000-00-\d{4}$/);
    expect(detail.history.map((h) => `${h.actor}:${h.status}`)).toEqual(['FAMILY:DRAFT', 'FAMILY:SUBMITTED', 'STAFF:IN_REVIEW', 'STAFF:INFO_REQUESTED']);
  });

  it('gives every demo record the postal code of its fictional town', async () => {
    const res = await t.gql(RECORDS, {}, caseworker);
    expect(res.body.errors).toBeUndefined();
    const addresses = (res.body.data!.records.edges as { node: { address: { postalCode: string; street: string } } }[]).map((e) => e.node.address);
    expect(addresses.length).toBeGreaterThan(0);
    const towns = ['デモ町', 'デモ台', '見本通り', '架空ヶ丘', '仮町'];
    // A family that did not ask to be contacted has no street kept (intake's rule): nothing to check there.
    for (const a of addresses.filter((x) => x?.street))
      expect(a.street.startsWith(towns[Number(a.postalCode.slice(-2)) - 1]!), `${a.postalCode} ${a.street}`).toBe(true);
  });

  it('adds nothing when seeded again', async () => {
    const before = await counts();
    const again = await seedDemoActivity(t.em().fork() as EntityManager, t.app.services);
    expect(again).toEqual({ applications: 0, candidates: 0, phoneTasks: 0, intakes: 0 });
    const after = await counts();
    expect([after.apps.length, after.candidates.length, after.tasks.length, after.newItems.length]).toEqual([
      before.apps.length,
      before.candidates.length,
      before.tasks.length,
      before.newItems.length,
    ]);
  });
});
