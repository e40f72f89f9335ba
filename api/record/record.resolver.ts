import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SECTIONS } from '../core';
import type { Context } from '../server/context';
import { Consultation } from './consultation/consultation.entity';
import { BenefitInUse } from './benefit-in-use.entity';
import { PersonalRecord } from './personal-record.entity';
import { CreateRecordInput, RecordFilter, UpdateRecordSectionInput } from './record.inputs';
import type { BenefitView, ConsultationView } from './child-rows';
import { selectedRecordParts } from './record-selection';
import { RecordService } from './record.service';
import type { RecordView } from './record.view';
import { ConsentView, HouseholdView, PersonalRecordConnection, ProtectionView, SectionAccessInfo } from './record.types';
import { SECTION_FIELDS } from './section-fields';
import { AddressSection } from './sections/address.section';
import { ConcernsSection } from './sections/concerns.section';
import { ContactSection } from './sections/contact.section';
import { IdentitySection } from './sections/identity.section';
import { IncomeSection } from './sections/income.section';
import { SelfReliancePlan } from './sections/self-reliance-plan.section';

const service = (ctx: Context) => new RecordService(ctx.em, ctx.gate, ctx.audit);

/** The 電子個人票 API. Thin: RecordService does the work, the access gate decides; section fields are in section-fields.ts. */
@Resolver(() => PersonalRecord)
export class RecordResolver {
  @Query(() => PersonalRecord, {
    nullable: true,
    description: 'A record, or null when it does not exist or is not visible to you (the two are indistinguishable).',
  })
  record(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<RecordView | null> {
    return service(ctx).get(id, selectedRecordParts(info, []));
  }

  @Query(() => PersonalRecordConnection, { description: 'Records visible to you, newest first.' })
  records(
    @Ctx() ctx: Context,
    @Arg('filter', () => RecordFilter, { nullable: true }) filter?: RecordFilter,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<PersonalRecordConnection> {
    return service(ctx).list(filter, first, after, info ? selectedRecordParts(info, ['edges', 'node']) : undefined);
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
    return SECTION_FIELDS.identity(r, ctx);
  }

  @FieldResolver(() => AddressSection, { nullable: true })
  address(@Root() r: RecordView, @Ctx() ctx: Context): AddressSection {
    return SECTION_FIELDS.address(r, ctx);
  }

  @FieldResolver(() => ContactSection, { nullable: true })
  contact(@Root() r: RecordView, @Ctx() ctx: Context): ContactSection {
    return SECTION_FIELDS.contact(r, ctx);
  }

  @FieldResolver(() => HouseholdView, { nullable: true })
  household(@Root() r: RecordView, @Ctx() ctx: Context): HouseholdView | Promise<HouseholdView> {
    return SECTION_FIELDS.household(r, ctx);
  }

  @FieldResolver(() => IncomeSection, { nullable: true })
  income(@Root() r: RecordView, @Ctx() ctx: Context): IncomeSection {
    return SECTION_FIELDS.income(r, ctx);
  }

  @FieldResolver(() => [BenefitInUse], { nullable: true })
  benefits(@Root() r: RecordView, @Ctx() ctx: Context): BenefitView[] | Promise<BenefitView[]> {
    return SECTION_FIELDS.benefits(r, ctx);
  }

  @FieldResolver(() => ConcernsSection, { nullable: true })
  concerns(@Root() r: RecordView, @Ctx() ctx: Context): ConcernsSection {
    return SECTION_FIELDS.concerns(r, ctx);
  }

  @FieldResolver(() => SelfReliancePlan, { nullable: true })
  selfReliancePlan(@Root() r: RecordView, @Ctx() ctx: Context): SelfReliancePlan {
    return SECTION_FIELDS.selfReliancePlan(r, ctx);
  }

  @FieldResolver(() => [Consultation], { nullable: true, description: '相談対応履歴, newest first.' })
  consultations(@Root() r: RecordView, @Ctx() ctx: Context): ConsultationView[] | Promise<ConsultationView[]> {
    return SECTION_FIELDS.consultations(r, ctx);
  }

  @FieldResolver(() => ProtectionView, { nullable: true })
  protection(@Root() r: RecordView, @Ctx() ctx: Context): ProtectionView {
    return SECTION_FIELDS.protection(r, ctx);
  }

  @FieldResolver(() => ConsentView, { nullable: true })
  consent(@Root() r: RecordView, @Ctx() ctx: Context): ConsentView {
    return SECTION_FIELDS.consent(r, ctx);
  }
}
