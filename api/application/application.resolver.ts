import { apiError, badInput, selectedFields, StaffRole } from '../core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { ApplicationStatus } from './application-status';
import {
  ApplicationDecisionInput,
  FamilyHandoffIssueInput,
  FamilyHandoffSignInInput,
  FamilySessionInput,
  FamilySignInInput,
  FamilySignInRequestInput,
  SaveApplicationInput,
  StartApplicationInput,
  SubmitApplicationInput,
  WithdrawApplicationInput,
} from './application.inputs';
import { FamilyApplications } from './application.service';
import { StaffApplications } from './application.staff';
import {
  ApplicationReceipt,
  FamilyApplication,
  FamilyHandoffPayload,
  FamilyHandoffSignInPayload,
  FamilyPage,
  FamilySessionPayload,
  FamilySignInRequestPayload,
  Procedure,
  StaffApplication,
} from './application.types';
import { FamilyAuth, SESSION_TTL_MS } from './family-auth';
import { applicationServices } from './services';
import { procedureView } from './views';
import { ApplicationFigures, applicationFigures } from './figures';
import { FamilyContact, FamilyContacts, UpdateFamilyContactInput } from './family-contact';

const MUNICIPALITY = /^\d{6}$/;
const auth = (ctx: Context) => new FamilyAuth(ctx.em, ctx.services.auth.secret, ctx.locale);

/** `info` and `history` (the path to an application's history): the events are read only when the operation asks for them. */
async function family(ctx: Context, session: string, info?: GraphQLResolveInfo, history: readonly string[] = ['history']): Promise<FamilyApplications> {
  const who = await auth(ctx).identify(session);
  return new FamilyApplications(ctx.em, applicationServices(ctx.services), who, ctx.locale, info ? selectedFields(info, history).length > 0 : true);
}

function staff(ctx: Context): StaffApplications {
  if (ctx.viewer.kind !== 'staff')
    throw apiError('FORBIDDEN', { ja: '職員のみ利用できます。', en: 'Staff only.', 'ja-easy': '職員だけ つかえます。' }, ctx.locale);
  return new StaffApplications(ctx.em, applicationServices(ctx.services), ctx.viewer, ctx.audit, ctx.locale);
}

function municipality(code: string, ctx: Context, field: string): string {
  if (!MUNICIPALITY.test(code))
    throw badInput(
      [{ field, messages: { ja: '市区町村コードは6桁の数字です。', en: 'The municipality code is 6 digits.', 'ja-easy': '6けたの 数字です。' } }],
      ctx.locale,
    );
  return code;
}

/** The link in a sign-in notice may only lead to a page of the municipality's own allowed origins. */
async function linkBase(ctx: Context, code: string, url: string | null | undefined): Promise<string | null> {
  if (!url || url.length > 500) return null;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  const facts = await ctx.services.intake.municipalities.get(code);
  const allowed = ctx.services.intake.globalOrigins.has(origin) || (facts?.allowedOrigins ?? []).includes(origin);
  return allowed ? url.split('#')[0]! : null;
}

@Resolver()
export class ApplicationResolver {
  @Query(() => [Procedure], { description: 'Procedures a municipality takes online (public).' })
  procedures(@Arg('municipalityCode', () => String, { description: '全国地方公共団体コード (6 digits).' }) code: string, @Ctx() ctx: Context): Procedure[] {
    return applicationServices(ctx.services)
      .procedures.list(municipality(code, ctx, 'municipalityCode'))
      .map((p) => procedureView(p, ctx.locale));
  }

  @Query(() => FamilyPage, { description: 'The signed-in family’s page: its applications and the procedures it can start.' })
  async familyPage(
    @Arg('session', () => String, { description: 'The session from signInFamily.' }) session: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FamilyPage> {
    return (await family(ctx, session, info, ['applications', 'history'])).page();
  }

  @Query(() => FamilyApplication, { description: 'One of the signed-in family’s applications.' })
  async familyApplication(
    @Arg('session', () => String, { description: 'The session from signInFamily.' }) session: string,
    @Arg('id', () => ID, { description: 'The application id.' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FamilyApplication> {
    return (await family(ctx, session, info)).get(id);
  }

  @Mutation(() => FamilySignInRequestPayload, {
    description: 'Send a one-time code and link to the contact on the record (public); answers the same whether or not one was sent.',
  })
  async requestFamilySignIn(
    @Arg('input', () => FamilySignInRequestInput, { description: 'The reference number and the registered contact.' }) input: FamilySignInRequestInput,
    @Ctx() ctx: Context,
  ): Promise<FamilySignInRequestPayload> {
    const code = municipality(input.municipalityCode, ctx, 'input.municipalityCode');
    // Per client address as for staff sign-in: guessing numbers and contacts is slow; the answer stays the same.
    const allowed = await ctx.services.limits.loginPerAddress.take(`family-code:${ctx.request.clientAddress}`);
    if (allowed)
      await auth(ctx).request(
        code,
        input.referenceNumber,
        input.contact,
        await linkBase(ctx, code, input.returnUrl),
        applicationServices(ctx.services).notices,
      );
    const message = {
      ja: '登録された連絡先にコードを送りました。届かない場合は、番号と連絡先を確かめてください。',
      en: 'If the details match, a code was sent to the registered contact. If none arrives, check the number and the contact.',
      'ja-easy': 'コードを おくりました。とどかない ときは 番号を もう一度 見て ください。',
    };
    return { message: message[ctx.locale] };
  }

  @Mutation(() => FamilyHandoffPayload, {
    description: 'A one-time hand-off from the intake receipt to the family page (public); no token when the intake gave no e-mail or phone.',
  })
  async issueFamilyHandoff(
    @Arg('input', () => FamilyHandoffIssueInput, { description: 'The receipt: reference number and submission key.' }) input: FamilyHandoffIssueInput,
    @Ctx() ctx: Context,
  ): Promise<FamilyHandoffPayload> {
    const code = municipality(input.municipalityCode, ctx, 'input.municipalityCode');
    return (await auth(ctx).issueHandoff(code, input.referenceNumber, input.submissionKey)) ?? { token: null, expiresAt: null };
  }

  @Mutation(() => FamilyHandoffSignInPayload, {
    description: 'Spend a hand-off from the intake receipt (public): a sign-in code goes to the contact the intake gave, so nothing is typed again.',
  })
  async requestFamilySignInFromIntake(
    @Arg('input', () => FamilyHandoffSignInInput, { description: 'The hand-off token from the link’s fragment.' }) input: FamilyHandoffSignInInput,
    @Ctx() ctx: Context,
  ): Promise<FamilyHandoffSignInPayload> {
    const code = municipality(input.municipalityCode, ctx, 'input.municipalityCode');
    const base = await linkBase(ctx, code, input.returnUrl);
    const referenceNumber = await auth(ctx).requestByHandoff(code, input.handoff, base, applicationServices(ctx.services).notices);
    const message = {
      ja: '受付で入力した連絡先に、6桁のコードを送りました。届いたコードを入力してください。',
      en: 'A 6-digit code was sent to the contact you gave on the form. Enter it below.',
      'ja-easy': 'フォームに 書いた 連絡先に 6けたの コードを おくりました。コードを 書いて ください。',
    };
    return { referenceNumber, message: message[ctx.locale] };
  }

  @Mutation(() => FamilySessionPayload, { description: 'Sign in with the code, the link, or the intake receipt (public).' })
  async signInFamily(
    @Arg('input', () => FamilySignInInput, { description: 'One of: referenceNumber and code; link; referenceNumber and submissionKey.' })
    input: FamilySignInInput,
    @Ctx() ctx: Context,
  ): Promise<FamilySessionPayload> {
    const code = municipality(input.municipalityCode, ctx, 'input.municipalityCode');
    const a = auth(ctx);
    let session: string;
    if (input.link) session = await a.withLink(input.link);
    else if (input.referenceNumber && input.code) session = await a.withCode(code, input.referenceNumber, input.code);
    else if (input.referenceNumber && input.submissionKey) session = await a.withReceipt(code, input.referenceNumber, input.submissionKey);
    else
      throw badInput(
        [
          {
            field: 'input',
            messages: {
              ja: 'コード、リンク、または受付票の情報が必要です。',
              en: 'A code, a link or the intake receipt is needed.',
              'ja-easy': 'コードが いります。',
            },
          },
        ],
        ctx.locale,
      );
    return { session, expiresAt: new Date(Date.now() + SESSION_TTL_MS) };
  }

  @Mutation(() => Boolean, { description: 'Sign the family out (ends the session).' })
  async signOutFamily(
    @Arg('input', () => FamilySessionInput, { description: 'The session to end.' }) input: FamilySessionInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await auth(ctx).signOut(input.session);
    return true;
  }

  @Mutation(() => FamilyApplication, { description: 'Start an application pre-filled from the record, or resume the open draft of that procedure.' })
  async startApplication(
    @Arg('input', () => StartApplicationInput, { description: 'The session and the procedure.' }) input: StartApplicationInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FamilyApplication> {
    return (await family(ctx, input.session, info)).start(input.procedureId);
  }

  @Mutation(() => FamilyApplication, { description: 'Save answers (a draft, or while more information is asked for). A refused answer saves nothing.' })
  async saveApplication(
    @Arg('input', () => SaveApplicationInput, { description: 'The answers to set.' }) input: SaveApplicationInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FamilyApplication> {
    return (await family(ctx, input.session, info)).save(input.id, input.version, input.answers);
  }

  @Mutation(() => ApplicationReceipt, { description: 'Submit the application; returns the receipt.' })
  async submitApplication(
    @Arg('input', () => SubmitApplicationInput, { description: 'The application and its version.' }) input: SubmitApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<ApplicationReceipt> {
    return (await family(ctx, input.session)).submit(input.id, input.version, input.message);
  }

  @Mutation(() => FamilyApplication, { description: 'Withdraw an application that is not decided yet.' })
  async withdrawApplication(
    @Arg('input', () => WithdrawApplicationInput, { description: 'The application.' }) input: WithdrawApplicationInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FamilyApplication> {
    return (await family(ctx, input.session, info)).withdraw(input.id);
  }

  @Mutation(() => FamilyContact, { description: 'The family changes whether and how it may be contacted; effective at once, each change kept with its time.' })
  async updateFamilyContact(
    @Arg('input', () => UpdateFamilyContactInput, { description: 'Contact allowed and the channels.' }) input: UpdateFamilyContactInput,
    @Ctx() ctx: Context,
  ): Promise<FamilyContact> {
    const who = await auth(ctx).identify(input.session);
    return new FamilyContacts(ctx.em, who, ctx.locale).update(input.contactAllowed, input.channels);
  }

  @Query(() => [StaffApplication], { description: 'The applications queue of the staff member’s department, oldest submission first (answers not included).' })
  applications(
    @Arg('status', () => [ApplicationStatus], { nullable: true, description: 'Only these statuses (never DRAFT).' }) status: ApplicationStatus[] | null,
    @Arg('procedureId', () => String, { nullable: true, description: 'Only this procedure.' }) procedureId: string | null,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many (1–200).' }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<StaffApplication[]> {
    return staff(ctx).queue(status, procedureId, limit);
  }

  @Query(() => StaffApplication, { description: 'One application with its answers and the record changes it would bring (an audited read).' })
  application(@Arg('id', () => ID, { description: 'The application id.' }) id: string, @Ctx() ctx: Context): Promise<StaffApplication> {
    return staff(ctx).get(id);
  }

  @Mutation(() => StaffApplication, { description: 'Take into review, ask for more information, accept or not accept; the family is told.' })
  decideApplication(
    @Arg('input', () => ApplicationDecisionInput, { description: 'The decision.' }) input: ApplicationDecisionInput,
    @Ctx() ctx: Context,
  ): Promise<StaffApplication> {
    // A decision is a write: viewers read applications but cannot decide them (issue 18, role checks on every write).
    ctx.gate.staff([StaffRole.CASEWORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN]);
    return staff(ctx).decide(input);
  }

  @Query(() => String, {
    description:
      'Accepted applications of one procedure, decided in a date range, for the core system: CSV (UTF-8 with BOM, CRLF) or JSON, columns as in seeds/procedures/README.md. Audited.',
  })
  exportAcceptedApplications(
    @Arg('procedureId', () => String, { description: 'The procedure.' }) procedureId: string,
    @Arg('from', () => String, { description: 'First decision date, YYYY-MM-DD (Japan time).' }) from: string,
    @Arg('to', () => String, { description: 'Last decision date, YYYY-MM-DD (at most 366 days after from).' }) to: string,
    @Arg('format', () => String, { defaultValue: 'CSV', description: 'CSV or JSON.' }) format: string,
    @Ctx() ctx: Context,
  ): Promise<string> {
    if (format !== 'CSV' && format !== 'JSON')
      throw badInput(
        [{ field: 'format', messages: { ja: '形式は CSV か JSON です。', en: 'format is CSV or JSON.', 'ja-easy': 'CSV か JSON です。' } }],
        ctx.locale,
      );
    return staff(ctx).exportAccepted(procedureId, from, to, format);
  }

  @Query(() => ApplicationFigures, {
    description: 'Online application figures of the staff member’s municipality for a period (counts only), for the 実施状況報告.',
  })
  applicationFigures(
    @Arg('from', () => String, { description: 'First submission date, YYYY-MM-DD (Japan time).' }) from: string,
    @Arg('to', () => String, { description: 'Last submission date, YYYY-MM-DD (at most 366 days after from).' }) to: string,
    @Ctx() ctx: Context,
  ): Promise<ApplicationFigures> {
    const viewer = ctx.viewer;
    if (viewer.kind !== 'staff')
      throw apiError('FORBIDDEN', { ja: '職員のみ利用できます。', en: 'Staff only.', 'ja-easy': '職員だけ つかえます。' }, ctx.locale);
    const ok = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));
    if (!ok(from) || !ok(to) || to < from || Date.parse(to) - Date.parse(from) > 366 * 86_400_000) {
      throw badInput(
        [
          {
            field: 'to',
            messages: {
              ja: '日付は YYYY-MM-DD で、開始は終了より前にしてください（最長366日）。',
              en: 'Dates are YYYY-MM-DD, from before to, at most 366 days apart.',
              'ja-easy': '日付が まちがって います。',
            },
          },
        ],
        ctx.locale,
      );
    }
    return applicationFigures(ctx.em, viewer.municipalityCode, from, to);
  }
}
