import { type GraphQLSchema, isObjectType } from 'graphql';
import { Section, SECTIONS } from '../core';
import type { Context } from '../server/context';
import { DepartmentCode, isDepartmentCode } from '../core';
import type { BenefitView, ConsultationView } from './child-rows';
import { ConcernCategory } from './concern-category';
import { PARTNERS_CONSENT } from './personal-record.entity';
import type { ConsentView, HouseholdView, ProtectionView } from './record.types';
import type { RecordView } from './record.view';
import { readSection } from './section-reader';
import type { AddressSection } from './sections/address.section';
import type { ConcernsSection } from './sections/concerns.section';
import type { ContactSection } from './sections/contact.section';
import type { IdentitySection } from './sections/identity.section';
import type { IncomeSection } from './sections/income.section';
import type { SelfReliancePlan } from './sections/self-reliance-plan.section';

type SectionField<T> = (r: RecordView, ctx: Context) => T;

/**
 * PersonalRecord's section fields: each reads its section through readSection (access check,
 * audit note). RecordResolver declares them for the schema and calls these; `bindSectionFields`
 * also installs them as the fields' resolvers directly, without type-graphql's per-call wrapper
 * (parameter decorators, middleware chain) — a page of 50 records resolves ~500 of them.
 */
export const SECTION_FIELDS: {
  identity: SectionField<IdentitySection>;
  address: SectionField<AddressSection>;
  contact: SectionField<ContactSection>;
  household: SectionField<HouseholdView | Promise<HouseholdView>>;
  income: SectionField<IncomeSection>;
  benefits: SectionField<BenefitView[] | Promise<BenefitView[]>>;
  concerns: SectionField<ConcernsSection>;
  selfReliancePlan: SectionField<SelfReliancePlan>;
  consultations: SectionField<ConsultationView[] | Promise<ConsultationView[]>>;
  protection: SectionField<ProtectionView>;
  consent: SectionField<ConsentView>;
} = {
  identity: (r, ctx) => readSection(ctx, r, Section.IDENTITY, () => r.identity),
  address: (r, ctx) => readSection(ctx, r, Section.ADDRESS, () => r.address),
  contact: (r, ctx) => readSection(ctx, r, Section.CONTACT, () => r.contact),
  // Child rows: prefetched with the page when the query selected them (synchronous), else loaded in one batch.
  household: (r, ctx) =>
    readSection(ctx, r, Section.HOUSEHOLD, () => {
      const view = (children: HouseholdView['children']): HouseholdView => ({
        children,
        otherMembers: r.household.otherMembers ?? [],
        note: r.household.note ?? null,
        maritalStatus: r.household.maritalStatus ?? null,
      });
      const children = r.prefetched?.children;
      return children ? view(children) : ctx.loaders.children.load(r.id).then(view);
    }),
  income: (r, ctx) => readSection(ctx, r, Section.INCOME, () => r.income),
  benefits: (r, ctx) => readSection(ctx, r, Section.BENEFITS, () => r.prefetched?.benefits ?? ctx.loaders.benefits.load(r.id)),
  concerns: (r, ctx) => readSection(ctx, r, Section.CONCERNS, () => r.concerns),
  selfReliancePlan: (r, ctx) => readSection(ctx, r, Section.SELF_RELIANCE_PLAN, () => r.selfReliancePlan),
  consultations: (r, ctx) => readSection(ctx, r, Section.CONSULTATIONS, () => r.prefetched?.consultations ?? ctx.loaders.consultations.load(r.id)),
  protection: (r, ctx) =>
    readSection(ctx, r, Section.PROTECTION, () => ({
      dvProtected: ctx.gate.dvProtected(r),
      dvConcern: r.concerns.categories.includes(ConcernCategory.DV),
      supportMeasure: r.protection.supportMeasure,
      since: r.protection.since ?? null,
      expiresOn: r.protection.expiresOn ?? null,
    })),
  consent: (r, ctx) =>
    readSection(ctx, r, Section.CONSENT, () => ({
      recordId: r.id,
      sharedWith: r.sharedWith.filter(isDepartmentCode) as DepartmentCode[],
      shareWithPartners: r.sharedWith.includes(PARTNERS_CONSENT),
      privacyNoticeVersion: r.privacyNoticeVersion ?? null,
    })),
};

/** Installs SECTION_FIELDS as PersonalRecord's section resolvers (before the shield wraps them). */
export function bindSectionFields(schema: GraphQLSchema): void {
  const type = schema.getType('PersonalRecord');
  if (!isObjectType(type)) throw new Error('PersonalRecord is not in the schema');
  const fields = type.getFields();
  for (const section of SECTIONS) {
    const field = fields[section];
    if (!field) throw new Error(`PersonalRecord has no field ${section}`);
    const read = SECTION_FIELDS[section] as SectionField<unknown>;
    field.resolve = (record: RecordView, _args: unknown, ctx: Context) => read(record, ctx);
  }
}
