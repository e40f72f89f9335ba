import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { FIGURE_STORE } from './figures';
import { countIntakeStart } from './intake-start';
import { ReportingService } from './reporting.service';
import {
  FigureBucket,
  IntakeStartedInput,
  ManualFigures,
  ReportDownload,
  SaveManualFiguresInput,
  ReportForm,
  ReportFormat,
  ReportPeriodInput,
  ReportStaffInputView,
  SaveReportInputInput,
  UsageFigures,
} from './reporting.types';

const service = (ctx: Context) => new ReportingService(ctx.em, ctx.gate, FIGURE_STORE, ctx.locale);

@Resolver()
export class ReportingResolver {
  @Query(() => UsageFigures)
  usageFigures(
    @Arg('period', () => ReportPeriodInput) period: ReportPeriodInput,
    @Arg('municipalityCode', () => String) municipalityCode: string,
    @Arg('bucket', () => FigureBucket, { defaultValue: FigureBucket.MONTH }) bucket: FigureBucket,
    @Ctx() ctx: Context,
  ): Promise<UsageFigures> {
    return service(ctx).usageFigures(period.from, period.to, municipalityCode, bucket);
  }

  @Query(() => ReportDownload)
  implementationReport(
    @Arg('period', () => ReportPeriodInput) period: ReportPeriodInput,
    @Arg('form', () => ReportForm) form: ReportForm,
    @Arg('format', () => ReportFormat, { defaultValue: ReportFormat.DOCX }) format: ReportFormat,
    @Ctx() ctx: Context,
  ): ReportDownload {
    return service(ctx).implementationReport(period.from, period.to, form, format, ctx.services.auth.secret);
  }

  @Query(() => ReportStaffInputView)
  reportInput(
    @Arg('period', () => ReportPeriodInput) period: ReportPeriodInput,
    @Arg('form', () => ReportForm) form: ReportForm,
    @Ctx() ctx: Context,
  ): Promise<ReportStaffInputView> {
    return service(ctx).reportInput(period.from, period.to, form);
  }

  @Mutation(() => ReportStaffInputView)
  saveReportInput(@Arg('input', () => SaveReportInputInput) input: SaveReportInputInput, @Ctx() ctx: Context): Promise<ReportStaffInputView> {
    return service(ctx).saveReportInput(input);
  }

  @Query(() => ManualFigures)
  manualFigures(@Arg('period', () => ReportPeriodInput) period: ReportPeriodInput, @Ctx() ctx: Context): Promise<ManualFigures> {
    return service(ctx).manualFigures(period.from, period.to);
  }

  @Mutation(() => ManualFigures)
  saveManualFigures(@Arg('input', () => SaveManualFiguresInput) input: SaveManualFiguresInput, @Ctx() ctx: Context): Promise<ManualFigures> {
    return service(ctx).saveManualFigures(input);
  }

  /** Public: the intake widget's one anonymous "started" ping (intake-start.ts). */
  @Mutation(() => Boolean)
  intakeStarted(@Arg('input', () => IntakeStartedInput) input: IntakeStartedInput, @Ctx() ctx: Context): Promise<boolean> {
    return countIntakeStart(ctx.em, ctx.services.intake, input.municipalityCode, ctx.request, ctx.locale);
  }
}
