import { Embedded, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DepartmentCode, OWNER_DEPARTMENT } from '../core';
import { MunicipalityRow } from '../municipality';
import { AddressSection } from './sections/address.section';
import { ConcernsSection } from './sections/concerns.section';
import { ContactSection } from './sections/contact.section';
import { HouseholdData } from './sections/household.section';
import { IdentitySection } from './sections/identity.section';
import { IncomeSection } from './sections/income.section';
import { ProtectionSection } from './sections/protection.section';
import { SelfReliancePlan } from './sections/self-reliance-plan.section';

export enum RecordSource {
  STAFF = 'staff',
  INTAKE = 'intake',
  /** A chatbot visitor asked to talk to a caseworker (api/inbox). */
  CHAT = 'chat',
}
registerEnumType(RecordSource, { name: 'RecordSource', description: 'How the record was created.' });

export { PARTNERS_CONSENT } from '../core';

/**
 * The 電子個人票. Sections are embedded columns (children, benefits, consultations and consent
 * history have their own tables). The GraphQL section fields are resolved in record.resolver.ts so
 * that the access layer can deny one section without nulling the record.
 */
@ObjectType({ simpleResolvers: true, description: 'The electronic personal record (電子個人票) of a single-parent family.' })
@Entity()
@Unique({ properties: ['municipality', 'referenceNumber'] })
@Index({ properties: ['municipality', 'createdAt', 'id'] })
@Index({ properties: ['municipality', 'id'] })
// Consent and concern filters are array containment: GIN indexes (declared here so migrations keep them).
@Index({ name: 'personal_record_shared_with_gin', expression: 'create index "personal_record_shared_with_gin" on "personal_record" using gin ("shared_with")' })
@Index({
  name: 'personal_record_concerns_gin',
  expression: 'create index "personal_record_concerns_gin" on "personal_record" using gin ("concerns_categories")',
})
// Exact-match search on encrypted contact details goes through keyed hashes (api/crypto/search-hash.ts).
@Index({
  name: 'personal_record_contact_phone_hash_index',
  expression: 'create index "personal_record_contact_phone_hash_index" on "personal_record" ("municipality_code", "contact_phone_hash")',
})
@Index({
  name: 'personal_record_contact_email_hash_index',
  expression: 'create index "personal_record_contact_email_hash_index" on "personal_record" ("municipality_code", "contact_email_hash")',
})
@Index({ properties: ['municipality', 'createdAt'] })
export class PersonalRecord extends MunicipalityRow {
  @Field(() => String, { description: 'The number the family quotes (e.g. K7Q2-9M4X).' })
  @Property({ type: 'string' })
  referenceNumber!: string;

  @Field(() => Int, { description: 'Increases with every change; pass it back to update a section.' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field(() => DepartmentCode, { description: 'The department that owns the record.' })
  @Enum({ items: () => DepartmentCode, nativeEnumName: 'department_code' })
  ownerDepartment: DepartmentCode = OWNER_DEPARTMENT;

  @Field(() => RecordSource)
  @Enum({ items: () => RecordSource })
  source: RecordSource = RecordSource.STAFF;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Embedded(() => IdentitySection, { prefix: 'identity_' })
  identity: IdentitySection = new IdentitySection();

  /** Normalised name and kana, for search (see core/normalize.ts searchKey). */
  @Property({ type: 'text', default: '' })
  searchName: string = '';

  @Embedded(() => AddressSection, { prefix: 'address_' })
  address: AddressSection = new AddressSection();

  @Embedded(() => ContactSection, { prefix: 'contact_' })
  contact: ContactSection = new ContactSection();

  @Embedded(() => HouseholdData, { prefix: 'household_' })
  household: HouseholdData = new HouseholdData();

  @Embedded(() => IncomeSection, { prefix: 'income_' })
  income: IncomeSection = new IncomeSection();

  @Embedded(() => ConcernsSection, { prefix: 'concerns_' })
  concerns: ConcernsSection = new ConcernsSection();

  @Embedded(() => SelfReliancePlan, { prefix: 'plan_' })
  selfReliancePlan: SelfReliancePlan = new SelfReliancePlan();

  @Embedded(() => ProtectionSection, { prefix: 'protection_' })
  protection: ProtectionSection = new ProtectionSection();

  /**
   * Departments (and `partners`) the family currently consents to share with. The history with
   * times and privacy-notice versions is in consent_event; this column is what queries filter on.
   */
  @Property({ type: 'text[]', default: '{}' })
  sharedWith: string[] = [];

  @Property({ type: 'string', nullable: true })
  privacyNoticeVersion?: string | null;

  /**
   * Set when the owning department merged this record into another (名寄せ, casework/record-merge.ts):
   * the record is then a tombstone — left out of every list, search and look-up — that keeps what it held.
   */
  @Property({ type: 'uuid', nullable: true })
  @Index({
    name: 'personal_record_merged_into_index',
    expression:
      'create index "personal_record_merged_into_index" on "personal_record" ("municipality_code", "merged_into_id") where "merged_into_id" is not null',
  })
  mergedIntoId?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  mergedAt?: Date | null;
}
