import type { EntityManager } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { hashPassword } from '../../staff';
import { addDays, todayInJapan } from '../../core';
import { SEEDS_DIR } from '../../core';
import { ConsultationChannel } from '../../record';
import { Consultation } from '../../record';
import { DEPARTMENT_CODES, DepartmentCode } from '../../core';
import { Department } from '../../municipality';
import { Municipality } from '../../municipality';
import { PartnerOrganization } from '../../partner';
import { Referral } from '../../partner';
import { BenefitInUse } from '../../record';
import { Child } from '../../record';
import { ConcernCategory } from '../../record';
import { ConsentEvent } from '../../record';
import { ContactChannel } from '../../record';
import { contactHashes, keyringOf } from '../../crypto';
import { InboxItem } from '../../inbox';
import { InboxItemKind } from '../../inbox';
import { PARTNERS_CONSENT, PersonalRecord, RecordSource } from '../../record';
import { newReferenceNumber } from '../../record';
import { searchNameOf } from '../../record';
import { StaffMember } from '../../staff';
import { StaffRole } from '../../core';

interface DemoData {
  municipality: { code: string; name: string };
  departments: Record<DepartmentCode, string>;
  staff: Record<DepartmentCode, string>;
  familyNames: [string, string][];
  givenNames: [string, string][];
  childNames: string[];
  streets: string[];
  notes: string[];
  consultationSummaries: string[];
}

export const DEMO_MUNICIPALITY = '999999';
export const DEMO_PRIVACY_NOTICE = 'demo-2026-04';
export const demoStaffEmail = (code: DepartmentCode, role = '') => `${code}${role ? `-${role}` : ''}@demo.yorisoi.example`;

/** A small deterministic generator, so every demo install has the same records. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONCERN_POOL = [
  ConcernCategory.CHILDCARE,
  ConcernCategory.WORK,
  ConcernCategory.HOUSING,
  ConcernCategory.FINANCES,
  ConcernCategory.MENTAL_HEALTH,
  ConcernCategory.MEDICAL,
  ConcernCategory.CHILD_SUPPORT,
  ConcernCategory.EDUCATION,
  ConcernCategory.LEGAL,
];

/**
 * Seeds デモ市 (999999): six departments, one caseworker per department (plus a supervisor and an
 * admin in the owning department), a partner NPO, and `count` fictional records with varied
 * consent and concerns — one of them a DV case. Does nothing if デモ市 exists.
 */
export async function seedDemo(em: EntityManager, password: string, count = 40): Promise<boolean> {
  if (await em.findOne(Municipality, { code: DEMO_MUNICIPALITY })) return false;
  const data = parse(readFileSync(join(SEEDS_DIR, 'demo', 'demo.yaml'), 'utf8')) as DemoData;
  const rand = mulberry32(20261128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const today = todayInJapan();
  const hash = await hashPassword(password);

  // The demo signs in without a second factor (its published password is the point); real municipalities require one.
  const municipality = em.create(Municipality, { ...data.municipality, allowedOrigins: [], createdAt: new Date(), requireTwoFactor: false });
  const departments = new Map<DepartmentCode, Department>();
  for (const code of DEPARTMENT_CODES) {
    const department = em.create(Department, { municipality, code, name: data.departments[code] });
    departments.set(code, department);
    em.create(StaffMember, {
      municipality,
      department,
      name: data.staff[code],
      email: demoStaffEmail(code),
      role: StaffRole.CASEWORKER,
      passwordHash: hash,
    } as never);
  }
  const owner = departments.get(DepartmentCode.SINGLE_PARENT)!;
  em.create(StaffMember, {
    municipality,
    department: owner,
    name: '係長 七海',
    email: demoStaffEmail(DepartmentCode.SINGLE_PARENT, 'supervisor'),
    role: StaffRole.SUPERVISOR,
    passwordHash: hash,
  } as never);
  em.create(StaffMember, {
    municipality,
    department: owner,
    name: '管理 八雲',
    email: demoStaffEmail(DepartmentCode.SINGLE_PARENT, 'admin'),
    role: StaffRole.ADMIN,
    passwordHash: hash,
  } as never);
  const caseworker = await em.findOne(StaffMember, { email: demoStaffEmail(DepartmentCode.SINGLE_PARENT) });
  const partner = em.create(PartnerOrganization, { municipality, name: 'NPO法人 デモ子ども応援ネット', createdAt: new Date() });

  // The contact section with its search hashes, as RecordWriter stores it.
  const keyring = keyringOf(em.getPlatform());
  const contactOf = (phone: string, email: string, preferredChannel: ContactChannel, contactAllowed: boolean) => ({
    phone,
    email,
    preferredChannel,
    contactAllowed,
    ...contactHashes(keyring, { phone, email }),
  });
  // The street's town has its fictional postal code (seeds/demo/postal-codes.tsv lists the towns in the order of `streets`: 999-9901…).
  const addressOn = (street: string) => ({
    postalCode: `999-99${String(data.streets.indexOf(street) + 1).padStart(2, '0')}`,
    prefecture: 'デモ県',
    city: 'デモ市',
    street,
  });
  for (let n = 0; n < count; n++) {
    const [family, familyKana] = pick(data.familyNames);
    const [given, givenKana] = pick(data.givenNames);
    const createdAt = new Date(Date.now() - Math.floor(rand() * 365) * 86_400_000 - n * 60_000);
    const isDv = n === 3; // exactly one DV case, with the support measure set
    const concerns = isDv ? [ConcernCategory.DV, ConcernCategory.HOUSING] : [...new Set([pick(CONCERN_POOL), pick(CONCERN_POOL)])];
    // Varied consent: most families share with livelihood support, fewer with each other department.
    const sharedWith = DEPARTMENT_CODES.filter(
      (d) => d !== DepartmentCode.SINGLE_PARENT && rand() < (d === DepartmentCode.LIVELIHOOD_SUPPORT ? 0.7 : 0.4),
    ) as string[];
    if (rand() < 0.3) sharedWith.push(PARTNERS_CONSENT);
    const parentBirth = addDays(today, -Math.floor((25 + rand() * 20) * 365));
    const record = em.create(PersonalRecord, {
      municipality,
      referenceNumber: newReferenceNumber(),
      source: rand() < 0.5 ? RecordSource.INTAKE : RecordSource.STAFF,
      createdAt,
      updatedAt: createdAt,
      identity: { familyName: family, givenName: given, familyNameKana: familyKana, givenNameKana: givenKana, birthDate: parentBirth },
      searchName: searchNameOf({ familyName: family, givenName: given, familyNameKana: familyKana, givenNameKana: givenKana }),
      address: addressOn(pick(data.streets)),
      contact: contactOf(
        `0000-00-${String(1000 + n).padStart(4, '0')}`,
        `family${n}@example.jp`,
        rand() < 0.5 ? ContactChannel.PHONE : ContactChannel.EMAIL,
        rand() < 0.8,
      ),
      household: { otherMembers: rand() < 0.2 ? [{ relation: '祖母', birthDate: null }] : [], note: null },
      income: {
        incomeYear: Number(today.slice(0, 4)) - 1,
        annualEmploymentIncome: Math.round((80 + rand() * 300) * 10) * 1000,
        otherIncome: 0,
        childSupportReceivedYearly: rand() < 0.3 ? 360_000 : 0,
      },
      concerns: { categories: concerns, note: pick(data.notes) },
      selfReliancePlan:
        rand() < 0.3
          ? {
              goal: '介護福祉士の資格を取って正社員になる',
              steps: '高等職業訓練促進給付金を使って養成校に通う',
              startedOn: addDays(today, -120),
              reviewOn: addDays(today, 60),
            }
          : {},
      protection: isDv ? { supportMeasure: true, since: addDays(today, -30), expiresOn: addDays(today, 335) } : { supportMeasure: false },
      sharedWith: sharedWith.sort(),
      privacyNoticeVersion: DEMO_PRIVACY_NOTICE,
    } as never);
    for (const target of sharedWith) {
      em.create(ConsentEvent, { municipality, record, target, granted: true, at: createdAt, privacyNoticeVersion: DEMO_PRIVACY_NOTICE, recordedBy: null });
    }
    const children = 1 + Math.floor(rand() * 3);
    for (let c = 0; c < children; c++) {
      em.create(Child, {
        municipality,
        record,
        position: c,
        givenName: pick(data.childNames),
        birthDate: addDays(today, -Math.floor((1 + rand() * 16) * 365)),
        disability: rand() < 0.08,
      });
    }
    if (rand() < 0.6) em.create(BenefitInUse, { municipality, record, programmeId: 'child-rearing-allowance', since: addDays(today, -400), note: null });
    if (rand() < 0.9) em.create(BenefitInUse, { municipality, record, programmeId: 'child-allowance', since: addDays(today, -800), note: null });
    for (let k = 0; k < Math.floor(rand() * 3); k++) {
      em.create(Consultation, {
        municipality,
        record,
        date: addDays(today, -Math.floor(rand() * 200)),
        department: owner,
        staffMember: caseworker,
        channel: pick([ConsultationChannel.IN_PERSON, ConsultationChannel.PHONE, ConsultationChannel.ONLINE]),
        summary: pick(data.consultationSummaries),
        followUp: null,
        followUpDue: null,
        createdAt,
      });
    }
    if (record.source === RecordSource.INTAKE) {
      // The owning department's inbox: recent submissions still new, older ones taken the next day.
      const old = Date.now() - createdAt.getTime() > 14 * 86_400_000;
      em.create(InboxItem, {
        municipality,
        department: DepartmentCode.SINGLE_PARENT,
        kind: InboxItemKind.INTAKE,
        record,
        referenceNumber: record.referenceNumber,
        receivedAt: createdAt,
        urgent: isDv,
        takenBy: old ? caseworker : null,
        takenAt: old ? new Date(createdAt.getTime() + 86_400_000) : null,
      });
    }
    if (sharedWith.includes(PARTNERS_CONSENT) && rand() < 0.6) {
      em.create(Referral, { municipality, record, partner, reason: '子どもの学習支援と居場所づくりのため', createdAt, updatedAt: createdAt } as never);
    }
  }
  await em.flush();
  return true;
}
