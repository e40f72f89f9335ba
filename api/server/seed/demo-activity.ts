import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, DepartmentCode, todayInJapan } from '../../core';
import { rawQuery } from '../../db';
import { Application, ApplicationActor, ApplicationEvent, applicationServices, ApplicationStatus, FamilyApplications } from '../../application';
import { ConsentMethod, decideNotices, OUTREACH_PURPOSE_VERSION, OutreachChannel, recordConsent, rescreenForOutreach } from '../../outreach';
import { StaffMember } from '../../staff';
import type { AppServices } from '../context';
import { seedDemoIntakes } from './demo-intakes';
import { DEMO_MUNICIPALITY, demoStaffEmail } from './demo-seed';

/**
 * The demo's work in progress, so that every screen of the staff console has something in it after a
 * fresh start: online applications in each stage, push-type support candidates and call tasks. Each is
 * made the way the product makes it — applications started and submitted through the family's own
 * service (pre-filled from the record), candidates found by the real re-screening, call tasks made by
 * the notice sender from approved phone notices — never by writing result rows. Only デモ市 (999999);
 * each part runs once (an application, a screening state already there: that part is skipped).
 */
export interface DemoActivity {
  applications: number;
  candidates: number;
  phoneTasks: number;
  /** New intake submissions waiting in the owning department's inbox. */
  intakes: number;
}

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

interface DemoRecordRow {
  id: string;
  created_at: Date | string;
  contact_allowed: boolean | null;
  preferred_channel: string | null;
  source: string;
}

/** The demo's families that may be contacted and are not under DV protection, oldest first (the seed's order is deterministic). */
async function ordinaryRecords(em: EntityManager): Promise<DemoRecordRow[]> {
  return rawQuery<DemoRecordRow>(
    em,
    `select id, created_at, contact_contact_allowed as contact_allowed, contact_preferred_channel as preferred_channel, source from personal_record
      where municipality_code = ? and merged_into_id is null and not coalesce(protection_support_measure, false) and not ('dv' = any(concerns_categories))
      order by created_at, id`,
    [DEMO_MUNICIPALITY],
  );
}

interface DemoApplication {
  procedureId: string;
  answers: Record<string, string>;
  /** The stages after submission, each with the staff's message (null: none). */
  staff: Array<{ status: ApplicationStatus; message: string | null }>;
  submittedDaysAgo: number;
}

// Answers to the questions the record cannot pre-fill (the family types them); the rest comes from the record.
const APPLICATIONS: DemoApplication[] = [
  {
    procedureId: 'cra-status-report',
    answers: { maritalStatus: 'not-married', livingWithChildren: 'true', publicPension: 'false', fullySuspended: 'false' },
    staff: [],
    submittedDaysAgo: 1,
  },
  {
    procedureId: 'medical-subsidy',
    answers: { maritalStatus: 'not-married', insuranceKind: 'national' },
    staff: [{ status: ApplicationStatus.IN_REVIEW, message: null }],
    submittedDaysAgo: 4,
  },
  {
    procedureId: 'cra-claim',
    answers: { maritalStatus: 'not-married', reason: 'divorce', publicPension: 'false' },
    staff: [
      { status: ApplicationStatus.IN_REVIEW, message: null },
      { status: ApplicationStatus.INFO_REQUESTED, message: '離婚の日付（戸籍謄本に記載の日）を入力して、もう一度送ってください。' },
    ],
    submittedDaysAgo: 6,
  },
  {
    procedureId: 'school-expense-aid',
    answers: { maritalStatus: 'not-married', schoolName: 'デモ市立見本小学校', receivesCra: 'true' },
    staff: [
      { status: ApplicationStatus.IN_REVIEW, message: null },
      { status: ApplicationStatus.ACCEPTED, message: null },
    ],
    submittedDaysAgo: 12,
  },
];

/** Applications started and submitted by the family's service, then moved on by the demo caseworker. */
async function seedApplications(em: EntityManager, services: AppServices, families: DemoRecordRow[], staffId: string): Promise<number> {
  const [existing] = await rawQuery<{ n: number }>(em, `select count(*)::int as n from application where municipality_code = ?`, [DEMO_MUNICIPALITY]);
  if (existing!.n > 0) return 0;
  const book = applicationServices(services);
  let made = 0;
  for (const [i, plan] of APPLICATIONS.entries()) {
    const family = families[families.length - 1 - i];
    if (!family || !book.procedures.get(plan.procedureId, DEMO_MUNICIPALITY)) continue;
    const own = new FamilyApplications(em, book, { recordId: family.id, municipalityCode: DEMO_MUNICIPALITY, sessionId: 'demo-seed' }, 'ja', false);
    const draft = await own.start(plan.procedureId);
    const saved = await own.save(
      draft.id,
      draft.version,
      Object.entries(plan.answers).map(([question, value]) => ({ question, value })),
    );
    await own.submit(draft.id, saved.version, null);
    const app = await em.findOneOrFail(Application, { id: draft.id });
    // Dated as if it came in some days ago, each staff step a day after the one before.
    const submitted = daysAgo(plan.submittedDaysAgo);
    app.createdAt = new Date(submitted.getTime() - 20 * 60_000);
    app.submittedAt = submitted;
    const events = await em.find(ApplicationEvent, { application: app }, { orderBy: { at: 'asc' } });
    events[0]!.at = app.createdAt;
    events[events.length - 1]!.at = submitted;
    plan.staff.forEach((step, k) => {
      const at = new Date(submitted.getTime() + ((k + 1) * plan.submittedDaysAgo * DAY) / (plan.staff.length + 1));
      em.create(ApplicationEvent, {
        municipality: app.municipality,
        application: app,
        fromStatus: app.status,
        toStatus: step.status,
        actor: ApplicationActor.STAFF,
        staffId,
        message: step.message,
        at,
      } as never);
      app.status = step.status;
      if (step.status === ApplicationStatus.ACCEPTED) app.decidedAt = at;
    });
    await em.flush();
    made++;
  }
  return made;
}

/**
 * Push-type support: families opted in to notices on the channel they prefer (at intake or with a
 * caseworker), the re-screening's baseline as it stood a year ago, and today's re-screening, which finds
 * what a year of growing up changed (a child now of high-school age: 高等学校等就学支援金, …). The
 * candidates wait for approval; two phone ones are approved, and the sender turns them into call tasks.
 */
async function seedOutreach(
  em: EntityManager,
  services: AppServices,
  families: DemoRecordRow[],
  staffId: string,
): Promise<{ candidates: number; phoneTasks: number }> {
  const [screened] = await rawQuery<{ n: number }>(em, `select count(*)::int as n from outreach_screening_state where municipality_code = ?`, [
    DEMO_MUNICIPALITY,
  ]);
  if (screened!.n > 0) return { candidates: 0, phoneTasks: 0 };
  for (const f of families) {
    if (!f.contact_allowed) continue;
    const channel = f.preferred_channel === 'phone' ? OutreachChannel.PHONE : OutreachChannel.EMAIL;
    const intake = f.source === 'intake';
    await recordConsent(em, DEMO_MUNICIPALITY, f.id, [
      {
        channel,
        granted: true,
        at: new Date(f.created_at),
        method: intake ? ConsentMethod.INTAKE : ConsentMethod.STAFF,
        recordedBy: intake ? null : staffId,
        purposeVersion: OUTREACH_PURPOSE_VERSION,
      },
    ]);
  }
  const today = todayInJapan();
  const outreach = services.outreach;
  const common = { municipalityCode: DEMO_MUNICIPALITY, trigger: 'nightly', catalogue: services.catalogue, approval: outreach?.approval };
  await rescreenForOutreach(em, null, { ...common, asOf: addDays(today, -365) });
  const found = await rescreenForOutreach(em, null, { ...common, asOf: today });
  if (!outreach) return { candidates: found.created, phoneTasks: 0 };
  const phone = await rawQuery<{ id: string }>(
    em,
    `select id from outreach_notice where municipality_code = ? and approval = 'PENDING' and channel = 'PHONE' order by programme_id, id limit 2`,
    [DEMO_MUNICIPALITY],
  );
  const approved = await decideNotices(
    em,
    null,
    DEMO_MUNICIPALITY,
    DepartmentCode.SINGLE_PARENT,
    phone.map((p) => p.id),
    true,
  );
  await (await outreach.senderFor()).sendMany(approved);
  return { candidates: found.created - approved.length, phoneTasks: approved.length };
}

export async function seedDemoActivity(em: EntityManager, services: AppServices): Promise<DemoActivity> {
  const none = { applications: 0, candidates: 0, phoneTasks: 0, intakes: 0 };
  const caseworker = await em.findOne(StaffMember, { email: demoStaffEmail(DepartmentCode.SINGLE_PARENT), municipality: DEMO_MUNICIPALITY });
  if (!caseworker) return none;
  const families = await ordinaryRecords(em);
  const applications = await seedApplications(em, services, families, caseworker.id);
  const { candidates, phoneTasks } = await seedOutreach(em, services, families, caseworker.id);
  // Last: the new families are not part of the applications or the re-screening above.
  const intakes = await seedDemoIntakes(em, services);
  return { applications, candidates, phoneTasks, intakes };
}
