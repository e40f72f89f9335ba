import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { Department } from '../municipality';
import { PartnerOrganization, PartnerToken } from '../partner';
import { DepartmentNameInput, PrivacyNotices, PublishPrivacyNoticeInput, UpdatePartnerOrganizationInput } from './administration.types';
import { DepartmentAdmin } from './department-admin';
import { partnerTokens, updatePartnerOrganization } from './partner-admin';
import { PrivacyNoticeAdmin } from './privacy-notice-admin';
import { AccessPolicyAdmin } from './access-policy-settings';
import { AccessPolicyInput, AccessPolicyProblem, AccessPolicyResult, AccessPolicyView, ResetAccessPolicyInput } from './access-policy-settings.types';
import { ProgrammeSettingsAdmin } from './programme-settings';
import { ProgrammeSettingsInput, ProgrammeSettingsResult, ProgrammeSettingsView } from './programme-settings.types';

const departments = (ctx: Context) => new DepartmentAdmin(ctx.em, ctx.gate);
const programmes = (ctx: Context) => new ProgrammeSettingsAdmin(ctx.em, ctx.gate, ctx.services.catalogue, ctx.services.programmeSettings);
const policies = (ctx: Context) => new AccessPolicyAdmin(ctx.em, ctx.gate, ctx.services.policies, ctx.services.accessPolicy);
const notices = (ctx: Context) => new PrivacyNoticeAdmin(ctx.em, ctx.gate, ctx.services.intake.texts);

/** The console's administration screens (admins of the municipality; every change in the administration trail). */
@Resolver()
export class AdministrationResolver {
  @Query(() => [Department])
  departments(@Ctx() ctx: Context): Promise<Department[]> {
    return departments(ctx).list();
  }

  @Mutation(() => Department)
  renameDepartment(@Arg('input', () => DepartmentNameInput) input: DepartmentNameInput, @Ctx() ctx: Context): Promise<Department> {
    return departments(ctx).rename(input.department, input.name);
  }

  @Mutation(() => Department)
  addDepartment(@Arg('input', () => DepartmentNameInput) input: DepartmentNameInput, @Ctx() ctx: Context): Promise<Department> {
    return departments(ctx).add(input.department, input.name);
  }

  @Mutation(() => PartnerOrganization)
  updatePartnerOrganization(
    @Arg('input', () => UpdatePartnerOrganizationInput) input: UpdatePartnerOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<PartnerOrganization> {
    return updatePartnerOrganization(ctx.em, ctx.gate, input);
  }

  @Query(() => [PartnerToken])
  partnerTokens(@Arg('partnerId', () => ID) partnerId: string, @Ctx() ctx: Context): Promise<PartnerToken[]> {
    return partnerTokens(ctx.em, ctx.gate, partnerId);
  }

  @Query(() => PrivacyNotices)
  privacyNotices(@Ctx() ctx: Context): Promise<PrivacyNotices> {
    return notices(ctx).list();
  }

  @Mutation(() => PrivacyNotices)
  async publishPrivacyNotice(@Arg('input', () => PublishPrivacyNoticeInput) input: PublishPrivacyNoticeInput, @Ctx() ctx: Context): Promise<PrivacyNotices> {
    const done = await notices(ctx).publish(input);
    // The intake form reads the notice with the municipality (cached): from the next request here, within a minute elsewhere.
    ctx.services.intake.municipalities.invalidate();
    return done;
  }

  @Query(() => ProgrammeSettingsView)
  programmeSettings(@Ctx() ctx: Context): Promise<ProgrammeSettingsView> {
    return programmes(ctx).view();
  }

  @Mutation(() => ProgrammeSettingsResult)
  saveProgrammeSettings(@Arg('input', () => ProgrammeSettingsInput) input: ProgrammeSettingsInput, @Ctx() ctx: Context): Promise<ProgrammeSettingsResult> {
    return programmes(ctx).save(input);
  }

  @Query(() => AccessPolicyView)
  accessPolicySettings(@Ctx() ctx: Context): Promise<AccessPolicyView> {
    return policies(ctx).view();
  }

  @Query(() => [AccessPolicyProblem])
  validateAccessPolicy(@Arg('yaml', () => String) yaml: string, @Ctx() ctx: Context): AccessPolicyProblem[] {
    return policies(ctx).validate(yaml);
  }

  @Mutation(() => AccessPolicyResult)
  saveAccessPolicy(@Arg('input', () => AccessPolicyInput) input: AccessPolicyInput, @Ctx() ctx: Context): Promise<AccessPolicyResult> {
    return policies(ctx).save(input);
  }

  @Mutation(() => AccessPolicyResult)
  resetAccessPolicy(@Arg('input', () => ResetAccessPolicyInput) input: ResetAccessPolicyInput, @Ctx() ctx: Context): Promise<AccessPolicyResult> {
    return policies(ctx).reset(input);
  }
}
