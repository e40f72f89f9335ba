import type { EntityManager } from '@mikro-orm/postgresql';
import { Section } from '../core';
import { badInput } from '../core';
import { contactHashes, keyringOf } from '../crypto';
import type { Locale } from '../core';
import { InputChecker } from '../core';
import { BenefitInUse } from './benefit-in-use.entity';
import { Child } from './child.entity';
import { ConsentEvent } from './consent-event.entity';
import { CONSENT_GRANTED } from './consent-granted';
import { PARTNERS_CONSENT, type PersonalRecord } from './personal-record.entity';
import type { CreateRecordInput } from './record.inputs';
import * as check from './record.validation';

/**
 * Writes sections onto a record: used by staff (RecordService) and by the intake form
 * (IntakeService), so both store exactly the same normalised, checked values.
 */
export class RecordWriter {
  constructor(
    private readonly em: EntityManager,
    private readonly today: string,
    private readonly locale: Locale,
  ) {}

  /**
   * Checks every given section of the input, then writes them onto the record (and its child
   * rows, replaced whole). Throws BAD_USER_INPUT with every problem before anything is changed;
   * the changes reach the database in the single transaction of the caller's flush.
   */
  async apply(record: PersonalRecord, input: CreateRecordInput, path: string, staffId: string | null, creating: boolean): Promise<Section[]> {
    const c = new InputChecker(this.today);
    const thisYear = Number(this.today.slice(0, 4));
    const identity = input.identity && check.checkIdentity(c, `${path}.identity`, input.identity);
    const address = input.address && check.checkAddress(c, `${path}.address`, input.address);
    const contact = input.contact && check.checkContact(c, `${path}.contact`, input.contact);
    const household = input.household && check.checkHousehold(c, `${path}.household`, input.household);
    const income = input.income && check.checkIncome(c, `${path}.income`, input.income, thisYear);
    const benefits = input.benefits && check.checkBenefits(c, `${path}.benefits`, input.benefits);
    const concerns = input.concerns && check.checkConcerns(c, `${path}.concerns`, input.concerns);
    const plan = input.selfReliancePlan && check.checkPlan(c, `${path}.selfReliancePlan`, input.selfReliancePlan);
    const protection = input.protection && check.checkProtection(c, `${path}.protection`, input.protection, this.today);
    const consent = input.consent && check.checkConsent(c, `${path}.consent`, input.consent);
    if (!c.ok) throw badInput(c.problems, this.locale);

    const written: Section[] = [];
    const municipality = record.municipality;
    if (identity) {
      Object.assign(record.identity, identity);
      record.searchName = check.searchNameOf(record.identity);
      written.push(Section.IDENTITY);
    }
    if (address) {
      Object.assign(record.address, address);
      written.push(Section.ADDRESS);
    }
    if (contact) {
      Object.assign(record.contact, contact);
      Object.assign(record.contact, contactHashes(keyringOf(this.em.getPlatform()), record.contact));
      written.push(Section.CONTACT);
    }
    if (household) {
      record.household.otherMembers = household.otherMembers;
      record.household.note = household.note ?? null;
      record.household.maritalStatus = household.maritalStatus;
      if (!creating) for (const old of await this.em.find(Child, { record })) this.em.remove(old);
      household.children.forEach((child, position) => {
        this.em.persist(
          this.em.create(Child, {
            municipality,
            record,
            position,
            givenName: child.givenName ?? null,
            birthDate: child.birthDate,
            disability: child.disability,
          }),
        );
      });
      written.push(Section.HOUSEHOLD);
    }
    if (income) {
      Object.assign(record.income, income);
      written.push(Section.INCOME);
    }
    if (benefits) {
      if (!creating) for (const old of await this.em.find(BenefitInUse, { record })) this.em.remove(old);
      for (const b of benefits) {
        this.em.persist(this.em.create(BenefitInUse, { municipality, record, programmeId: b.programmeId, since: b.since ?? null, note: b.note ?? null }));
      }
      written.push(Section.BENEFITS);
    }
    if (concerns) {
      record.concerns.categories = concerns.categories;
      record.concerns.note = concerns.note ?? null;
      written.push(Section.CONCERNS);
    }
    if (plan) {
      Object.assign(record.selfReliancePlan, plan);
      written.push(Section.SELF_RELIANCE_PLAN);
    }
    if (protection) {
      record.protection.supportMeasure = protection.supportMeasure;
      record.protection.since = protection.since ?? null;
      record.protection.expiresOn = protection.expiresOn ?? null;
      written.push(Section.PROTECTION);
    }
    if (consent) {
      await this.recordConsent(record, consent, staffId, creating);
      written.push(Section.CONSENT);
    }
    return written;
  }

  /** Stores the consent as it stands now, and one history event per department that changed. */
  private async recordConsent(
    record: PersonalRecord,
    consent: NonNullable<CreateRecordInput['consent']>,
    staffId: string | null,
    creating: boolean,
  ): Promise<void> {
    const at = new Date();
    const next = new Set<string>([...consent.sharedWith, ...(consent.shareWithPartners ? [PARTNERS_CONSENT] : [])]);
    const before = new Set(record.sharedWith);
    for (const target of new Set([...next, ...before])) {
      if (next.has(target) === before.has(target)) continue;
      this.em.persist(
        this.em.create(ConsentEvent, {
          municipality: record.municipality,
          record,
          target,
          granted: next.has(target),
          at,
          privacyNoticeVersion: consent.privacyNoticeVersion,
          recordedBy: staffId,
        }),
      );
    }
    // The one-stop hand-over: newly consented departments get an inbox item (inbox/, through CONSENT_GRANTED).
    const granted = [...next].filter((d) => !before.has(d));
    if (granted.length > 0) await CONSENT_GRANTED.get()(this.em, record, granted, at, creating);
    record.sharedWith = [...next].sort();
    record.privacyNoticeVersion = consent.privacyNoticeVersion;
  }
}
