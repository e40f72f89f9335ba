import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../server/context';
import { StaffMember } from '../staff';
import { AccountAdminService } from './account-admin.service';
import { AccountLinksService } from './account-links.service';
import {
  AccountLinkInfo,
  AdminEventInfo,
  CreatePartnerOrganizationInput,
  BeginTwoFactorEnrolmentInput,
  ChangePasswordInput,
  CompleteTwoFactorEnrolmentInput,
  IssuePasswordResetLinkInput,
  CompletedTwoFactorEnrolment,
  InviteStaffMemberInput,
  IssuedAccountLink,
  MunicipalitySettings,
  MyTwoFactor,
  RedeemAccountLinkInput,
  RedeemedAccountLink,
  StaffSessionInfo,
  TwoFactorEnrolment,
  UpdateMunicipalitySettingsInput,
} from './accounts.types';
import { StaffLoginLimits } from './limits';
import { StaffPasskey } from './passkey.entity';
import { createPartnerOrganization } from './partner-admin';
import { PartnerOrganization } from '../partner';
import { ImportMunicipalitySettingsInput, MunicipalitySettingsImport } from './settings-yaml.types';

const links = (ctx: Context) => new AccountLinksService(ctx.em, ctx.locale, ctx.services.auth, ctx.services.limits.loginPerAccount);
const admin = (ctx: Context) =>
  new AccountAdminService(
    ctx.em,
    ctx.gate,
    ctx.services.auth,
    { catalogue: ctx.services.catalogue, sync: ctx.services.programmeSettings },
    { policies: ctx.services.policies, policySync: ctx.services.accessPolicy },
  );

@Resolver()
export class AccountsResolver {
  @Query(() => AccountLinkInfo)
  accountLink(@Arg('token', () => String) token: string, @Ctx() ctx: Context): Promise<AccountLinkInfo> {
    return links(ctx).info(token);
  }

  @Mutation(() => RedeemedAccountLink)
  redeemAccountLink(@Arg('input', () => RedeemAccountLinkInput) input: RedeemAccountLinkInput, @Ctx() ctx: Context): Promise<RedeemedAccountLink> {
    return links(ctx).redeem(input);
  }

  @Mutation(() => TwoFactorEnrolment)
  beginTwoFactorEnrolment(
    @Arg('input', () => BeginTwoFactorEnrolmentInput) input: BeginTwoFactorEnrolmentInput,
    @Ctx() ctx: Context,
  ): Promise<TwoFactorEnrolment> {
    return links(ctx).beginEnrolment(input.email, input.password, StaffLoginLimits.guard(ctx));
  }

  @Mutation(() => CompletedTwoFactorEnrolment)
  completeTwoFactorEnrolment(
    @Arg('input', () => CompleteTwoFactorEnrolmentInput) input: CompleteTwoFactorEnrolmentInput,
    @Ctx() ctx: Context,
  ): Promise<CompletedTwoFactorEnrolment> {
    return links(ctx).completeEnrolment(input.ticket, input.code);
  }

  @Mutation(() => Boolean)
  changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: Context): Promise<boolean> {
    return admin(ctx).changePassword(input.currentPassword, input.newPassword);
  }

  @Query(() => [StaffSessionInfo])
  staffSessions(@Ctx() ctx: Context, @Arg('staffId', () => String, { nullable: true }) staffId?: string | null): Promise<StaffSessionInfo[]> {
    return admin(ctx).sessions(staffId);
  }

  @Query(() => MyTwoFactor)
  myTwoFactor(@Ctx() ctx: Context): Promise<MyTwoFactor> {
    return admin(ctx).myTwoFactor();
  }

  @Mutation(() => Boolean)
  revokeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return admin(ctx).revokeSession(id);
  }

  @Mutation(() => IssuedAccountLink)
  inviteStaffMember(@Arg('input', () => InviteStaffMemberInput) input: InviteStaffMemberInput, @Ctx() ctx: Context): Promise<IssuedAccountLink> {
    return admin(ctx).invite(input);
  }

  @Mutation(() => IssuedAccountLink)
  issuePasswordResetLink(@Arg('input', () => IssuePasswordResetLinkInput) input: IssuePasswordResetLinkInput, @Ctx() ctx: Context): Promise<IssuedAccountLink> {
    return admin(ctx).resetLink(input.staffId, input.resetTwoFactor);
  }

  @Query(() => MunicipalitySettings)
  municipalitySettings(@Ctx() ctx: Context): Promise<MunicipalitySettings> {
    return admin(ctx).settings();
  }

  @Mutation(() => MunicipalitySettings)
  updateMunicipalitySettings(
    @Arg('input', () => UpdateMunicipalitySettingsInput) input: UpdateMunicipalitySettingsInput,
    @Ctx() ctx: Context,
  ): Promise<MunicipalitySettings> {
    return admin(ctx).updateSettings(input);
  }

  @Mutation(() => PartnerOrganization)
  createPartnerOrganization(
    @Arg('input', () => CreatePartnerOrganizationInput) input: CreatePartnerOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<PartnerOrganization> {
    return createPartnerOrganization(ctx.em, ctx.gate, input);
  }

  @Query(() => String)
  municipalitySettingsYaml(@Ctx() ctx: Context): Promise<string> {
    return admin(ctx).exportSettings();
  }

  @Mutation(() => MunicipalitySettingsImport)
  async importMunicipalitySettings(
    @Arg('input', () => ImportMunicipalitySettingsInput) input: ImportMunicipalitySettingsInput,
    @Ctx() ctx: Context,
  ): Promise<MunicipalitySettingsImport> {
    const done = await admin(ctx).importSettings(input.yaml, input.apply);
    // This process's cache of allowed origins (CORS, public mutations); others re-read within a minute.
    if (done.applied) ctx.services.intake.municipalities.invalidate();
    return done;
  }

  @Query(() => [AdminEventInfo])
  adminEvents(@Ctx() ctx: Context, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number): Promise<AdminEventInfo[]> {
    return admin(ctx).events(limit);
  }
}

/** Passkeys per member, counted in one query for the whole staff list of a request. */
const PASSKEY_COUNTS = new WeakMap<Context, DataLoader<string, number>>();
function passkeyCounts(ctx: Context): DataLoader<string, number> {
  let loader = PASSKEY_COUNTS.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, number>(async (ids) => {
      const rows = await ctx.em.find(StaffPasskey, { staffId: { $in: [...ids] } }, { fields: ['id', 'staffId'] });
      const n = new Map<string, number>();
      for (const r of rows) n.set(r.staffId, (n.get(r.staffId) ?? 0) + 1);
      return ids.map((id) => n.get(id) ?? 0);
    });
    PASSKEY_COUNTS.set(ctx, loader);
  }
  return loader;
}

/** What the staff list shows about each account (admins read the list: StaffResolver.staffMembers). */
@Resolver(() => StaffMember)
export class StaffAccountFieldsResolver {
  @FieldResolver(() => Boolean)
  twoFactorEnabled(@Root() member: StaffMember): boolean {
    return member.totpSecret != null;
  }

  /** A count only: nothing of the keys themselves (ids, names, public keys) leaves through the staff list. */
  @FieldResolver(() => Int)
  passkeyCount(@Root() member: StaffMember, @Ctx() ctx: Context): Promise<number> {
    return passkeyCounts(ctx).load(member.id);
  }

  @FieldResolver(() => Boolean)
  invitationPending(@Root() member: StaffMember): boolean {
    return member.passwordHash == null;
  }
}
