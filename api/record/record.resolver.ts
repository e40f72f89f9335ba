import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Section, SECTIONS } from '../access/sections';
import { isDvProtected } from '../access/record-access';
import type { Context } from '../context';
import { Consultation } from '../consultation/consultation.entity';
import { DepartmentCode, isDepartmentCode } from '../municipality/department-code';
import { ConcernCategory } from './concern-category';
import { BenefitInUse } from './benefit-in-use.entity';
import { PARTNERS_CONSENT, PersonalRecord } from './personal-record.entity';
import { CreateRecordInput, RecordFilter, UpdateRecordSectionInput } from './record.inputs';
import { type BenefitView, type ConsultationView, selectedChildKinds } from './child-rows';
import { RecordService } from './record.service';
import type { RecordView } from './record.view';
import { ConsentView, HouseholdView, PersonalRecordConnection, ProtectionView, SectionAccessInfo } from './record.types';
import { readSection } from './section-reader';
import { AddressSection } from './sections/address.section';
import { ConcernsSection } from './sections/concerns.section';
import { ContactSection } from './sections/contact.section';
import { IdentitySection } from './sections/identity.section';
import { IncomeSection } from './sections/income.section';
import { SelfReliancePlan } from './sections/self-reliance-plan.section';

const service = (ctx: Context) => new RecordService(ctx.em, ctx.gate, ctx.audit);

/** The 電子個人票 API. Thin: RecordService does the work, the access gate decides. */
@Resolver(() => PersonalRecord)
export class RecordResolver {
  @Query(() => PersonalRecord, { nullable: true, description: 'A record, or null when it does not exist or is not visible to you (the two are indistinguishable).' })
  record(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<RecordView | null> {
    return service(ctx).get(id, selectedChildKinds(info, []));
  }

  @Query(() => PersonalRecordConnection, { description: 'Records visible to you, newest first.' })
  records(
    @Ctx() ctx: Context,
    @Arg('filter', () => RecordFilter, { nullable: true }) filter?: RecordFilter,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<PersonalRecordConnection> {
    return service(ctx).list(filter, first, after, info ? selectedChildKinds(info, ['edges', 'node']) : []);
  }

  @Mutation(() => PersonalRecord, { description: 'Create a record (owning department).' })
  createRecord(@Arg('input', () => CreateRecordInput) input: CreateRecordInput, @Ctx() ctx: Context): Promise<PersonalRecord> {
    return service(ctx).create(input);
  }

  @Mutation(() => PersonalRecord, { description: 'Replace one section, if the record is still at `expectedVersion`.' })
  updateRecordSection(@Arg('input', () => UpdateRecordSectionInput) input: UpdateRecordSectionInput, @Ctx() ctx: Context): Promise<PersonalRecord> {
    return service(ctx).updateSection(input);
  }

  @FieldResolver(() => [SectionAccessInfo], { description: 'Per section: may you read or write it, and if not, why.' })
  access(@Root() record: RecordView, @Ctx() ctx: Context): SectionAccessInfo[] {
    const access = ctx.gate.of(record);
    return SECTIONS.map((section) => ({ section, ...access.get(section)! }));
  }

  @FieldResolver(() => IdentitySection, { nullable: true })
  identity(@Root() r: RecordView, @Ctx() ctx: Context): IdentitySection {
    return readSection(ctx, r, Section.IDENTITY, () => r.identity);
  }

  @FieldResolver(() => AddressSection, { nullable: true })
  address(@Root() r: RecordView, @Ctx() ctx: Context): AddressSection {
    return readSection(ctx, r, Section.ADDRESS, () => r.address);
  }

  @FieldResolver(() => ContactSection, { nullable: true })
  contact(@Root() r: RecordView, @Ctx() ctx: Context): ContactSection {
    return readSection(ctx, r, Section.CONTACT, () => r.contact);
  }

  // Child rows: prefetched with the page when the query selected them (synchronous), else loaded in one batch.
  @FieldResolver(() => HouseholdView, { nullable: true })
  household(@Root() r: RecordView, @Ctx() ctx: Context): HouseholdView | Promise<HouseholdView> {
    return readSection(ctx, r, Section.HOUSEHOLD, () => {
      const view = (children: HouseholdView['children']): HouseholdView => ({ children, otherMembers: r.household.otherMembers ?? [], note: r.household.note ?? null });
      const children = r.prefetched?.children;
      return children ? view(children) : ctx.loaders.children.load(r.id).then(view);
    });
  }

  @FieldResolver(() => IncomeSection, { nullable: true })
  income(@Root() r: RecordView, @Ctx() ctx: Context): IncomeSection {
    return readSection(ctx, r, Section.INCOME, () => r.income);
  }

  @FieldResolver(() => [BenefitInUse], { nullable: true })
  benefits(@Root() r: RecordView, @Ctx() ctx: Context): BenefitView[] | Promise<BenefitView[]> {
    return readSection(ctx, r, Section.BENEFITS, () => r.prefetched?.benefits ?? ctx.loaders.benefits.load(r.id));
  }

  @FieldResolver(() => ConcernsSection, { nullable: true })
  concerns(@Root() r: RecordView, @Ctx() ctx: Context): ConcernsSection {
    return readSection(ctx, r, Section.CONCERNS, () => r.concerns);
  }

  @FieldResolver(() => SelfReliancePlan, { nullable: true })
  selfReliancePlan(@Root() r: RecordView, @Ctx() ctx: Context): SelfReliancePlan {
    return readSection(ctx, r, Section.SELF_RELIANCE_PLAN, () => r.selfReliancePlan);
  }

  @FieldResolver(() => [Consultation], { nullable: true, description: '相談対応履歴, newest first.' })
  consultations(@Root() r: RecordView, @Ctx() ctx: Context): ConsultationView[] | Promise<ConsultationView[]> {
    return readSection(ctx, r, Section.CONSULTATIONS, () => r.prefetched?.consultations ?? ctx.loaders.consultations.load(r.id));
  }

  @FieldResolver(() => ProtectionView, { nullable: true })
  protection(@Root() r: RecordView, @Ctx() ctx: Context): ProtectionView {
    return readSection(ctx, r, Section.PROTECTION, () => ({
      dvProtected: isDvProtected(r, ctx.gate.today),
      dvConcern: r.concerns.categories.includes(ConcernCategory.DV),
      supportMeasure: r.protection.supportMeasure,
      since: r.protection.since ?? null,
      expiresOn: r.protection.expiresOn ?? null,
    }));
  }

  @FieldResolver(() => ConsentView, { nullable: true })
  consent(@Root() r: RecordView, @Ctx() ctx: Context): ConsentView {
    return readSection(ctx, r, Section.CONSENT, () => ({
      recordId: r.id,
      sharedWith: r.sharedWith.filter(isDepartmentCode) as DepartmentCode[],
      shareWithPartners: r.sharedWith.includes(PARTNERS_CONSENT),
      privacyNoticeVersion: r.privacyNoticeVersion ?? null,
    }));
  }
}
